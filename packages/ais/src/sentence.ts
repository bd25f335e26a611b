// NMEA 0183 framing of AIS: `!ccVDM,<count>,<number>,<seq id>,<channel>,<payload>,<fill>*hh`,
// optionally preceded by an IEC 61162-450 tag block `\k:v,k:v*hh\` (GPSD AIVDM.adoc "AIVDM/AIVDO
// Sentence Layer"). Framing only: payload bits are decoded elsewhere.
import { ARMOR_VALUE } from './bits.ts';
import { type Failure, failure } from './result.ts';

/** Longest accepted line, tag block included; NMEA itself allows 82 characters per sentence. */
export const MAX_LINE_LENGTH = 512;

export interface TagBlock {
  /** `s:` source (receiver) identification. */
  readonly source?: string;
  /** `c:` UNIX time of reception, seconds (some feeds send milliseconds). */
  readonly time?: number;
  /** `d:` destination identification. */
  readonly destination?: string;
  /** `g:` sentence grouping: sentence number, total, group id. */
  readonly group?: { readonly sentence: number; readonly total: number; readonly id: number };
  /** `n:` line count. */
  readonly lineCount?: number;
  /** `r:` relative time. */
  readonly relativeTime?: number;
  /** `t:` free text. */
  readonly text?: string;
}

export interface Sentence {
  readonly talker: string;
  /** `VDO`: a report of the receiving station itself. */
  readonly ownShip: boolean;
  readonly fragmentCount: number;
  readonly fragmentNumber: number;
  readonly sequenceId?: number;
  readonly channel?: string;
  readonly payload: string;
  readonly fillBits: number;
  readonly hasChecksum: boolean;
  readonly tagBlock?: TagBlock;
}

export type SentenceResult = { readonly ok: true; readonly sentence: Sentence } | Failure;

export interface ScanOptions {
  /** Reject sentences without `*hh` (gpsd accepts them). Default true. */
  readonly requireChecksum?: boolean;
}

/** Field positions of one sentence inside the caller's buffer; reused from line to line. */
export class SentenceFields {
  talkerCode = 0;
  ownShip = false;
  fragmentCount = 0;
  fragmentNumber = 0;
  /** -1 when empty. */
  sequenceId = -1;
  /** Character code, -1 when empty. */
  channel = -1;
  payloadStart = 0;
  payloadEnd = 0;
  fillBits = 0;
  hasChecksum = false;
  /** Tag block contents (between the backslashes), -1 when absent. */
  tagStart = -1;
  tagEnd = -1;
}

const CH_BANG = 33;
const CH_BACKSLASH = 92;
const CH_COMMA = 44;
const CH_STAR = 42;
const CH_0 = 48;

const EMPTY = failure('empty', 'empty line');
const TOO_LONG = failure('too_long', `line longer than ${MAX_LINE_LENGTH} characters`);
const NOT_NMEA = failure('not_nmea', 'no NMEA sentence (no "!")');
const BAD_TAG = failure('bad_tag_block', 'malformed or corrupted IEC 61162-450 tag block');
const UNSUPPORTED = failure('unsupported_sentence', 'not a !xxVDM or !xxVDO sentence');
const MISSING_CHECKSUM = failure('missing_checksum', 'sentence has no *hh checksum');
const BAD_CHECKSUM = failure('bad_checksum', 'checksum mismatch');

function badField(what: string): Failure {
  return failure('bad_field', `bad ${what} field`);
}
const BAD_COUNT = badField('fragment count');
const BAD_NUMBER = badField('fragment number');
const BAD_SEQUENCE = badField('sequence id');
const BAD_CHANNEL = badField('channel');
const BAD_FILL = badField('fill bits');
const BAD_FIELD_COUNT = failure('bad_field', 'expected 6 fields after the sentence address');

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Two hex digits at `at`, or -1. */
function hexByte(src: Uint8Array, at: number, end: number): number {
  if (at + 2 > end) return -1;
  const hi = hexValue(src[at]!);
  const lo = hexValue(src[at + 1]!);
  return hi < 0 || lo < 0 ? -1 : (hi << 4) | lo;
}

/**
 * Finds the sentence in `src[start, end)` and fills `out` with its field positions. Returns a
 * failure, or undefined when the sentence is well formed. Leading text before the tag block or
 * the `!` is skipped, as are fields after the checksum (`…*hh,b003669952` in some feeds).
 */
export function scanSentence(
  src: Uint8Array,
  start: number,
  end: number,
  out: SentenceFields,
  requireChecksum = true,
): Failure | undefined {
  while (start < end && isSpace(src[start]!)) start++;
  while (end > start && isSpace(src[end - 1]!)) end--;
  if (start === end) return EMPTY;
  if (end - start > MAX_LINE_LENGTH) return TOO_LONG;
  let at = start;
  while (at < end && src[at] !== CH_BANG && src[at] !== CH_BACKSLASH) at++;
  out.tagStart = -1;
  out.tagEnd = -1;
  if (at < end && src[at] === CH_BACKSLASH) {
    const close = src.indexOf(CH_BACKSLASH, at + 1);
    if (close < 0 || close >= end) return BAD_TAG;
    if (!tagBlockChecksumOk(src, at + 1, close)) return BAD_TAG;
    out.tagStart = at + 1;
    out.tagEnd = close;
    at = close + 1;
    if (at >= end || src[at] !== CH_BANG) return NOT_NMEA;
  }
  if (at >= end) return NOT_NMEA;
  // Address: '!' + two-letter talker + VDM | VDO.
  if (end - at < 7) return UNSUPPORTED;
  const t1 = src[at + 1]!;
  const t2 = src[at + 2]!;
  if (t1 < 65 || t1 > 90 || t2 < 65 || t2 > 90) return UNSUPPORTED;
  if (src[at + 3] !== 86 || src[at + 4] !== 68) return UNSUPPORTED; // "VD"
  const kind = src[at + 5];
  if (kind !== 77 && kind !== 79) return UNSUPPORTED; // 'M' | 'O'
  if (src[at + 6] !== CH_COMMA) return UNSUPPORTED;
  out.talkerCode = (t1 << 8) | t2;
  out.ownShip = kind === 79;

  let sum = 0;
  for (let i = at + 1; i < at + 7; i++) sum ^= src[i]!;
  // Positions of the six field starts and where the last field ends.
  const f1 = at + 7;
  let commas = 0;
  let f2 = 0;
  let f3 = 0;
  let f4 = 0;
  let f5 = 0;
  let f6 = 0;
  let stop = end;
  let i = f1;
  for (; i < end; i++) {
    const c = src[i]!;
    if (c === CH_STAR) {
      stop = i;
      break;
    }
    sum ^= c;
    if (c === CH_COMMA) {
      commas++;
      if (commas === 1) f2 = i + 1;
      else if (commas === 2) f3 = i + 1;
      else if (commas === 3) f4 = i + 1;
      else if (commas === 4) f5 = i + 1;
      else if (commas === 5) f6 = i + 1;
      else {
        // A field after the fill bits without a checksum in between: trailing receiver data.
        if (commas === 6 && !requireChecksum && i > f6) {
          stop = i;
          break;
        }
        return BAD_FIELD_COUNT;
      }
    }
  }
  if (commas !== 5) return BAD_FIELD_COUNT;
  out.hasChecksum = stop < end;
  if (out.hasChecksum) {
    const given = hexByte(src, stop + 1, end);
    if (given !== sum) return BAD_CHECKSUM;
  } else if (requireChecksum) {
    return MISSING_CHECKSUM;
  }

  if (f2 - f1 !== 2) return BAD_COUNT;
  const count = src[f1]! - CH_0;
  if (count < 1 || count > 9) return BAD_COUNT;
  if (f3 - f2 !== 2) return BAD_NUMBER;
  const number = src[f2]! - CH_0;
  if (number < 1 || number > count) return BAD_NUMBER;
  let sequenceId = -1;
  if (f4 - f3 === 2) {
    sequenceId = src[f3]! - CH_0;
    if (sequenceId < 0 || sequenceId > 9) return BAD_SEQUENCE;
  } else if (f4 - f3 !== 1) {
    return BAD_SEQUENCE;
  }
  let channel = -1;
  if (f5 - f4 === 2) {
    channel = src[f4]!;
    if (channel <= 32 || channel >= 127 || channel === CH_STAR || channel === CH_BACKSLASH)
      return BAD_CHANNEL;
  } else if (f5 - f4 !== 1) {
    return BAD_CHANNEL;
  }
  let fill = 0;
  if (stop - f6 === 1) {
    fill = src[f6]! - CH_0;
    if (fill < 0 || fill > 5) return BAD_FILL;
  } else if (stop !== f6) {
    return BAD_FILL;
  }
  out.fragmentCount = count;
  out.fragmentNumber = number;
  out.sequenceId = sequenceId;
  out.channel = channel;
  out.payloadStart = f5;
  out.payloadEnd = f6 - 1;
  out.fillBits = fill;
  return undefined;
}

function tagBlockChecksumOk(src: Uint8Array, start: number, end: number): boolean {
  const star = src.lastIndexOf(CH_STAR, end - 1);
  // Tag blocks carry a checksum by the standard; some feeds omit it.
  if (star < start) return true;
  if (star + 3 !== end) return false;
  let sum = 0;
  for (let i = start; i < star; i++) sum ^= src[i]!;
  return hexByte(src, star + 1, end) === sum;
}

function latin1(src: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(src[i]!);
  return s;
}

function integer(text: string): number | undefined {
  if (!/^-?\d{1,15}$/.test(text)) return undefined;
  return Number(text);
}

/** Parses a tag block's `k:v` parameters; unknown keys are ignored, malformed values dropped. */
export function parseTagBlock(src: Uint8Array, start: number, end: number): TagBlock {
  const star = src.lastIndexOf(CH_STAR, end - 1);
  const body = latin1(src, start, star >= start ? star : end);
  const block: {
    source?: string;
    time?: number;
    destination?: string;
    group?: { sentence: number; total: number; id: number };
    lineCount?: number;
    relativeTime?: number;
    text?: string;
  } = {};
  for (const part of body.split(',')) {
    const colon = part.indexOf(':');
    if (colon !== 1) continue;
    const value = part.slice(2);
    switch (part[0]) {
      case 's':
        block.source = value;
        break;
      case 'c':
        block.time = integer(value);
        break;
      case 'd':
        block.destination = value;
        break;
      case 'g': {
        const m = /^(\d{1,4})-(\d{1,4})-(\d{1,9})$/.exec(value);
        if (m) block.group = { sentence: Number(m[1]), total: Number(m[2]), id: Number(m[3]) };
        break;
      }
      case 'n':
        block.lineCount = integer(value);
        break;
      case 'r':
        block.relativeTime = integer(value);
        break;
      case 't':
        block.text = value;
        break;
    }
  }
  for (const key of Object.keys(block) as (keyof typeof block)[]) {
    if (block[key] === undefined) delete block[key];
  }
  return block;
}

const TEXT_ENCODER = new TextEncoder();

/** Bytes of a string line; characters outside Latin-1 are never valid NMEA and become 0xff. */
export function lineBytes(line: string): Uint8Array {
  if (line.length > MAX_LINE_LENGTH * 2) return TEXT_ENCODER.encode(line.slice(0, MAX_LINE_LENGTH + 1));
  const bytes = new Uint8Array(line.length);
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    bytes[i] = c < 256 ? c : 0xff;
  }
  return bytes;
}

/** Parses one NMEA line into its sentence fields (framing only; the payload is not decoded). */
export function parseSentence(line: string | Uint8Array, options: ScanOptions = {}): SentenceResult {
  const src = typeof line === 'string' ? lineBytes(line) : line;
  const fields = new SentenceFields();
  const failed = scanSentence(src, 0, src.length, fields, options.requireChecksum ?? true);
  if (failed) return failed;
  for (let i = fields.payloadStart; i < fields.payloadEnd; i++) {
    if (ARMOR_VALUE[src[i]!]! < 0) return failure('bad_payload', `invalid armor character at ${i}`);
  }
  const sentence: {
    -readonly [K in keyof Sentence]: Sentence[K];
  } = {
    talker: String.fromCharCode(fields.talkerCode >> 8, fields.talkerCode & 0xff),
    ownShip: fields.ownShip,
    fragmentCount: fields.fragmentCount,
    fragmentNumber: fields.fragmentNumber,
    payload: latin1(src, fields.payloadStart, fields.payloadEnd),
    fillBits: fields.fillBits,
    hasChecksum: fields.hasChecksum,
  };
  if (fields.sequenceId >= 0) sentence.sequenceId = fields.sequenceId;
  if (fields.channel >= 0) sentence.channel = String.fromCharCode(fields.channel);
  if (fields.tagStart >= 0) sentence.tagBlock = parseTagBlock(src, fields.tagStart, fields.tagEnd);
  return { ok: true, sentence };
}
