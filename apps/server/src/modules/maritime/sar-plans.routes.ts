import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page, PageQuery } from '../../platform/http/pagination.ts';
import { commonErrors, IdParams } from '../../platform/http/schemas.ts';
import { auditContextOf, requireActor } from '../../platform/identity/actor.ts';
import { LEEWAY_OBJECTS, SEARCH_OBJECT_TYPES } from './leeway.ts';
import { planGeoJson } from './plan-geojson.ts';
import {
  ComputePlanResponse,
  FeatureCollectionDto,
  LeewayObjectDto,
  PlanDto,
  PlanInput,
  PlanParams,
  PlanSummaryDto,
  SavePlanBody,
} from './sar-planning.schemas.ts';
import {
  computePlanOrFail,
  planFeatures,
  planInScope,
  planPage,
  savePlan,
  toPlanDto,
} from './sar-plans.service.ts';

const tags = ['maritime'];

export const planRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.platform;

  app.get(
    '/maritime/planning/leeway-objects',
    {
      config: { auth: 'maritime.read' },
      schema: {
        tags,
        summary: 'Search object types with their leeway coefficients and divergence',
        response: { 200: Type.Array(LeewayObjectDto), ...commonErrors },
      },
    },
    async () => SEARCH_OBJECT_TYPES.map((type) => ({ type, ...LEEWAY_OBJECTS[type] })),
  );

  app.post(
    '/maritime/planning/compute',
    {
      config: { auth: 'maritime.read' },
      schema: {
        tags,
        summary: 'Compute datums, search area and pattern without saving (IAMSAR manual method)',
        body: PlanInput,
        response: { 200: ComputePlanResponse, ...commonErrors },
      },
    },
    async (request) => {
      const result = computePlanOrFail(request.body);
      return { result, geojson: planGeoJson(request.body, result) };
    },
  );

  app.get(
    '/maritime/incidents/:id/plans',
    {
      config: { auth: 'maritime.read' },
      schema: {
        tags,
        summary: "An incident's search plans, newest version first",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: Page(PlanSummaryDto), ...commonErrors },
      },
    },
    async (request) => planPage(db, requireActor(request), request.params.id, request.query),
  );

  app.post(
    '/maritime/incidents/:id/plans',
    {
      config: { auth: 'maritime.manage' },
      schema: {
        tags,
        summary: 'Save a search plan as the next version',
        params: IdParams,
        body: SavePlanBody,
        response: { 200: PlanDto, ...commonErrors },
      },
    },
    async (request) => {
      const row = await db
        .transaction()
        .execute((trx) =>
          savePlan(
            trx,
            auditContextOf(request),
            requireActor(request),
            request.params.id,
            request.body,
            clock.now(),
          ),
        );
      return toPlanDto(row);
    },
  );

  app.get(
    '/maritime/incidents/:id/plans/:planId',
    {
      config: { auth: 'maritime.read' },
      schema: {
        tags,
        summary: 'A saved plan: its inputs and results',
        params: PlanParams,
        response: { 200: PlanDto, ...commonErrors },
      },
    },
    async (request) =>
      toPlanDto(await planInScope(db, requireActor(request), request.params.id, request.params.planId)),
  );

  app.get(
    '/maritime/incidents/:id/plans/:planId/geojson',
    {
      config: { auth: 'maritime.read' },
      schema: {
        tags,
        summary: 'A saved plan as a GeoJSON FeatureCollection (datums, area, pattern)',
        params: PlanParams,
        response: { 200: FeatureCollectionDto, ...commonErrors },
      },
    },
    async (request, reply) => {
      const row = await planInScope(db, requireActor(request), request.params.id, request.params.planId);
      reply
        .type('application/geo+json')
        .header(
          'content-disposition',
          `attachment; filename="incident-${row.incident_id}-plan-v${row.version}.geojson"`,
        );
      return planFeatures(row);
    },
  );
};
