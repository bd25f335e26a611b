// The stdin → stdout loop of `jtgov jt808 decode` and `jtgov jt809 decode`: one hex frame per input
// line, JSON lines out in the same order, written in blocks with backpressure.
import type { Readable, Writable } from 'node:stream';
import { fromHex } from '@jtgov/jt808';

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

type FrameEvent =
  | { type: 'frame'; frame: Uint8Array }
  | { type: 'error'; error: { code: string; message: string } };

/** A stream framer (jt808's, jt809's): bytes in, frames or framing errors out. */
export interface HexFramer {
  push(chunk: Uint8Array, sink: (event: FrameEvent) => void): void;
  end(sink: (event: FrameEvent) => void): void;
}

/** A frame's JSON object, or why it does not decode. */
export type FrameDecode = (
  frame: Uint8Array,
) => { ok: true; json: unknown } | { ok: false; error: { code: string; message: string } };

/**
 * A LineDecoder for hex frames: each line through the framer (so flags, escapes and junk are
 * handled as on a TCP stream), each frame through `decode`, errors in place of what fails.
 */
export function hexFrameDecoder(framer: HexFramer, decode: FrameDecode, noFrameMessage: string): LineDecoder {
  let out = '';
  let line = '';
  let frames = 0;
  const sink = (event: FrameEvent) => {
    frames++;
    if (event.type === 'error') {
      out += errorLine(event.error.code, event.error.message, line);
      return;
    }
    const result = decode(event.frame);
    out += result.ok
      ? `${JSON.stringify(result.json)}\n`
      : errorLine(result.error.code, result.error.message, line);
  };
  return (input) => {
    line = input;
    const bytes = fromHex(input);
    if (!bytes) return errorLine('invalid-hex', 'not an even run of hex digits', input);
    out = '';
    frames = 0;
    framer.push(bytes, sink);
    framer.end(sink);
    if (frames === 0) return errorLine('no-frame', noFrameMessage, input);
    return out;
  };
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
