import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { DB_KINDS, openTestDatabase } from '../../../test/databases.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { searchColumns } from './kb.service.ts';
import { CANDIDATE_CAP } from './kb-search.repository.ts';
import { searchKb } from './kb-search.service.ts';

const NOW = new Date('2026-11-27T09:00:00+08:00');

for (const kind of DB_KINDS) {
  describe(`knowledge-base search ranking and scoping on ${kind}`, () => {
    let handle: DatabaseHandle;
    let org: Record<'mot' | 'js' | 'nj' | 'xw' | 'zj', { id: number; path: string }>;
    let n = 0;
    const add = async (
      owner: { id: number },
      a: { key?: string; title: string; body: string; tags?: string[]; status?: string },
    ) => {
      const tags = a.tags ?? [];
      const cols = searchColumns({ title: a.title, body: a.body, domain: 'other', categoryCode: null, tags });
      await sql`insert into kb_article (key, org_unit_id, status, current_version, title, body, domain, tags,
          search_vector, search_text, published_at, created_at, updated_at)
        values (${a.key ?? `k-${++n}`}, ${owner.id}, ${a.status ?? 'published'}, 1, ${a.title}, ${a.body}, 'other',
          ${tags}::text[], ${cols.search_vector}::tsvector, ${cols.search_text}, ${NOW}, ${NOW}, ${NOW})`.execute(
        handle.db,
      );
    };
    const search = (at: { id: number; path: string }, q: string, page = 1, pageSize = 20) =>
      handle.db
        .transaction()
        .execute((trx) =>
          searchKb(
            trx,
            { userId: 1, orgUnitId: at.id, orgPath: at.path, permissions: new Set() } as unknown as Actor,
            { q, page, pageSize },
            NOW,
          ),
        );

    before(async () => {
      handle = await openTestDatabase(kind);
      const rows = await handle.db
        .selectFrom('org_unit')
        .select(['id', 'path', 'code'])
        .where('code', 'in', ['MOT', '320000', '320100', '320102', '330000'])
        .execute();
      const by = (code: string) => rows.find((r) => r.code === code) as { id: number; path: string };
      org = { mot: by('MOT'), js: by('320000'), nj: by('320100'), xw: by('320102'), zj: by('330000') };
    });
    after(() => handle.close());

    test('a title or tag match ranks before any body-only match, however often the body repeats the word', async () => {
      await add(org.mot, { title: '船闸过闸须知', body: '过闸船舶应当服从调度。', tags: ['锚泊'] });
      await add(org.mot, { title: '内河航行安全', body: '锚泊区内锚泊，锚泊时显示锚泊信号，锚泊船舶值班。' });
      await add(org.mot, { title: '锚泊管理规定', body: '船舶应当在指定水域停泊。' });
      const hits = await search(org.xw, '锚泊');
      assert.deepEqual(
        hits.items.map((h) => h.title),
        ['锚泊管理规定', '船闸过闸须知', '内河航行安全'],
      );
      assert.ok((hits.items[1]?.rank ?? 0) > (hits.items[2]?.rank ?? 1), 'ranks descend');
      assert.equal(
        hits.items[2]?.snippetHtml.includes('<mark>锚泊</mark>'),
        true,
        'body matches are highlighted',
      );
      assert.deepEqual([hits.total, hits.hasMore, hits.totalCapped], [3, false, false]);
    });

    test('pages: hasMore until the last hit; past the end an empty page still carries the count', async () => {
      const first = await search(org.xw, '锚泊', 1, 2);
      assert.deepEqual([first.items.length, first.total, first.hasMore], [2, 3, true]);
      const last = await search(org.xw, '锚泊', 2, 2);
      assert.deepEqual([last.items.length, last.total, last.hasMore], [1, 3, false]);
      const past = await search(org.xw, '锚泊', 5, 2);
      assert.deepEqual([past.mode, past.items.length, past.total, past.hasMore], ['fulltext', 0, 3, false]);
    });

    test('more matches than the candidate cap: a capped count, and the overrides and scoping still hold', async () => {
      for (let i = 0; i < CANDIDATE_CAP + 100; i++)
        await add(i % 4 ? org.mot : org.zj, {
          title: `客渡船安全检查记录${i}`,
          body: '检查客渡船救生设备。',
        });
      // A national article shadowed in Nanjing, and a draft that is no answer.
      await add(org.mot, { key: 'ferry-fare', title: '客渡船票价', body: '全国客渡船票价政策。' });
      await add(org.nj, { key: 'ferry-fare', title: '客渡船票价（南京）', body: '南京客渡船票价。' });
      await add(org.nj, { title: '客渡船票价（草稿）', body: '未发布。', status: 'draft' });
      const hits = await search(org.xw, '客渡船', 1, 50);
      assert.equal(hits.totalCapped, true);
      assert.ok(hits.total <= CANDIDATE_CAP && hits.total > 0, `a capped count, got ${hits.total}`);
      assert.equal(hits.hasMore, true);
      const fare = await search(org.xw, '客渡船票价');
      assert.deepEqual(
        fare.items.map((h) => h.title),
        ['客渡船票价（南京）'],
        'the city override shadows the national article; drafts are no answers',
      );
      assert.deepEqual(
        (await search(org.js, '客渡船票价')).items.map((h) => h.title),
        ['客渡船票价'],
        'the province sees the national article',
      );
      const seen = await search(org.xw, '客渡船安全检查记录', 1, 200);
      assert.ok(seen.items.length > 0);
      const zhejiang = new Set(
        (
          await handle.db.selectFrom('kb_article').select('id').where('org_unit_id', '=', org.zj.id).execute()
        ).map((r) => r.id),
      );
      assert.ok(
        seen.items.every((h) => !zhejiang.has(h.id)),
        "another province's articles never come, even when most matches are theirs",
      );
    });
  });
}
