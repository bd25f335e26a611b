// `jtgov jt808 decode [--lenient]`: one hex frame per line on stdin (flags included), one JSON
// object per line on stdout, in input order — {"msgId","version","phone","serial","body"} or
// {"error":{"code","message"},"input"}.
import { parseArgs } from 'node:util';
import { decodeFrame, Framer, type FramerEvent, fromHex, packetToJson } from '@jtgov/jt808';
import { decodeLines, errorLine } from './hex-lines.ts';

const USAGE = `usage: jtgov jt808 decode [--lenient] < frames.txt

  JT/T 808 frames (2011/2013/2019) as hex, one per line, 7e flags included; one JSON object per
  frame on stdout, or {"error":{"code","message"},"input":"…"} for a line that does not decode.

  --lenient   accept bad checksums, body lengths, BCD and times as Traccar does ("warnings")`;

function lineDecoder(strict: boolean): (line: string) => string {
  const framer = new Framer();
  let out = '';
  let line = '';
  let frames = 0;
  const sink = (event: FramerEvent) => {
    frames++;
    if (event.type === 'error') {
      out += errorLine(event.error.code, event.error.message, line);
      return;
    }
    const result = decodeFrame(event.frame, { strict });
    out += result.ok
      ? `${JSON.stringify(packetToJson(result.packet, result.warnings))}\n`
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
    if (frames === 0) return errorLine('no-frame', 'no 0x7e-delimited frame on the line', input);
    return out;
  };
}

/** `jtgov jt808 …`; `args` starts with the subcommand. */
export async function run(args: readonly string[]): Promise<number> {
  let values: { lenient?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { lenient: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals[0] !== 'decode' || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  await decodeLines(process.stdin, process.stdout, lineDecoder(!values.lenient));
  return 0;
}
