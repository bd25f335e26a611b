// `jtgov jt808 decode [--lenient]`: one hex frame per line on stdin (flags included), one JSON
// object per line on stdout, in input order — {"msgId","version","phone","serial","body"} or
// {"error":{"code","message"},"input"}.
import { parseArgs } from 'node:util';
import { decodeFrame, Framer, packetToJson } from '@jtgov/jt808';
import { decodeLines, hexFrameDecoder, type LineDecoder } from './hex-lines.ts';

const USAGE = `usage: jtgov jt808 decode [--lenient] < frames.txt

  JT/T 808 frames (2011/2013/2019) as hex, one per line, 7e flags included; one JSON object per
  frame on stdout, or {"error":{"code","message"},"input":"…"} for a line that does not decode.

  --lenient   accept bad checksums, body lengths, BCD and times as Traccar does ("warnings")`;

function lineDecoder(strict: boolean): LineDecoder {
  return hexFrameDecoder(
    new Framer(),
    (frame) => {
      const result = decodeFrame(frame, { strict });
      return result.ok ? { ok: true, json: packetToJson(result.packet, result.warnings) } : result;
    },
    'no 0x7e-delimited frame on the line',
  );
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
