// The stdin → stdout loop of `jtgov jt808 decode` and `jtgov jt809 decode`: one hex frame per input
// line, JSON lines out in the same order, written in blocks with backpressure.
import type { Readable, Writable } from 'node:stream';

/** Output is written in blocks of about this many characters. */
const BLOCK = 1 << 20;
/** Longer input lines are reported, not buffered: a frame is at most a few thousand hex digits. */
const MAX_LINE = 1 << 20;

/** Turns one non-empty input line (already trimmed) into output lines, each ending in '\n'. */
export type LineDecoder = (line: string) => string;

export interface ErrorJson {
  error: { code: string; message: string };
  input: string;
}

export function errorLine(code: string, message: string, input: string): string {
  const out: ErrorJson = { error: { code, message }, input };
  return `${JSON.stringify(out)}\n`;
}

function drained(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      stream.off('error', fail);
      resolve();
    };
    const fail = (err: Error) => {
      stream.off('drain', done);
      reject(err);
    };
    stream.once('drain', done);
    stream.once('error', fail);
  });
}

/** Reads lines from input until its end, writes what decode returns for each. */
export async function decodeLines(input: Readable, output: Writable, decode: LineDecoder): Promise<void> {
  let parts: string[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const block = parts.join('');
    parts = [];
    size = 0;
    if (!output.write(block)) await drained(output);
  };
  const onLine = (raw: string) => {
    const line = raw.trim();
    if (line.length === 0) return;
    const text = decode(line);
    parts.push(text);
    size += text.length;
  };
  let rest = '';
  let skipping = false;
  input.setEncoding('latin1');
  for await (const chunk of input as AsyncIterable<string>) {
    const text = rest + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      if (!skipping) onLine(text.slice(start, nl));
      skipping = false;
      start = nl + 1;
    }
    rest = text.slice(start);
    if (rest.length > MAX_LINE) {
      if (!skipping) {
        const text = errorLine(
          'line-too-long',
          `line longer than ${MAX_LINE} characters`,
          `${rest.slice(0, 64)}…`,
        );
        parts.push(text);
        size += text.length;
      }
      skipping = true;
      rest = '';
    }
    if (size >= BLOCK) await flush();
  }
  if (!skipping) onLine(rest);
  await flush();
}
