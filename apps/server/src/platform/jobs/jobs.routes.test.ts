import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';
import { JobWorker } from './job-worker.ts';
import { enqueue, ensureSchedules } from './jobs.service.ts';

for (const kind of DB_KINDS) {
  describe(`job routes on ${kind}`, () => {
    let t: TestApp;
    let rootAdmin: Session;
    let provinceAdmin: Session;
    let clerk: Session;
    let deadId: number;
    let pendingId: number;
    before(async () => {
      t = await startTestApp(kind);
      await t.createUser('mot.admin', 'MOT', ['systemAdmin']);
      await t.createUser('js.admin', '320000', ['systemAdmin']);
      await t.createUser('nj.clerk', '320100', ['staff']);
      [rootAdmin, provinceAdmin, clerk] = await Promise.all([
        t.login('mot.admin'),
        t.login('js.admin'),
        t.login('nj.clerk'),
      ]);
      const runAt = t.clock.now();
      await t.handle.db.transaction().execute(async (trx) => {
        deadId = (
          await enqueue(trx, 'mail', { to: 'a@example.cn' }, { runAt, maxAttempts: 1, uniqueKey: 'mail:a' })
        ).id;
        pendingId = (await enqueue(trx, 'other', {}, { runAt: new Date(runAt.getTime() + 3_600_000) })).id;
      });
      const worker = new JobWorker({
        db: t.handle.db,
        clock: t.clock,
        handlers: {
          mail: async () => {
            throw new Error('connection refused');
          },
        },
        log: { error: () => undefined },
      });
      await worker.runDue();
      await ensureSchedules(
        t.handle.db,
        [{ name: 'cleanup', cron: '30 3 * * *', kind: 'cleanup' }],
        t.clock.now(),
      );
    });
    after(() => t.close());

    test('root administrators list jobs, filtered by status and kind', async () => {
      const all = (await t.as(rootAdmin, 'GET', '/api/jobs')).json();
      assert.equal(all.total, 2);
      const dead = (await t.as(rootAdmin, 'GET', '/api/jobs?status=dead&kind=mail')).json();
      assert.equal(dead.total, 1);
      assert.equal(dead.items[0].id, deadId);
      assert.equal(dead.items[0].lastError, 'connection refused');
      assert.equal(dead.items[0].attempts, 1);
      assert.equal((await t.as(rootAdmin, 'GET', '/api/jobs?status=sleeping')).statusCode, 400);
    });

    test('others may not see jobs', async () => {
      assert.equal((await t.as(provinceAdmin, 'GET', '/api/jobs')).statusCode, 403);
      assert.equal((await t.as(clerk, 'GET', '/api/jobs')).statusCode, 403);
      assert.equal((await t.as(clerk, 'POST', `/api/jobs/${deadId}/retry`)).statusCode, 403);
      assert.equal((await t.as(provinceAdmin, 'GET', '/api/jobs/schedules')).statusCode, 403);
    });

    test('a dead job is retried with fresh attempts, audited; a pending one is not', async () => {
      assert.equal((await t.as(rootAdmin, 'POST', `/api/jobs/${pendingId}/retry`)).statusCode, 409);
      assert.equal((await t.as(rootAdmin, 'POST', '/api/jobs/999999/retry')).statusCode, 404);
      const res = await t.as(rootAdmin, 'POST', `/api/jobs/${deadId}/retry`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().status, 'pending');
      assert.equal(res.json().attempts, 0);
      assert.equal(res.json().runAt, t.clock.now().toISOString());
      const audit = await t.handle.db
        .selectFrom('audit_event')
        .select(['action', 'actor_username', 'before'])
        .where('object_type', '=', 'job')
        .executeTakeFirstOrThrow();
      assert.equal(audit.action, 'job.retry');
      assert.equal(audit.actor_username, 'mot.admin');
      assert.deepEqual(audit.before, { status: 'dead', attempts: 1, lastError: 'connection refused' });
    });

    test('retrying a job whose key is in flight again is a conflict', async () => {
      const runAt = t.clock.now();
      const id = await t.handle.db.transaction().execute(async (trx) => {
        const dead = await enqueue(trx, 'mail', {}, { runAt, uniqueKey: 'mail:b' });
        await trx.updateTable('job').set({ status: 'dead' }).where('id', '=', dead.id).execute();
        await enqueue(trx, 'mail', {}, { runAt, uniqueKey: 'mail:b' });
        return dead.id;
      });
      assert.equal((await t.as(rootAdmin, 'POST', `/api/jobs/${id}/retry`)).statusCode, 409);
    });

    test('schedules are listed with their next run', async () => {
      const res = (await t.as(rootAdmin, 'GET', '/api/jobs/schedules')).json();
      assert.equal(res.total, 1);
      assert.deepEqual(res.items[0], {
        name: 'cleanup',
        cron: '30 3 * * *',
        kind: 'cleanup',
        payload: {},
        // The test clock stands at 2026-11-27 09:00 in Beijing; 03:30 comes the next night.
        nextRunAt: '2026-11-27T19:30:00.000Z',
        lastRunAt: null,
        enabled: true,
      });
    });
  });
}
