import type { Part } from '../../platform/http/platform.ts';
import { dispatchRoutes } from './dispatch.routes.ts';
import { deliverTransfer, TRANSFER_JOB } from './dispatch.service.ts';
import { kbRoutes } from './kb.routes.ts';
import { flagDueReviews, KB_REVIEW_JOB } from './kb-search.service.ts';
import { hotlineMigrations } from './migrations/index.ts';
import { kbMigrations } from './migrations/kb.ts';
import { ticketsRoutes } from './tickets.routes.ts';
import { hotlineCalendar } from './tickets.service.ts';

export const hotlinePart: Part = {
  name: 'hotline',
  migrations: { ...hotlineMigrations, ...kbMigrations },
  routes: async (app) => {
    await app.register(ticketsRoutes);
    await app.register(dispatchRoutes);
    await app.register(kbRoutes);
  },
  jobs: (platform) => ({
    [TRANSFER_JOB]: async (payload, ctx) => {
      const { transferId } = payload as { transferId: number };
      const deps = {
        secretBox: platform.secretBox,
        calendar: await hotlineCalendar(platform.db),
        now: ctx.now,
      };
      await platform.db.transaction().execute((trx) => deliverTransfer(trx, deps, transferId));
    },
    [KB_REVIEW_JOB]: async (_payload, ctx) => {
      await flagDueReviews(platform.db, ctx.now);
    },
  }),
  schedules: [{ name: KB_REVIEW_JOB, cron: '30 7 * * *', kind: KB_REVIEW_JOB }],
};
