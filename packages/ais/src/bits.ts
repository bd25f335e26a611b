// Six-bit payload armoring and the field reader (GPSD AIVDM.adoc "Payload Armoring",
// "AIS Payload Data Types"; ITU-R M.1371-5 Table 47 for the six-bit ASCII set).

/** Armored character code -> six-bit value, or -1 when the character is not in the armor set. */
export const ARMOR_VALUE: Int8Array = (() => {
  const table = new Int8Array(256).fill(-1);
  // '0'..'W' -> 0..39 and '`'..'w' -> 40..63: v = c - 48, minus 8 more above 40.
  for (let c = 48; c <= 87; c++) table[c] = c - 48;
  for (let c = 96; c <= 119; c++) table[c] = c - 56;
  return table;
})();

const POW2: Float64Array = (() => {
  const table = new Float64Array(54);
  for (let i = 0; i < table.length; i++) table[i] = 2 ** i;
  return table;
})();

/** Six-bit text value -> character: 0-31 are '@'..'_', 32-63 are ' '..'?'. */
const TEXT_CHAR: readonly string[] = Array.from({ length: 64 }, (_, v) =>
  String.fromCharCode(v < 32 ? v + 64 : v),
);

const HEX = '0123456789abcdef';

/**
 * The bits of one assembled AIS payload, held as six-bit groups (one per armored character).
 * Reads past `bitLength` yield zero bits, as the fill bits and anything after them are padding.
 */
export class PayloadBits {
  sixes: Uint8Array;
  /** Count of valid six-bit groups (the last one already cleared of its fill bits). */
  groups = 0;
  bitLength = 0;

  constructor(capacity = 256) {
    this.sixes = new Uint8Array(capacity);
  }

  /** Reuses this buffer for a new payload of `groups` six-bit values. */
  reset(groups: number): void {
    if (groups > this.sixes.length) this.sixes = new Uint8Array(Math.max(groups, this.sixes.length * 2));
    this.groups = groups;
    this.bitLength = groups * 6;
  }

  /** Drops the trailing fill bits of the last group (0-5) so they read as zero. */
  applyFill(fill: number): void {
    if (this.groups === 0 || fill === 0) return;
    const last = this.groups - 1;
    this.sixes[last] = this.sixes[last]! & (0x3f ^ ((1 << fill) - 1));
    this.bitLength = this.groups * 6 - fill;
  }

  /** Unsigned big-endian integer of `length` (1-32) bits starting at bit `start`. */
  uint(start: number, length: number): number {
    // Two reads of at most 5 six-bit groups each stay in 32-bit integer arithmetic.
    if (length > 24) return this.uint(start, length - 16) * 65536 + this.uint(start + length - 16, 16);
    const end = start + length;
    const first = (start / 6) | 0;
    const last = ((end - 1) / 6) | 0;
    const excess = (last + 1) * 6 - end;
    const sixes = this.sixes;
    if (last < this.groups && last - first < 5) {
      let v = 0;
      for (let i = first; i <= last; i++) v = (v << 6) | sixes[i]!;
      return (v >>> excess) & ((1 << length) - 1);
    }
    let v = 0;
    for (let i = first; i <= last; i++) v = v * 64 + (i < this.groups ? sixes[i]! : 0);
    return Math.floor(v / POW2[excess]!) % POW2[length]!;
  }

  /** Two's-complement signed integer of `length` bits. */
  int(start: number, length: number): number {
    const v = this.uint(start, length);
    return v >= POW2[length - 1]! ? v - POW2[length]! : v;
  }

  bit(start: number): boolean {
    return this.uint(start, 1) === 1;
  }

  /**
   * Six-bit text of at most `chars` characters: stops at the first '@' and drops trailing
   * spaces (GPSD "AIS Payload Data Types", t and s fields).
   */
  text(start: number, chars: number): string {
    let text = '';
    let kept = 0;
    for (let i = 0; i < chars; i++) {
      const v = this.uint(start + 6 * i, 6);
      if (v === 0) break;
      text += TEXT_CHAR[v]!;
      if (v !== 32) kept = i + 1;
    }
    return kept === text.length ? text : text.slice(0, kept);
  }

  /** `bitCount` bits from `start` as lower-case hex, the last byte padded with zero bits. */
  hex(start: number, bitCount: number): string {
    let out = '';
    for (let bit = 0; bit < bitCount; bit += 8) {
      const take = Math.min(8, bitCount - bit);
      const byte = this.uint(start + bit, take) << (8 - take);
      out += HEX[byte >> 4]! + HEX[byte & 15]!;
    }
    return out;
  }
}
