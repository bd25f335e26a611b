// Concurrent writes into one report (PostgreSQL runs them truly in parallel; PGlite's single
// connection serialises them): the report row is the lock every writer takes before it writes
// values (an import for every report it touches, an online save and a workflow action for theirs),
// so writers queue on it. The documented outcome: two imports, or an import and a save, both
// succeed one after the other — the later one's values are current, the earlier one's are in the
// history, never mixed and never twice; an import that finds its report submitted meanwhile
// answers 409 and writes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { reportUrl, type StatsWorld, setUpStatsWorld } from './stats-test-kit.ts';

const FORM = '测试统1表';
const ROUNDS = 4;

for (const kind of DB_KINDS) {
  describe(`stats concurrent writes into one report on ${kind}`, () => {
    let t: TestApp;
    let w: StatsWorld;
    before(async () => {
      t = await startTestApp(kind);
      w = await setUpStatsWorld(t);
    });
    after(() => t.close());

    const importBoth = (period: string, v: string) =>
      t.as(w.njFiller, 'POST', '/api/stats/dataValueSets?importStrategy=CREATE_AND_UPDATE', {
        dataSet: FORM,
        dataValues: ['water', 'road'].map((combo) => ({
          dataElement: 'passengers',
          period,
          orgUnit: '320102',
          categoryOptionCombo: combo,
          value: v,
        })),
      });
    const saveBoth = (period: string, v: string) =>
      t.as(w.xwFiller, 'PUT', `${reportUrl(w, w.ids.xw, period)}/cells`, {
        cells: [
          { key: 'passengers.road', value: v },
          { key: 'passengers.water', value: v },
        ],
      });
    const valuesOf = async (period: string) =>
      t.handle.db
        .selectFrom('stats_value')
        .select(['cell_key', 'num'])
        .where('form_id', '=', w.formId)
        .where('org_unit_id', '=', w.ids.xw)
        .where('period', '=', period)
        .orderBy('cell_key')
        .execute();
    const historyOf = async (period: string, cellKey: string) =>
      (
        await t.handle.db
          .selectFrom('stats_value_history')
          .select('num')
          .where('form_id', '=', w.formId)
          .where('org_unit_id', '=', w.ids.xw)
          .where('period', '=', period)
          .where('cell_key', '=', cellKey)
          .orderBy('id')
          .execute()
      ).map((h) => h.num);

    /** One value per cell, both cells from the same writer, every earlier write in the history once. */
    async function assertSerialised(period: string, written: readonly string[]) {
      const values = await valuesOf(period);
      assert.deepEqual(
        values.map((v) => v.cell_key),
        ['passengers.road', 'passengers.water'],
      );
      const current = values[0]?.num as string;
      assert.equal(values[1]?.num, current, 'both cells come from the same writer');
      for (const cell of ['passengers.road', 'passengers.water']) {
        const kept = [...(await historyOf(period, cell)), current].map(Number).sort((a, b) => a - b);
        assert.deepEqual(
          kept,
          [...written].map(Number).sort((a, b) => a - b),
          `${cell}: every value once`,
        );
      }
    }

    test('two imports of the same report at once both go in, one after the other', async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const period = `20260${round + 1}`;
        const [a, b] = await Promise.all([importBoth(period, `${round}1`), importBoth(period, `${round}2`)]);
        for (const res of [a, b]) {
          assert.equal(res.statusCode, 200, res.body);
          assert.equal(res.json().status, 'SUCCESS', res.body);
        }
        await assertSerialised(period, [`${round}1`, `${round}2`]);
      }
    });

    test('an online save and an import of the same cells at once both go in, never mixed', async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const period = `20260${round + 5}`;
        assert.equal((await saveBoth(period, `${round}0`)).statusCode, 200);
        const [saved, imported] = await Promise.all([
          saveBoth(period, `${round}3`),
          importBoth(period, `${round}4`),
        ]);
        assert.equal(saved.statusCode, 200, saved.body);
        assert.equal(imported.statusCode, 200, imported.body);
        await assertSerialised(period, [`${round}0`, `${round}3`, `${round}4`]);
      }
    });

    test('an import racing a submission: it goes in before, or answers 409 and writes nothing', async () => {
      const period = '202610';
      assert.equal((await saveBoth(period, '50')).statusCode, 200);
      const url = reportUrl(w, w.ids.xw, period);
      const [submitted, imported] = await Promise.all([
        t.as(w.xwFiller, 'POST', `${url}/submit`, {}),
        importBoth(period, '60'),
      ]);
      assert.equal(submitted.statusCode, 200, submitted.body);
      const values = (await valuesOf(period)).map((v) => v.num);
      if (imported.statusCode === 200 && imported.json().status === 'SUCCESS') {
        assert.deepEqual(values, ['60', '60'], 'the import went in before the submission');
      } else {
        assert.ok(
          imported.statusCode === 409 || imported.json().conflicts?.[0]?.errorCode === 'E7643',
          `refused: ${imported.body}`,
        );
        assert.deepEqual(values, ['50', '50'], 'a refused import writes nothing');
        assert.deepEqual(await historyOf(period, 'passengers.road'), []);
      }
      const after = await t.as(w.xwFiller, 'PUT', `${url}/cells`, {
        cells: [{ key: 'passengers.road', value: '1' }],
      });
      assert.equal(after.statusCode, 409, 'the submitted report is locked');
    });
  });
}
