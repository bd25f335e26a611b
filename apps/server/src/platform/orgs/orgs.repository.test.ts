import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS, openTestDatabase } from '../../../test/databases.ts';
import type { DatabaseHandle } from '../db/database.ts';
import {
  closeCurrentVersions,
  insertVersionsFromUnits,
  listChildrenAsOf,
  listVersions,
} from './org-versions.repository.ts';
import {
  findAncestors,
  findOrgUnitByCode,
  findOrgUnitInScope,
  idsOnPath,
  listActiveChildren,
  type OrgUnitRow,
  replacePathPrefix,
  searchOrgUnits,
} from './orgs.repository.ts';

test('idsOnPath reads a materialised path root first', () => {
  assert.deepEqual(idsOnPath('/1/11/120/'), [1, 11, 120]);
  assert.deepEqual(idsOnPath('/1/'), [1]);
});

for (const kind of DB_KINDS) {
  describe(`org repository on ${kind}`, () => {
    let handle: DatabaseHandle;
    const unit: Record<string, OrgUnitRow> = {};
    before(async () => {
      handle = await openTestDatabase(kind);
      for (const code of ['MOT', '320000', '320100', '320102', '320104', '320500', '110000', '110101']) {
        unit[code] = (await findOrgUnitByCode(handle.db, code)) as OrgUnitRow;
      }
    });
    after(() => handle.close());
    const u = (code: string) => unit[code] as OrgUnitRow;

    test('a subtree is every path under the scope path, and nothing beside it', async () => {
      const nj = u('320100');
      assert.ok(await findOrgUnitInScope(handle.db, u('320102').id, nj.path));
      assert.ok(await findOrgUnitInScope(handle.db, nj.id, nj.path));
      assert.equal(await findOrgUnitInScope(handle.db, u('320000').id, nj.path), undefined);
      assert.equal(await findOrgUnitInScope(handle.db, u('320500').id, nj.path), undefined);
      // '/1/2/' must not match '/1/20/…': the trailing slash closes the prefix.
      const two = await handle.db
        .selectFrom('org_unit')
        .selectAll()
        .where('id', '=', 2)
        .executeTakeFirstOrThrow();
      const twenty = await handle.db
        .selectFrom('org_unit')
        .selectAll()
        .where('id', '=', 20)
        .executeTakeFirstOrThrow();
      assert.equal(two.path, '/1/2/');
      assert.equal(await findOrgUnitInScope(handle.db, twenty.id, two.path), undefined);
    });

    test('ancestors run from the ministry down to the parent', async () => {
      const names = (await findAncestors(handle.db, u('320102').path)).map((a) => a.name);
      assert.deepEqual(names, ['交通运输部', '江苏省交通运输厅', '南京市交通运输局']);
      assert.deepEqual(await findAncestors(handle.db, u('MOT').path), []);
    });

    test('children of 北京 are its districts directly', async () => {
      const { items, total } = await listActiveChildren(handle.db, u('110000').id, 3, 0);
      assert.equal(total, 16);
      assert.deepEqual(
        items.map((c) => c.code),
        ['110101', '110102', '110105'],
      );
      const provinces = await listActiveChildren(handle.db, u('MOT').id, 50, 0);
      assert.equal(provinces.total, 31);
      assert.equal(provinces.items.find((p) => p.code === '320000')?.child_count, 13);
    });

    test('search matches names in the scope, exact codes first, with the path names from the scope root', async () => {
      const js = u('320000');
      const hits = await searchOrgUnits(handle.db, { scopePath: js.path, q: '鼓楼' }, 20, 0);
      assert.deepEqual(hits.items.map((h) => h.code).sort(), ['320106', '320302']);
      assert.deepEqual(hits.items.find((h) => h.code === '320106')?.path_names, [
        '江苏省交通运输厅',
        '南京市交通运输局',
        '鼓楼区交通运输局',
      ]);
      const everywhere = await searchOrgUnits(handle.db, { scopePath: '/1/', q: '鼓楼区' }, 50, 0);
      assert.ok(everywhere.total > hits.total);
      const byCode = await searchOrgUnits(handle.db, { scopePath: js.path, q: '320100' }, 20, 0);
      assert.equal(byCode.items[0]?.code, '320100');
      const cities = await searchOrgUnits(handle.db, { scopePath: js.path, level: 'city' }, 50, 0);
      assert.equal(cities.total, 13);
      const wildcard = await searchOrgUnits(handle.db, { scopePath: js.path, q: '%' }, 20, 0);
      assert.equal(wildcard.total, 0);
      const page2 = await searchOrgUnits(handle.db, { scopePath: js.path, level: 'city' }, 5, 10);
      assert.equal(page2.items.length, 3);
    });

    test('a path prefix replace moves a whole subtree; versions record the tree on each day', async () => {
      await handle.db.transaction().execute(async (trx) => {
        const xw = u('320102');
        const qh = u('320104');
        const nj = u('320100');
        await trx.updateTable('org_unit').set({ parent_id: qh.id }).where('id', '=', xw.id).execute();
        const moved = await replacePathPrefix(trx, xw.path, `${qh.path}${xw.id}/`);
        assert.deepEqual(moved, [xw.id]);
        await closeCurrentVersions(trx, moved, '2025-01-01');
        await insertVersionsFromUnits(trx, moved, 'move', '2025-01-01', null, new Date());
        const before = await listChildrenAsOf(trx, nj.id, '2024-12-31', nj.path, 50, 0);
        const after = await listChildrenAsOf(trx, nj.id, '2025-01-01', nj.path, 50, 0);
        assert.ok(before.items.some((c) => c.id === xw.id));
        assert.ok(!after.items.some((c) => c.id === xw.id));
        const underQh = await listChildrenAsOf(trx, qh.id, '2025-01-01', nj.path, 50, 0);
        assert.deepEqual(
          underQh.items.map((c) => c.id),
          [xw.id],
        );
        assert.equal(before.items.find((c) => c.id === qh.id)?.child_count, 0);
        assert.equal(after.items.find((c) => c.id === qh.id)?.child_count, 1);
        // Units outside the caller's jurisdiction stay hidden in the past tree too.
        const jy = (await findOrgUnitByCode(trx, '320105')) as OrgUnitRow;
        const scoped = await listChildrenAsOf(trx, nj.id, '2024-12-31', jy.path, 50, 0);
        assert.deepEqual(
          scoped.items.map((c) => c.id),
          [jy.id],
        );
        const history = await listVersions(trx, xw.id, 10, 0);
        assert.deepEqual(
          history.items.map((v) => [v.change, v.parent_name, v.valid_from, v.valid_to]),
          [
            ['move', '秦淮区交通运输局', '2025-01-01', null],
            ['create', '南京市交通运输局', '1970-01-01', '2025-01-01'],
          ],
        );
      });
    });
  });
}
