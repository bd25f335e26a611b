import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';

// The editor's list filters of the KB management screen: by level of the owning unit, by owner,
// and the articles about to expire. The clock stands at 2026-11-27 (Beijing).
for (const kind of DB_KINDS) {
  describe(`knowledge base list filters on ${kind}`, () => {
    let t: TestApp;
    let ministry: Session;
    let province: Session;
    let city: Session;
    let cityEditorId: number;
    let colleagueId: number;
    const ids: Record<string, number> = {};

    before(async () => {
      t = await startTestApp(kind);
      await t.createUser('mot.kb', 'MOT', ['hotlineSupervisor']);
      await t.createUser('js.kb', '320000', ['hotlineSupervisor']);
      cityEditorId = await t.createUser('nj.kb', '320100', ['hotlineSupervisor']);
      colleagueId = await t.createUser('nj.kb2', '320100', ['hotlineSupervisor']);
      ministry = await t.login('mot.kb');
      province = await t.login('js.kb');
      city = await t.login('nj.kb');
      const add = async (who: Session, org: string, key: string, extra: object) => {
        const res = await t.as(who, 'POST', '/api/hotline/kb/articles', {
          key,
          orgUnitId: await t.orgId(org),
          title: `${key} 的答复口径`,
          body: '网约车驾驶员应当取得网络预约出租汽车驾驶员证。',
          domain: 'urbanPassenger',
          publish: true,
          ...extra,
        });
        assert.equal(res.statusCode, 201, res.body);
        ids[`${org}:${key}`] = res.json().id;
      };
      await add(ministry, 'MOT', 'ridehail-licence', { expiresOn: '2026-12-10' });
      await add(province, '320000', 'ridehail-licence', { expiresOn: '2027-06-30' });
      await add(city, '320100', 'ridehail-licence', { expiresOn: '2026-11-20' });
      await add(city, '320100', 'taxi-fare', { ownerUserId: colleagueId });
      await add(city, '320100', 'bus-card', { expiresOn: '2026-12-01', publish: false });
    });
    after(() => t.close());

    const list = async (query: string) => {
      const res = await t.as(city, 'GET', `/api/hotline/kb/articles?${query}`);
      assert.equal(res.statusCode, 200, res.body);
      const page = res.json() as { total: number; items: { id: number }[] };
      return page.items.map((a) => a.id).sort((a, b) => a - b);
    };

    test('by the level of the owning unit: national, provincial and city articles apart', async () => {
      assert.deepEqual(await list('level=ministry'), [ids['MOT:ridehail-licence']]);
      assert.deepEqual(await list('level=province'), [ids['320000:ridehail-licence']]);
      assert.equal((await list('level=city')).length, 3);
      assert.deepEqual(await list('level=county'), []);
    });

    test('by owner: the author unless another owner of the unit is named', async () => {
      assert.deepEqual(await list(`ownerUserId=${colleagueId}`), [ids['320100:taxi-fare']]);
      assert.deepEqual(await list(`ownerUserId=${cityEditorId}`), [
        ids['320100:ridehail-licence'],
        ids['320100:bus-card'],
      ]);
    });

    test('expiring: published articles whose expiry date falls within the days given, or has passed', async () => {
      // 2026-11-27 + 30 days = 2026-12-27: the national one (12-10) and the expired city one (11-20);
      // the provincial one expires in 2027, the draft is not in force, the fare article never expires.
      assert.deepEqual(await list('expiringWithin=30'), [
        ids['MOT:ridehail-licence'],
        ids['320100:ridehail-licence'],
      ]);
      assert.deepEqual(await list('expiringWithin=0'), [ids['320100:ridehail-licence']]);
      const tooFar = await t.as(city, 'GET', '/api/hotline/kb/articles?expiringWithin=400');
      assert.equal(tooFar.statusCode, 400);
    });
  });
}
