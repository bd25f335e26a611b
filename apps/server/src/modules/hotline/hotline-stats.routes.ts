import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { Page } from '../../platform/http/pagination.ts';
import { commonErrors } from '../../platform/http/schemas.ts';
import { auditContextOf, requireActor } from '../../platform/identity/actor.ts';
import { statsWorkbook } from './hotline-stats.excel.ts';
import { StatsPageQuery, StatsQuery, StatsSummaryDto, UnitPerformanceDto } from './hotline-stats.schemas.ts';
import { hotlineSummary, statsScope, unitRanking } from './hotline-stats.service.ts';

const tags = ['hotline-stats'];
/** Rows of the ranking sheet; a jurisdiction has far fewer handling units. */
const EXPORT_UNITS = 5000;

/** Hotline statistics (JT/T 1019.5 style) of the caller's jurisdiction. */
export const hotlineStatsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.platform;

  app.get(
    '/hotline/stats/summary',
    {
      config: { auth: 'hotline.read' },
      schema: {
        tags,
        summary: 'Volumes by channel, type, domain and region; 即时答复率, 限时办结率, 回访满意率',
        querystring: StatsQuery,
        response: { 200: StatsSummaryDto, ...commonErrors },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      return hotlineSummary(db, statsScope(requireActor(request), from, to));
    },
  );

  app.get(
    '/hotline/stats/units',
    {
      config: { auth: 'hotline.read' },
      schema: {
        tags,
        summary: 'Handling units of my jurisdiction ranked by on-time closure, then satisfaction',
        querystring: StatsPageQuery,
        response: { 200: Page(UnitPerformanceDto), ...commonErrors },
      },
    },
    async (request) => {
      const { from, to, page, pageSize } = request.query;
      return unitRanking(db, statsScope(requireActor(request), from, to), { page, pageSize });
    },
  );

  app.get(
    '/hotline/stats/export.xlsx',
    {
      config: { auth: 'hotline.read' },
      schema: {
        tags,
        summary: 'The statistics table and unit ranking as an Excel workbook',
        querystring: StatsQuery,
        response: {
          200: Type.Unknown({
            description: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          }),
          ...commonErrors,
        },
      },
    },
    async (request, reply) => {
      const { from, to } = request.query;
      const actor = requireActor(request);
      const scope = statsScope(actor, from, to);
      const summary = await hotlineSummary(db, scope);
      const units = await unitRanking(db, scope, { page: 1, pageSize: EXPORT_UNITS });
      const file = await statsWorkbook(`12328 热线统计 ${from} 至 ${to}`, summary, units.items);
      // An export leaves the system with the jurisdiction's figures: recorded like a sensitive read.
      await db.transaction().execute((trx) =>
        recordAudit(trx, auditContextOf(request), {
          action: 'hotline.stats.export',
          objectType: 'hotline_stats',
          after: { from, to, units: units.items.length },
        }),
      );
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="hotline-stats-${from}-${to}.xlsx"`)
        .send(file);
    },
  );
};
