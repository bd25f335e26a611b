import type { Part } from '../../platform/http/platform.ts';
import { CARDS_JOB, markCards } from './deadlines.service.ts';
import { dispatchRoutes } from './dispatch.routes.ts';
import { deliverTransfer, TRANSFER_JOB } from './dispatch.service.ts';
import { kbRoutes } from './kb.routes.ts';
import { flagDueReviews, KB_REVIEW_JOB } from './kb-search.service.ts';
import { hotlineMigrations } from './migrations/index.ts';
import { kbMigrations } from './migrations/kb.ts';
import { oversightRoutes } from './oversight.routes.ts';
import { ticketsRoutes } from './tickets.routes.ts';
import { hotlineCalendar } from './tickets.service.ts';

export const hotlinePart: Part = {
  name: 'hotline',
  migrations: { ...hotlineMigrations, ...kbMigrations },
  routes: async (app) => {
    await app.register(ticketsRoutes);
    await app.register(dispatchRoutes);
    await app.register(oversightRoutes);
    await app.register(kbRoutes);
  },
  jobs: (platform) => ({
    [CARDS_JOB]: async (_payload, ctx) => {
      const deps = {
        secretBox: platform.secretBox,
        calendar: await hotlineCalendar(platform.db),
        now: ctx.now,
      };
      await markCards(platform.db, deps);
    },
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
  schedules: [
    { name: CARDS_JOB, cron: '*/15 * * * *', kind: CARDS_JOB },
    { name: KB_REVIEW_JOB, cron: '30 7 * * *', kind: KB_REVIEW_JOB },
  ],
};
