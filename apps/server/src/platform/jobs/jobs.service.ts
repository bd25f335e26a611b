import { Cron } from 'croner';
import { type AuditContext, recordAudit } from '../audit/audit.service.ts';
import type { Executor } from '../db/database.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { offsetOf, type PageQuery, type PageResult, toPage } from '../http/pagination.ts';
import { type Actor, assertInstanceRoot } from '../identity/actor.ts';
import {
  advanceSchedule,
  findInFlightByKey,
  findJob,
  insertJob,
  type JobFilter,
  type JobRow,
  type JobScheduleRow,
  listJobs,
  listSchedules,
  lockDueSchedules,
  requeueJob,
  upsertSchedule,
} from './jobs.repository.ts';

export const SCHEDULE_TIME_ZONE = 'Asia/Shanghai';
export const DEFAULT_MAX_ATTEMPTS = 5;

export interface EnqueueOptions {
  /** When the job becomes due; default: the database's now(). */
  readonly runAt?: Date;
  /** While a job with this key is pending, running or failed, enqueueing it again does nothing. */
  readonly uniqueKey?: string;
  readonly maxAttempts?: number;
}

/**
 * Adds a job inside the caller's transaction, so the job exists if and only if the write that
 * caused it commits. Returns the job's id, or the id of the job already in flight for its key.
 */
export async function enqueue(
  trx: Executor,
  kind: string,
  payload: unknown,
  options: EnqueueOptions = {},
): Promise<{ id: number; created: boolean }> {
  const uniqueKey = options.uniqueKey ?? null;
  const id = await insertJob(trx, {
    kind,
    payload,
    runAt: options.runAt ?? null,
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    uniqueKey,
  });
  if (id !== undefined) return { id, created: true };
  const existing = uniqueKey === null ? undefined : await findInFlightByKey(trx, uniqueKey);
  if (existing === undefined) throw new Error(`job ${kind}: conflicting key ${uniqueKey} vanished`);
  return { id: existing, created: false };
}

/** The first time the pattern fires strictly after `after`, in Beijing time. */
export function nextRunOf(cron: string, after: Date): Date {
  let next: Date | null;
  try {
    next = new Cron(cron, { timezone: SCHEDULE_TIME_ZONE }).nextRun(after);
  } catch (err) {
    throw badRequest(`invalid cron pattern ${cron}: ${(err as Error).message}`);
  }
  if (!next) throw badRequest(`cron pattern ${cron} never fires after ${after.toISOString()}`);
  return next;
}

export interface ScheduleSpec {
  readonly name: string;
  readonly cron: string;
  readonly kind: string;
  readonly payload?: unknown;
}

export async function ensureSchedules(
  db: Executor,
  specs: readonly ScheduleSpec[],
  now: Date,
): Promise<void> {
  for (const spec of specs) {
    await upsertSchedule(db, { ...spec, payload: spec.payload ?? {}, nextRunAt: nextRunOf(spec.cron, now) });
  }
}

/**
 * Turns every due schedule into a job, in one transaction with the schedule's advance: two
 * workers cannot fire the same occurrence (the row lock, and the occurrence's unique key).
 * Occurrences missed while no worker ran collapse into one run.
 */
export async function materialiseSchedules(trx: Executor, now: Date): Promise<number> {
  const due = await lockDueSchedules(trx, now);
  for (const schedule of due) {
    await enqueue(trx, schedule.kind, schedule.payload, {
      runAt: schedule.next_run_at,
      uniqueKey: `schedule:${schedule.name}:${schedule.next_run_at.toISOString()}`,
    });
    await advanceSchedule(trx, schedule.name, schedule.next_run_at, nextRunOf(schedule.cron, now));
  }
  return due.length;
}

export const toJobDto = (row: JobRow) => ({
  id: row.id,
  kind: row.kind,
  payload: row.payload,
  status: row.status,
  runAt: row.run_at.toISOString(),
  attempts: row.attempts,
  maxAttempts: row.max_attempts,
  lastError: row.last_error,
  lockedBy: row.locked_by,
  lockedUntil: row.locked_until?.toISOString() ?? null,
  uniqueKey: row.unique_key,
  createdAt: row.created_at.toISOString(),
  finishedAt: row.finished_at?.toISOString() ?? null,
});

export const toScheduleDto = (row: JobScheduleRow) => ({
  name: row.name,
  cron: row.cron,
  kind: row.kind,
  payload: row.payload,
  nextRunAt: row.next_run_at.toISOString(),
  lastRunAt: row.last_run_at?.toISOString() ?? null,
  enabled: row.enabled,
});

export async function jobPage(db: Executor, actor: Actor, filter: JobFilter, page: PageQuery) {
  assertInstanceRoot(actor, 'manage jobs');
  const result = await listJobs(db, filter, page.pageSize, offsetOf(page));
  return toPage(result, page, toJobDto);
}

export async function schedulePage(
  db: Executor,
  actor: Actor,
  page: PageQuery,
): Promise<PageResult<ReturnType<typeof toScheduleDto>>> {
  assertInstanceRoot(actor, 'manage jobs');
  const result = await listSchedules(db, page.pageSize, offsetOf(page));
  return {
    items: result.items.map(toScheduleDto),
    total: result.total,
    page: page.page,
    pageSize: page.pageSize,
  };
}

const UNIQUE_VIOLATION = '23505';

/** Makes a failed or dead job due now, with its attempts counted afresh. */
export async function retryJob(trx: Executor, ctx: AuditContext, actor: Actor, id: number, now: Date) {
  assertInstanceRoot(actor, 'manage jobs');
  const before = await findJob(trx, id);
  if (!before) throw notFound(`job ${id}`);
  if (before.status !== 'failed' && before.status !== 'dead')
    throw conflict(`job ${id} is ${before.status}; only failed or dead jobs are retried`);
  const row = await requeueJob(trx, id, now).catch((err: unknown) => {
    if ((err as { code?: string }).code === UNIQUE_VIOLATION)
      throw conflict(`another job with key ${before.unique_key} is already in flight`);
    throw err;
  });
  if (!row) throw conflict(`job ${id} changed meanwhile`);
  await recordAudit(trx, ctx, {
    action: 'job.retry',
    objectType: 'job',
    objectId: id,
    before: { status: before.status, attempts: before.attempts, lastError: before.last_error },
    after: { status: row.status, runAt: row.run_at.toISOString() },
  });
  return toJobDto(row);
}
