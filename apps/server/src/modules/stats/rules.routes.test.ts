import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { reportUrl, type StatsWorld, setUpStatsWorld } from './stats-test-kit.ts';

for (const kind of DB_KINDS) {
  describe(`stats audit formulas on submission on ${kind}`, () => {
    let t: TestApp;
    let w: StatsWorld;
    before(async () => {
      t = await startTestApp(kind);
      w = await setUpStatsWorld(t);
    });
    after(() => t.close());

    test('a hard failure blocks submission; a soft one needs a written explanation, kept with it', async () => {
      const rules = `/api/stats/forms/${w.formId}/rules`;
      const broken = await t.as(w.admin, 'POST', rules, {
        code: 'x',
        name: 'x',
        expression: 'R01C02 <= (',
        importance: 'hard',
      });
      assert.equal(broken.statusCode, 400);
      const hard = await t.as(w.admin, 'POST', rules, {
        code: 'cap',
        name: '公路客运量不超过100万人',
        expression: 'passengers.road <= 100',
        importance: 'hard',
      });
      assert.equal(hard.statusCode, 201, hard.body);
      const soft = await t.as(w.admin, 'POST', rules, {
        code: 'mom',
        name: '公路客运量环比变化不超过50%',
        expression: 'ABS(mom(R01C02)) <= 0.5',
        importance: 'soft',
      });
      assert.equal(soft.statusCode, 201, soft.body);
      assert.equal((await t.as(w.xwFiller, 'GET', rules)).json().total, 2);

      const september = reportUrl(w, w.ids.xw, '202609');
      const october = reportUrl(w, w.ids.xw, '202610');
      await t.as(w.xwFiller, 'PUT', `${september}/cells`, {
        cells: [{ key: 'passengers.road', value: '10' }],
      });
      const over = await t.as(w.xwFiller, 'PUT', `${october}/cells`, {
        cells: [{ key: 'passengers.road', value: '150' }],
      });
      assert.deepEqual(
        over.json().ruleFailures.map((f: { ruleId: string; importance: string }) => [f.ruleId, f.importance]),
        [
          ['cap', 'hard'],
          ['mom', 'soft'],
        ],
      );
      assert.ok(!over.json().actions.includes('submit'));
      const blocked = await t.as(w.xwFiller, 'POST', `${october}/submit`, {});
      assert.equal(blocked.json().error.details.reason, 'hard_rule_failed');

      const fixed = await t.as(w.xwFiller, 'PUT', `${october}/cells`, {
        cells: [{ key: 'passengers.road', value: '20' }],
      });
      assert.deepEqual(
        fixed.json().ruleFailures.map((f: { ruleId: string }) => f.ruleId),
        ['mom'],
      );
      const unexplained = await t.as(w.xwFiller, 'POST', `${october}/submit`, {});
      assert.equal(unexplained.json().error.details.reason, 'soft_rule_unexplained');
      const explained = await t.as(w.xwFiller, 'POST', `${october}/submit`, {
        explanations: { mom: '国庆假期客流翻番，已核实' },
      });
      assert.equal(explained.statusCode, 200, explained.body);
      assert.equal(explained.json().state, 'submitted');
      assert.deepEqual(explained.json().explanations, { mom: '国庆假期客流翻番，已核实' });
      const timeline = (await t.as(w.njReviewer, 'GET', `${october}/timeline`)).json().items;
      const submit = timeline.find((e: { action: string }) => e.action === 'submit');
      assert.equal(submit.note.explanations.mom, '国庆假期客流翻番，已核实');
      assert.equal(submit.note.failures[0].ruleId, 'mom');
    });
  });
}
