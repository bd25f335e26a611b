import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';
import { JobWorker } from '../../platform/jobs/index.ts';
import { statsPart } from './index.ts';
import { reportUrl, type StatsWorld, setUpStatsWorld } from './stats-test-kit.ts';

interface Failure {
  orgUnitId: number;
  ruleCode: string;
  importance: string;
  left: number | null;
  right: number | null;
  message: string;
  cells: string[];
}

for (const kind of DB_KINDS) {
  describe(`stats batch rule runs on ${kind}`, () => {
    let t: TestApp;
    let w: StatsWorld;
    let worker: JobWorker;
    const fill = async (who: Session, orgUnitId: number, period: string, value: string) => {
      const res = await t.as(who, 'PUT', `${reportUrl(w, orgUnitId, period)}/cells`, {
        cells: [{ key: 'passengers.road', value }],
      });
      assert.equal(res.statusCode, 200, res.body);
    };
    before(async () => {
      t = await startTestApp(kind);
      w = await setUpStatsWorld(t);
      worker = new JobWorker({
        db: t.handle.db,
        handlers: statsPart.jobs?.(t.app.platform) ?? {},
        clock: t.clock,
        log: { error: (details, message) => console.error(message, details) },
      });
      const rules = `/api/stats/forms/${w.formId}/rules`;
      for (const rule of [
        {
          code: 'cap',
          name: '公路客运量不超过100万人',
          expression: 'passengers.road <= 100',
          importance: 'hard',
        },
        {
          code: 'mom',
          name: '公路客运量环比不超过50%',
          expression: 'ABS(mom(R01C02)) <= 0.5',
          importance: 'soft',
        },
      ])
        assert.equal((await t.as(w.admin, 'POST', rules, rule)).statusCode, 201);
      await fill(w.xwFiller, w.ids.xw, '202610', '150');
      await fill(w.glFiller, w.ids.gl, '202609', '10');
      await fill(w.glFiller, w.ids.gl, '202610', '20');
    });
    after(() => t.close());

    test('a city checks every expected report of a period: failures by unit, rule and importance', async () => {
      const started = await t.as(
        w.njReviewer,
        'POST',
        `/api/stats/forms/${w.formId}/periods/202610/rule-runs`,
        {},
      );
      assert.equal(started.statusCode, 202, started.body);
      const run = started.json();
      assert.equal(run.state, 'queued');
      assert.equal(run.scopeOrgUnitId, w.ids.nj);
      assert.equal(await worker.runDue(), 1);

      const done = (await t.as(w.njReviewer, 'GET', `/api/stats/rule-runs/${run.id}`)).json();
      assert.equal(done.state, 'done', JSON.stringify(done));
      const grid = await t.as(
        w.njReviewer,
        'GET',
        `/api/stats/forms/${w.formId}/periods/202610/completeness?pageSize=200`,
      );
      assert.equal(done.unitsTotal, grid.json().total, 'every expected report of the city is checked');
      assert.equal(done.unitsDone, done.unitsTotal);
      assert.deepEqual([done.hardFailures, done.softFailures], [2, 2]);

      const failures = `/api/stats/rule-runs/${run.id}/failures`;
      const all = (await t.as(w.njReviewer, 'GET', `${failures}?pageSize=200`)).json();
      assert.equal(all.total, 4);
      assert.deepEqual(
        all.items.map((f: Failure) => `${f.orgUnitId}:${f.ruleCode}`).sort(),
        [`${w.ids.gl}:mom`, `${w.ids.nj}:cap`, `${w.ids.nj}:mom`, `${w.ids.xw}:cap`].sort(),
        'the city’s own aggregate (170, up from 10) fails as its counties do',
      );
      const hard = (await t.as(w.njReviewer, 'GET', `${failures}?importance=hard`)).json();
      assert.deepEqual(hard.items.map((f: Failure) => f.orgUnitId).sort(), [w.ids.nj, w.ids.xw].sort());
      const xw = hard.items.find((f: Failure) => f.orgUnitId === w.ids.xw) as Failure;
      assert.deepEqual([xw.left, xw.right, xw.cells], [150, 100, ['passengers.road']]);
      assert.equal(xw.message, '公路客运量不超过100万人：150 / 100', 'the message a report shows');
      const gl = (await t.as(w.njReviewer, 'GET', `${failures}?orgUnitId=${w.ids.gl}`)).json();
      assert.deepEqual(
        gl.items.map((f: Failure) => [f.ruleCode, f.importance, f.left, f.right]),
        [['mom', 'soft', 1, 0.5]],
      );
      const paged = (await t.as(w.njReviewer, 'GET', `${failures}?pageSize=1&page=2`)).json();
      assert.deepEqual([paged.items.length, paged.total], [1, 4]);

      const listed = (
        await t.as(w.jsReviewer, 'GET', `/api/stats/forms/${w.formId}/rule-runs?period=202610`)
      ).json();
      assert.deepEqual(
        listed.items.map((r: { id: number }) => r.id),
        [run.id],
      );
      const audited = await t.handle.db
        .selectFrom('audit_event')
        .select('org_unit_id')
        .where('action', '=', 'stats.ruleRun.start')
        .execute();
      assert.deepEqual(
        audited.map((a) => a.org_unit_id),
        [w.ids.nj],
      );
    });

    test('a county sees only its own subtree’s runs; a run names a subtree of the caller’s', async () => {
      const own = await t.as(
        w.xwReviewer,
        'POST',
        `/api/stats/forms/${w.formId}/periods/202610/rule-runs`,
        {},
      );
      assert.equal(own.statusCode, 202, own.body);
      await worker.runDue();
      const mine = (await t.as(w.xwReviewer, 'GET', `/api/stats/rule-runs/${own.json().id}/failures`)).json();
      assert.deepEqual(
        mine.items.map((f: Failure) => f.ruleCode),
        ['cap'],
      );
      const cityRun = (await t.as(w.njReviewer, 'GET', `/api/stats/forms/${w.formId}/rule-runs`))
        .json()
        .items.at(-1);
      assert.equal((await t.as(w.xwReviewer, 'GET', `/api/stats/rule-runs/${cityRun.id}`)).statusCode, 404);
      assert.equal(
        (await t.as(w.xwReviewer, 'GET', `/api/stats/rule-runs/${cityRun.id}/failures`)).statusCode,
        404,
      );
      const above = await t.as(
        w.xwReviewer,
        'POST',
        `/api/stats/forms/${w.formId}/periods/202610/rule-runs`,
        {
          orgUnitId: w.ids.nj,
        },
      );
      assert.equal(above.statusCode, 404);
      const filler = await t.as(
        w.xwFiller,
        'POST',
        `/api/stats/forms/${w.formId}/periods/202610/rule-runs`,
        {},
      );
      assert.equal(filler.statusCode, 403, 'batch checks belong to reviewers');
    });
  });
}
