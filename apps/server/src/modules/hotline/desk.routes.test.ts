import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { type HotlineWorld, hotlineWorld, taxiComplaint } from './hotline-test-kit.ts';

for (const kind of DB_KINDS) {
  describe(`hotline desk reads (replies, public regions) on ${kind}`, () => {
    let t: TestApp;
    let w: HotlineWorld;
    before(async () => {
      t = await startTestApp(kind);
      w = await hotlineWorld(t);
    });
    after(() => t.close());

    const post = async (who: keyof Omit<HotlineWorld, 'ids'>, url: string, body?: unknown, status = 200) => {
      const res = await t.as(w[who], 'POST', url, body);
      assert.equal(res.statusCode, status, `${url}: ${res.body}`);
      return res.json();
    };

    test('the centre reads the unit’s replies with their review; a sibling county does not', async () => {
      const id = (await post('agent', '/api/hotline/tickets', taxiComplaint(w.ids.xw), 201)).id as number;
      await post('agent', `/api/hotline/tickets/${id}/dispatch`, { handlingOrgId: w.ids.xw });
      await post('xwHandler', `/api/hotline/tickets/${id}/sign-for`);
      const answer = {
        facts: '司机拒载属实',
        handling: '已批评教育',
        legalBasis: '《巡游出租汽车经营服务管理规定》',
      };
      await post('xwHandler', `/api/hotline/tickets/${id}/reply`, answer);
      await post('supervisor', `/api/hotline/tickets/${id}/review`, { approve: false, note: '补充处理结果' });
      await post('xwHandler', `/api/hotline/tickets/${id}/reply`, { ...answer, handling: '已罚款200元' });

      const res = await t.as(w.supervisor, 'GET', `/api/hotline/tickets/${id}/replies`);
      assert.equal(res.statusCode, 200, res.body);
      const page = res.json();
      assert.equal(page.total, 2);
      assert.deepEqual(
        page.items.map((r: { handling: string; review: string; reviewNote: string | null }) => [
          r.handling,
          r.review,
          r.reviewNote,
        ]),
        [
          ['已罚款200元', 'pending', null],
          ['已批评教育', 'rejected', '补充处理结果'],
        ],
        'newest first, each with its review',
      );
      assert.equal(page.items[0].orgUnitId, w.ids.xw);
      assert.equal((await t.as(w.xwHandler, 'GET', `/api/hotline/tickets/${id}/replies`)).statusCode, 200);
      assert.equal((await t.as(w.glHandler, 'GET', `/api/hotline/tickets/${id}/replies`)).statusCode, 404);
    });

    test('the public form finds places by name or code, without a session', async () => {
      const get = (q: string) =>
        t.app.inject({
          method: 'GET',
          url: `/api/hotline/public/regions?${q}`,
          remoteAddress: '203.0.113.9',
        });
      const byName = await get(`q=${encodeURIComponent('玄武')}`);
      assert.equal(byName.statusCode, 200, byName.body);
      const hit = byName.json().items.find((r: { code: string }) => r.code === '320102');
      assert.ok(hit, byName.body);
      assert.equal(hit.parentName, '南京市交通运输局');
      const byCode = (await get('q=3201&pageSize=200')).json();
      assert.ok(byCode.total >= 2);
      assert.ok(
        byCode.items.every((r: { code: string }) => r.code.startsWith('3201')),
        'a code is a prefix',
      );
      assert.ok(
        byCode.items.some((r: { code: string }) => r.code === '320100'),
        'cities as well as counties',
      );
      const noProvince = (await get('q=320000')).json();
      assert.equal(noProvince.total, 0, 'provinces take no public tickets of their own here');
      const wild = (await get(`q=${encodeURIComponent('%')}`)).json();
      assert.equal(wild.total, 0, 'a wildcard is taken literally');
      const paged = (await get('pageSize=2&page=2')).json();
      assert.equal(paged.items.length, 2);
      assert.ok(paged.total > 2);
    });
  });
}
