import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page } from '../../platform/http/pagination.ts';
import { commonErrors, IdParams } from '../../platform/http/schemas.ts';
import { auditContextOf, requireActor } from '../../platform/identity/actor.ts';
import { CreateZoneBody, UpdateZoneBody, ZoneDto, ZoneListQuery } from './speed-zones.schemas.ts';
import { changeZone, createZone, removeZone, toZoneDto, zoneById, zonePage } from './speed-zones.service.ts';
import { speedZonesChanged } from './speed-zones.source.ts';

const tags = ['vehicles'];

export const speedZonesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.platform;

  app.get(
    '/vehicles/speed-zones',
    {
      config: { auth: 'vehicle.read' },
      schema: {
        tags,
        summary: 'Road-class speed zones managed in my jurisdiction',
        querystring: ZoneListQuery,
        response: { 200: Page(ZoneDto), ...commonErrors },
      },
    },
    async (request) => zonePage(db, requireActor(request), request.query),
  );

  app.get(
    '/vehicles/speed-zones/:id',
    {
      config: { auth: 'vehicle.read' },
      schema: {
        tags,
        summary: 'One speed zone',
        params: IdParams,
        response: { 200: ZoneDto, ...commonErrors },
      },
    },
    async (request) => toZoneDto(await zoneById(db, requireActor(request), request.params.id)),
  );

  app.post(
    '/vehicles/speed-zones',
    {
      config: { auth: 'vehicle.manage' },
      schema: {
        tags,
        summary: 'Add a road-class speed zone (a polygon or a corridor) with limits per vehicle type',
        body: CreateZoneBody,
        response: { 201: ZoneDto, ...commonErrors },
      },
    },
    async (request, reply) => {
      const row = await db
        .transaction()
        .execute((trx) =>
          createZone(trx, auditContextOf(request), requireActor(request), request.body, clock.now()),
        );
      speedZonesChanged();
      return reply.status(201).send(toZoneDto(row));
    },
  );

  app.patch(
    '/vehicles/speed-zones/:id',
    {
      config: { auth: 'vehicle.manage' },
      schema: {
        tags,
        summary: 'Change a speed zone',
        params: IdParams,
        body: UpdateZoneBody,
        response: { 200: ZoneDto, ...commonErrors },
      },
    },
    async (request) => {
      const row = await db
        .transaction()
        .execute((trx) =>
          changeZone(
            trx,
            auditContextOf(request),
            requireActor(request),
            request.params.id,
            request.body,
            clock.now(),
          ),
        );
      speedZonesChanged();
      return toZoneDto(row);
    },
  );

  app.delete(
    '/vehicles/speed-zones/:id',
    {
      config: { auth: 'vehicle.manage' },
      schema: {
        tags,
        summary: 'Remove a speed zone',
        params: IdParams,
        response: { 200: Type.Object({ ok: Type.Literal(true) }), ...commonErrors },
      },
    },
    async (request) => {
      await db
        .transaction()
        .execute((trx) => removeZone(trx, auditContextOf(request), requireActor(request), request.params.id));
      speedZonesChanged();
      return { ok: true as const };
    },
  );
};
