import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db, DbKind, Executor } from '../db/database.ts';
import type { MigrationSet } from '../db/migrate.ts';
import type { SecretBox } from '../identity/secrets.ts';
import type { JobHandlers } from '../jobs/job-worker.ts';
import type { ScheduleSpec } from '../jobs/jobs.service.ts';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What every route and job reaches through `app.platform`. */
export interface Platform {
  readonly config: Config;
  readonly db: Db;
  readonly dbKind: DbKind;
  readonly clock: Clock;
  /** Seals secrets at rest (TOTP seeds) with the instance key. */
  readonly secretBox: SecretBox;
}

declare module 'fastify' {
  interface FastifyInstance {
    platform: Platform;
  }
}

/** What a part's demo seeding may use. */
export interface DemoSeedContext {
  readonly config: Config;
  readonly now: Date;
  /** The instance key, for demo rows that hold sealed secrets. */
  readonly secretBox: SecretBox;
}

/** A platform part or business module as the program sees it: its tables, routes and jobs. */
export interface Part {
  readonly name: string;
  readonly migrations: MigrationSet;
  /** Registered under /api. */
  readonly routes?: FastifyPluginAsync;
  /**
   * Registered at the root, for interfaces whose paths a standard fixes (Open311 GeoReport v2 at
   * /open311/v2); public unless a route says otherwise, like every route outside /api.
   */
  readonly rootRoutes?: FastifyPluginAsync;
  /**
   * Demo content for `npm start` (demo mode only), inside the seeding transaction after the
   * accounts; must be idempotent. Returns how many items it added.
   */
  readonly seedDemo?: (trx: Executor, ctx: DemoSeedContext) => Promise<number>;
  /** Handlers of the job kinds this part enqueues, keyed by kind; run by the job worker. */
  readonly jobs?: (platform: Platform) => JobHandlers;
  /** Recurring jobs, registered when the worker starts. */
  readonly schedules?: readonly ScheduleSpec[];
}
