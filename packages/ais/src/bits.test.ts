import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ARMOR_VALUE, PayloadBits } from './bits.ts';
import { armor, BitWriter } from './testing/encoder.ts';

function load(bits: readonly number[]): PayloadBits {
  const { payload, fillBits } = armor(bits);
  const reader = new PayloadBits(4);
  reader.reset(payload.length);
  for (let i = 0; i < payload.length; i++) reader.sixes[i] = ARMOR_VALUE[payload.charCodeAt(i)]!;
  reader.applyFill(fillBits);
  return reader;
}

describe('six-bit armor', () => {
  it('maps 0-W and `-w to 0-63 and nothing else', () => {
    const valid = [...'0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVW`abcdefghijklmnopqrstuvw'];
    assert.equal(valid.length, 64);
    for (const [v, c] of valid.entries()) assert.equal(ARMOR_VALUE[c.charCodeAt(0)], v, c);
    for (let c = 0; c < 256; c++) {
      if (!valid.includes(String.fromCharCode(c))) assert.equal(ARMOR_VALUE[c], -1, String(c));
    }
  });
});

describe('PayloadBits', () => {
  it('reads unsigned and signed fields at every offset as written', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 2 ** 30 - 1 }),
        (prefix, length, value) => {
          const v = value % 2 ** length;
          const w = new BitWriter();
          w.bits.push(...prefix);
          w.uint(v, length).uint(0b101, 3);
          const reader = load(w.bits);
          assert.equal(reader.bitLength, prefix.length + length + 3);
          assert.equal(reader.uint(prefix.length, length), v);
          const signed = v >= 2 ** (length - 1) ? v - 2 ** length : v;
          assert.equal(reader.int(prefix.length, length), signed);
          assert.equal(reader.uint(prefix.length + length, 3), 0b101);
        },
      ),
    );
  });

  it('reads zeros past the payload and for the fill bits', () => {
    const reader = load([1, 1, 1, 1, 1, 1, 1]);
    assert.equal(reader.bitLength, 7);
    assert.equal(reader.uint(0, 7), 127);
    assert.equal(reader.uint(7, 5), 0, 'fill bits');
    assert.equal(reader.uint(4, 30), 0b111 * 2 ** 27);
    assert.equal(reader.uint(100, 30), 0);
  });

  it('stops text at "@" and drops trailing spaces, keeping inner ones', () => {
    const reader = load(new BitWriter().text('AB CD  ', 7).text('X@Y', 3).text('  ', 2).bits);
    assert.equal(reader.text(0, 7), 'AB CD');
    assert.equal(reader.text(42, 3), 'X');
    assert.equal(reader.text(60, 2), '');
    assert.equal(reader.text(0, 0), '');
  });

  it('covers the whole six-bit character set', () => {
    const all = '@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_ !"#$%&\'()*+,-./0123456789:;<=>?';
    const reader = load(new BitWriter().uint(1, 6).text(all.slice(1), 63).bits);
    assert.equal(reader.text(6, 63), all.slice(1));
  });

  it('hex-dumps bit ranges with zero padding in the last byte', () => {
    const reader = load(new BitWriter().uint(0, 3).uint(0xabc, 12).uint(1, 1).bits);
    assert.equal(reader.hex(3, 12), 'abc0');
    assert.equal(reader.hex(3, 13), 'abc8');
    assert.equal(reader.hex(0, 0), '');
  });
});
