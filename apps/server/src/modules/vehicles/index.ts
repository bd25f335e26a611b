import { ensureMonthlyPartitionsAhead } from '../../platform/db/partitions.repository.ts';
import type { Part } from '../../platform/http/platform.ts';
import { sweepGateways, sweepOffline } from './alarms.jobs.ts';
import { alarmsRoutes } from './alarms.routes.ts';
import { seedDemoAlarms } from './demo-alarms-seed.ts';
import { seedDemoFleet } from './demo-fleet-seed.ts';
import { forwardedRoutes } from './forwarded.routes.ts';
import { vehiclesMigrations } from './migrations/index.ts';
import { platformLinksRoutes } from './platform-links.routes.ts';
import { speedZonesRoutes } from './speed-zones.routes.ts';
import { vehiclesRoutes } from './vehicles.routes.ts';

export const vehiclesPart: Part = {
  name: 'vehicles',
  migrations: vehiclesMigrations,
  routes: async (app) => {
    await app.register(vehiclesRoutes);
    await app.register(alarmsRoutes);
    await app.register(platformLinksRoutes);
    await app.register(forwardedRoutes);
    await app.register(speedZonesRoutes);
  },
  // The alarms need the fleet, which the simulator (`jtgov sim vehicles`) drives.
  seedDemo: async (trx, { now }) => (await seedDemoFleet(trx, now)) + (await seedDemoAlarms(trx, now)),
  jobs: (platform) => ({
    'vehicles.ensure-partitions': () =>
      ensureMonthlyPartitionsAhead(platform.db, 'vehicle_position', platform.clock.now()),
    'vehicles.alarms.offline': async () => {
      await sweepOffline(platform.db, platform.clock.now(), platform.config.vehicleAlarmRules);
    },
    'vehicles.gateways.sweep': async () => {
      await sweepGateways(platform.db, platform.clock.now());
    },
  }),
  schedules: [
    { name: 'vehicles.ensure-partitions', cron: '0 3 * * *', kind: 'vehicles.ensure-partitions' },
    { name: 'vehicles.alarms.offline', cron: '* * * * *', kind: 'vehicles.alarms.offline' },
    { name: 'vehicles.gateways.sweep', cron: '* * * * *', kind: 'vehicles.gateways.sweep' },
  ],
};

export { DEFAULT_LIMITS, type GatewayOptions, type Jt808Gateway, startGateway } from './gateway.ts';
