import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseDataValueCsv, writeDataValueCsv } from './exchange-csv.ts';

test('reads DHIS2 CSV with a header, quotes and CRLF', () => {
  const text =
    'dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup\r\n' +
    'passengers,202610,320102,road,,12.5,xw,2026-11-01T00:00:00Z,"有逗号, 和""引号""",false\r\n' +
    'trips,202610,320102,water,,"3",,,,\r\n';
  const parsed = parseDataValueCsv(text);
  assert.ok(parsed.ok);
  assert.equal(parsed.values.length, 2);
  assert.deepEqual(
    [
      parsed.values[0]?.dataElement,
      parsed.values[0]?.categoryOptionCombo,
      parsed.values[0]?.value,
      parsed.values[0]?.comment,
    ],
    ['passengers', 'road', '12.5', '有逗号, 和"引号"'],
  );
  assert.equal(parsed.values[1]?.value, '3');
});

test('refuses an unterminated quote and a short line, naming the line', () => {
  assert.deepEqual(parseDataValueCsv('a,b,"c\n'), { ok: false, error: 'unterminated quoted field', line: 2 });
  const short = parseDataValueCsv('a,202610,320102\nb,c\n');
  assert.equal(short.ok, false);
  assert.equal(!short.ok && short.line, 2);
});

const field = fc.string({ unit: fc.constantFrom('a', '1', ',', '"', '\n', '\r', ' ', '客', '.') });

test('fuzz: never throws, and what it writes it reads back', () => {
  fc.assert(
    fc.property(fc.string(), (text) => {
      parseDataValueCsv(text);
    }),
  );
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          dataElement: fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/),
          period: fc.constantFrom('202610', '2026Q3', '2026'),
          orgUnit: fc.stringMatching(/^[0-9]{6}$/),
          categoryOptionCombo: fc.stringMatching(/^[a-z0-9_]{1,8}$/),
          attributeOptionCombo: fc.constant(''),
          value: field,
          storedBy: field,
          lastUpdated: fc.constant(''),
          comment: field,
        }),
        { maxLength: 20 },
      ),
      (values) => {
        const parsed = parseDataValueCsv(writeDataValueCsv(values));
        assert.ok(parsed.ok);
        assert.deepEqual(
          parsed.values,
          values.map((v) => ({ ...v })),
        );
      },
    ),
  );
});
