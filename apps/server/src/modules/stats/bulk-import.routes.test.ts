// The bulk path of the data value set import (COPY into a staging table, set-based merge) on both
// databases: what replaced values leave in the cell history, what a dry run leaves (nothing),
// clears and deletions, and conflicts mixed with values that go in.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { reportUrl, type StatsWorld, setUpStatsWorld } from './stats-test-kit.ts';

const FORM = '测试统1表';
const value = (orgUnit: string, cell: string, v: string | number | null) => {
  const [dataElement, categoryOptionCombo] = cell.split('.');
  return { dataElement: dataElement!, period: '202609', orgUnit, categoryOptionCombo, value: v };
};

for (const kind of DB_KINDS) {
  describe(`stats bulk import on ${kind}`, () => {
    let t: TestApp;
    let w: StatsWorld;
    before(async () => {
      t = await startTestApp(kind);
      w = await setUpStatsWorld(t);
    });
    after(() => t.close());

    const post = (query: string, dataValues: unknown[]) =>
      t.as(w.njFiller, 'POST', `/api/stats/dataValueSets?${query}`, { dataSet: FORM, dataValues });
    const history = async (orgUnitId: number, cell: string) => {
      const res = await t.as(w.njFiller, 'GET', `${reportUrl(w, orgUnitId, '202609')}/cells/${cell}/history`);
      assert.equal(res.statusCode, 200, res.body);
      return res
        .json()
        .items.map((h: { value: string | null; deleted: boolean; source: string }) =>
          [h.value ?? '∅', h.deleted ? 'deleted' : 'set', h.source].join(' '),
        );
    };
    const stored = async (orgUnitId: number) =>
      (await t.as(w.njFiller, 'GET', reportUrl(w, orgUnitId, '202609'))).json().values;

    test('a replaced value moves to the history; a dry run of the same leaves values and history as they were', async () => {
      const first = await post('dryRun=false&importStrategy=CREATE_AND_UPDATE', [
        value('320102', 'passengers.road', '12.5'),
        value('320102', 'passengers.water', '3'),
        value('320106', 'trips.road', 7),
      ]);
      assert.deepEqual(first.json().importCount, { imported: 3, updated: 0, ignored: 0, deleted: 0 });

      const second = [
        value('320102', 'passengers.road', '20'),
        value('320102', 'passengers.water', '3'),
        value('320106', 'trips.road', '7.5'),
        value('320106', 'trips.water', 2),
      ];
      const dry = await post('dryRun=true&importStrategy=CREATE_AND_UPDATE', second);
      assert.equal(dry.statusCode, 200, dry.body);
      assert.equal(dry.json().dryRun, true);
      assert.deepEqual(dry.json().importCount, { imported: 1, updated: 1, ignored: 2, deleted: 0 });
      assert.deepEqual(
        dry.json().conflicts.map((c: { errorCode: string; indexes: number[] }) => [c.errorCode, c.indexes]),
        [['E7630:notAnInteger', [2]]],
      );
      assert.deepEqual(await stored(w.ids.xw), { 'passengers.road': '12.5', 'passengers.water': '3' });
      assert.deepEqual(await history(w.ids.xw, 'passengers.road'), ['12.5 set import']);
      assert.deepEqual(await stored(w.ids.gl), { 'trips.road': '7' }, 'a dry run writes nothing');

      const real = await post('dryRun=false&importStrategy=CREATE_AND_UPDATE', second);
      assert.deepEqual(real.json().importCount, { imported: 1, updated: 1, ignored: 2, deleted: 0 });
      assert.deepEqual(await stored(w.ids.xw), { 'passengers.road': '20', 'passengers.water': '3' });
      assert.deepEqual(await history(w.ids.xw, 'passengers.road'), ['20 set import', '12.5 set import']);
      assert.deepEqual(await history(w.ids.xw, 'passengers.water'), ['3 set import'], 'unchanged: untouched');
      assert.deepEqual(await stored(w.ids.gl), { 'trips.road': '7', 'trips.water': '2' });
    });

    test('an empty value clears a cell and DELETE removes one, each leaving a deletion entry', async () => {
      const clear = await post('dryRun=false&importStrategy=CREATE_AND_UPDATE', [
        value('320102', 'passengers.road', ''),
        value('320102', 'passengers.water', '4'),
      ]);
      assert.deepEqual(clear.json().importCount, { imported: 0, updated: 1, ignored: 0, deleted: 1 });
      assert.deepEqual(await history(w.ids.xw, 'passengers.road'), [
        '∅ deleted import',
        '20 set import',
        '12.5 set import',
      ]);
      const del = await post('dryRun=false&importStrategy=DELETE', [
        value('320106', 'trips.water', null),
        value('320106', 'passengers.road', null),
      ]);
      assert.deepEqual(del.json().importCount, { imported: 0, updated: 0, ignored: 1, deleted: 1 });
      assert.deepEqual(await stored(w.ids.gl), { 'trips.road': '7' });
    });

    test('a locked report takes nothing while its siblings take their values, all in one import', async () => {
      const url = reportUrl(w, w.ids.gl, '202609');
      assert.equal((await t.as(w.glFiller, 'POST', `${url}/submit`, {})).json().state, 'submitted');
      const mixed = await post('dryRun=false&importStrategy=CREATE_AND_UPDATE', [
        value('320106', 'trips.road', 8),
        value('320102', 'trips.road', 9),
      ]);
      assert.equal(mixed.json().status, 'WARNING');
      assert.deepEqual(mixed.json().importCount, { imported: 1, updated: 0, ignored: 1, deleted: 0 });
      assert.deepEqual(
        mixed.json().conflicts.map((c: { errorCode: string; object: string }) => [c.errorCode, c.object]),
        [['E7643', '320106']],
      );
      assert.deepEqual(await stored(w.ids.gl), { 'trips.road': '7' });
      assert.equal((await stored(w.ids.xw))['trips.road'], '9');
    });
  });
}
