import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { monthlyPassengerForm, reportUrl, type StatsWorld, setUpStatsWorld } from './stats-test-kit.ts';

for (const kind of DB_KINDS) {
  describe(`stats form administration on ${kind}`, () => {
    let t: TestApp;
    let w: StatsWorld;
    let form: string;
    before(async () => {
      t = await startTestApp(kind);
      w = await setUpStatsWorld(t);
      form = `/api/stats/forms/${w.formId}`;
    });
    after(() => t.close());

    test('the form list filters by 表号 or name, period type and status', async () => {
      const quarterly = await t.as(w.admin, 'POST', '/api/stats/forms', {
        ...monthlyPassengerForm('交行统9-1表'),
        name: '港口货物吞吐量',
        periodType: 'quarter',
        firstPeriod: '2026Q1',
      });
      assert.equal(quarterly.statusCode, 201, quarterly.body);
      const codes = async (query: string) =>
        (await t.as(w.admin, 'GET', `/api/stats/forms?${query}`))
          .json()
          .items.map((f: { code: string }) => f.code);
      assert.deepEqual(await codes('q=9-1'), ['交行统9-1表']);
      assert.deepEqual(await codes(`q=${encodeURIComponent('旅客运输')}`), ['测试统1表']);
      assert.deepEqual(await codes('periodType=quarter'), ['交行统9-1表']);
      // A % is a character to look for, not a wildcard.
      assert.deepEqual(await codes(`q=${encodeURIComponent('%')}`), []);
      await t.as(w.admin, 'PATCH', `/api/stats/forms/${quarterly.json().id}`, { status: 'retired' });
      assert.deepEqual(await codes('status=retired'), ['交行统9-1表']);
      const active = await t.as(w.admin, 'GET', '/api/stats/forms?status=active&pageSize=1');
      assert.equal(active.json().total, 1);
    });

    test('a version is read back as stored and copied into the next version', async () => {
      const detail = (await t.as(w.xwFiller, 'GET', form)).json();
      const v1 = detail.versions[0];
      const read = await t.as(w.xwFiller, 'GET', `${form}/versions/${v1.id}`);
      assert.equal(read.statusCode, 200, read.body);
      assert.deepEqual(read.json().layout, monthlyPassengerForm().layout);
      // Two rows × (合计, 公路, 水路): the 合计 column is computed.
      assert.deepEqual([read.json().cells, read.json().entryCells, read.json().computedCells], [6, 4, 2]);

      const layout = structuredClone(read.json().layout);
      layout.rows.push({
        indicator: {
          code: 'tonnes',
          name: '货运量',
          unit: '万吨',
          valueType: 'number',
          decimals: 2,
          aggregation: 'sum',
        },
      });
      const v2 = await t.as(w.admin, 'POST', `${form}/versions`, { fromPeriod: '202701', layout });
      assert.equal(v2.statusCode, 201, v2.body);
      const v2Layout = (await t.as(w.admin, 'GET', `${form}/versions/${v2.json().id}`)).json();
      assert.equal(v2Layout.version.versionNo, 2);
      assert.equal(v2Layout.cells, 9);
      const listed = (
        await t.as(w.admin, 'GET', `/api/stats/forms?q=${encodeURIComponent('测试统1表')}`)
      ).json();
      assert.deepEqual([listed.items[0].versions, listed.items[0].latestVersionFrom], [2, '2027-01-01']);
      // A version id of another form is not found through this one.
      const other = await t.as(w.admin, 'POST', '/api/stats/forms', monthlyPassengerForm('测试统2表'));
      const otherVersion = (await t.as(w.admin, 'GET', `/api/stats/forms/${other.json().id}`)).json()
        .versions[0];
      assert.equal((await t.as(w.admin, 'GET', `${form}/versions/${otherVersion.id}`)).statusCode, 404);
    });

    test('ending an obligation stops expecting the unit from that date, audited', async () => {
      const xw = await t.as(w.admin, 'POST', `${form}/obligations`, {
        orgUnitId: w.ids.xw,
        includeSubtree: false,
        validFrom: '2026-01-01',
        validTo: null,
      });
      assert.equal(xw.statusCode, 201, xw.body);
      // The whole country is obliged too; end that one so only 玄武区's own obligation counts.
      const all = (await t.as(w.admin, 'GET', `${form}/obligations?pageSize=200`)).json().items;
      const national = all.find((o: { orgUnitId: number }) => o.orgUnitId === w.ids.mot);
      const endNational = await t.as(w.admin, 'POST', `${form}/obligations/${national.id}/end`, {
        validTo: '2026-02-01',
      });
      assert.equal(endNational.statusCode, 200, endNational.body);
      assert.equal(endNational.json().validTo, '2026-02-01');
      const expected = async (period: string) =>
        (await t.as(w.njReviewer, 'GET', `${form}/periods/${period}/completeness?pageSize=200`))
          .json()
          .items.filter((r: { kind: string }) => r.kind === 'filled')
          .map((r: { orgUnitId: number }) => r.orgUnitId);
      assert.deepEqual(await expected('202610'), [w.ids.xw]);
      const ended = await t.as(w.admin, 'POST', `${form}/obligations/${xw.json().id}/end`, {
        validTo: '2026-10-01',
      });
      assert.equal(ended.statusCode, 200, ended.body);
      assert.deepEqual(await expected('202609'), [w.ids.xw]);
      assert.deepEqual(await expected('202610'), []);

      const early = await t.as(w.admin, 'POST', `${form}/obligations/${xw.json().id}/end`, {
        validTo: '2025-12-01',
      });
      assert.equal(early.statusCode, 400);
      // 鼓楼区 cannot end 玄武区's obligation, nor see that it exists.
      await t.createUser('gl.manager', '320106', ['systemAdmin']);
      const gl = await t.login('gl.manager');
      const foreign = await t.as(gl, 'POST', `${form}/obligations/${xw.json().id}/end`, {
        validTo: '2026-03-01',
      });
      assert.equal(foreign.statusCode, 404, foreign.body);
      const audit = await t.handle.db
        .selectFrom('audit_event')
        .select(['action', 'before', 'after'])
        .where('action', '=', 'stats.obligation.end')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      assert.equal((audit.after as { validTo: string }).validTo, '2026-10-01');
      assert.equal((audit.before as { validTo: string | null }).validTo, null);
    });

    test('a rule is checked without saving, edited, and switched off; the report follows', async () => {
      const check = (body: unknown) => t.as(w.admin, 'POST', `${form}/rules/check`, body);
      const good = await check({ expression: 'passengers.road <= 100' });
      assert.equal(good.statusCode, 200, good.body);
      assert.deepEqual(
        [good.json().ok, good.json().instances, good.json().cellKeys],
        [true, 1, ['passengers.road']],
      );
      const broken = (await check({ expression: 'R01C02 <= (' })).json();
      assert.equal(broken.ok, false);
      assert.equal(broken.error.field, 'expression');
      const unknown = (await check({ expression: 'R01C09 >= 0' })).json();
      assert.equal(unknown.ok, false);
      assert.match(unknown.error.message, /R01C09/);
      assert.deepEqual([unknown.error.start, unknown.error.end], [0, 6]);
      // Checked against the latest version, which has three rows (货运量 came with version 2).
      const template = (await check({ expression: 'R*C01 >= R*C02' })).json();
      assert.deepEqual([template.ok, template.template, template.instances], [true, 'row', 3]);
      const v1 = (await t.as(w.admin, 'GET', form)).json().versions[0].id;
      const onV1 = (await check({ expression: 'R*C01 >= R*C02', versionId: v1 })).json();
      assert.deepEqual([onV1.versionNo, onV1.instances], [1, 2]);
      const badMessage = (await check({ expression: 'R01C01 >= 0', message: '合计 {left' })).json();
      assert.equal(badMessage.error.field, 'message');
      // Checking wrote nothing.
      assert.equal((await t.as(w.admin, 'GET', `${form}/rules`)).json().total, 0);
      assert.equal(
        (await t.as(w.xwFiller, 'POST', `${form}/rules/check`, { expression: 'R01C01 >= 0' })).statusCode,
        403,
      );

      const created = await t.as(w.admin, 'POST', `${form}/rules`, {
        code: 'cap',
        name: '公路客运量不超过100万人',
        expression: 'passengers.road <= 100',
        importance: 'hard',
      });
      assert.equal(created.statusCode, 201, created.body);
      const rule = `${form}/rules/${created.json().id}`;
      // 玄武区 is still obliged in 2026-09 (its obligation ended on 2026-10-01 above).
      const report = reportUrl(w, w.ids.xw, '202609');
      const save = async (value: string) =>
        (
          await t.as(w.xwFiller, 'PUT', `${report}/cells`, { cells: [{ key: 'passengers.road', value }] })
        ).json();
      assert.deepEqual(
        (await save('150')).ruleFailures.map((f: { importance: string }) => f.importance),
        ['hard'],
      );

      const refused = await t.as(w.admin, 'PATCH', rule, { expression: 'passengers.road <=' });
      assert.equal(refused.statusCode, 400);
      const soft = await t.as(w.admin, 'PATCH', rule, {
        expression: 'passengers.road <= 200',
        importance: 'soft',
        message: '公路客运量 {left} 超过 {right}',
      });
      assert.equal(soft.statusCode, 200, soft.body);
      assert.deepEqual(
        [soft.json().code, soft.json().importance, soft.json().expression],
        ['cap', 'soft', 'passengers.road <= 200'],
      );
      assert.deepEqual((await save('150')).ruleFailures, []);
      assert.deepEqual(
        (await save('250')).ruleFailures.map((f: { importance: string; message: string }) => [
          f.importance,
          f.message,
        ]),
        [['soft', '公路客运量 250 超过 200']],
      );
      assert.equal((await t.as(w.njReviewer, 'PATCH', rule, { active: false })).statusCode, 403);
      assert.equal((await t.as(w.admin, 'PATCH', rule, { active: false })).json().active, false);
      assert.deepEqual((await save('260')).ruleFailures, []);
      const audit = await t.handle.db
        .selectFrom('audit_event')
        .select('action')
        .where('action', '=', 'stats.rule.update')
        .execute();
      assert.equal(audit.length, 2);
    });

    test('fill windows set per period are listed, latest first', async () => {
      for (const [period, day] of [
        ['202609', '10'],
        ['202610', '12'],
      ] as const) {
        const res = await t.as(w.admin, 'PUT', `${form}/windows/${period}`, {
          opensAt: `2026-${Number(period.slice(4)) + 1}-01T00:00:00.000Z`,
          closesAt: null,
          deadline: `2026-${Number(period.slice(4)) + 1}-${day}T00:00:00.000Z`,
        });
        assert.equal(res.statusCode, 200, res.body);
      }
      const list = (await t.as(w.xwFiller, 'GET', `${form}/windows`)).json();
      assert.equal(list.total, 2);
      assert.deepEqual(
        list.items.map((x: { period: string; deadline: string }) => [x.period, x.deadline]),
        [
          ['202610', '2026-11-12T00:00:00.000Z'],
          ['202609', '2026-10-10T00:00:00.000Z'],
        ],
      );
    });
  });
}
