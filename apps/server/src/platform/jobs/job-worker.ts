import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../db/database.ts';
import { type Clock, systemClock } from '../http/platform.ts';
import { buryExpiredLeases, claimDueJobs, type JobRow, markDone, markFailed } from './jobs.repository.ts';
import { materialiseSchedules } from './jobs.service.ts';

export interface JobContext {
  readonly db: Db;
  readonly jobId: number;
  readonly kind: string;
  /** 1 on the first run. */
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly now: Date;
}

/**
 * Runs one job. Delivery is at least once — a worker may crash after the work and before the
 * job is marked done — so a handler must be idempotent, and it owns its own transactions.
 * A handler that throws fails the attempt; the job is retried with backoff until it is dead.
 */
export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<void>;
export type JobHandlers = Readonly<Record<string, JobHandler>>;

export interface WorkerLog {
  error(details: object, message: string): void;
}

export interface JobWorkerOptions {
  readonly db: Db;
  readonly handlers: JobHandlers;
  readonly clock?: Clock;
  readonly id?: string;
  readonly pollMs?: number;
  /** How long a claimed job is the worker's; a job still running after that may run again. */
  readonly leaseMs?: number;
  /** Jobs claimed (and run concurrently) per poll. */
  readonly batchSize?: number;
  /** Delay before the second attempt; doubled for each further one, up to backoffMaxMs. */
  readonly backoffBaseMs?: number;
  readonly backoffMaxMs?: number;
  readonly log?: WorkerLog;
}

const consoleLog: WorkerLog = { error: (details, message) => console.error(message, details) };

/** Delay after failed attempt n (1-based): base·2^(n−1), capped. */
export const backoffMs = (attempt: number, baseMs: number, maxMs: number): number =>
  Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 30));

/**
 * Claims due jobs of the kinds it has handlers for, runs them under a lease, and settles each
 * as done, failed (retry later) or dead. Several workers, in one process or many, may share a
 * database: claims use FOR UPDATE SKIP LOCKED, so each job runs on one worker at a time.
 */
export class JobWorker {
  readonly id: string;
  readonly #db: Db;
  readonly #handlers: JobHandlers;
  readonly #clock: Clock;
  readonly #pollMs: number;
  readonly #leaseMs: number;
  readonly #batchSize: number;
  readonly #backoffBaseMs: number;
  readonly #backoffMaxMs: number;
  readonly #log: WorkerLog;
  #timer: NodeJS.Timeout | undefined;
  #tick: Promise<number> | undefined;
  #running = false;

  constructor(options: JobWorkerOptions) {
    this.id = options.id ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.#db = options.db;
    this.#handlers = options.handlers;
    this.#clock = options.clock ?? systemClock;
    this.#pollMs = options.pollMs ?? 1000;
    this.#leaseMs = options.leaseMs ?? 5 * 60_000;
    this.#batchSize = options.batchSize ?? 4;
    this.#backoffBaseMs = options.backoffBaseMs ?? 10_000;
    this.#backoffMaxMs = options.backoffMaxMs ?? 3_600_000;
    this.#log = options.log ?? consoleLog;
  }

  /** Polls until stop(); a full batch polls again at once. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    const loop = async () => {
      let ran = 0;
      try {
        this.#tick = this.runDue();
        ran = await this.#tick;
      } catch (err) {
        this.#log.error({ err, worker: this.id }, 'job worker poll failed');
      }
      if (this.#running) this.#timer = setTimeout(loop, ran >= this.#batchSize ? 0 : this.#pollMs);
    };
    this.#timer = setTimeout(loop, 0);
  }

  /** Stops polling and waits for the jobs in hand to settle. */
  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    await this.#tick?.catch(() => undefined);
  }

  /** One poll: fire due schedules, bury exhausted crashed jobs, run a batch. Returns jobs run. */
  async runDue(): Promise<number> {
    const now = this.#clock.now();
    await this.#db.transaction().execute((trx) => materialiseSchedules(trx, now));
    await buryExpiredLeases(this.#db, now);
    const jobs = await claimDueJobs(this.#db, {
      workerId: this.id,
      kinds: Object.keys(this.#handlers),
      now,
      leaseUntil: new Date(now.getTime() + this.#leaseMs),
      limit: this.#batchSize,
    });
    await Promise.all(jobs.map((job) => this.#run(job)));
    return jobs.length;
  }

  async #run(job: JobRow): Promise<void> {
    const lease = { id: job.id, workerId: this.id, attempt: job.attempts };
    const handler = this.#handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job.payload, {
        db: this.#db,
        jobId: job.id,
        kind: job.kind,
        attempt: job.attempts,
        maxAttempts: job.max_attempts,
        now: this.#clock.now(),
      });
    } catch (err) {
      const now = this.#clock.now();
      const retryAt =
        job.attempts < job.max_attempts
          ? new Date(now.getTime() + backoffMs(job.attempts, this.#backoffBaseMs, this.#backoffMaxMs))
          : null;
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
      await markFailed(this.#db, lease, { error: message, retryAt, now }).catch((e: unknown) =>
        this.#log.error({ err: e, jobId: job.id }, 'could not record a job failure'),
      );
      return;
    }
    const settled = await markDone(this.#db, lease, this.#clock.now());
    if (!settled) this.#log.error({ jobId: job.id, worker: this.id }, 'job finished after its lease passed');
  }
}
