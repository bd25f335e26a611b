import { ensureMonthlyPartitionsAhead } from '../../platform/db/partitions.repository.ts';
import type { Part } from '../../platform/http/platform.ts';
import { vehiclesMigrations } from './migrations/index.ts';
import { vehiclesRoutes } from './vehicles.routes.ts';

export const vehiclesPart: Part = {
  name: 'vehicles',
  migrations: vehiclesMigrations,
  routes: vehiclesRoutes,
  jobs: (platform) => ({
    'vehicles.ensure-partitions': () =>
      ensureMonthlyPartitionsAhead(platform.db, 'vehicle_position', platform.clock.now()),
  }),
  schedules: [{ name: 'vehicles.ensure-partitions', cron: '0 3 * * *', kind: 'vehicles.ensure-partitions' }],
};

export { DEFAULT_LIMITS, type GatewayOptions, type Jt808Gateway, startGateway } from './gateway.ts';
