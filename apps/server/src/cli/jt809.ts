// `jtgov jt809 decode [--lenient] [--edition 2011|2019] [--keys M1,IA1,IC1]`: one hex packet per line
// on stdin (5b/5d flags included), one JSON object per line on stdout, in input order —
// {"msgId","version","serial","gnssCenterId","body"} or {"error":{"code","message"},"input"}.
import { parseArgs } from 'node:util';
import { decodeFrame, type Edition, type EncryptionKeys, Framer, packetToJson } from '@jtgov/jt809';
import { decodeLines, hexFrameDecoder, type LineDecoder } from './hex-lines.ts';

const USAGE = `usage: jtgov jt809 decode [--lenient] [--edition 2011|2019] [--keys M1,IA1,IC1] < packets.txt

  JT/T 809 packets as hex, one per line, 5b/5d flags included; one JSON object per packet on
  stdout, or {"error":{"code","message"},"input":"…"} for a line that does not decode.

  --lenient            accept CRC and length mismatches ("warnings")
  --edition 2011|2019  the link's edition (default: guessed per packet from the header time)
  --keys M1,IA1,IC1    decrypt encrypted bodies with these agreed constants`;

interface Options {
  strict: boolean;
  version?: Edition;
  keys?: EncryptionKeys;
}

function lineDecoder(options: Options): LineDecoder {
  return hexFrameDecoder(
    new Framer(),
    (frame) => {
      const result = decodeFrame(frame, options);
      return result.ok ? { ok: true, json: packetToJson(result.packet, result.warnings) } : result;
    },
    'no 0x5b…0x5d packet on the line',
  );
}

function parseKeys(text: string): EncryptionKeys | null {
  const parts = text.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 3 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 0xffffffff)) return null;
  const [m1, ia1, ic1] = parts as [number, number, number];
  return { m1, ia1, ic1 };
}

/** `jtgov jt809 …`; `args` starts with the subcommand. */
export async function run(args: readonly string[]): Promise<number> {
  let values: { lenient?: boolean; edition?: string; keys?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        lenient: { type: 'boolean' },
        edition: { type: 'string' },
        keys: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
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
  const options: Options = { strict: !values.lenient };
  if (values.edition !== undefined) {
    if (values.edition !== '2011' && values.edition !== '2019') {
      console.error(`--edition must be 2011 or 2019\n\n${USAGE}`);
      return 2;
    }
    options.version = values.edition;
  }
  if (values.keys !== undefined) {
    const keys = parseKeys(values.keys);
    if (!keys) {
      console.error(`--keys must be three unsigned 32-bit integers: M1,IA1,IC1\n\n${USAGE}`);
      return 2;
    }
    options.keys = keys;
  }
  await decodeLines(process.stdin, process.stdout, lineDecoder(options));
  return 0;
}
