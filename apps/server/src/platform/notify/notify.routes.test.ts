import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';
import { notify } from './notify.service.ts';

for (const kind of DB_KINDS) {
  describe(`notification routes on ${kind}`, () => {
    let t: TestApp;
    let nj: Session;
    let xw: Session;
    let xwNotification: number;
    before(async () => {
      t = await startTestApp(kind);
      const njId = await t.createUser('nj.clerk', '320100', ['staff']);
      const xwId = await t.createUser('xw.clerk', '320102', ['staff']);
      [nj, xw] = await Promise.all([t.login('nj.clerk'), t.login('xw.clerk')]);
      await t.handle.db.transaction().execute(async (trx) => {
        for (const n of [1, 2, 3]) {
          await notify(trx, {
            userIds: [njId],
            title: `报表退回 ${n}`,
            body: '请修改后重新报送',
            link: `/stats/reports/${n}`,
            category: 'stats.report.returned',
          });
        }
        [xwNotification] = (await notify(trx, {
          userIds: [xwId],
          title: '工单',
          body: '…',
          category: 'hotline',
        })) as [number];
        await notify(trx, {
          userIds: [njId],
          title: '已发邮件',
          body: '…',
          category: 'digest',
          channels: ['email'],
        });
      });
    });
    after(() => t.close());

    test('users see only their own notifications, newest first', async () => {
      const mine = (await t.as(nj, 'GET', '/api/notifications?pageSize=2')).json();
      assert.equal(mine.total, 4);
      assert.deepEqual(
        mine.items.map((n: { title: string }) => n.title),
        ['已发邮件', '报表退回 3'],
      );
      assert.equal(mine.items[1].link, '/stats/reports/3');
      assert.equal(mine.items[1].readAt, null);
      const theirs = (await t.as(xw, 'GET', '/api/notifications')).json();
      assert.deepEqual(
        theirs.items.map((n: { id: number }) => n.id),
        [xwNotification],
      );
    });

    test('a notification sent without the in-app channel arrives read', async () => {
      assert.deepEqual((await t.as(nj, 'GET', '/api/notifications/unread-count')).json(), { count: 3 });
      const unread = (await t.as(nj, 'GET', '/api/notifications?unread=true')).json();
      assert.equal(unread.total, 3);
    });

    test("reading marks one read (audited once); another user's is not found", async () => {
      assert.equal((await t.as(nj, 'POST', `/api/notifications/${xwNotification}/read`)).statusCode, 404);
      const first = (await t.as(nj, 'GET', '/api/notifications?unread=true&pageSize=1')).json().items[0];
      const read = await t.as(nj, 'POST', `/api/notifications/${first.id}/read`);
      assert.equal(read.statusCode, 200);
      assert.equal(read.json().readAt, t.clock.now().toISOString());
      t.clock.advance(60_000);
      const again = await t.as(nj, 'POST', `/api/notifications/${first.id}/read`);
      assert.equal(again.json().readAt, read.json().readAt, 'the first reading stands');
      const audits = await t.handle.db
        .selectFrom('audit_event')
        .select(['action', 'actor_username'])
        .where('object_type', '=', 'notification')
        .where('object_id', '=', String(first.id))
        .execute();
      assert.deepEqual(audits, [{ action: 'notification.read', actor_username: 'nj.clerk' }]);
      assert.deepEqual((await t.as(nj, 'GET', '/api/notifications/unread-count')).json(), { count: 2 });
    });

    test('read-all marks only my notifications', async () => {
      assert.deepEqual((await t.as(nj, 'POST', '/api/notifications/read-all')).json(), { count: 2 });
      assert.deepEqual((await t.as(nj, 'POST', '/api/notifications/read-all')).json(), { count: 0 });
      assert.deepEqual((await t.as(xw, 'GET', '/api/notifications/unread-count')).json(), { count: 1 });
    });

    test('notifications need a signed-in user', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/notifications' });
      assert.equal(res.statusCode, 401);
    });
  });
}
