import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { reportUrl, type StatsWorld, setUpStatsWorld } from './stats-test-kit.ts';

for (const kind of DB_KINDS) {
  describe(`stats 催报 and completeness on ${kind}`, () => {
    let t: TestApp;
    let w: StatsWorld;
    before(async () => {
      t = await startTestApp(kind);
      w = await setUpStatsWorld(t);
      const xw = reportUrl(w, w.ids.xw);
      await t.as(w.xwFiller, 'PUT', `${xw}/cells`, { cells: [{ key: 'passengers.road', value: '1' }] });
      await t.as(w.xwFiller, 'POST', `${xw}/submit`, {});
    });
    after(() => t.close());

    const base = () => `/api/stats/forms/${w.formId}/periods/202610`;

    test('the grid shows every expected unit under the caller with state and timeliness', async () => {
      const res = await t.as(w.njReviewer, 'GET', `${base()}/completeness?pageSize=200`);
      assert.equal(res.statusCode, 200, res.body);
      const rows = res.json().items as {
        orgUnitId: number;
        state: string;
        timeliness: string;
        kind: string;
      }[];
      const xw = rows.find((r) => r.orgUnitId === w.ids.xw);
      const gl = rows.find((r) => r.orgUnitId === w.ids.gl);
      const nj = rows.find((r) => r.orgUnitId === w.ids.nj);
      assert.deepEqual(
        [xw?.state, xw?.timeliness],
        ['submitted', 'late'],
        'submitted after the fifth working day',
      );
      assert.deepEqual([gl?.state, gl?.timeliness], ['notStarted', 'overdue']);
      assert.equal(nj?.kind, 'aggregate');
      assert.ok(rows.every((r) => r.orgUnitId === w.ids.nj || r.kind === 'filled'));
      const rates = (await t.as(w.njReviewer, 'GET', `${base()}/rates`)).json().levels;
      const county = rates.find((l: { level: string }) => l.level === 'county');
      assert.equal(county.submitted, 1);
      assert.equal(county.expected, rows.filter((r) => r.kind === 'filled').length);
      assert.equal(county.onTime, 0);
      assert.equal(
        (await t.as(w.glFiller, 'GET', `${base()}/completeness?orgUnitId=${w.ids.xw}`)).statusCode,
        404,
      );
    });

    test('one-click reminds every late unit; a named submitted unit needs none; escalation goes up', async () => {
      const named = await t.as(w.njReviewer, 'POST', `${base()}/reminders`, {
        orgUnitIds: [w.ids.xw],
        escalate: false,
      });
      assert.equal(named.statusCode, 400);
      const all = await t.as(w.njReviewer, 'POST', `${base()}/reminders`, {
        escalate: false,
        note: '请于本周内上报',
      });
      assert.equal(all.statusCode, 200, all.body);
      const grid = (await t.as(w.njReviewer, 'GET', `${base()}/completeness?pageSize=200`)).json().items;
      const late = grid.filter(
        (r: { orgUnitId: number; state: string }) => r.orgUnitId !== w.ids.nj && r.state === 'notStarted',
      );
      assert.equal(all.json().reminded, late.length);
      assert.equal(all.json().recipients, 1, 'only 鼓楼区 has a filler account');
      const glNote = await t.handle.db
        .selectFrom('notification as n')
        .innerJoin('app_user as u', 'u.id', 'n.user_id')
        .select(['n.title', 'n.body'])
        .where('u.username', '=', 'gl.filler')
        .where('n.category', '=', 'stats.reminder')
        .execute();
      assert.equal(glNote.length, 1);
      assert.match(glNote[0]?.body ?? '', /请于本周内上报/);

      const up = await t.as(w.jsReviewer, 'POST', `${base()}/reminders`, {
        orgUnitIds: [w.ids.gl],
        escalate: true,
      });
      assert.equal(up.statusCode, 200, up.body);
      assert.equal(up.json().recipients, 2, 'both reviewers of 南京市 are told');
      const log = (
        await t.as(w.njReviewer, 'GET', `/api/stats/forms/${w.formId}/reminders?period=202610&pageSize=200`)
      ).json();
      const forGl = log.items.filter((r: { orgUnitId: number }) => r.orgUnitId === w.ids.gl);
      assert.deepEqual(
        forGl.map((r: { escalatedToOrgUnitId: number | null; sentBy: string }) => [
          r.escalatedToOrgUnitId,
          r.sentBy,
        ]),
        [
          [w.ids.nj, 'js.reviewer'],
          [null, 'nj.reviewer'],
        ],
      );
      const timeline = (await t.as(w.glFiller, 'GET', `${reportUrl(w, w.ids.gl)}/timeline`)).json().items;
      assert.deepEqual(
        timeline.map((e: { kind: string; action: string }) => [e.kind, e.action]),
        [
          ['reminder', 'remind'],
          ['reminder', 'escalate'],
        ],
      );
      assert.equal(
        (await t.as(w.glFiller, 'POST', `${base()}/reminders`, { escalate: false })).statusCode,
        403,
      );
    });
  });
}
