import { type Selectable, sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { PageResult } from '../http/pagination.ts';
import type { JobScheduleTable, JobStatus, JobTable } from './jobs.tables.ts';

export type JobRow = Selectable<JobTable>;
export type JobScheduleRow = Selectable<JobScheduleTable>;

const jsonb = (value: unknown) => sql<unknown>`${JSON.stringify(value ?? {})}::jsonb`;
const IN_FLIGHT: JobStatus[] = ['pending', 'running', 'failed'];
const IN_FLIGHT_PREDICATE = `status in (${IN_FLIGHT.map((s) => `'${s}'`).join(', ')})`;

/** Inserts a job; with a unique key already in flight, inserts nothing and returns undefined. */
export async function insertJob(
  db: Executor,
  job: { kind: string; payload: unknown; runAt: Date | null; maxAttempts: number; uniqueKey: string | null },
): Promise<number | undefined> {
  const row = await db
    .insertInto('job')
    .values({
      kind: job.kind,
      payload: jsonb(job.payload),
      run_at: job.runAt ?? sql<Date>`now()`,
      max_attempts: job.maxAttempts,
      unique_key: job.uniqueKey,
    })
    // The arbiter's predicate is spelt in literals: PostgreSQL cannot match a partial index to a
    // predicate with parameters once the statement is prepared.
    .onConflict((oc) => oc.column('unique_key').where(sql.raw<boolean>(IN_FLIGHT_PREDICATE)).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function findInFlightByKey(db: Executor, uniqueKey: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('job')
    .select('id')
    .where('unique_key', '=', uniqueKey)
    .where('status', 'in', IN_FLIGHT)
    .executeTakeFirst();
  return row?.id;
}

/**
 * Leases up to `limit` due jobs of these kinds to a worker: pending or failed jobs whose time has
 * come, and running jobs whose lease has passed (their worker is taken to have crashed). SKIP
 * LOCKED lets concurrent workers claim disjoint sets without waiting on each other.
 */
export async function claimDueJobs(
  db: Executor,
  claim: { workerId: string; kinds: readonly string[]; now: Date; leaseUntil: Date; limit: number },
): Promise<JobRow[]> {
  if (claim.kinds.length === 0) return [];
  return db
    .updateTable('job')
    .set((eb) => ({
      status: 'running',
      attempts: eb('attempts', '+', 1),
      locked_by: claim.workerId,
      locked_until: claim.leaseUntil,
    }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('job')
        .select('id')
        .where('kind', 'in', [...claim.kinds])
        .where((w) =>
          w.or([
            w.and([w('status', 'in', ['pending', 'failed']), w('run_at', '<=', claim.now)]),
            w.and([
              w('status', '=', 'running'),
              w('locked_until', '<', claim.now),
              w('attempts', '<', w.ref('max_attempts')),
            ]),
          ]),
        )
        .orderBy('run_at')
        .orderBy('id')
        .limit(claim.limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
}

/** Running jobs whose lease passed on their last allowed attempt: they will not run again. */
export async function buryExpiredLeases(db: Executor, now: Date): Promise<number> {
  const rows = await db
    .updateTable('job')
    .set({
      status: 'dead',
      finished_at: now,
      locked_by: null,
      locked_until: null,
      last_error: sql<string>`coalesce(last_error || E'\n', '') || 'lease expired: the worker stopped during the last attempt'`,
    })
    .where('status', '=', 'running')
    .where('locked_until', '<', now)
    .where('attempts', '>=', (eb) => eb.ref('max_attempts'))
    .returning('id')
    .execute();
  return rows.length;
}

type Lease = { id: number; workerId: string; attempt: number };

// A worker settles only a job it still holds: if its lease passed and another worker took the
// job over, this worker's late result is dropped.
const held = (lease: Lease) => (db: Executor) =>
  db
    .updateTable('job')
    .where('id', '=', lease.id)
    .where('status', '=', 'running')
    .where('locked_by', '=', lease.workerId)
    .where('attempts', '=', lease.attempt);

export async function markDone(db: Executor, lease: Lease, now: Date): Promise<boolean> {
  const result = await held(lease)(db)
    .set({ status: 'done', finished_at: now, locked_by: null, locked_until: null, last_error: null })
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function markFailed(
  db: Executor,
  lease: Lease,
  outcome: { error: string; retryAt: Date | null; now: Date },
): Promise<boolean> {
  const result = await held(lease)(db)
    .set({
      status: outcome.retryAt ? 'failed' : 'dead',
      run_at: outcome.retryAt ?? sql<Date>`run_at`,
      finished_at: outcome.retryAt ? null : outcome.now,
      last_error: outcome.error,
      locked_by: null,
      locked_until: null,
    })
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function findJob(db: Executor, id: number): Promise<JobRow | undefined> {
  return db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A failed or dead job, due now with a fresh set of attempts. */
export async function requeueJob(db: Executor, id: number, now: Date): Promise<JobRow | undefined> {
  return db
    .updateTable('job')
    .set({ status: 'pending', run_at: now, attempts: 0, finished_at: null })
    .where('id', '=', id)
    .where('status', 'in', ['failed', 'dead'])
    .returningAll()
    .executeTakeFirst();
}

export interface JobFilter {
  status?: JobStatus | undefined;
  kind?: string | undefined;
}

export async function listJobs(
  db: Executor,
  filter: JobFilter,
  limit: number,
  offset: number,
): Promise<Omit<PageResult<JobRow>, 'page' | 'pageSize'>> {
  let q = db.selectFrom('job');
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  const [items, count] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Registers a schedule; an existing one keeps its enabled flag and, if its cron is unchanged, its next run. */
export async function upsertSchedule(
  db: Executor,
  schedule: { name: string; cron: string; kind: string; payload: unknown; nextRunAt: Date },
): Promise<void> {
  await db
    .insertInto('job_schedule')
    .values({
      name: schedule.name,
      cron: schedule.cron,
      kind: schedule.kind,
      payload: jsonb(schedule.payload),
      next_run_at: schedule.nextRunAt,
    })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({
        kind: eb.ref('excluded.kind'),
        payload: eb.ref('excluded.payload'),
        cron: eb.ref('excluded.cron'),
        next_run_at: sql<Date>`case when job_schedule.cron = excluded.cron then job_schedule.next_run_at else excluded.next_run_at end`,
      })),
    )
    .execute();
}

/** Due schedules, locked for this transaction; another worker skips them rather than firing them twice. */
export async function lockDueSchedules(db: Executor, now: Date): Promise<JobScheduleRow[]> {
  return db
    .selectFrom('job_schedule')
    .selectAll()
    .where('enabled', '=', true)
    .where('next_run_at', '<=', now)
    .orderBy('next_run_at')
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function advanceSchedule(
  db: Executor,
  name: string,
  lastRunAt: Date,
  nextRunAt: Date,
): Promise<void> {
  await db
    .updateTable('job_schedule')
    .set({ last_run_at: lastRunAt, next_run_at: nextRunAt })
    .where('name', '=', name)
    .execute();
}

export async function listSchedules(
  db: Executor,
  limit: number,
  offset: number,
): Promise<Omit<PageResult<JobScheduleRow>, 'page' | 'pageSize'>> {
  const [items, count] = await Promise.all([
    db.selectFrom('job_schedule').selectAll().orderBy('name').limit(limit).offset(offset).execute(),
    db
      .selectFrom('job_schedule')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
