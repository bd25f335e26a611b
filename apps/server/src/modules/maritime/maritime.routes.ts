import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Page, PageQuery } from '../../platform/http/pagination.ts';
import { commonErrors, IdParams } from '../../platform/http/schemas.ts';
import { auditContextOf, requireActor } from '../../platform/identity/actor.ts';
import { createFeed, feedPage, setFeedEnabled, toFeedDto } from './feeds.service.ts';
import { incidentRoutes } from './incidents.routes.ts';
import {
  CreateFeedBody,
  FeedDto,
  MmsiParams,
  NearbyDto,
  NearQuery,
  TrackPointDto,
  TrackQuery,
  VesselDto,
  VesselsQuery,
  ViewportDto,
  ViewportQuery,
} from './maritime.schemas.ts';
import { MaritimeRuntime } from './maritime-runtime.ts';
import { planRoutes } from './sar-plans.routes.ts';
import { resourceRoutes } from './sar-resources.routes.ts';
import { registryRoutes } from './vessel-registry.routes.ts';
import { vesselViewport } from './vessel-viewport.ts';
import { listVessels, nearVessels, vesselDetail, vesselTrack } from './vessels.service.ts';

const tags = ['maritime'];

export const maritimeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock, config } = app.platform;
  const runtime = new MaritimeRuntime(app.platform, app.log);
  app.addHook('onReady', () => runtime.start());
  app.addHook('onClose', () => runtime.close());
  await app.register(registryRoutes);
  await app.register(resourceRoutes);
  await app.register(incidentRoutes, { runtime });
  await app.register(planRoutes);

  app.get(
    '/maritime/vessels',
    {
      config: { auth: 'maritime.read' },
      schema: {
        tags,
        summary: 'Vessels of the live picture in a viewport, by MMSI',
        querystring: VesselsQuery,
        response: { 200: Page(VesselDto), ...commonErrors },
      },
    },
    async (request) => listVessels(runtime, request.query),
  );

  app.get(
    '/maritime/vessels/viewport',
    {
      config: { auth: 'maritime.read' },
      schema: {
        tags,
        summary:
          'Every vessel in a viewport as parallel arrays (for the map), up to a hard cap reported as truncated',
        description:
          'Not paged on purpose: the map must show every vessel in view, the paged list feeds the table.',
        querystring: ViewportQuery,
        response: { 200: ViewportDto, ...commonErrors },
      },
    },
    async (request) => vesselViewport(runtime, request.query),
  );

  app.get(
    '/maritime/vessels/near',
    {
      config: { auth: 'maritime.read' },
      schema: {
        tags,
        summary: 'Vessels within a radius (great circle), nearest first, with bearing and ETA',
        querystring: NearQuery,
        response: { 200: Page(NearbyDto), ...commonErrors },
      },
    },
    async (request) => nearVessels(runtime, request.query),
  );

  app.get(
    '/maritime/vessels/:mmsi',
    {
      config: { auth: 'maritime.read' },
      schema: {
        tags,
        summary: 'A vessel: latest position, static data and flag state',
        params: MmsiParams,
        response: { 200: VesselDto, ...commonErrors },
      },
    },
    async (request) => vesselDetail(db, runtime, request.params.mmsi),
  );

  app.get(
    '/maritime/vessels/:mmsi/track',
    {
      config: { auth: 'maritime.read' },
      schema: {
        tags,
        summary: "A vessel's positions in [from, to), oldest first",
        params: MmsiParams,
        querystring: TrackQuery,
        response: { 200: Page(TrackPointDto), ...commonErrors },
      },
    },
    async (request) => vesselTrack(db, runtime, request.params.mmsi, request.query),
  );

  app.get(
    '/maritime/feeds',
    {
      config: { auth: 'maritime.manage' },
      schema: {
        tags,
        summary: 'AIS feeds with the statistics of those running in this process',
        querystring: PageQuery,
        response: { 200: Page(FeedDto), ...commonErrors },
      },
    },
    async (request) => feedPage(db, (id) => runtime.statsOf(id), request.query),
  );

  app.post(
    '/maritime/feeds',
    {
      config: { auth: 'maritime.manage' },
      schema: {
        tags,
        summary: 'Configure an AIS feed (instance-wide)',
        body: CreateFeedBody,
        response: { 200: FeedDto, ...commonErrors },
      },
    },
    async (request) => {
      const row = await db
        .transaction()
        .execute((trx) =>
          createFeed(
            trx,
            auditContextOf(request),
            requireActor(request),
            request.body,
            config.maritime.replayDir,
            clock.now(),
          ),
        );
      await runtime.apply(row);
      return toFeedDto(row, runtime.statsOf(row.id));
    },
  );

  for (const enabled of [true, false]) {
    app.post(
      `/maritime/feeds/:id/${enabled ? 'enable' : 'disable'}`,
      {
        config: { auth: 'maritime.manage' },
        schema: {
          tags,
          summary: enabled ? 'Start an AIS feed' : 'Stop an AIS feed',
          params: IdParams,
          response: { 200: FeedDto, ...commonErrors },
        },
      },
      async (request) => {
        const row = await db
          .transaction()
          .execute((trx) =>
            setFeedEnabled(
              trx,
              auditContextOf(request),
              requireActor(request),
              request.params.id,
              enabled,
              clock.now(),
            ),
          );
        await runtime.apply(row);
        return toFeedDto(row, runtime.statsOf(row.id));
      },
    );
  }
};
