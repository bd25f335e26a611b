// Cursor reader and growable writer over big-endian bytes (JT/T 808-2013 §4.2: WORD and DWORD
// are transmitted high byte first), plus the BCD and hex tables the codecs share.

/** Thrown inside the codecs only; the public decoders turn it into an error result. */
export class DecodeFailure extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export class ByteReader {
  readonly bytes: Uint8Array;
  pos: number;
  end: number;

  constructor(bytes: Uint8Array, start = 0, end = bytes.length) {
    this.bytes = bytes;
    this.pos = start;
    this.end = end;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  need(n: number, what: string): void {
    if (this.pos + n > this.end)
      throw new DecodeFailure('truncated', `${what}: needs ${n} bytes, ${this.end - this.pos} left`);
  }

  u8(what = 'BYTE'): number {
    this.need(1, what);
    return this.bytes[this.pos++]!;
  }

  u16(what = 'WORD'): number {
    this.need(2, what);
    const b = this.bytes;
    const p = this.pos;
    this.pos = p + 2;
    return (b[p]! << 8) | b[p + 1]!;
  }

  u32(what = 'DWORD'): number {
    this.need(4, what);
    const b = this.bytes;
    const p = this.pos;
    this.pos = p + 4;
    return b[p]! * 0x1000000 + ((b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!);
  }

  /** A view, not a copy: callers that keep it past the frame's life copy it themselves. */
  view(n: number, what = 'BYTE[n]'): Uint8Array {
    this.need(n, what);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** A copy, for values kept in a decoded message. */
  copy(n: number, what = 'BYTE[n]'): Uint8Array {
    return this.view(n, what).slice();
  }

  rest(): Uint8Array {
    return this.copy(this.end - this.pos);
  }
}

export class ByteWriter {
  bytes: Uint8Array;
  length = 0;

  constructor(capacity = 256) {
    this.bytes = new Uint8Array(capacity);
  }

  private grow(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }

  u8(v: number): void {
    checkUint(v, 0xff, 'BYTE');
    this.grow(1);
    this.bytes[this.length++] = v;
  }

  u16(v: number): void {
    checkUint(v, 0xffff, 'WORD');
    this.grow(2);
    this.bytes[this.length++] = v >>> 8;
    this.bytes[this.length++] = v & 0xff;
  }

  u32(v: number): void {
    checkUint(v, 0xffffffff, 'DWORD');
    this.grow(4);
    this.bytes[this.length++] = v >>> 24;
    this.bytes[this.length++] = (v >>> 16) & 0xff;
    this.bytes[this.length++] = (v >>> 8) & 0xff;
    this.bytes[this.length++] = v & 0xff;
  }

  put(data: Uint8Array): void {
    this.grow(data.length);
    this.bytes.set(data, this.length);
    this.length += data.length;
  }

  /** Reserves n bytes to be written later with patchU16/patchU32; returns their offset. */
  skip(n: number): number {
    this.grow(n);
    const at = this.length;
    this.bytes.fill(0, at, at + n);
    this.length += n;
    return at;
  }

  patchU16(at: number, v: number): void {
    checkUint(v, 0xffff, 'WORD');
    this.bytes[at] = v >>> 8;
    this.bytes[at + 1] = v & 0xff;
  }

  patchU32(at: number, v: number): void {
    checkUint(v, 0xffffffff, 'DWORD');
    this.bytes[at] = v >>> 24;
    this.bytes[at + 1] = (v >>> 16) & 0xff;
    this.bytes[at + 2] = (v >>> 8) & 0xff;
    this.bytes[at + 3] = v & 0xff;
  }

  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

function checkUint(v: number, max: number, what: string): void {
  if (!Number.isInteger(v) || v < 0 || v > max) throw new RangeError(`${what} out of range: ${v}`);
}

/** '00'…'ff' by byte value. */
export const HEX2: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** The two decimal digits of a packed BCD byte, or -1 when a nibble is above 9. */
export const BCD_VALUE: Int8Array = (() => {
  const table = new Int8Array(256).fill(-1);
  for (let hi = 0; hi < 10; hi++) for (let lo = 0; lo < 10; lo++) table[(hi << 4) | lo] = hi * 10 + lo;
  return table;
})();

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX2[bytes[i]!];
  return out;
}

/** Nibble value by character code, -1 for non-hex, -2 for whitespace. */
const NIBBLE: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < 10; i++) table[48 + i] = i;
  for (let i = 0; i < 6; i++) {
    table[65 + i] = 10 + i;
    table[97 + i] = 10 + i;
  }
  for (const c of [9, 10, 11, 12, 13, 32]) table[c] = -2;
  return table;
})();

/** Parses hex with optional whitespace; null when it is not an even run of hex digits. */
export function fromHex(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length >>> 1);
  let n = 0;
  let high = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? NIBBLE[c]! : -1;
    if (v === -2) continue;
    if (v < 0) return null;
    if (high < 0) high = v;
    else {
      out[n++] = (high << 4) | v;
      high = -1;
    }
  }
  return high < 0 ? out.subarray(0, n) : null;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
