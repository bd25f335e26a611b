import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { downloadText, resolveExport } from './exchange.service.ts';
import { reportUrl, type StatsWorld, setUpStatsWorld } from './stats-test-kit.ts';

const FORM = '测试统1表';
const values = (orgUnit: string, road: string, water: string) => [
  { dataElement: 'passengers', period: '202610', orgUnit, categoryOptionCombo: 'road', value: road },
  { dataElement: 'passengers', period: '202610', orgUnit, categoryOptionCombo: 'water', value: water },
  { dataElement: 'trips', period: '202610', orgUnit, categoryOptionCombo: 'road', value: 7 },
];

for (const kind of DB_KINDS) {
  describe(`stats dataValueSets on ${kind}`, () => {
    let t: TestApp;
    let w: StatsWorld;
    before(async () => {
      t = await startTestApp(kind);
      w = await setUpStatsWorld(t);
    });
    after(() => t.close());

    const post = (query: string, body: unknown, session = w.njFiller) =>
      t.as(session, 'POST', `/api/stats/dataValueSets?${query}`, body);
    const exported = async (orgUnit = '320100', session = w.njFiller) => {
      const res = await t.as(
        session,
        'GET',
        `/api/stats/dataValueSets?dataSet=${encodeURIComponent(FORM)}&period=202610&orgUnit=${orgUnit}&children=true&format=json`,
      );
      assert.equal(res.statusCode, 200, res.body);
      return res
        .json()
        .dataValues.map(
          (v: { orgUnit: string; dataElement: string; categoryOptionCombo: string; value: string }) =>
            [v.orgUnit, `${v.dataElement}.${v.categoryOptionCombo}`, v.value].join(' '),
        );
    };

    test('dry run counts without saving; units outside the jurisdiction are conflicts', async () => {
      const body = {
        dataSet: FORM,
        dataValues: [
          ...values('320102', '12.5', '3'),
          ...values('320106', '1', '2'),
          ...values('310101', '9', '9'),
        ],
      };
      const dry = await post('dryRun=true&importStrategy=CREATE_AND_UPDATE', body);
      assert.equal(dry.statusCode, 200, dry.body);
      assert.equal(dry.json().status, 'WARNING');
      assert.deepEqual(dry.json().importCount, { imported: 6, updated: 0, ignored: 3, deleted: 0 });
      assert.deepEqual(
        dry.json().conflicts.map((c: { errorCode: string; object: string }) => [c.errorCode, c.object]),
        [['E7610', '310101']],
      );
      assert.deepEqual(await exported(), [], 'a dry run saves nothing');
      const real = await post('dryRun=false&importStrategy=CREATE_AND_UPDATE', body);
      assert.deepEqual(real.json().importCount, { imported: 6, updated: 0, ignored: 3, deleted: 0 });
      assert.deepEqual(await exported(), [
        '320102 passengers.road 12.5',
        '320102 passengers.water 3',
        '320102 trips.road 7',
        '320106 passengers.road 1',
        '320106 passengers.water 2',
        '320106 trips.road 7',
      ]);
      const history = await t.as(
        w.xwFiller,
        'GET',
        `${reportUrl(w, w.ids.xw)}/cells/passengers.road/history`,
      );
      assert.equal(history.json().items[0].source, 'import');
    });

    test('strategies: unchanged values are ignored, CREATE keeps existing, UPDATE adds nothing, DELETE removes', async () => {
      const again = await post('dryRun=false&importStrategy=CREATE_AND_UPDATE', {
        dataSet: FORM,
        dataValues: values('320102', '12.5', '4'),
      });
      assert.deepEqual(again.json().importCount, { imported: 0, updated: 1, ignored: 2, deleted: 0 });
      const create = await post('dryRun=false&importStrategy=CREATE', {
        dataSet: FORM,
        dataValues: [
          ...values('320102', '99', '99'),
          {
            dataElement: 'trips',
            period: '202610',
            orgUnit: '320102',
            categoryOptionCombo: 'water',
            value: '5',
          },
        ],
      });
      assert.deepEqual(create.json().importCount, { imported: 1, updated: 0, ignored: 3, deleted: 0 });
      const update = await post('dryRun=false&importStrategy=UPDATE', {
        dataSet: FORM,
        dataValues: [
          {
            dataElement: 'trips',
            period: '202610',
            orgUnit: '320106',
            categoryOptionCombo: 'water',
            value: '5',
          },
        ],
      });
      assert.deepEqual(update.json().importCount, { imported: 0, updated: 0, ignored: 1, deleted: 0 });
      const del = await post('dryRun=false&importStrategy=DELETE', {
        dataSet: FORM,
        dataValues: [
          { dataElement: 'trips', period: '202610', orgUnit: '320102', categoryOptionCombo: 'water' },
        ],
      });
      assert.deepEqual(del.json().importCount, { imported: 0, updated: 0, ignored: 0, deleted: 1 });
    });

    test('download streams the whole export in keyset pages, scoped and audited first', async () => {
      const query = `dataSet=${encodeURIComponent(FORM)}&period=202610&orgUnit=320100&children=true`;
      const paged = await t.as(w.njFiller, 'GET', `/api/stats/dataValueSets?${query}&format=json`);
      const { dataValues } = paged.json();
      assert.ok(dataValues.length >= 5, `values to export: ${dataValues.length}`);
      const json = await t.as(w.njFiller, 'GET', `/api/stats/dataValueSets/download?${query}&format=json`);
      assert.equal(json.statusCode, 200, json.body);
      assert.match(json.headers['content-type'] as string, /application\/json/);
      assert.match(
        json.headers['content-disposition'] as string,
        /^attachment; .*filename\*=UTF-8''%E6%B5%8B%E8%AF%95%E7%BB%9F1%E8%A1%A8-202610-320100\.json$/,
      );
      assert.deepEqual(json.json(), { dataSet: FORM, dataValues });
      const csv = await t.as(w.njFiller, 'GET', `/api/stats/dataValueSets/download?${query}&format=csv`);
      const pagedCsv = await t.as(w.njFiller, 'GET', `/api/stats/dataValueSets?${query}&format=csv`);
      assert.equal(csv.body, pagedCsv.body);
      // Pages of two values each join into the same file, with no value lost or repeated.
      const actor = { userId: 0, orgUnitId: w.ids.nj, orgPath: '/', permissions: new Set(), isAdmin: true };
      const e = await resolveExport(t.handle.db, actor as unknown as Actor, {
        dataSet: FORM,
        periods: ['202610'],
        orgUnit: '320100',
        children: true,
      });
      let small = '';
      for await (const chunk of downloadText(t.handle.db, e, 'json', 2)) small += chunk;
      assert.deepEqual(JSON.parse(small), { dataSet: FORM, dataValues });
      small = '';
      for await (const chunk of downloadText(t.handle.db, e, 'csv', 2)) small += chunk;
      assert.equal(small, pagedCsv.body);

      const audits = () =>
        t.handle.db
          .selectFrom('audit_event')
          .select(['actor_username', 'after'])
          .where('action', '=', 'stats.dataValues.download')
          .execute();
      assert.deepEqual(
        (await audits()).map((a) => a.actor_username),
        ['nj.filler', 'nj.filler'],
      );
      const outside = await t.as(w.xwFiller, 'GET', `/api/stats/dataValueSets/download?${query}&format=csv`);
      assert.equal(outside.statusCode, 404, 'the city is outside a county’s jurisdiction');
      assert.equal((await audits()).length, 2, 'nothing sent, nothing recorded');
      const own = await t.as(
        w.xwFiller,
        'GET',
        `/api/stats/dataValueSets/download?dataSet=${encodeURIComponent(FORM)}&period=202610&orgUnit=320102&children=true&format=json`,
      );
      assert.deepEqual(
        [...new Set(own.json().dataValues.map((v: { orgUnit: string }) => v.orgUnit))],
        ['320102'],
      );
    });

    test('CSV export and import round-trip', async () => {
      const before = await exported();
      const csv = await t.as(
        w.njFiller,
        'GET',
        `/api/stats/dataValueSets?dataSet=${encodeURIComponent(FORM)}&period=202610&orgUnit=320100&children=true&format=csv`,
      );
      assert.equal(csv.statusCode, 200, csv.body);
      assert.match(csv.headers['content-type'] as string, /text\/csv/);
      assert.match(csv.body, /^dataelement,period,orgunit,catoptcombo/);
      const wipe = await t.app.inject({
        method: 'POST',
        url: `/api/stats/dataValueSets?dryRun=false&importStrategy=DELETE&dataSet=${encodeURIComponent(FORM)}`,
        headers: { authorization: `Bearer ${w.njFiller.token}`, 'content-type': 'text/csv' },
        payload: csv.body,
      });
      assert.equal(wipe.json().importCount.deleted, before.length, wipe.body);
      assert.deepEqual(await exported(), []);
      const back = await t.app.inject({
        method: 'POST',
        url: `/api/stats/dataValueSets?dryRun=false&importStrategy=CREATE_AND_UPDATE&dataSet=${encodeURIComponent(FORM)}`,
        headers: { authorization: `Bearer ${w.njFiller.token}`, 'content-type': 'text/csv' },
        payload: csv.body,
      });
      assert.equal(back.json().importCount.imported, before.length, back.body);
      assert.deepEqual(await exported(), before);
      const bad = await t.app.inject({
        method: 'POST',
        url: `/api/stats/dataValueSets?dryRun=false&importStrategy=CREATE&dataSet=${encodeURIComponent(FORM)}`,
        headers: { authorization: `Bearer ${w.njFiller.token}`, 'content-type': 'text/csv' },
        payload: 'passengers,202610,"320102\n',
      });
      assert.equal(bad.statusCode, 400);
    });

    test('values are checked per cell, and submitted reports are locked against import', async () => {
      const bad = await post('dryRun=false&importStrategy=CREATE_AND_UPDATE', {
        dataSet: FORM,
        dataValues: [
          {
            dataElement: 'passengers',
            period: '202610',
            orgUnit: '320102',
            categoryOptionCombo: 'road',
            value: '1.234',
          },
          {
            dataElement: 'passengers',
            period: '202610',
            orgUnit: '320102',
            categoryOptionCombo: 'total',
            value: '1',
          },
          {
            dataElement: 'passengers',
            period: '2026Q4',
            orgUnit: '320102',
            categoryOptionCombo: 'road',
            value: '1',
          },
        ],
      });
      assert.deepEqual(
        bad.json().conflicts.map((c: { errorCode: string }) => c.errorCode),
        ['E7630:tooManyDecimals', 'E7630:computedCell', 'E7601'],
      );
      assert.equal(bad.json().status, 'ERROR');
      assert.equal((await t.as(w.xwFiller, 'POST', `${reportUrl(w, w.ids.xw)}/submit`, {})).statusCode, 200);
      const locked = await post('dryRun=false&importStrategy=CREATE_AND_UPDATE', {
        dataSet: FORM,
        dataValues: values('320102', '1', '1'),
      });
      assert.equal(locked.json().conflicts[0].errorCode, 'E7643');
      assert.equal(locked.json().importCount.imported + locked.json().importCount.updated, 0);
    });

    test('a cell given twice in one set counts once, with its last value', async () => {
      const twice = [
        {
          dataElement: 'trips',
          period: '202610',
          orgUnit: '320106',
          categoryOptionCombo: 'water',
          value: '1',
        },
        {
          dataElement: 'trips',
          period: '202610',
          orgUnit: '320106',
          categoryOptionCombo: 'water',
          value: '2',
        },
      ];
      const res = await post('dryRun=false&importStrategy=CREATE_AND_UPDATE', {
        dataSet: FORM,
        dataValues: twice,
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().importCount, { imported: 1, updated: 0, ignored: 1, deleted: 0 });
      assert.ok((await exported()).includes('320106 trips.water 2'));
    });

    test('a county neither imports into nor exports a sibling county', async () => {
      const res = await post(
        'dryRun=false&importStrategy=CREATE_AND_UPDATE',
        { dataSet: FORM, dataValues: values('320106', '5', '5') },
        w.xwFiller,
      );
      assert.equal(res.json().conflicts[0].errorCode, 'E7610');
      const out = await t.as(
        w.xwFiller,
        'GET',
        `/api/stats/dataValueSets?dataSet=${encodeURIComponent(FORM)}&period=202610&orgUnit=320106&format=json`,
      );
      assert.equal(out.statusCode, 404);
      const mine = await t.as(
        w.xwFiller,
        'GET',
        `/api/stats/dataValueSets?dataSet=${encodeURIComponent(FORM)}&period=202610&orgUnit=320100&children=true&format=json`,
      );
      assert.equal(mine.statusCode, 404, 'the city is outside the county');
    });
  });
}
