import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { seedDemoKb } from './kb.demo.ts';
import { DEMO_ARTICLES } from './kb.demo-data.ts';

for (const kind of DB_KINDS) {
  describe(`demo knowledge base on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    test('npm start seeds the demo articles once; they answer agents with their overrides', async () => {
      const now = t.clock.now();
      assert.equal(
        await t.handle.db.transaction().execute((trx) => seedDemoKb(trx, now)),
        DEMO_ARTICLES.length,
      );
      assert.equal(await t.handle.db.transaction().execute((trx) => seedDemoKb(trx, now)), 0, 'idempotent');
      await t.createUser('xw.demo', '320102', ['hotlineAgent']);
      await t.createUser('sh.demo', '310000', ['hotlineAgent']);
      const sessions = { 'xw.demo': await t.login('xw.demo'), 'sh.demo': await t.login('sh.demo') };
      const searchAs = async (user: keyof typeof sessions, q: string) =>
        (await t.as(sessions[user], 'GET', `/api/hotline/kb/search?q=${encodeURIComponent(q)}`)).json();
      const search = async (user: keyof typeof sessions, q: string) =>
        (await searchAs(user, q)).items.map((h: { title: string }) => h.title);
      assert.equal((await search('xw.demo', '网约车驾驶员证'))[0], '网约车驾驶员证办理（南京）');
      assert.equal((await search('sh.demo', '网约车驾驶员证'))[0], '网约车驾驶员证办理');
      assert.equal((await search('sh.demo', '超限认定标准'))[0], '超限超载认定标准');
      const holiday = await searchAs('sh.demo', '节假日小型客车免费通行');
      assert.deepEqual([holiday.mode, holiday.items[0]?.title], ['partial', '高速公路通行费减免政策']);
      assert.equal(
        (await search('sh.demo', '两客一威'))[0],
        '“两客一危”车辆动态监控',
        'a typo still finds it',
      );
    });
  });
}
