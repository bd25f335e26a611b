import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';

interface Hit {
  id: number;
  code: string;
  name: string;
  path: string;
  pathNames: string[];
}

for (const kind of DB_KINDS) {
  describe(`org routes and jurisdiction on ${kind}`, () => {
    let t: TestApp;
    let xwStaff: Session;
    let xwAdmin: Session;
    let njAdmin: Session;
    const id: Record<string, number> = {};

    before(async () => {
      t = await startTestApp(kind);
      for (const code of ['MOT', '320000', '320100', '320102', '320104', '320105', '320500'])
        id[code] = await t.orgId(code);
      await t.createUser('xw.staff', '320102', ['staff']);
      await t.createUser('xw.admin', '320102', ['orgAdmin']);
      await t.createUser('nj.admin', '320100', ['orgAdmin']);
      xwStaff = await t.login('xw.staff');
      xwAdmin = await t.login('xw.admin');
      njAdmin = await t.login('nj.admin');
    });
    after(() => t.close());

    test('the root is the unit I act for', async () => {
      const res = await t.as(xwStaff, 'GET', '/api/orgs/root');
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().code, '320102');
      assert.equal(res.json().name, '玄武区交通运输局');
      assert.equal(res.json().level, 'county');
      assert.equal(res.json().regionCode, '320102');
    });

    test('a unit comes with the names above it, including those above my root', async () => {
      const res = await t.as(xwStaff, 'GET', `/api/orgs/${id['320102']}`);
      assert.equal(res.statusCode, 200);
      assert.deepEqual(
        res.json().ancestors.map((a: { name: string }) => a.name),
        ['交通运输部', '江苏省交通运输厅', '南京市交通运输局'],
      );
      const nj = await t.as(njAdmin, 'GET', `/api/orgs/${id['320102']}`);
      assert.equal(nj.statusCode, 200);
    });

    test('a county user reads nothing outside its county', async () => {
      for (const session of [xwStaff, xwAdmin]) {
        for (const code of ['320100', '320104', '320000', 'MOT']) {
          const unit = id[code];
          for (const url of [
            `/api/orgs/${unit}`,
            `/api/orgs/${unit}/children`,
            `/api/orgs/${unit}/history`,
          ]) {
            const res = await t.as(session, 'GET', url);
            assert.equal(res.statusCode, 404, url);
            assert.equal(res.json().error.code, 'not_found');
          }
          const asOf = await t.as(session, 'GET', `/api/orgs/${unit}/children?asOf=2020-01-01`);
          assert.equal(asOf.statusCode, 404);
        }
      }
    });

    test("search stays in the caller's subtree", async () => {
      const mine = await t.as(xwStaff, 'GET', `/api/orgs?q=${encodeURIComponent('区')}`);
      assert.equal(mine.statusCode, 200);
      const hits = mine.json().items as Hit[];
      assert.deepEqual(
        hits.map((h) => h.code),
        ['320102'],
      );
      assert.deepEqual(hits[0]?.pathNames, ['玄武区交通运输局']);
      for (const q of ['秦淮', '南京', '320104', '交通运输部']) {
        const res = await t.as(xwStaff, 'GET', `/api/orgs?q=${encodeURIComponent(q)}`);
        assert.equal(res.json().total, 0, q);
      }
      const all = await t.as(xwStaff, 'GET', '/api/orgs');
      assert.equal(all.json().total, 1);
    });

    test('a city user finds its districts by name or exact code, with the path from its root', async () => {
      const byName = await t.as(njAdmin, 'GET', `/api/orgs?q=${encodeURIComponent('秦淮')}`);
      assert.equal(byName.statusCode, 200);
      const hit = (byName.json().items as Hit[])[0];
      assert.equal(hit?.code, '320104');
      assert.deepEqual(hit?.pathNames, ['南京市交通运输局', '秦淮区交通运输局']);
      const byCode = await t.as(njAdmin, 'GET', '/api/orgs?q=320105');
      assert.deepEqual(
        (byCode.json().items as Hit[]).map((h) => h.code),
        ['320105'],
      );
      const counties = await t.as(njAdmin, 'GET', '/api/orgs?level=county&pageSize=200');
      const items = counties.json().items as Hit[];
      assert.equal(counties.json().total, 11);
      assert.ok(items.every((h) => h.code.startsWith('3201')));
      const suzhou = await t.as(njAdmin, 'GET', `/api/orgs?q=${encodeURIComponent('苏州')}`);
      assert.equal(suzhou.json().total, 0);
    });

    test('children of a city are its districts, ordered by code, with child counts', async () => {
      const res = await t.as(njAdmin, 'GET', `/api/orgs/${id['320100']}/children?pageSize=5`);
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.equal(body.total, 11);
      assert.equal(body.items.length, 5);
      assert.deepEqual(
        body.items.map((c: { code: string }) => c.code),
        ['320102', '320104', '320105', '320106', '320111'],
      );
      assert.equal(body.items[0].childCount, 0);
      const js = await t.as(njAdmin, 'GET', `/api/orgs/${id['320100']}`);
      assert.equal(js.json().parentId, id['320000']);
    });

    test('a county admin changes nothing outside its county, nor its own unit', async () => {
      const rename = await t.as(xwAdmin, 'POST', `/api/orgs/${id['320104']}/rename`, {
        name: '秦淮区交通局',
        effectiveDate: '2026-01-01',
      });
      assert.equal(rename.statusCode, 404);
      const close = await t.as(xwAdmin, 'POST', `/api/orgs/${id['320104']}/close`, {
        effectiveDate: '2026-01-01',
      });
      assert.equal(close.statusCode, 404);
      const mergeOther = await t.as(xwAdmin, 'POST', `/api/orgs/${id['320104']}/merge`, {
        targetId: id['320102'],
        effectiveDate: '2026-01-01',
      });
      assert.equal(mergeOther.statusCode, 404);
      const mergeOwn = await t.as(xwAdmin, 'POST', `/api/orgs/${id['320102']}/merge`, {
        targetId: id['320104'],
        effectiveDate: '2026-01-01',
      });
      assert.equal(mergeOwn.statusCode, 403);
      const renameOwn = await t.as(xwAdmin, 'POST', `/api/orgs/${id['320102']}/rename`, {
        name: '玄武区交通局',
        effectiveDate: '2026-01-01',
      });
      assert.equal(renameOwn.statusCode, 403);
      assert.equal(renameOwn.json().error.code, 'forbidden');
      const createOutside = await t.as(xwAdmin, 'POST', '/api/orgs', {
        parentId: id['320100'],
        name: '南京市公路事业发展中心',
        code: 'NJ-ROAD',
        kind: 'department',
        effectiveDate: '2026-01-01',
      });
      assert.equal(createOutside.statusCode, 403);
      assert.equal(createOutside.json().error.code, 'out_of_jurisdiction');

      const dept = await t.as(xwAdmin, 'POST', '/api/orgs', {
        parentId: id['320102'],
        name: '玄武区运输管理所',
        code: 'XW-TRANSPORT',
        kind: 'department',
        effectiveDate: '2026-01-01',
      });
      assert.equal(dept.statusCode, 201);
      const mergeOut = await t.as(xwAdmin, 'POST', `/api/orgs/${dept.json().id}/merge`, {
        targetId: id['320104'],
        effectiveDate: '2026-02-01',
      });
      assert.equal(mergeOut.statusCode, 403);
      assert.equal(mergeOut.json().error.code, 'out_of_jurisdiction');
      const unchanged = await t.handle.db
        .selectFrom('org_unit')
        .select(['name', 'status'])
        .where('code', 'in', ['320104', '320100'])
        .execute();
      assert.ok(unchanged.every((u) => u.status === 'active' && u.name.endsWith('交通运输局')));
    });

    test('staff may read but not manage', async () => {
      const res = await t.as(xwStaff, 'POST', '/api/orgs', {
        parentId: id['320102'],
        name: '玄武区某科',
        code: 'XW-X',
        kind: 'department',
        effectiveDate: '2026-01-01',
      });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'forbidden');
    });

    test('a city admin manages its districts', async () => {
      const rename = await t.as(njAdmin, 'POST', `/api/orgs/${id['320105']}/rename`, {
        name: '建邺区交通局',
        effectiveDate: '2026-03-01',
      });
      assert.equal(rename.statusCode, 200);
      assert.equal(rename.json().name, '建邺区交通局');
      const outside = await t.as(njAdmin, 'POST', `/api/orgs/${id['320105']}/merge`, {
        targetId: id['320500'],
        effectiveDate: '2026-03-02',
      });
      assert.equal(outside.statusCode, 403);
      assert.equal(outside.json().error.code, 'out_of_jurisdiction');
      const own = await t.as(njAdmin, 'POST', `/api/orgs/${id['320100']}/close`, {
        effectiveDate: '2026-03-02',
      });
      assert.equal(own.statusCode, 403);
    });

    test('divisions: the provinces, or the children of a code', async () => {
      const provinces = await t.as(xwStaff, 'GET', '/api/divisions?pageSize=50');
      assert.equal(provinces.statusCode, 200);
      assert.equal(provinces.json().total, 31);
      assert.equal(provinces.json().items[0].code, '110000');
      const bj = await t.as(xwStaff, 'GET', '/api/divisions?parentCode=110000');
      assert.deepEqual(bj.json().items, [
        { code: '110100', name: '市辖区', level: 'city', parentCode: '110000', grouping: true },
      ]);
      const nj = await t.as(xwStaff, 'GET', '/api/divisions?parentCode=320100&pageSize=200');
      assert.ok(nj.json().items.some((d: { code: string }) => d.code === '320102'));
      const missing = await t.as(xwStaff, 'GET', '/api/divisions?parentCode=999999');
      assert.equal(missing.statusCode, 404);
      const anonymous = await t.app.inject({ method: 'GET', url: '/api/divisions' });
      assert.equal(anonymous.statusCode, 401);
    });
  });
}
