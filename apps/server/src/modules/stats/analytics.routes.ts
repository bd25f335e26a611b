import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import { commonErrors } from '../../platform/http/schemas.ts';
import { requireActor } from '../../platform/identity/actor.ts';
import { PivotDto, PivotParams, PivotQuery } from './analytics.schemas.ts';
import { pivot } from './analytics.service.ts';

const tags = ['stats'];

export const analyticsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.platform;

  app.get(
    '/stats/forms/:formId/pivot',
    {
      config: { auth: 'stats.read' },
      schema: {
        tags,
        summary: 'Pivot of cells × units × periods with 环比/同比, working or published figures',
        params: PivotParams,
        querystring: PivotQuery,
        response: { 200: PivotDto, ...commonErrors },
      },
    },
    async (request) => {
      const q = request.query;
      const result = await pivot(db, requireActor(request), request.params.formId, {
        cellKeys: q.cellKeys?.split(',') ?? [],
        periods: q.periods.split(','),
        orgUnitId: q.orgUnitId,
        level: q.level,
        figure: q.figure ?? 'working',
        page: q.page,
        pageSize: q.pageSize,
      });
      return result as Static<typeof PivotDto>;
    },
  );
};
