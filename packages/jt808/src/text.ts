// Strings, BCD digits and BCD times. STRING is GBK (JT/T 808-2013 §4.2 Table 1); Node's TextEncoder
// writes UTF-8 only, so both directions go through iconv-lite's table codec.
import iconv from 'iconv-lite';
import { BCD_VALUE, type ByteReader, type ByteWriter, bytesEqual, HEX2 } from './bytes.ts';
import { type DecodeContext, deviation } from './context.ts';

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

export function decodeGbk(bytes: Uint8Array): string {
  if (isAscii(bytes)) {
    let out = '';
    for (let i = 0; i < bytes.length; i++) out += String.fromCharCode(bytes[i]!);
    return out;
  }
  return iconv.decode(bytes, 'gbk');
}

export function encodeGbk(text: string): Uint8Array {
  let ascii = true;
  for (let i = 0; i < text.length && ascii; i++) ascii = text.charCodeAt(i) < 0x80;
  if (ascii) {
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return out;
  }
  return new Uint8Array(iconv.encode(text, 'gbk'));
}

/**
 * A decoded text field and, when the received bytes are not the canonical encoding of the text,
 * those bytes — so an unchanged message re-encodes byte for byte while callers read clean text.
 * Fixed-width fields (BYTE[n]) are trimmed of NULs and spaces at both ends: the standard pads with
 * 0x00 after the text, but devices pad before it too (YZH's register vector has leading NULs).
 * Variable STRING fields lose trailing NULs (some terminals NUL-terminate them). Invalid GBK decodes
 * with U+FFFD and keeps its bytes the same way.
 */
export interface TextField {
  text: string;
  verbatim?: Uint8Array;
}

function trimTrailingNuls(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return bytes.subarray(0, end);
}

/** STRING of n bytes (GBK). */
export function readText(r: ByteReader, n: number, what: string): TextField {
  const raw = r.view(n, what);
  if (isAscii(raw) && (n === 0 || raw[n - 1] !== 0)) return { text: decodeGbk(raw) };
  const text = decodeGbk(trimTrailingNuls(raw));
  return bytesEqual(encodeGbk(text), raw) ? { text } : { text, verbatim: raw.slice() };
}

/** Writes a STRING; returns its length in bytes. */
export function writeText(w: ByteWriter, text: string, verbatim?: Uint8Array): number {
  const bytes = verbatim && decodeGbk(trimTrailingNuls(verbatim)) === text ? verbatim : encodeGbk(text);
  w.put(bytes);
  return bytes.length;
}

function trimPadding(bytes: Uint8Array): Uint8Array {
  let start = 0;
  let end = bytes.length;
  while (start < end && (bytes[start] === 0 || bytes[start] === 0x20)) start++;
  while (end > start && (bytes[end - 1] === 0 || bytes[end - 1] === 0x20)) end--;
  return bytes.subarray(start, end);
}

function canonicalFixed(text: string, n: number, fill: number): Uint8Array | null {
  const encoded = encodeGbk(text);
  if (encoded.length > n) return null;
  const out = new Uint8Array(n).fill(fill);
  out.set(encoded);
  return out;
}

/** Returns the text, recording the field's verbatim bytes on the message when it has them. */
export function keepVerbatim<K extends string>(
  target: { verbatim?: Partial<Record<K, Uint8Array>> },
  key: K,
  field: TextField,
): string {
  if (field.verbatim) {
    target.verbatim ??= {};
    target.verbatim[key] = field.verbatim;
  }
  return field.text;
}

export function readFixedText(r: ByteReader, n: number, what: string, fill = 0): TextField {
  const raw = r.view(n, what);
  const text = decodeGbk(trimPadding(raw));
  const canonical = canonicalFixed(text, n, fill);
  return canonical && bytesEqual(canonical, raw) ? { text } : { text, verbatim: raw.slice() };
}

export function writeFixedText(w: ByteWriter, n: number, field: TextField, what: string, fill = 0): void {
  const { text, verbatim } = field;
  if (verbatim && verbatim.length === n && decodeGbk(trimPadding(verbatim)) === text) {
    w.put(verbatim);
    return;
  }
  const canonical = canonicalFixed(text, n, fill);
  if (!canonical) throw new RangeError(`${what} longer than ${n} bytes: ${text}`);
  w.put(canonical);
}

/**
 * BCD[n] as its digit string (leading zeros kept). A nibble above 9 is a deviation; lenient mode
 * keeps it as a hex digit (Traccar's IMEI-as-integer ids) so the bytes still round-trip.
 */
export function readBcd(r: ByteReader, n: number, ctx: DecodeContext, what: string): string {
  const bytes = r.view(n, what);
  let out = '';
  let valid = true;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (BCD_VALUE[b]! < 0) valid = false;
    out += HEX2[b];
  }
  if (!valid) deviation(ctx, 'invalid-bcd', `${what} is not BCD: ${out}`);
  return out;
}

/** Writes digits right-aligned in n bytes (left-padded with 0), hex digits allowed for lenient ids. */
export function writeBcd(w: ByteWriter, digits: string, n: number, what: string): void {
  if (digits.length > n * 2 || !/^[0-9a-fA-F]*$/.test(digits))
    throw new RangeError(`${what} must be at most ${n * 2} digits: ${digits}`);
  const padded = digits.padStart(n * 2, '0');
  for (let i = 0; i < n; i++) w.u8(Number.parseInt(padded.slice(i * 2, i * 2 + 2), 16));
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** 'Z' for UTC fields (0x8004), '+08:00' for the GMT+8 fields of locations. */
export type TimeZoneSuffix = '+08:00' | 'Z';

/** The offset of a zone suffix, in ms. */
const ZONE_MS: Record<TimeZoneSuffix, number> = { '+08:00': 8 * 3600_000, Z: 0 };

/**
 * Checks BCD[6] YYMMDDhhmmss (years 2000-2099) at r.pos and steps over it: where it starts, or -1
 * for all zeros (how terminals without a fix send "no time"); any other non-calendar value is a
 * deviation and -1 in lenient mode.
 */
function checkBcdTime(r: ByteReader, ctx: DecodeContext, what: string): number {
  r.need(6, what);
  const b = r.bytes;
  const p = r.pos;
  r.pos = p + 6;
  const y = BCD_VALUE[b[p]!]!;
  const mo = BCD_VALUE[b[p + 1]!]!;
  const d = BCD_VALUE[b[p + 2]!]!;
  const h = BCD_VALUE[b[p + 3]!]!;
  const mi = BCD_VALUE[b[p + 4]!]!;
  const s = BCD_VALUE[b[p + 5]!]!;
  if (y === 0 && mo === 0 && d === 0 && h === 0 && mi === 0 && s === 0) return -1;
  const leap = y % 4 === 0;
  if (
    y < 0 ||
    mo < 1 ||
    mo > 12 ||
    d < 1 ||
    d > (mo === 2 && !leap ? 28 : DAYS_IN_MONTH[mo - 1]!) ||
    h < 0 ||
    h > 23 ||
    mi < 0 ||
    mi > 59 ||
    s < 0 ||
    s > 59
  ) {
    let raw = '';
    for (let i = 0; i < 6; i++) raw += HEX2[b[p + i]!];
    deviation(ctx, 'invalid-time', `${what} is not a BCD calendar time: ${raw}`);
    return -1;
  }
  return p;
}

/** BCD[6] YYMMDDhhmmss as ISO 8601 with the given offset; null for no time (see checkBcdTime). */
export function readBcdTime(
  r: ByteReader,
  ctx: DecodeContext,
  zone: TimeZoneSuffix,
  what = 'time',
): string | null {
  const p = checkBcdTime(r, ctx, what);
  if (p < 0) return null;
  const b = r.bytes;
  return `20${HEX2[b[p]!]}-${HEX2[b[p + 1]!]}-${HEX2[b[p + 2]!]}T${HEX2[b[p + 3]!]}:${HEX2[b[p + 4]!]}:${HEX2[b[p + 5]!]}${zone}`;
}

/**
 * BCD[6] YYMMDDhhmmss in the given zone as epoch ms, with no string built nor parsed (the ingest
 * path reads tens of thousands a second); null for no time (see checkBcdTime).
 */
export function readBcdTimeMs(
  r: ByteReader,
  ctx: DecodeContext,
  zone: TimeZoneSuffix,
  what = 'time',
): number | null {
  const p = checkBcdTime(r, ctx, what);
  if (p < 0) return null;
  const b = r.bytes;
  const v = (i: number) => BCD_VALUE[b[p + i]!]!;
  return Date.UTC(2000 + v(0), v(1) - 1, v(2), v(3), v(4), v(5)) - ZONE_MS[zone];
}

const ISO_FAST = /^20(\d\d)-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\+08:00|Z)$/;

/**
 * Writes an ISO 8601 time (any offset, converted) or epoch ms as BCD[6] in the given zone; null as
 * zeros.
 */
export function writeBcdTime(
  w: ByteWriter,
  time: string | number | null,
  zone: TimeZoneSuffix,
  what = 'time',
): void {
  if (time === null) {
    w.skip(6);
    return;
  }
  const fast = typeof time === 'string' ? ISO_FAST.exec(time) : null;
  if (fast && fast[7] === zone) {
    for (let i = 1; i <= 6; i++) w.u8(Number.parseInt(fast[i]!, 16));
    return;
  }
  const ms = typeof time === 'number' ? time : Date.parse(time);
  if (!Number.isFinite(ms)) throw new RangeError(`${what} is not an ISO 8601 time: ${time}`);
  const t = new Date(ms + ZONE_MS[zone]);
  const year = t.getUTCFullYear();
  if (year < 2000 || year > 2099) throw new RangeError(`${what} outside 2000-2099: ${time}`);
  const fields = [year - 2000, t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes()];
  for (const v of [...fields, t.getUTCSeconds()]) w.u8(Math.floor(v / 10) * 16 + (v % 10));
}
