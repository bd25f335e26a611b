import { ensureMonthlyPartitionsAhead } from '../../platform/db/partitions.repository.ts';
import type { Part } from '../../platform/http/platform.ts';
import { maritimeRoutes } from './maritime.routes.ts';
import { maritimeMigrations } from './migrations/index.ts';
import { seedSarDemo } from './sar-demo.ts';

export const maritimePart: Part = {
  name: 'maritime',
  migrations: maritimeMigrations,
  routes: maritimeRoutes,
  seedDemo: (trx, { now }) => seedSarDemo(trx, now),
  jobs: (platform) => ({
    'maritime.ensure-track-partitions': () =>
      ensureMonthlyPartitionsAhead(platform.db, 'vessel_track', platform.clock.now()),
  }),
  schedules: [
    {
      name: 'maritime.ensure-track-partitions',
      cron: '10 3 * * *',
      kind: 'maritime.ensure-track-partitions',
    },
  ],
};
