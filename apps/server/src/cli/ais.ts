// `jtgov ais decode [--gpsd [-u]]`: NMEA lines on stdin, one JSON object per decoded message on
// stdout; each line that yields no message is reported on stderr as
// {"error":{"code","message"},"input":"…"}. With --gpsd the objects are gpsdecode -j's, byte for
// byte (CRLF line ends and type 24 printed only as pairs of parts included); -u is gpsdecode -u.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { AisDecoder, type DecodeResult, GpsdSession, LineSplitter } from '@jtgov/ais';

const USAGE = `usage: jtgov ais decode [--gpsd [-u]] < nmea.txt

  NMEA 0183 !AIVDM/!AIVDO lines on stdin (tag blocks allowed), one JSON object per decoded
  message on stdout; undecodable lines as {"error":{…},"input":"…"} on stderr.

  --gpsd         gpsdecode -j's objects: field names, units and scaling of gpsd; like gpsd,
                 sentences without a checksum are accepted and type 24 is printed only as
                 pairs of parts A and B
  -u, --unscaled with --gpsd: gpsdecode -u -j's raw integer fields`;

/** Output is written in blocks of this many bytes. */
const BLOCK = 1 << 20;

/** Lines copied into byte blocks as they come, written a block at a time. */
class BlockWriter {
  private block = Buffer.allocUnsafe(BLOCK);
  private used = 0;
  private readonly stream: Writable;
  private readonly encoding: 'latin1' | 'utf8';

  /** `latin1` for ASCII output (one byte per character), `utf8` otherwise. */
  constructor(stream: Writable, encoding: 'latin1' | 'utf8') {
    this.stream = stream;
    this.encoding = encoding;
  }

  /** Adds a line; true when a block is due to be flushed. */
  line(text: string): boolean {
    const room = BLOCK - this.used;
    if (text.length * 3 > room) {
      this.stream.write(this.take());
      if (text.length * 3 > BLOCK) {
        this.stream.write(text, this.encoding);
        return true;
      }
    }
    this.used += this.block.write(text, this.used, this.encoding);
    return this.used > BLOCK >> 1;
  }

  async flush(): Promise<void> {
    if (this.used === 0) return;
    if (!this.stream.write(this.take())) await once(this.stream, 'drain');
  }

  private take(): Buffer {
    const full = this.block.subarray(0, this.used);
    this.block = Buffer.allocUnsafe(BLOCK);
    this.used = 0;
    return full;
  }
}

const LATIN1 = new TextDecoder('latin1');

function errorLine(result: DecodeResult, input: string): string {
  return result.ok ? '' : `${JSON.stringify({ error: result.error, input })}\n`;
}

async function decode(gpsd: boolean, scaled: boolean): Promise<number> {
  // gpsd takes sentences without a checksum; our own mode insists on one.
  const decoder = new AisDecoder({ requireChecksum: !gpsd });
  const session = new GpsdSession({ scaled });
  const out = new BlockWriter(process.stdout, 'latin1');
  const err = new BlockWriter(process.stderr, 'utf8');
  const splitter = new LineSplitter();
  let full = false;

  const onLine = (src: Uint8Array, start: number, end: number) => {
    const result = decoder.decodeRange(src, start, end);
    if (result === undefined) return;
    if (result.ok) {
      if (!gpsd) {
        if (out.line(`${JSON.stringify(result.message)}\n`)) full = true;
        return;
      }
      const json = session.render(result);
      // gpsdecode ends its lines with CRLF.
      if (json !== undefined && out.line(`${json}\r\n`)) full = true;
      return;
    }
    if (result.error.code === 'empty') return;
    const input = LATIN1.decode(src.subarray(start, end)).replace(/\r$/, '');
    if (err.line(errorLine(result, input))) full = true;
  };

  for await (const chunk of process.stdin as AsyncIterable<Uint8Array>) {
    splitter.push(chunk, onLine);
    if (full) {
      await out.flush();
      await err.flush();
      full = false;
    }
  }
  splitter.end(onLine);
  const incomplete = decoder.flush();
  if (incomplete > 0) {
    const error = {
      code: 'incomplete',
      message: `${incomplete} message(s) missing fragments at end of input`,
    };
    err.line(`${JSON.stringify({ error })}\n`);
  }
  await out.flush();
  await err.flush();
  return 0;
}

/** `jtgov ais …`; `args` starts with the subcommand. */
export async function run(args: readonly string[]): Promise<number> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(args);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals[0] !== 'decode' || positionals.length > 1 || (values.unscaled && !values.gpsd)) {
    console.error(USAGE);
    return 2;
  }
  return decode(values.gpsd === true, values.unscaled !== true);
}

function parseOptions(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      gpsd: { type: 'boolean' },
      unscaled: { type: 'boolean', short: 'u' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
