import type { Part, Platform } from '../http/platform.ts';
import { type JobHandlers, JobWorker, type WorkerLog } from './job-worker.ts';
import { jobsRoutes } from './jobs.routes.ts';
import { ensureSchedules } from './jobs.service.ts';
import { jobsMigrations } from './migrations/index.ts';

export const jobsPart: Part = { name: 'jobs', migrations: jobsMigrations, routes: jobsRoutes };

export {
  backoffMs,
  type JobContext,
  type JobHandler,
  type JobHandlers,
  JobWorker,
  type JobWorkerOptions,
} from './job-worker.ts';
export { type EnqueueOptions, enqueue, type ScheduleSpec } from './jobs.service.ts';

/** Every part's job handlers; a kind claimed by two parts is a programming error. */
export function collectJobHandlers(platform: Platform, parts: readonly Part[]): JobHandlers {
  const handlers: Record<string, JobHandlers[string]> = {};
  for (const part of parts) {
    for (const [kind, handler] of Object.entries(part.jobs?.(platform) ?? {})) {
      if (kind in handlers) throw new Error(`job kind ${kind} is handled twice (again by ${part.name})`);
      handlers[kind] = handler;
    }
  }
  return handlers;
}

/** Registers the parts' schedules and starts a worker polling every `config.jobs.pollMs`. */
export async function startJobWorker(
  platform: Platform,
  parts: readonly Part[],
  log: WorkerLog,
): Promise<JobWorker> {
  await ensureSchedules(
    platform.db,
    parts.flatMap((part) => part.schedules ?? []),
    platform.clock.now(),
  );
  const worker = new JobWorker({
    db: platform.db,
    handlers: collectJobHandlers(platform, parts),
    clock: platform.clock,
    pollMs: platform.config.jobs.pollMs,
    log,
  });
  worker.start();
  return worker;
}
