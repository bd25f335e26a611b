import type { Part } from '../../platform/http/platform.ts';
import { ARCHIVE_JOB, archiveQuiet } from './callbacks.service.ts';
import { closureRoutes } from './closure.routes.ts';
import { CARDS_JOB, markCards } from './deadlines.service.ts';
import { deskRoutes } from './desk.routes.ts';
import { dispatchRoutes } from './dispatch.routes.ts';
import { deliverTransfer, TRANSFER_JOB } from './dispatch.service.ts';
import { seedDemoTickets } from './hotline.demo.ts';
import { hotlineStatsRoutes } from './hotline-stats.routes.ts';
import { seedDemoKb } from './kb.demo.ts';
import { kbRoutes } from './kb.routes.ts';
import { flagDueReviews, KB_REVIEW_JOB, KB_TERMS_JOB, recountKbTerms } from './kb-search.service.ts';
import { hotlineMigrations } from './migrations/index.ts';
import { kbMigrations } from './migrations/kb.ts';
import { open311Migrations } from './migrations/open311.ts';
import { opsMigrations } from './migrations/ops.ts';
import { pauseMigrations } from './migrations/pause.ts';
import { open311AdminRoutes, open311Routes } from './open311.routes.ts';
import { OPEN311_CREATE_JOB } from './open311.service.ts';
import { createQueuedTicket } from './open311-query.service.ts';
import { oversightRoutes } from './oversight.routes.ts';
import { pauseRoutes } from './pause.routes.ts';
import { publicRoutes } from './public.routes.ts';
import { ticketsRoutes } from './tickets.routes.ts';
import { hotlineCalendar } from './tickets.service.ts';

export const hotlinePart: Part = {
  name: 'hotline',
  migrations: {
    ...hotlineMigrations,
    ...kbMigrations,
    ...open311Migrations,
    ...pauseMigrations,
    ...opsMigrations,
  },
  routes: async (app) => {
    await app.register(ticketsRoutes);
    await app.register(dispatchRoutes);
    await app.register(oversightRoutes);
    await app.register(pauseRoutes);
    await app.register(closureRoutes);
    await app.register(publicRoutes);
    await app.register(deskRoutes);
    await app.register(kbRoutes);
    await app.register(open311AdminRoutes);
    await app.register(hotlineStatsRoutes);
  },
  rootRoutes: open311Routes,
  seedDemo: async (trx, { now, secretBox }) =>
    (await seedDemoKb(trx, now)) + (await seedDemoTickets(trx, now, secretBox)),
  jobs: (platform) => ({
    [ARCHIVE_JOB]: async (_payload, ctx) => {
      const deps = {
        secretBox: platform.secretBox,
        calendar: await hotlineCalendar(platform.db),
        now: ctx.now,
      };
      await archiveQuiet(platform.db, deps);
    },
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
    [KB_TERMS_JOB]: () => recountKbTerms(platform.db),
    [OPEN311_CREATE_JOB]: async (payload, ctx) => {
      const { requestId } = payload as { requestId: number };
      const deps = {
        secretBox: platform.secretBox,
        calendar: await hotlineCalendar(platform.db),
        now: ctx.now,
      };
      await createQueuedTicket(platform.db, deps, requestId);
    },
  }),
  schedules: [
    { name: CARDS_JOB, cron: '*/15 * * * *', kind: CARDS_JOB },
    { name: ARCHIVE_JOB, cron: '10 2 * * *', kind: ARCHIVE_JOB },
    { name: KB_REVIEW_JOB, cron: '30 7 * * *', kind: KB_REVIEW_JOB },
    { name: KB_TERMS_JOB, cron: '20 3 * * *', kind: KB_TERMS_JOB },
  ],
};
