import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  decodeRequest,
  Open311List,
  parseForm,
  parseW3cDateTime,
  redactPersonal,
  render,
  renderErrors,
} from './open311-format.ts';

/** A character XML 1.0 cannot carry: controls but tab and line ends, lone surrogates, U+FFFE/F. */
const xmlIllegal = (text: string) =>
  [...text].some((c) => {
    const n = c.codePointAt(0) as number;
    return (
      (n < 0x20 && n !== 9 && n !== 10 && n !== 13) ||
      n === 0xfffe ||
      n === 0xffff ||
      (n >= 0xd800 && n <= 0xdfff)
    );
  });

describe('Open311 wire format', () => {
  test('W3C date-times need a zone and a real date', () => {
    assert.equal(parseW3cDateTime('2026-11-27T09:00:00+08:00')?.toISOString(), '2026-11-27T01:00:00.000Z');
    assert.equal(parseW3cDateTime('2026-11-27T01:00Z')?.toISOString(), '2026-11-27T01:00:00.000Z');
    assert.equal(parseW3cDateTime('2026-11-27T01:00:00.5-05:00')?.toISOString(), '2026-11-27T06:00:00.500Z');
    for (const bad of [
      '2026-11-27T01:00:00',
      '2026-11-27',
      '2026-02-29T00:00:00Z',
      '2026-11-27T24:00:00Z',
      '2026-11-27 01:00:00Z',
    ])
      assert.equal(parseW3cDateTime(bad), undefined, bad);
  });

  test('form bodies: repeated names collect, attributes and multivaluelists decode, empty is absent', () => {
    const form = parseForm(
      'api_key=k&service_code=0301&attribute%5BplateNo%5D=%E8%8B%8FA1&attribute[issues][]=a&attribute[issues][]=b&email=&lat=%zz',
    );
    const { args, attributes } = decodeRequest(form);
    assert.deepEqual({ ...args }, { api_key: 'k', service_code: '0301', lat: '%zz' });
    assert.deepEqual({ ...attributes }, { plateNo: '苏A1', issues: ['a', 'b'] });
  });

  test('XML carries the declaration, escapes text and drops what XML cannot hold', () => {
    const xml = render(
      'xml',
      'services',
      new Open311List('service', [{ service_name: 'a<b&"c"\u0001', group: null }]),
    );
    assert.equal(
      xml,
      '<?xml version="1.0" encoding="UTF-8"?>\n<services><service><service_name>a&lt;b&amp;&quot;c&quot;</service_name><group/></service></services>',
    );
    assert.equal(renderErrors('json', [{ code: 400, description: 'x' }]), '[{"code":400,"description":"x"}]');
  });

  test('personal data in free text is masked', () => {
    assert.equal(
      redactPersonal(
        '我是张三，电话 139 1234 5678，座机025-84412345，邮箱a.b@x.cn，身份证32010219900101123X',
        ['张三'],
      ),
      '我是**，电话 ***********，座机***********，邮箱***@***，身份证******************',
    );
  });

  test('fuzz: parsers and renderers never throw; XML output stays legal', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.string({ unit: 'binary', maxLength: 60 }),
        (body, text) => {
          const decoded = decodeRequest(parseForm(body));
          for (const v of Object.values(decoded.attributes))
            assert.ok(typeof v === 'string' || Array.isArray(v));
          parseW3cDateTime(text);
          redactPersonal(text, [text.slice(0, 3)]);
          const xml = render('xml', 'errors', new Open311List('error', [{ code: 400, description: text }]));
          assert.ok(!xmlIllegal(xml), JSON.stringify(xml));
          JSON.parse(render('json', 'errors', new Open311List('error', [{ code: 400, description: text }])));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
