import type { Part, Platform } from '../../platform/http/platform.ts';
import { createTrackPartition } from './maritime.repository.ts';
import { maritimeRoutes } from './maritime.routes.ts';
import { maritimeMigrations } from './migrations/index.ts';

/** This month's and next month's track partitions, made ahead so no report waits on DDL. */
async function ensureTrackPartitions(platform: Platform): Promise<void> {
  const now = platform.clock.now();
  for (const ahead of [0, 1])
    await createTrackPartition(
      platform.db,
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + ahead, 1)),
    );
}

export const maritimePart: Part = {
  name: 'maritime',
  migrations: maritimeMigrations,
  routes: maritimeRoutes,
  jobs: (platform) => ({ 'maritime.ensure-track-partitions': () => ensureTrackPartitions(platform) }),
  schedules: [
    {
      name: 'maritime.ensure-track-partitions',
      cron: '10 3 * * *',
      kind: 'maritime.ensure-track-partitions',
    },
  ],
};
