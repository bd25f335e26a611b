import type { ColumnType, Generated } from 'kysely';

/**
 * pending: waits for run_at; running: leased to a worker until locked_until; failed: the last
 * attempt failed and another is due at run_at; done; dead: attempts exhausted, kept for an
 * administrator to inspect and retry.
 */
export type JobStatus = 'pending' | 'running' | 'done' | 'failed' | 'dead';

export interface JobTable {
  id: Generated<number>;
  kind: string;
  payload: unknown;
  run_at: Date;
  status: Generated<JobStatus>;
  attempts: Generated<number>;
  max_attempts: number;
  last_error: string | null;
  /** The worker holding the lease while running. */
  locked_by: string | null;
  /** A running job whose lease has passed is taken to have crashed and runs again. */
  locked_until: Date | null;
  /** At most one job in flight (pending, running, failed) per key: enqueueing is idempotent. */
  unique_key: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  finished_at: Date | null;
}

export interface JobScheduleTable {
  name: string;
  /** Five- or six-field cron pattern, read in Asia/Shanghai. */
  cron: string;
  kind: string;
  payload: unknown;
  next_run_at: Date;
  last_run_at: Date | null;
  enabled: Generated<boolean>;
}

export interface JobTables {
  job: JobTable;
  job_schedule: JobScheduleTable;
}
