import type { Part, Platform } from '../../platform/http/platform.ts';
import { vehiclesMigrations } from './migrations/index.ts';
import { ensureMonthPartition } from './positions.repository.ts';
import { vehiclesRoutes } from './vehicles.routes.ts';

/** Creates this month's and next month's position partitions ahead of the gateway's writes. */
async function ensurePartitions(platform: Platform): Promise<void> {
  const now = platform.clock.now();
  await ensureMonthPartition(platform.db, now);
  await ensureMonthPartition(platform.db, new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)));
}

export const vehiclesPart: Part = {
  name: 'vehicles',
  migrations: vehiclesMigrations,
  routes: vehiclesRoutes,
  jobs: (platform) => ({ 'vehicles.ensure-partitions': () => ensurePartitions(platform) }),
  schedules: [{ name: 'vehicles.ensure-partitions', cron: '0 3 * * *', kind: 'vehicles.ensure-partitions' }],
};

export { DEFAULT_LIMITS, type GatewayOptions, type Jt808Gateway, startGateway } from './gateway.ts';
