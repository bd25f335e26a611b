import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';
import { loadWorkingCalendar, seedCalendar } from './calendar.service.ts';

for (const kind of DB_KINDS) {
  describe(`calendar routes on ${kind}`, () => {
    let t: TestApp;
    let rootAdmin: Session;
    let countyAdmin: Session;
    let clerk: Session;
    before(async () => {
      t = await startTestApp(kind);
      await t.createUser('mot.admin', 'MOT', ['systemAdmin']);
      await t.createUser('xw.admin', '320102', ['systemAdmin']);
      await t.createUser('nj.clerk', '320100', ['staff']);
      [rootAdmin, countyAdmin, clerk] = await Promise.all([
        t.login('mot.admin'),
        t.login('xw.admin'),
        t.login('nj.clerk'),
      ]);
    });
    after(() => t.close());

    test('a year with a loaded notice lists its special days', async () => {
      const res = await t.as(clerk, 'GET', '/api/calendar?year=2025');
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.equal(body.hasData, true);
      assert.deepEqual(
        body.days.find((d: { date: string }) => d.date === '2025-09-28'),
        {
          date: '2025-09-28',
          kind: 'workday',
          name: '国庆节、中秋节',
          source: '国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号)',
        },
      );
      const empty = (await t.as(clerk, 'GET', '/api/calendar?year=2031')).json();
      assert.deepEqual(empty, { year: 2031, hasData: false, days: [] });
    });

    test('a root administrator loads next year, audited; the working calendar follows', async () => {
      const res = await t.as(rootAdmin, 'PUT', '/api/calendar/days/2031-01-01', {
        kind: 'holiday',
        name: '元旦',
      });
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().source, 'manual (mot.admin)');
      const cal = await loadWorkingCalendar(t.handle.db);
      assert.equal(cal.hasData(2031), true);
      assert.equal(cal.isWorkingDay('2031-01-01'), false);

      const audit = await t.handle.db
        .selectFrom('audit_event')
        .select(['action', 'actor_username', 'before', 'after'])
        .where('object_type', '=', 'calendar_day')
        .where('object_id', '=', '2031-01-01')
        .executeTakeFirstOrThrow();
      assert.equal(audit.action, 'calendar.day.set');
      assert.equal(audit.actor_username, 'mot.admin');
      assert.equal(audit.before, null);

      assert.equal((await t.as(rootAdmin, 'DELETE', '/api/calendar/days/2031-01-01')).statusCode, 200);
      assert.equal((await t.as(rootAdmin, 'DELETE', '/api/calendar/days/2031-01-01')).statusCode, 404);
    });

    test('only root administrators with calendar.manage edit; bad dates are refused', async () => {
      const body = { kind: 'workday', name: '调休' };
      assert.equal((await t.as(countyAdmin, 'PUT', '/api/calendar/days/2031-01-04', body)).statusCode, 403);
      assert.equal((await t.as(clerk, 'PUT', '/api/calendar/days/2031-01-04', body)).statusCode, 403);
      assert.equal((await t.as(clerk, 'DELETE', '/api/calendar/days/2025-10-01')).statusCode, 403);
      assert.equal((await t.as(rootAdmin, 'PUT', '/api/calendar/days/2031-02-30', body)).statusCode, 400);
      assert.equal(
        (await t.as(rootAdmin, 'PUT', '/api/calendar/days/2031-01-04', { kind: 'off' })).statusCode,
        400,
      );
    });

    test('seeding again never undoes an edit', async () => {
      assert.equal((await t.as(rootAdmin, 'DELETE', '/api/calendar/days/2025-10-08')).statusCode, 200);
      assert.equal(await t.handle.db.transaction().execute((trx) => seedCalendar(trx)), 0);
      const cal = await loadWorkingCalendar(t.handle.db);
      assert.equal(cal.isWorkingDay('2025-10-08'), true, 'a Wednesday, no longer a holiday');
    });
  });
}
