import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';
import { SYSTEM_CONTEXT } from '../../platform/audit/audit.service.ts';
import { PERMISSIONS } from '../../platform/identity/permissions.ts';
import type { Channel, RequestType } from './hotline.tables.ts';
import { createTicket, hotlineCalendar } from './tickets.service.ts';

for (const kind of DB_KINDS) {
  describe(`hotline statistics on ${kind}`, () => {
    let t: TestApp;
    let city: Session;
    let county: Session;
    let wuxi: Session;
    let articleId: number;
    const day = 'from=2026-11-27&to=2026-11-27';

    async function ticket(
      centre: string,
      channel: Channel,
      requestType: RequestType,
      extra: { region?: string; instant?: boolean } = {},
    ) {
      const centreId = await t.orgId(centre);
      const { path } = await t.handle.db
        .selectFrom('org_unit')
        .select('path')
        .where('id', '=', centreId)
        .executeTakeFirstOrThrow();
      const now = t.clock.now();
      const regionOrgId = extra.region ? await t.orgId(extra.region) : null;
      const created = await t.handle.db.transaction().execute(async (trx) =>
        createTicket(
          trx,
          {
            audit: SYSTEM_CONTEXT,
            actor: { userId: null, username: 'stats', orgPath: path, permissions: new Set(PERMISSIONS) },
            now,
          },
          { secretBox: t.app.platform.secretBox, calendar: await hotlineCalendar(trx), now },
          {
            channel,
            requestType,
            categoryCode: requestType === 'complaint' ? '0301' : '0801',
            fields: requestType === 'complaint' ? { plateNo: '苏A12345' } : {},
            description: '统计测试',
            centreOrgId: centreId,
            regionOrgId,
            ...(extra.instant && {
              disposition: 'instantAnswer' as const,
              kbArticleId: articleId,
              answerText: '已答复',
            }),
          },
        ),
      );
      return created.ticket.id;
    }

    /** Puts a ticket at a handling unit, as dispatch would, and sets how it ended. */
    async function handled(id: number, unit: string, end: { closedOnTime?: boolean; red?: boolean }) {
      const org = await t.orgId(unit);
      await t.handle.db
        .insertInto('hotline_ticket_org')
        .values({ ticket_id: id, org_unit_id: org, role: 'handler', since: t.clock.now() })
        .execute();
      await t.handle.db
        .updateTable('hotline_ticket')
        .set({
          handling_org_id: org,
          ...(end.closedOnTime !== undefined
            ? { state: 'closed', closed_at: t.clock.now(), closed_on_time: end.closedOnTime }
            : { state: 'in_progress' }),
          ...(end.red && { card: 'red' }),
        })
        .where('id', '=', id)
        .execute();
    }

    async function callback(
      id: number,
      round: number,
      satisfaction: 'satisfied' | 'dissatisfied' | 'unreachable',
    ) {
      const now = t.clock.now();
      await t.handle.db
        .insertInto('hotline_callback')
        .values({
          ticket_id: id,
          caller_ticket_id: id,
          round,
          due_at: now,
          state: 'done',
          satisfaction,
          done_at: now,
        })
        .execute();
    }

    before(async () => {
      t = await startTestApp(kind);
      await t.createUser('nj.stats', '320100', ['hotlineSupervisor']);
      await t.createUser('xw.stats', '320102', ['hotlineHandler']);
      await t.createUser('wx.stats', '320200', ['hotlineSupervisor']);
      city = await t.login('nj.stats');
      county = await t.login('xw.stats');
      wuxi = await t.login('wx.stats');
      const article = await t.as(city, 'POST', '/api/hotline/kb/articles', {
        key: 'taxi-fare',
        orgUnitId: await t.orgId('320100'),
        title: '出租车运价标准',
        body: '起步价 11 元。',
        domain: 'urbanPassenger',
        publish: true,
      });
      articleId = article.json().id;
      await ticket('320100', 'phone', 'inquiry', { instant: true });
      await ticket('320100', 'phone', 'inquiry');
      const onTime = await ticket('320100', 'web', 'complaint', { region: '320102' });
      const late = await ticket('320100', 'wechat', 'complaint', { region: '320106' });
      const overdue = await ticket('320100', 'app', 'complaint', { region: '320102' });
      await ticket('320200', 'phone', 'complaint');
      await handled(onTime, '320102', { closedOnTime: true });
      await handled(late, '320106', { closedOnTime: false });
      await handled(overdue, '320102', { red: true });
      await callback(onTime, 1, 'satisfied');
      await callback(late, 1, 'dissatisfied');
      await callback(late, 2, 'unreachable');
    });
    after(() => t.close());

    test('volumes by channel, type, domain and region, and the three rates, in the jurisdiction', async () => {
      const res = await t.as(city, 'GET', `/api/hotline/stats/summary?${day}`);
      assert.equal(res.statusCode, 200, res.body);
      const s = res.json();
      assert.equal(s.received, 5, 'the Wuxi ticket is not Nanjing’s');
      const counts = (rows: { name: string; count: number }[]) =>
        Object.fromEntries(rows.map((r) => [r.name, r.count]));
      assert.deepEqual(counts(s.byChannel), { 电话: 2, 网站: 1, 微信: 1, 移动客户端: 1 });
      assert.deepEqual(counts(s.byType), { 投诉举报: 3, 信息咨询: 2 });
      assert.deepEqual(counts(s.byDomain), { 道路运输: 3, 其他: 2 });
      assert.deepEqual(counts(s.byRegion), { 南京市交通运输局: 2, 玄武区交通运输局: 2, 鼓楼区交通运输局: 1 });
      assert.deepEqual(s.instantAnswer, { answered: 1, inquiries: 2, rate: 0.5 });
      assert.deepEqual(s.onTimeClosure, { onTime: 1, closed: 2, rate: 0.5 });
      assert.deepEqual(s.satisfaction, {
        satisfied: 1,
        basicallySatisfied: 0,
        dissatisfied: 1,
        unreachable: 1,
        rate: 0.5,
      });
      const before = (
        await t.as(city, 'GET', '/api/hotline/stats/summary?from=2026-11-01&to=2026-11-26')
      ).json();
      assert.deepEqual([before.received, before.instantAnswer.rate], [0, null]);
      assert.equal(
        (await t.as(city, 'GET', '/api/hotline/stats/summary?from=2026-11-28&to=2026-11-27')).statusCode,
        400,
      );
    });

    test('a county counts what was dispatched to it; another city sees only its own', async () => {
      const xw = (await t.as(county, 'GET', `/api/hotline/stats/summary?${day}`)).json();
      assert.deepEqual([xw.received, xw.onTimeClosure.rate], [2, 1]);
      const wx = (await t.as(wuxi, 'GET', `/api/hotline/stats/summary?${day}`)).json();
      assert.equal(wx.received, 1);
      assert.equal((await t.as(wuxi, 'GET', `/api/hotline/stats/units?${day}`)).json().total, 0);
    });

    test('units are ranked by on-time closure, then satisfaction', async () => {
      const res = await t.as(city, 'GET', `/api/hotline/stats/units?${day}`);
      assert.equal(res.statusCode, 200, res.body);
      const rows = res
        .json()
        .items.map((u: Record<string, unknown>) => [
          u.rank,
          u.orgName,
          u.received,
          u.closed,
          u.onTimeRate,
          u.overdueOpen,
          u.satisfactionRate,
        ]);
      assert.deepEqual(rows, [
        [1, '玄武区交通运输局', 2, 1, 1, 1, 1],
        [2, '鼓楼区交通运输局', 1, 1, 0, 0, 0],
      ]);
    });

    test('the Excel export holds the table and the ranking; citations reach the KB usage', async () => {
      const res = await t.as(city, 'GET', `/api/hotline/stats/export.xlsx?${day}`);
      assert.equal(res.statusCode, 200, res.body);
      assert.match(res.headers['content-type'] as string, /spreadsheetml/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      assert.deepEqual(
        book.worksheets.map((w) => w.name),
        ['汇总', '受理渠道', '诉求类型', '业务领域', '地区', '单位排名'],
      );
      const overview = book.getWorksheet('汇总');
      assert.deepEqual([overview?.getCell('A4').value, overview?.getCell('B4').value], ['即时答复率', 0.5]);
      assert.equal(book.getWorksheet('单位排名')?.getCell('B2').value, '玄武区交通运输局');
      const audit = await t.handle.db
        .selectFrom('audit_event')
        .select('action')
        .where('action', '=', 'hotline.stats.export')
        .execute();
      assert.equal(audit.length, 1);
      const usage = (await t.as(city, 'GET', '/api/hotline/kb/usage?from=2026-11-27&to=2026-11-27')).json();
      assert.equal(usage.items.find((u: { id: number }) => u.id === articleId).citations, 1);
    });
  });
}
