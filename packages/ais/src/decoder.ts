// Lines in, messages out: framing (sentence.ts), assembly (assembler.ts), de-armoring (bits.ts)
// and payload decoding (messages/) behind one stateful object. Never throws on input.
import { type AssemblerOptions, FragmentAssembler } from './assembler.ts';
import { ARMOR_VALUE, PayloadBits } from './bits.ts';
import { decodePayload } from './messages/decode.ts';
import type { AisMessage } from './messages/types.ts';
import { type Failure, failure } from './result.ts';
import { lineBytes, parseTagBlock, SentenceFields, scanSentence, type TagBlock } from './sentence.ts';

export interface DecoderOptions extends AssemblerOptions {
  /** Reject sentences without a `*hh` checksum (gpsd accepts them). Default true. */
  readonly requireChecksum?: boolean;
  /** Milliseconds for fragment timeouts when a call passes no `now`. Default `Date.now`. */
  readonly clock?: () => number;
}

export interface Decoded {
  readonly ok: true;
  readonly message: AisMessage;
  /** Talker of the (first) sentence: `AI`, `AB`, `BS`, `SA` … */
  readonly talker: string;
  /** `!xxVDO`: the receiving station's own report. */
  readonly ownShip: boolean;
  readonly channel?: string;
  readonly tagBlock?: TagBlock;
}

export type DecodeResult = Decoded | Failure;

export interface DecoderCounters {
  lines: number;
  messages: number;
  errors: number;
  expired: number;
  evicted: number;
  superseded: number;
}

interface FirstFragment {
  readonly talkerCode: number;
  readonly ownShip: boolean;
  readonly channel: number;
  readonly tagBlock?: TagBlock;
}

/** Placeholder for fragments after the first, whose metadata the assembler does not keep. */
const LATER_FRAGMENT: FirstFragment = { talkerCode: 0, ownShip: false, channel: -1 };

const BAD_PAYLOAD = failure('bad_payload', 'payload has a character outside the six-bit armor');

const TALKERS = new Map<number, string>();
function talkerName(code: number): string {
  let name = TALKERS.get(code);
  if (name === undefined) {
    name = String.fromCharCode(code >> 8, code & 0xff);
    if (TALKERS.size < 1024) TALKERS.set(code, name);
  }
  return name;
}

const CHANNELS: string[] = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

export class AisDecoder {
  private readonly fields = new SentenceFields();
  private readonly bits = new PayloadBits();
  private readonly assembler: FragmentAssembler<FirstFragment>;
  private readonly requireChecksum: boolean;
  private readonly clock: () => number;
  private readonly counts = { lines: 0, messages: 0, errors: 0 };

  constructor(options: DecoderOptions = {}) {
    this.assembler = new FragmentAssembler(options);
    this.requireChecksum = options.requireChecksum ?? true;
    this.clock = options.clock ?? Date.now;
  }

  get counters(): DecoderCounters {
    return { ...this.counts, ...this.assembler.counters };
  }

  /** Groups still waiting for fragments. */
  get pending(): number {
    return this.assembler.pending;
  }

  /**
   * Decodes one NMEA line. Returns the message it completes, a failure, or undefined when the line
   * is a fragment stored until the rest of its message arrives.
   */
  decode(line: string | Uint8Array, now?: number): DecodeResult | undefined {
    const src = typeof line === 'string' ? lineBytes(line) : line;
    return this.decodeRange(src, 0, src.length, now);
  }

  /** As `decode`, for the line `src[start, end)` of a larger buffer (no copy). */
  decodeRange(src: Uint8Array, start: number, end: number, now?: number): DecodeResult | undefined {
    this.counts.lines++;
    const result = this.decodeLine(src, start, end, now);
    if (result !== undefined) {
      if (result.ok) this.counts.messages++;
      else this.counts.errors++;
    }
    return result;
  }

  /** Drops incomplete groups (at the end of input); returns how many there were. */
  flush(): number {
    return this.assembler.clear();
  }

  private decodeLine(src: Uint8Array, start: number, end: number, now?: number): DecodeResult | undefined {
    const f = this.fields;
    if (start < 0 || end > src.length || start > end) return failure('empty', 'line outside the buffer');
    const failed = scanSentence(src, start, end, f, this.requireChecksum);
    if (failed) return failed;
    const from = f.payloadStart;
    const chars = f.payloadEnd - from;
    if (f.fragmentCount === 1) {
      const bits = this.bits;
      bits.reset(chars);
      const sixes = bits.sixes;
      for (let i = 0; i < chars; i++) {
        const v = ARMOR_VALUE[src[from + i]!]!;
        if (v < 0) return BAD_PAYLOAD;
        sixes[i] = v;
      }
      bits.applyFill(f.fillBits);
      const tagBlock = f.tagStart >= 0 ? parseTagBlock(src, f.tagStart, f.tagEnd) : undefined;
      return this.finish(f.talkerCode, f.ownShip, f.channel, tagBlock);
    }
    const part = new Uint8Array(chars);
    for (let i = 0; i < chars; i++) {
      const v = ARMOR_VALUE[src[from + i]!]!;
      if (v < 0) return BAD_PAYLOAD;
      part[i] = v;
    }
    // Key: talker (16 bits), VDM/VDO, sequence id (or none) and channel (or none).
    const key =
      ((f.talkerCode * 2 + (f.ownShip ? 1 : 0)) * 11 + (f.sequenceId + 1)) * 128 + (f.channel & 127);
    const first: FirstFragment =
      f.fragmentNumber === 1
        ? {
            talkerCode: f.talkerCode,
            ownShip: f.ownShip,
            channel: f.channel,
            tagBlock: f.tagStart >= 0 ? parseTagBlock(src, f.tagStart, f.tagEnd) : undefined,
          }
        : LATER_FRAGMENT;
    const assembled = this.assembler.add(
      key,
      f.fragmentCount,
      f.fragmentNumber,
      part,
      first,
      now ?? this.clock(),
    );
    if (!('status' in assembled)) return assembled;
    if (assembled.status === 'pending') return undefined;
    const bits = this.bits;
    let total = 0;
    for (const p of assembled.parts) total += p.length;
    bits.reset(total);
    let at = 0;
    for (const p of assembled.parts) {
      bits.sixes.set(p, at);
      at += p.length;
    }
    // The last fragment's fill bits apply to the whole payload (pyais messages.py).
    bits.applyFill(f.fillBits);
    const head = assembled.first;
    return this.finish(head.talkerCode, head.ownShip, head.channel, head.tagBlock);
  }

  private finish(talkerCode: number, ownShip: boolean, channel: number, tagBlock?: TagBlock): DecodeResult {
    const message = decodePayload(this.bits);
    if ('error' in message) return message;
    return {
      ok: true,
      message,
      talker: talkerName(talkerCode),
      ownShip,
      channel: channel >= 0 ? CHANNELS[channel] : undefined,
      tagBlock,
    };
  }
}

/** Decodes a whole text of NMEA lines, in order; failures included, pending fragments omitted. */
export function decodeText(text: string, options: DecoderOptions = {}): DecodeResult[] {
  const decoder = new AisDecoder(options);
  const results: DecodeResult[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const result = decoder.decode(line, 0);
    if (result) results.push(result);
  }
  return results;
}
