import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { compoundFile, docx, exeHeader, minimalPdf, ofd, png1x1, storedZip, xlsx } from './sniff.fixtures.ts';
import { bufferSource, FILE_TYPES, safeFilename, sniff } from './sniff.ts';

const typeOf = (bytes: Uint8Array, name = '') => sniff(bufferSource(bytes), name)?.mime ?? null;

describe('sniffing by content', () => {
  test('each accepted type is recognised from its bytes', () => {
    assert.equal(typeOf(png1x1()), 'image/png');
    assert.equal(typeOf(minimalPdf()), 'application/pdf');
    assert.equal(typeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46])), 'image/jpeg');
    assert.equal(typeOf(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')), 'image/gif');
    assert.equal(typeOf(Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1')), 'image/webp');
    assert.equal(typeOf(docx()), FILE_TYPES.docx.mime);
    assert.equal(typeOf(xlsx()), FILE_TYPES.xlsx.mime);
    assert.equal(typeOf(ofd()), 'application/ofd');
    assert.equal(typeOf(compoundFile(['WordDocument', '1Table'])), 'application/msword');
    assert.equal(typeOf(compoundFile(['Workbook'])), 'application/vnd.ms-excel');
    assert.equal(
      typeOf(Buffer.from('序号,线路,日期\n1,京沪高速,2026-11-27\n'), 'a.csv'),
      'text/csv; charset=utf-8',
    );
    assert.equal(typeOf(Buffer.from('工单办理情况说明\r\n'), 'notes.txt'), 'text/plain; charset=utf-8');
  });

  test('the client name never turns other bytes into an accepted type', () => {
    assert.equal(typeOf(exeHeader(), 'report.pdf'), null);
    assert.equal(typeOf(Buffer.from([0x00, 0xff, 0x13, 0x37]), 'photo.png'), null);
    assert.equal(typeOf(Buffer.from([0xc3, 0x28]), 'invalid-utf8.txt'), null);
    assert.equal(typeOf(Buffer.from('GBK \xb9\xa4\xb5\xa5', 'latin1'), 'gbk.csv'), null);
    assert.equal(typeOf(Buffer.alloc(0), 'empty.txt'), null);
  });

  test('containers must be the expected kind inside', () => {
    assert.equal(typeOf(storedZip([['payload.exe', 'MZ']])), null, 'a plain zip');
    assert.equal(typeOf(storedZip([['[Content_Types].xml', '<Types/>']])), null, 'OOXML without a part');
    assert.equal(typeOf(compoundFile(['__substg1.0_0037001F'])), null, 'an Outlook message');
    assert.equal(typeOf(docx().subarray(0, 40)), null, 'a truncated zip');
  });

  test('stored names match the sniffed type', () => {
    assert.equal(safeFilename('季度报表.xlsx', FILE_TYPES.xlsx), '季度报表.xlsx');
    assert.equal(safeFilename('../../etc/passwd', FILE_TYPES.txt), 'passwd.txt');
    assert.equal(safeFilename('C:\\Users\\a\\photo.JPG', FILE_TYPES.jpeg), 'photo.JPG');
    assert.equal(safeFilename('report.html', FILE_TYPES.txt), 'report.html.txt');
    assert.equal(safeFilename('a\u0000b\r\n.pdf', FILE_TYPES.pdf), 'a_b__.pdf');
    assert.equal(safeFilename('', FILE_TYPES.png), 'file.png');
  });
});

const fixtures = [
  png1x1(),
  minimalPdf(),
  docx(),
  xlsx(),
  ofd(),
  compoundFile(['WordDocument']),
  compoundFile(['Workbook']),
];

describe('sniffer fuzzing', () => {
  test('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.string({ maxLength: 40 }), (bytes, name) => {
        const type = sniff(bufferSource(bytes), name);
        assert.ok(type === null || typeof type.mime === 'string');
      }),
      { numRuns: 2000 },
    );
  });

  test('never throws on corrupted or truncated real files', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fixtures),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 16 }),
        fc.nat(),
        (fixture, edits, cut) => {
          const bytes = Buffer.from(fixture);
          for (const [at, value] of edits) bytes[at % bytes.length] = value;
          sniff(bufferSource(bytes.subarray(0, bytes.length - (cut % bytes.length))));
          sniff(bufferSource(bytes));
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('prefixes of magic numbers with random tails never throw', () => {
    const magics = [
      [0x50, 0x4b, 0x03, 0x04],
      [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...magics), fc.uint8Array({ maxLength: 2048 }), (magic, tail) => {
        sniff(bufferSource(Buffer.concat([Buffer.from(magic), tail])));
      }),
      { numRuns: 2000 },
    );
  });
});
