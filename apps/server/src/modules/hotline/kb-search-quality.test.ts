import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { DB_KINDS, openTestDatabase } from '../../../test/databases.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { seedDemoKb } from './kb.demo.ts';
import { searchColumns } from './kb.service.ts';
import { recountKbTerms, searchKb } from './kb-search.service.ts';

const NOW = new Date('2026-11-27T09:00:00+08:00');

/** What callers of the 12328 hotline ask, as agents type it, and the demo article that answers. */
const QUESTIONS: readonly (readonly [question: string, key: string])[] = [
  ['怎么办理网约车驾驶员证', 'ridehail-driver-licence'],
  ['网约车运输证怎么办', 'ridehail-vehicle-permit'],
  ['出租车拒载怎么投诉', 'taxi-complaint-scope'],
  ['出租车上遗失物品怎么找', 'taxi-lost-property'],
  ['公交车甩站投诉', 'bus-service-complaint'],
  ['节假日高速公路免费通行吗', 'toll-exemption'],
  ['ETC扣费异常', 'etc-issues'],
  ['鲜活农产品绿色通道', 'green-channel'],
  ['公路路面坑槽报修', 'road-damage-report'],
  ['货车超限超载认定标准是什么', 'overload-standard'],
  ['大件运输许可怎么办理', 'oversize-permit'],
  ['长途客车退票改签', 'coach-ticket-refund'],
  ['举报黑车非法营运', 'illegal-operation-report'],
  ['驾校退费投诉', 'driving-school-complaint'],
  ['船闸过闸', 'ship-lock-passage'],
  ['船员适任证书怎么办理', 'seafarer-certificate'],
  ['水上遇险求助', 'water-distress'],
  ['12328工单办理时限', 'hotline-process'],
  ['两客一危动态监控', 'two-passenger-one-hazard'],
];

for (const kind of DB_KINDS) {
  describe(`knowledge-base search quality on ${kind}`, () => {
    let handle: DatabaseHandle;
    let agent: Actor;
    const search = (q: string) =>
      handle.db.transaction().execute((trx) => searchKb(trx, agent, { q, page: 1, pageSize: 10 }, NOW));
    const firstKey = async (q: string) => {
      const hit = (await search(q)).items[0];
      return (
        hit &&
        (await handle.db.selectFrom('kb_article').select('key').where('id', '=', hit.id).executeTakeFirst())
          ?.key
      );
    };
    const articlesWith = async (term: string) =>
      (await handle.db.selectFrom('kb_term').select('articles').where('term', '=', term).executeTakeFirst())
        ?.articles;

    before(async () => {
      handle = await openTestDatabase(kind);
      // Shanghai: the national articles, none of the Jiangsu or Nanjing overrides.
      const sh = await handle.db
        .selectFrom('org_unit')
        .select(['id', 'path'])
        .where('code', '=', '310000')
        .executeTakeFirstOrThrow();
      agent = { userId: 1, orgUnitId: sh.id, orgPath: sh.path, permissions: new Set() } as unknown as Actor;
      await handle.db.transaction().execute((trx) => seedDemoKb(trx, NOW));
    });
    after(() => handle.close());

    test('each realistic question finds the article that answers it first', async () => {
      const wrong: string[] = [];
      for (const [q, key] of QUESTIONS) {
        const got = await firstKey(q);
        if (got !== key) wrong.push(`${q}: ${got ?? 'nothing'} instead of ${key}`);
      }
      assert.deepEqual(wrong, []);
    });

    test('an exact title comes first', async () => {
      assert.equal(await firstKey('出租车投诉受理范围'), 'taxi-complaint-scope');
      assert.equal((await search('出租车投诉受理范围')).items[0]?.rank, 3);
    });

    test('the word being typed stands for the words it begins, and those are highlighted', async () => {
      const typing = await search('网约');
      assert.equal(typing.mode, 'fulltext');
      assert.deepEqual(
        typing.items
          .slice(0, 2)
          .map((h) => h.title)
          .sort(),
        ['网约车车辆运输证办理', '网约车驾驶员证办理'],
      );
      assert.match(typing.items[0]?.titleHtml ?? '', /^<mark>网约车[^<]*<\/mark>/);
      assert.equal(await firstKey('船员证'), 'seafarer-certificate');
    });

    test('a word no article holds is dropped, and of the rest the most frequent first', async () => {
      const unknown = await search('网约车驾驶员证 火星');
      assert.deepEqual(
        [unknown.mode, await firstKey('网约车驾驶员证 火星')],
        ['partial', 'ridehail-driver-licence'],
      );
      // No article has all three; 投诉 is in several, 船闸 and 过闸 in one: it answers alone.
      assert.ok(((await articlesWith('投诉')) ?? 0) > ((await articlesWith('船闸')) ?? 0));
      const rarer = await search('船闸过闸投诉');
      assert.deepEqual([rarer.mode, rarer.total, rarer.items[0]?.title], ['partial', 1, '船闸过闸咨询']);
    });

    test('word counts: counted once after the demo load, then kept through inserts, edits and deletes', async () => {
      for (const term of ['网约车', '投诉', '船闸']) {
        const { n } = (
          await sql<{ n: number }>`select count(*)::int as n from kb_article
            where search_vector @@ ${`'${term}'`}::tsquery`.execute(handle.db)
        ).rows[0] as { n: number };
        assert.equal(await articlesWith(term), n, term);
      }
      const column = (title: string, body: string) =>
        searchColumns({ title, body, domain: 'other', categoryCode: null, tags: [] }).search_vector;
      const [row] = (
        await sql<{
          id: number;
        }>`insert into kb_article (key, org_unit_id, status, current_version, title, body,
            domain, search_vector, search_text, created_at, updated_at)
          values ('anchorage', ${agent.orgUnitId}, 'draft', 1, '锚地管理', '锚地。', 'other',
            ${column('锚地管理', '锚地。')}::tsvector, '锚地管理', ${NOW}, ${NOW}) returning id`.execute(
          handle.db,
        )
      ).rows;
      assert.deepEqual([await articlesWith('锚地'), await articlesWith('锚泊')], [1, undefined]);
      await sql`update kb_article set search_vector = ${column('锚泊管理', '锚泊。')}::tsvector
        where id = ${row?.id}`.execute(handle.db);
      assert.deepEqual([await articlesWith('锚地'), await articlesWith('锚泊')], [0, 1]);
      await sql`delete from kb_article where id = ${row?.id}`.execute(handle.db);
      assert.equal(await articlesWith('锚泊'), 0);
      // Counts gone wrong are set right by the daily recount, which drops the words no article holds.
      await sql`update kb_term set articles = 0 where term = '网约车'`.execute(handle.db);
      await recountKbTerms(handle.db);
      assert.deepEqual([await articlesWith('网约车'), await articlesWith('锚泊')], [5, undefined]);
    });
  });
}
