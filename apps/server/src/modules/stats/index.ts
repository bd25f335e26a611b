import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Part } from '../../platform/http/platform.ts';
import { analyticsRoutes } from './analytics.routes.ts';
import { seedStatsDemo } from './demo.seed.ts';
import { excelRoutes } from './excel.routes.ts';
import { exchangeRoutes } from './exchange.routes.ts';
import { formsRoutes } from './forms.routes.ts';
import { formsAdminRoutes } from './forms-admin.routes.ts';
import { statsMigrations } from './migrations/index.ts';
import { reportsRoutes } from './reports.routes.ts';
import { reviewSkipsRoutes } from './review-skips.routes.ts';
import { ruleRunsRoutes } from './rule-runs.routes.ts';
import { executeRuleRun, RULE_RUN_JOB } from './rule-runs.service.ts';
import { urgingRoutes } from './urging.routes.ts';

const statsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(formsRoutes);
  await app.register(formsAdminRoutes);
  await app.register(reportsRoutes);
  await app.register(exchangeRoutes);
  await app.register(urgingRoutes);
  await app.register(excelRoutes);
  await app.register(reviewSkipsRoutes);
  await app.register(ruleRunsRoutes);
  await app.register(analyticsRoutes);
};

export const statsPart: Part = {
  name: 'stats',
  migrations: statsMigrations,
  routes: statsRoutes,
  seedDemo: (trx, { now }) => seedStatsDemo(trx, now),
  jobs: (platform) => ({
    [RULE_RUN_JOB]: (payload) =>
      executeRuleRun(platform.db, (payload as { runId: number }).runId, () => platform.clock.now()),
  }),
};
