import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ByteReader, ByteWriter, fromHex, toHex } from './bytes.ts';
import type { DecodeContext } from './context.ts';
import {
  decodeGbk,
  encodeGbk,
  readBcdTime,
  readFixedText,
  readText,
  writeBcdTime,
  writeFixedText,
  writeText,
} from './text.ts';

const strict: DecodeContext = { version: '2013', strict: true, warnings: [] };
const reader = (hex: string) => new ByteReader(fromHex(hex)!);
const written = (write: (w: ByteWriter) => void) => {
  const w = new ByteWriter(4);
  write(w);
  return toHex(w.result());
};

describe('GBK strings (JT/T 808-2013 §4.2)', () => {
  test('plates and texts both ways', () => {
    assert.equal(toHex(encodeGbk('测A888888')), 'b2e241383838383838');
    assert.equal(decodeGbk(fromHex('b2e241383838383838')!), '测A888888');
    assert.equal(toHex(encodeGbk('粤A12345')), 'd4c14131323334' + '35');
  });

  test('any text made of GBK characters round-trips', () => {
    const gbkChar = fc.constantFrom(
      ...'交通运输部京津冀沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新港澳台ABCxyz0129 ,.!'.split(''),
    );
    fc.assert(
      fc.property(fc.string({ unit: gbkChar, maxLength: 40 }), (text) => {
        assert.equal(decodeGbk(encodeGbk(text)), text);
      }),
    );
  });

  test('a NUL-terminated STRING reads as its text and keeps its bytes for re-encoding', () => {
    const field = readText(reader('b2e2410000'), 5, 'plate');
    assert.deepEqual(field, { text: '测A', verbatim: fromHex('b2e2410000')! });
    assert.equal(
      written((w) => writeText(w, field.text, field.verbatim)),
      'b2e2410000',
    );
    assert.equal(
      written((w) => writeText(w, '测B', field.verbatim)),
      'b2e242',
      'an edited text drops the stale bytes',
    );
  });

  test('invalid GBK decodes with U+FFFD and still re-encodes byte for byte', () => {
    const field = readText(reader('41ff80'), 3, 'text');
    assert.ok(field.verbatim);
    assert.equal(
      written((w) => writeText(w, field.text, field.verbatim)),
      '41ff80',
    );
  });

  test('fixed-width fields trim NUL and space padding at both ends', () => {
    assert.deepEqual(readFixedText(reader('797a680000'), 5, 'manufacturer'), { text: 'yzh' });
    const leading = readFixedText(reader('0000797a68'), 5, 'manufacturer');
    assert.equal(leading.text, 'yzh');
    assert.equal(
      written((w) => writeFixedText(w, 5, leading, 'manufacturer')),
      '0000797a68',
    );
    assert.equal(
      written((w) => writeFixedText(w, 5, { text: 'ab' }, 'manufacturer')),
      '6162000000',
    );
    assert.equal(
      written((w) => writeFixedText(w, 8, { text: 'M1' }, 'model', 0x20)),
      '4d31202020202020',
    );
    assert.throws(() => written((w) => writeFixedText(w, 2, { text: 'abc' }, 'x')), RangeError);
  });
});

describe('BCD time at GMT+8', () => {
  const read = (hex: string, ctx = strict) => readBcdTime(reader(hex), ctx, '+08:00');

  test('YYMMDDhhmmss in 2000-2099', () => {
    assert.equal(read('181015101010'), '2018-10-15T10:10:10+08:00');
    assert.equal(read('000101000000'), '2000-01-01T00:00:00+08:00');
    assert.equal(read('240229235959'), '2024-02-29T23:59:59+08:00');
    assert.equal(read('000000000000'), null, 'no fix yet');
  });

  test('non-calendar values are deviations', () => {
    for (const hex of [
      '230229000000',
      '241301000000',
      '240100000000',
      '240101240000',
      '2401010060ff',
      '1a0101000000',
    ]) {
      assert.throws(() => read(hex), /calendar/);
      const lenient: DecodeContext = { version: '2013', strict: false, warnings: [] };
      assert.equal(read(hex, lenient), null);
      assert.equal(lenient.warnings[0]?.code, 'invalid-time');
    }
  });

  test('times in other offsets are converted to Beijing time when encoding', () => {
    assert.equal(
      written((w) => writeBcdTime(w, '2026-11-27T08:30:00+08:00', '+08:00')),
      '261127083000',
    );
    assert.equal(
      written((w) => writeBcdTime(w, '2026-11-27T00:30:00Z', '+08:00')),
      '261127083000',
    );
    assert.equal(
      written((w) => writeBcdTime(w, '2026-11-26T20:30:00-04:00', '+08:00')),
      '261127083000',
    );
    assert.equal(
      written((w) => writeBcdTime(w, '2026-11-27T08:30:00+08:00', 'Z')),
      '261127003000',
    );
    assert.throws(() => written((w) => writeBcdTime(w, 'yesterday', '+08:00')), RangeError);
  });
});
