import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { DB_KINDS, openTestDatabase } from '../../../test/databases.ts';
import { TestClock } from '../../../test/harness.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { backoffMs, type JobHandler, JobWorker } from './job-worker.ts';
import { claimDueJobs, findJob, markDone } from './jobs.repository.ts';
import { enqueue, ensureSchedules } from './jobs.service.ts';

const silent = { error: () => undefined };

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

test('backoff doubles from the base and stops at the cap', () => {
  assert.deepEqual(
    [1, 2, 3, 4, 10, 100].map((n) => backoffMs(n, 10_000, 3_600_000)),
    [10_000, 20_000, 40_000, 80_000, 3_600_000, 3_600_000],
  );
});

for (const kind of DB_KINDS) {
  describe(`job worker on ${kind}`, () => {
    let handle: DatabaseHandle;
    let clock: TestClock;
    before(async () => {
      handle = await openTestDatabase(kind);
    });
    after(() => handle.close());
    beforeEach(async () => {
      await handle.db.deleteFrom('job').execute();
      await handle.db.deleteFrom('job_schedule').execute();
      clock = new TestClock();
    });

    const worker = (handlers: Record<string, JobHandler>, id = 'w1') =>
      new JobWorker({ db: handle.db, handlers, clock, id, log: silent, leaseMs: 60_000 });
    const add = (jobKind: string, payload: unknown, options: Parameters<typeof enqueue>[3] = {}) =>
      handle.db
        .transaction()
        .execute((trx) => enqueue(trx, jobKind, payload, { runAt: clock.now(), ...options }));
    const job = async (id: number) => {
      const row = await findJob(handle.db, id);
      assert.ok(row);
      return row;
    };

    test('a job exists only if the enqueueing transaction commits, and runs once', async () => {
      await assert.rejects(
        handle.db.transaction().execute(async (trx) => {
          await enqueue(trx, 'greet', { to: 'rolled back' }, { runAt: clock.now() });
          throw new Error('the write failed');
        }),
      );
      const { id } = await add('greet', { to: '南京' });
      const seen: unknown[] = [];
      const w = worker({ greet: async (payload, ctx) => void seen.push([payload, ctx.attempt]) });
      assert.equal(await w.runDue(), 1);
      assert.equal(await w.runDue(), 0);
      assert.deepEqual(seen, [[{ to: '南京' }, 1]]);
      const row = await job(id);
      assert.equal(row.status, 'done');
      assert.equal(row.locked_by, null);
      assert.deepEqual(row.finished_at, clock.now());
    });

    test('a job waits for its run time, and only workers that handle its kind claim it', async () => {
      const { id } = await add('greet', {}, { runAt: new Date(clock.now().getTime() + 60_000) });
      await add('unhandled', {});
      const w = worker({ greet: async () => undefined });
      assert.equal(await w.runDue(), 0);
      clock.advance(60_000);
      assert.equal(await w.runDue(), 1);
      assert.equal((await job(id)).status, 'done');
      const rest = await handle.db
        .selectFrom('job')
        .select('status')
        .where('kind', '=', 'unhandled')
        .execute();
      assert.deepEqual(rest, [{ status: 'pending' }]);
    });

    test('failures retry with exponential backoff, then the job is dead', async () => {
      const { id } = await add('flaky', {}, { maxAttempts: 3 });
      let calls = 0;
      const w = worker({
        flaky: async () => {
          calls += 1;
          throw new Error(`smtp refused (${calls})`);
        },
      });
      assert.equal(await w.runDue(), 1);
      let row = await job(id);
      assert.equal(row.status, 'failed');
      assert.equal(row.attempts, 1);
      assert.equal(row.last_error, 'smtp refused (1)');
      assert.equal(row.run_at.getTime(), clock.now().getTime() + 10_000);

      clock.advance(9_999);
      assert.equal(await w.runDue(), 0, 'not due before the backoff');
      clock.advance(1);
      assert.equal(await w.runDue(), 1);
      row = await job(id);
      assert.equal(row.run_at.getTime(), clock.now().getTime() + 20_000, 'the second delay doubles');

      clock.advance(20_000);
      assert.equal(await w.runDue(), 1);
      row = await job(id);
      assert.equal(row.status, 'dead');
      assert.equal(row.attempts, 3);
      assert.equal(row.last_error, 'smtp refused (3)');
      assert.deepEqual(row.finished_at, clock.now());
      clock.advance(3_600_000);
      assert.equal(await w.runDue(), 0);
      assert.equal(calls, 3);
    });

    test('a crashed worker’s job runs again when its lease passes; the late result is dropped', async () => {
      const { id } = await add('report', {}, { maxAttempts: 2 });
      const [claimed] = await claimDueJobs(handle.db, {
        workerId: 'crashed',
        kinds: ['report'],
        now: clock.now(),
        leaseUntil: new Date(clock.now().getTime() + 60_000),
        limit: 10,
      });
      assert.equal(claimed?.id, id);
      let runs = 0;
      const w = worker({
        report: async () => {
          runs += 1;
        },
      });
      assert.equal(await w.runDue(), 0, 'leased to the crashed worker');
      clock.advance(60_001);
      assert.equal(await w.runDue(), 1);
      assert.equal(runs, 1);
      const row = await job(id);
      assert.equal(row.status, 'done');
      assert.equal(row.attempts, 2);
      const late = await markDone(handle.db, { id, workerId: 'crashed', attempt: 1 }, clock.now());
      assert.equal(late, false);
    });

    test('a crash during the last allowed attempt makes the job dead', async () => {
      const { id } = await add('report', {}, { maxAttempts: 1 });
      await claimDueJobs(handle.db, {
        workerId: 'crashed',
        kinds: ['report'],
        now: clock.now(),
        leaseUntil: new Date(clock.now().getTime() + 1000),
        limit: 1,
      });
      clock.advance(1001);
      const w = worker({ report: async () => assert.fail('must not run a fourth time') });
      assert.equal(await w.runDue(), 0);
      const row = await job(id);
      assert.equal(row.status, 'dead');
      assert.match(row.last_error ?? '', /lease expired/);
    });

    test('a unique key makes enqueueing idempotent while the job is in flight', async () => {
      const first = await add('sync', { n: 1 }, { uniqueKey: 'sync:320000' });
      const again = await add('sync', { n: 2 }, { uniqueKey: 'sync:320000' });
      assert.deepEqual(again, { id: first.id, created: false });
      assert.equal(first.created, true);
      await worker({ sync: async () => undefined }).runDue();
      const later = await add('sync', { n: 3 }, { uniqueKey: 'sync:320000' });
      assert.equal(later.created, true);
      assert.notEqual(later.id, first.id);
    });

    test('two workers on one database never run the same job twice', async () => {
      const ids = new Set<number>();
      for (let i = 0; i < 30; i += 1) ids.add((await add('count', { i })).id);
      const runs: number[] = [];
      const handler: JobHandler = async (_payload, ctx) => {
        // A query inside the handler lets the other worker's claim interleave.
        await ctx.db.selectFrom('job').select('id').where('id', '=', ctx.jobId).execute();
        runs.push(ctx.jobId);
      };
      const a = worker({ count: handler }, 'a');
      const b = worker({ count: handler }, 'b');
      const drain = async (w: JobWorker) => {
        while ((await w.runDue()) > 0);
      };
      await Promise.all([drain(a), drain(b), drain(a), drain(b)]);
      assert.equal(runs.length, 30);
      assert.deepEqual(new Set(runs), ids);
      const left = await handle.db.selectFrom('job').select('id').where('status', '!=', 'done').execute();
      assert.deepEqual(left, []);
    });

    test('schedules fire once per occurrence, in Beijing time, whichever worker sees them', async () => {
      clock = new TestClock(Date.parse('2026-11-27T01:58:00+08:00'));
      await ensureSchedules(
        handle.db,
        [{ name: 'nightly-digest', cron: '0 2 * * *', kind: 'digest' }],
        clock.now(),
      );
      const schedule = () => handle.db.selectFrom('job_schedule').selectAll().executeTakeFirstOrThrow();
      assert.equal((await schedule()).next_run_at.toISOString(), '2026-11-26T18:00:00.000Z');

      const fired: string[] = [];
      const handler: JobHandler = async (_p, ctx) => void fired.push(ctx.now.toISOString());
      const a = worker({ digest: handler }, 'a');
      const b = worker({ digest: handler }, 'b');
      assert.equal(await a.runDue(), 0);
      clock.advance(2 * 60_000);
      await Promise.all([a.runDue(), b.runDue()]);
      await Promise.all([a.runDue(), b.runDue()]);
      assert.equal(fired.length, 1);
      assert.equal((await schedule()).next_run_at.toISOString(), '2026-11-27T18:00:00.000Z');

      // Three nights without a worker: the missed nights collapse into one run.
      clock.advance(3 * 86_400_000);
      await a.runDue();
      await b.runDue();
      assert.equal(fired.length, 2);
      const s = await schedule();
      assert.equal(s.last_run_at?.toISOString(), '2026-11-27T18:00:00.000Z');
      assert.equal(s.next_run_at.toISOString(), '2026-11-30T18:00:00.000Z');

      // Registering again (a restart) keeps the schedule's place.
      await ensureSchedules(
        handle.db,
        [{ name: 'nightly-digest', cron: '0 2 * * *', kind: 'digest' }],
        clock.now(),
      );
      assert.equal((await schedule()).next_run_at.toISOString(), '2026-11-30T18:00:00.000Z');
    });

    test('start polls; stop waits for the job in hand', async () => {
      const gate = deferred();
      const running = deferred();
      const { id } = await handle.db.transaction().execute((trx) => enqueue(trx, 'slow', {}));
      const w = new JobWorker({
        db: handle.db,
        handlers: {
          slow: async () => {
            running.resolve();
            await gate.promise;
          },
        },
        pollMs: 10,
        log: silent,
      });
      w.start();
      await running.promise;
      const stopped = w.stop();
      gate.resolve();
      await stopped;
      assert.equal((await job(id)).status, 'done');
    });
  });
}
