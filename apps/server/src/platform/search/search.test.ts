import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { DB_KINDS, openTestDatabase } from '../../../test/databases.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { highlight } from './highlight.ts';
import { indexTokens, queryTokens } from './segmenter.ts';
import { toSearchQuery, toTsVector } from './tsvector.ts';

// Any UTF-16, including lone surrogates, controls and quotes, mixed with Chinese transport text.
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({
    unit: fc.constantFrom(...'网约车驾驶员证超限超载\'"\\&<>: 12328ＥＴＣ\u0000\uD800'),
    maxLength: 60,
  }),
);

describe('segmentation of transport phrases', () => {
  test('the transport dictionary keeps the domain words whole', () => {
    assert.deepEqual(queryTokens('网约车驾驶员证办理'), ['网约车驾驶员证', '办理']);
    assert.deepEqual(queryTokens('两客一危车辆超限超载认定标准'), [
      '两客一危',
      '车辆',
      '超限超载',
      '认定',
      '标准',
    ]);
    assert.deepEqual(queryTokens('12328热线出租车投诉受理范围'), [
      '12328',
      '热线',
      '出租车',
      '投诉',
      '受理',
      '范围',
    ]);
  });

  test('question words and punctuation are no search terms; full width folds to half width', () => {
    assert.deepEqual(queryTokens('请问怎么办理网约车驾驶员证？'), ['办理', '网约车驾驶员证']);
    assert.deepEqual(queryTokens('ＥＴＣ通行费'), ['etc', '通行费']);
    assert.deepEqual(queryTokens('怎么'), ['怎么'], 'a query of stop words alone still searches');
    assert.deepEqual(queryTokens('？！。 '), []);
  });

  test('the index holds the parts of long words, so a query for a part finds the whole', () => {
    const tokens = indexTokens('高速公路通行费减免政策，网约车驾驶员证');
    for (const part of ['高速', '公路', '高速公路', '通行费', '减免', '网约车', '驾驶员', '网约车驾驶员证'])
      assert.ok(tokens.includes(part), `${part} in ${tokens.join(' ')}`);
  });

  test('vector literals carry weights and positions; queries AND their terms, the last as a prefix', () => {
    assert.equal(
      toTsVector([
        { text: '出租车投诉', weight: 'A' },
        { text: '出租车', weight: 'D' },
      ]),
      "'出租':1A,5D '租车':2A,6D '出租车':3A,7D '投诉':4A",
    );
    assert.equal(toSearchQuery('ETC卡 收费站')?.tsquery, "'etc卡' & '收费站':*");
    assert.equal(toSearchQuery('网约车 驾驶员')?.tsquery, "'网约车' & '驾驶员':*");
    assert.equal(toSearchQuery('  '), undefined);
  });

  test('highlighting marks matches, escapes HTML and cuts around the densest run', () => {
    assert.equal(highlight('<b>网约车</b>投诉', ['网约车']), '&lt;b&gt;<mark>网约车</mark>&lt;/b&gt;投诉');
    assert.equal(highlight('ＥＴＣ卡', ['etc']), '<mark>ＥＴＣ</mark>卡');
    const long = `${'无关内容。'.repeat(40)}超限超载认定标准：车货总重超过限值即为超限。${'无关内容。'.repeat(40)}`;
    const cut = highlight(long, ['超限', '车货总重'], { maxChars: 40 });
    assert.match(cut, /^….*<mark>超限<\/mark>.*<mark>车货总重<\/mark>.*…$/);
  });

  test('fuzz: builders and the highlighter never throw; a snippet is the text, marked and escaped', () => {
    fc.assert(
      fc.property(anyText, anyText, fc.nat({ max: 80 }), (text, query, maxChars) => {
        toTsVector([{ text, weight: 'A' }]);
        const q = toSearchQuery(query);
        const html = highlight(text, q?.terms ?? [], { maxChars });
        const plain = html
          .replace(/<\/?mark>/g, '')
          .replace(/^…|…$/g, '')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&amp;/g, '&');
        assert.ok(
          text.replace(/[\uD800-\uDFFF]/g, '\uFFFD').includes(plain.replace(/[\uD800-\uDFFF]/g, '\uFFFD')) ||
            plain.includes('\uFFFD'),
        );
        assert.ok(!/<(?!\/?mark>)/.test(html), 'no tag but mark');
      }),
      { numRuns: 500 },
    );
  });
});

for (const kind of DB_KINDS) {
  describe(`full-text literals on ${kind}`, () => {
    let handle: DatabaseHandle;
    before(async () => {
      handle = await openTestDatabase(kind);
    });
    after(() => handle.close());

    test('fuzz: every literal built from any text is accepted by PostgreSQL', async () => {
      await fc.assert(
        fc.asyncProperty(anyText, anyText, async (text, query) => {
          const vector = toTsVector([{ text, weight: 'B' }]);
          const q = toSearchQuery(query)?.tsquery ?? "'x'";
          await sql`select ${vector}::tsvector @@ ${q}::tsquery as hit`.execute(handle.db);
        }),
        { numRuns: 150 },
      );
    });

    test('ranking: a title match outranks a body match; every term must match', async () => {
      const docs = [
        { id: 1, title: '出租车投诉受理范围', body: '乘客可就拒载、绕路、议价等行为投诉。' },
        { id: 2, title: '公交线路调整', body: '本市出租车与公交衔接方案，投诉请拨打12328。' },
        { id: 3, title: '网约车驾驶员证办理', body: '申请人向所在地出租汽车行政主管部门申请。' },
      ];
      const rows = docs.map((d) => ({
        id: d.id,
        v: toTsVector([
          { text: d.title, weight: 'A' },
          { text: d.body, weight: 'D' },
        ]),
      }));
      const rank = async (query: string) => {
        const q = toSearchQuery(query)?.tsquery as string;
        const { rows: hits } = await sql<{ id: number }>`
          select d.id from (values ${sql.join(rows.map((r) => sql`(${r.id}::int, ${r.v}::tsvector)`))}) as d(id, v)
          where d.v @@ ${q}::tsquery order by ts_rank_cd(d.v, ${q}::tsquery) desc, d.id`.execute(handle.db);
        return hits.map((h) => h.id);
      };
      assert.deepEqual(await rank('出租车投诉'), [1, 2]);
      assert.deepEqual(await rank('网约车驾驶员'), [3]);
      assert.deepEqual(await rank('网约'), [3], 'the last term is a prefix');
      assert.deepEqual(await rank('出租车 网约车'), []);
    });
  });
}
