import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { badRequest } from '../../platform/http/errors.ts';
import { offsetOf, Page, toPage } from '../../platform/http/pagination.ts';
import { commonErrors, IdParams } from '../../platform/http/schemas.ts';
import { auditContextOf, requireActor } from '../../platform/identity/actor.ts';
import { type BBox, listLatestPositions, listTrack } from './positions.repository.ts';
import { listVehicles } from './vehicles.repository.ts';
import {
  CreateVehicleBody,
  LatestPositionDto,
  PositionQuery,
  TrackPointDto,
  TrackQuery,
  UpdateVehicleBody,
  VehicleDto,
  VehicleListQuery,
} from './vehicles.schemas.ts';
import {
  changeVehicle,
  createVehicle,
  deactivateVehicle,
  toLatestPositionDto,
  toTrackPointDto,
  toVehicleDto,
  vehicleInScope,
} from './vehicles.service.ts';

const tags = ['vehicles'];
const MAX_TRACK_DAYS = 31;

function parseBBox(text: string | undefined): BBox | undefined {
  if (text === undefined) return undefined;
  const [minLon, minLat, maxLon, maxLat] = text.split(',').map(Number) as [number, number, number, number];
  if (![minLon, minLat, maxLon, maxLat].every(Number.isFinite) || minLon > maxLon || minLat > maxLat)
    throw badRequest('bbox must be minLon,minLat,maxLon,maxLat with min <= max');
  return { minLon, minLat, maxLon, maxLat };
}

export const vehiclesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.platform;

  app.get(
    '/vehicles',
    {
      config: { auth: 'vehicle.read' },
      schema: {
        tags,
        summary: 'Vehicles supervised in my jurisdiction',
        querystring: VehicleListQuery,
        response: { 200: Page(VehicleDto), ...commonErrors },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const scopePath = requireActor(request).orgPath;
      const result = await listVehicles(db, { ...filter, scopePath }, pageSize, offsetOf(request.query));
      return toPage(result, request.query, toVehicleDto);
    },
  );

  app.get(
    '/vehicles/positions',
    {
      config: { auth: 'vehicle.read' },
      schema: {
        tags,
        summary: 'Latest position of each vehicle in my jurisdiction, optionally inside a box',
        querystring: PositionQuery,
        response: { 200: Page(LatestPositionDto), ...commonErrors },
      },
    },
    async (request) => {
      const { page, pageSize, bbox } = request.query;
      const scopePath = requireActor(request).orgPath;
      const result = await listLatestPositions(
        db,
        scopePath,
        parseBBox(bbox),
        pageSize,
        offsetOf(request.query),
      );
      return { items: result.items.map(toLatestPositionDto), total: result.total, page, pageSize };
    },
  );

  app.get(
    '/vehicles/:id',
    {
      config: { auth: 'vehicle.read' },
      schema: {
        tags,
        summary: 'One vehicle',
        params: IdParams,
        response: { 200: VehicleDto, ...commonErrors },
      },
    },
    async (request) => toVehicleDto(await vehicleInScope(db, requireActor(request), request.params.id)),
  );

  app.get(
    '/vehicles/:id/track',
    {
      config: { auth: 'vehicle.read' },
      schema: {
        tags,
        summary: `A vehicle's positions in [from, to), at most ${MAX_TRACK_DAYS} days`,
        params: IdParams,
        querystring: TrackQuery,
        response: { 200: Page(TrackPointDto), ...commonErrors },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const from = new Date(request.query.from);
      const to = new Date(request.query.to);
      if (!(from < to) || to.getTime() - from.getTime() > MAX_TRACK_DAYS * 86_400_000)
        throw badRequest(`from must precede to, at most ${MAX_TRACK_DAYS} days apart`);
      const vehicle = await vehicleInScope(db, requireActor(request), request.params.id);
      const result = await listTrack(db, vehicle.id, from, to, pageSize, (page - 1) * pageSize);
      return toPage(result, request.query, toTrackPointDto);
    },
  );

  app.post(
    '/vehicles',
    {
      config: { auth: 'vehicle.manage' },
      schema: {
        tags,
        summary: 'Add a vehicle to the registry in my jurisdiction',
        body: CreateVehicleBody,
        response: { 201: VehicleDto, ...commonErrors },
      },
    },
    async (request, reply) => {
      const row = await db
        .transaction()
        .execute((trx) =>
          createVehicle(trx, auditContextOf(request), requireActor(request), request.body, clock.now()),
        );
      return reply.status(201).send(toVehicleDto(row));
    },
  );

  app.patch(
    '/vehicles/:id',
    {
      config: { auth: 'vehicle.manage' },
      schema: {
        tags,
        summary: 'Edit a vehicle; a new terminal phone issues a new auth code',
        params: IdParams,
        body: UpdateVehicleBody,
        response: { 200: VehicleDto, ...commonErrors },
      },
    },
    async (request) => {
      const row = await db
        .transaction()
        .execute((trx) =>
          changeVehicle(
            trx,
            auditContextOf(request),
            requireActor(request),
            request.params.id,
            request.body,
            clock.now(),
          ),
        );
      return toVehicleDto(row);
    },
  );

  app.post(
    '/vehicles/:id/deactivate',
    {
      config: { auth: 'vehicle.manage' },
      schema: {
        tags,
        summary: 'Take a vehicle out of monitoring; its history stays',
        params: IdParams,
        response: { 200: VehicleDto, ...commonErrors },
      },
    },
    async (request) => {
      const row = await db
        .transaction()
        .execute((trx) =>
          deactivateVehicle(
            trx,
            auditContextOf(request),
            requireActor(request),
            request.params.id,
            clock.now(),
          ),
        );
      return toVehicleDto(row);
    },
  );
};
