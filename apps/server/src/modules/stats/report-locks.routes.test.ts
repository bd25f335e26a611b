import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { reportUrl, type StatsWorld, setUpStatsWorld } from './stats-test-kit.ts';

for (const kind of DB_KINDS) {
  describe(`stats fill windows, withdrawal and unlock refusals on ${kind}`, () => {
    let t: TestApp;
    let w: StatsWorld;
    before(async () => {
      t = await startTestApp(kind);
      w = await setUpStatsWorld(t);
    });
    after(() => t.close());

    test('a closed fill window refuses cells and submission', async () => {
      const set = await t.as(w.admin, 'PUT', `/api/stats/forms/${w.formId}/windows/202610`, {
        opensAt: '2026-11-01T00:00:00+08:00',
        closesAt: '2026-11-20T00:00:00+08:00',
        deadline: '2026-11-10T00:00:00+08:00',
      });
      assert.equal(set.statusCode, 200, set.body);
      assert.equal(set.json().configured, true);
      const url = reportUrl(w, w.ids.xw, '202610');
      const cells = await t.as(w.xwFiller, 'PUT', `${url}/cells`, {
        cells: [{ key: 'passengers.road', value: '1' }],
      });
      assert.equal(cells.statusCode, 409);
      assert.match(cells.json().error.message, /filling closed/);
      const submit = await t.as(w.xwFiller, 'POST', `${url}/submit`, {});
      assert.equal(submit.json().error.details.reason, 'window_closed');
      const future = await t.as(w.xwFiller, 'PUT', `${reportUrl(w, w.ids.xw, '202612')}/cells`, {
        cells: [{ key: 'passengers.road', value: '1' }],
      });
      assert.equal(future.statusCode, 409, 'December opens when December ends');
    });

    test('a submission can be withdrawn before review; only the reviewer returns it', async () => {
      const url = reportUrl(w, w.ids.xw, '202609');
      await t.as(w.xwFiller, 'PUT', `${url}/cells`, { cells: [{ key: 'passengers.road', value: '3' }] });
      assert.equal((await t.as(w.xwFiller, 'POST', `${url}/submit`, {})).json().state, 'submitted');
      const byProvince = await t.as(w.jsReviewer, 'POST', `${url}/return`, { reason: '越级退回' });
      assert.equal(byProvince.json().error.details.reason, 'not_reviewer');
      const back = await t.as(w.xwFiller, 'POST', `${url}/withdraw`);
      assert.equal(back.statusCode, 200, back.body);
      assert.equal(back.json().state, 'draft');
      assert.equal(
        (await t.as(w.xwFiller, 'PUT', `${url}/cells`, { cells: [{ key: 'passengers.road', value: '4' }] }))
          .statusCode,
        200,
      );
    });

    test('an unlock needs a request; a refused request leaves the report locked', async () => {
      const url = reportUrl(w, w.ids.xw, '202609');
      await t.as(w.xwFiller, 'POST', `${url}/submit`, {});
      assert.equal((await t.as(w.njReviewer, 'POST', `${url}/approve`)).json().state, 'approved');
      const noRequest = await t.as(w.njReviewer, 'POST', `${url}/unlock-decision`, { grant: true });
      assert.equal(noRequest.json().error.details.reason, 'no_unlock_request');
      assert.equal(
        (await t.as(w.xwFiller, 'POST', `${url}/unlock-requests`, { reason: '漏填' })).statusCode,
        201,
      );
      const twice = await t.as(w.xwFiller, 'POST', `${url}/unlock-requests`, { reason: '再次' });
      assert.equal(twice.statusCode, 409);
      const notTheirs = await t.as(w.jsReviewer, 'POST', `${url}/unlock-decision`, { grant: false });
      assert.equal(notTheirs.statusCode, 403);
      const refused = await t.as(w.njReviewer, 'POST', `${url}/unlock-decision`, {
        grant: false,
        note: '不予解锁',
      });
      assert.equal(refused.statusCode, 200, refused.body);
      assert.equal(refused.json().state, 'approved');
      assert.equal(
        (await t.as(w.xwFiller, 'PUT', `${url}/cells`, { cells: [{ key: 'passengers.road', value: '5' }] }))
          .statusCode,
        409,
      );
      const timeline = (await t.as(w.xwFiller, 'GET', `${url}/timeline`)).json().items;
      assert.ok(
        timeline.some(
          (e: { kind: string; action: string }) => e.kind === 'unlockRequest' && e.action === 'refused',
        ),
      );
    });
  });
}
