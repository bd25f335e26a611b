import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';
import { monthlyPassengerForm, reportUrl, type StatsWorld, setUpStatsWorld } from './stats-test-kit.ts';

interface Cell {
  cellKey: string;
  period: string;
  value: string | null;
  previous: string | null;
  mom: number | null;
  yoy: number | null;
}
interface Row {
  orgUnitId: number;
  name: string;
  cells: Cell[];
}

const cellOf = (row: Row | undefined, key: string, period: string) =>
  row?.cells.find((c) => c.cellKey === key && c.period === period);

for (const kind of DB_KINDS) {
  describe(`stats pivot analytics on ${kind}`, () => {
    let t: TestApp;
    let w: StatsWorld;
    const pivotUrl = (query: string) => `/api/stats/forms/${w.formId}/pivot?${query}`;
    const fill = async (who: Session, orgUnitId: number, period: string, cells: Record<string, string>) => {
      const res = await t.as(who, 'PUT', `${reportUrl(w, orgUnitId, period)}/cells`, {
        cells: Object.entries(cells).map(([key, value]) => ({ key, value })),
      });
      assert.equal(res.statusCode, 200, res.body);
    };
    before(async () => {
      t = await startTestApp(kind);
      w = await setUpStatsWorld(t);
      await fill(w.xwFiller, w.ids.xw, '202609', { 'passengers.road': '10', 'passengers.water': '2' });
      await fill(w.xwFiller, w.ids.xw, '202610', { 'passengers.road': '15', 'passengers.water': '5' });
      await fill(w.glFiller, w.ids.gl, '202610', { 'passengers.road': '20.25' });
      // October a year before, from the stand-alone software the form replaced.
      await t.handle.db
        .insertInto('stats_value')
        .values({
          form_id: w.formId,
          period: '202510',
          org_unit_id: w.ids.xw,
          cell_key: 'passengers.road',
          num: '12',
          txt: null,
          updated_by: null,
          updated_by_name: null,
          source: 'import',
          updated_at: new Date('2025-11-05T00:00:00Z'),
        })
        .execute();
    });
    after(() => t.close());

    test('working figures: children rolled up in SQL with 环比 and 同比, computed totals, the unit’s own total', async () => {
      const res = await t.as(
        w.njReviewer,
        'GET',
        pivotUrl('cellKeys=passengers.road,passengers.total&periods=202610,202609&pageSize=200'),
      );
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.deepEqual(body.periods, ['202609', '202610']);
      assert.equal(body.figure, 'working');
      assert.equal(body.total.orgUnitId, w.ids.nj);
      assert.deepEqual(cellOf(body.total, 'passengers.road', '202610'), {
        cellKey: 'passengers.road',
        period: '202610',
        value: '35.25',
        previous: '10',
        lastYear: '12',
        mom: 2.525,
        yoy: 1.9375,
      });
      const xw = body.rows.items.find((r: Row) => r.orgUnitId === w.ids.xw);
      assert.deepEqual(cellOf(xw, 'passengers.road', '202610'), {
        cellKey: 'passengers.road',
        period: '202610',
        value: '15',
        previous: '10',
        lastYear: '12',
        mom: 0.5,
        yoy: 0.25,
      });
      assert.equal(cellOf(xw, 'passengers.total', '202610')?.value, '20');
      assert.equal(cellOf(xw, 'passengers.total', '202610')?.mom, 0.666667);
      const gl = body.rows.items.find((r: Row) => r.orgUnitId === w.ids.gl);
      assert.deepEqual(cellOf(gl, 'passengers.road', '202609'), {
        cellKey: 'passengers.road',
        period: '202609',
        value: null,
        previous: null,
        lastYear: null,
        mom: null,
        yoy: null,
      });
      const children = await t.as(w.njReviewer, 'GET', `/api/orgs/${w.ids.nj}/children?pageSize=200`);
      assert.equal(body.rows.total, children.json().total, 'one row per child of the city');
      // The drill-down of the same aggregate agrees with the pivot.
      const drill = await t.as(
        w.njReviewer,
        'GET',
        `${reportUrl(w, w.ids.nj)}/drilldown?cellKey=passengers.road`,
      );
      const drilled = drill.json().children.find((c: { orgUnitId: number }) => c.orgUnitId === w.ids.gl);
      assert.equal(drilled.values['passengers.road'], cellOf(gl, 'passengers.road', '202610')?.value);
    });

    test('published figures are what approvals froze; rows by level are paged', async () => {
      const url = reportUrl(w, w.ids.xw);
      assert.equal((await t.as(w.xwFiller, 'POST', `${url}/submit`, {})).statusCode, 200);
      assert.equal((await t.as(w.njReviewer, 'POST', `${url}/approve`)).statusCode, 200);
      const res = await t.as(
        w.jsReviewer,
        'GET',
        pivotUrl(
          `cellKeys=passengers.road&periods=202610&orgUnitId=${w.ids.nj}&figure=published&pageSize=200`,
        ),
      );
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      const value = (id: number) =>
        cellOf(
          body.rows.items.find((r: Row) => r.orgUnitId === id),
          'passengers.road',
          '202610',
        )?.value;
      assert.equal(value(w.ids.xw), '15');
      assert.equal(value(w.ids.gl), null, 'not approved: nothing published');
      assert.equal(
        cellOf(body.total, 'passengers.road', '202610')?.value,
        null,
        'the city has not approved its aggregate',
      );

      const byLevel = await t.as(
        w.jsReviewer,
        'GET',
        pivotUrl('cellKeys=passengers.road&periods=202610&level=county&pageSize=5&page=2'),
      );
      assert.equal(byLevel.statusCode, 200, byLevel.body);
      const page = byLevel.json().rows;
      assert.equal(page.items.length, 5);
      assert.ok(page.total > 40, `every county of the province: ${page.total}`);
      assert.equal(byLevel.json().total.orgUnitId, w.ids.js);
    });

    test('each period is read with its own version: cells matched by key, missing ones null', async () => {
      const form = monthlyPassengerForm('测试统2表');
      const created = await t.as(w.admin, 'POST', '/api/stats/forms', form);
      assert.equal(created.statusCode, 201, created.body);
      const formId = created.json().id as number;
      const base = `/api/stats/forms/${formId}`;
      const ob = await t.as(w.admin, 'POST', `${base}/obligations`, {
        orgUnitId: w.ids.mot,
        includeSubtree: true,
        validFrom: '2026-01-01',
        validTo: null,
      });
      assert.equal(ob.statusCode, 201, ob.body);
      // From October the form counts rail instead of water.
      const layout = structuredClone(form.layout);
      layout.dimensions[0] = {
        ...layout.dimensions[0],
        options: [
          { code: 'road', name: '公路' },
          { code: 'rail', name: '铁路' },
        ],
      } as (typeof layout.dimensions)[0];
      const v2 = await t.as(w.admin, 'POST', `${base}/versions`, { fromPeriod: '202610', layout });
      assert.equal(v2.statusCode, 201, v2.body);
      const put = async (period: string, cells: Record<string, string>) => {
        const res = await t.as(w.xwFiller, 'PUT', `${base}/units/${w.ids.xw}/periods/${period}/cells`, {
          cells: Object.entries(cells).map(([key, value]) => ({ key, value })),
        });
        assert.equal(res.statusCode, 200, res.body);
      };
      await put('202609', { 'passengers.road': '10', 'passengers.water': '2' });
      await put('202610', { 'passengers.road': '15', 'passengers.rail': '4' });
      // A stray water value in October (say, from an old import) is not a cell of version 2.
      await t.handle.db
        .insertInto('stats_value')
        .values({
          form_id: formId,
          period: '202610',
          org_unit_id: w.ids.xw,
          cell_key: 'passengers.water',
          num: '99',
          txt: null,
          updated_by: null,
          updated_by_name: null,
          source: 'import',
          updated_at: new Date('2026-11-05T00:00:00Z'),
        })
        .execute();

      const res = await t.as(
        w.njReviewer,
        'GET',
        `${base}/pivot?cellKeys=passengers.water,passengers.rail,passengers.total&periods=202609,202610&pageSize=200`,
      );
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      const v1Id = (await t.as(w.admin, 'GET', base)).json().versions[0].id;
      assert.deepEqual(body.periodVersions, [
        { period: '202609', versionId: v1Id, versionNo: 1 },
        { period: '202610', versionId: v2.json().id, versionNo: 2 },
      ]);
      assert.deepEqual(body.version, { id: v2.json().id, versionNo: 2 });
      const xw = body.rows.items.find((r: Row) => r.orgUnitId === w.ids.xw);
      const values = (key: string) => ['202609', '202610'].map((p) => cellOf(xw, key, p)?.value);
      assert.deepEqual(values('passengers.water'), ['2', null]);
      assert.deepEqual(values('passengers.rail'), [null, '4']);
      assert.deepEqual(values('passengers.total'), ['12', '19'], 'each total by its own layout');
      assert.equal(cellOf(xw, 'passengers.total', '202610')?.mom, 0.583333);
      assert.equal(cellOf(xw, 'passengers.water', '202610')?.previous, '2');
      assert.equal(cellOf(body.total, 'passengers.rail', '202610')?.value, '4', 'rolled up to the city');

      const published = await t.as(
        w.njReviewer,
        'GET',
        `${base}/pivot?cellKeys=passengers.water&periods=202609,202610&figure=published`,
      );
      assert.equal(published.statusCode, 200, published.body);
      // A cell no requested period's version has is refused.
      assert.equal(
        (await t.as(w.njReviewer, 'GET', `${base}/pivot?cellKeys=passengers.rail&periods=202609`)).statusCode,
        400,
      );
    });

    test('scoped to the caller; unknown cells and periods of another type refused', async () => {
      assert.equal(
        (
          await t.as(
            w.xwReviewer,
            'GET',
            pivotUrl(`cellKeys=passengers.road&periods=202610&orgUnitId=${w.ids.nj}`),
          )
        ).statusCode,
        404,
      );
      const own = (await t.as(w.glFiller, 'GET', pivotUrl('cellKeys=passengers.road&periods=202610'))).json();
      assert.deepEqual([own.total.orgUnitId, own.rows.total], [w.ids.gl, 0]);
      assert.equal(cellOf(own.total, 'passengers.road', '202610')?.value, '20.25');
      const first = (await t.as(w.glFiller, 'GET', pivotUrl('periods=202610'))).json();
      assert.deepEqual(first.cellKeys, ['passengers.total'], 'without cells: the layout’s first');
      assert.equal(
        (await t.as(w.njReviewer, 'GET', pivotUrl('cellKeys=nosuch.cell&periods=202610'))).statusCode,
        400,
      );
      assert.equal(
        (await t.as(w.njReviewer, 'GET', pivotUrl('cellKeys=passengers.road&periods=2026Q3'))).statusCode,
        400,
      );
    });
  });
}
