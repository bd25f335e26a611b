import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Page, PageQuery } from '../../platform/http/pagination.ts';
import { commonErrors, IdParams } from '../../platform/http/schemas.ts';
import { auditContextOf, requireActor } from '../../platform/identity/actor.ts';
import { WorkflowEventDto } from '../../platform/workflow/index.ts';
import {
  CreateResourceBody,
  PatchResourceBody,
  ResourceStateBody,
  ResourcesQuery,
  SarResourceDto,
} from './sar-resources.schemas.ts';
import {
  changeResource,
  createResource,
  resourceHistory,
  resourceInScope,
  resourcePage,
  setResourceState,
  toResourceDto,
} from './sar-resources.service.ts';

const tags = ['maritime'];

export const resourceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.platform;

  app.get(
    '/maritime/resources',
    {
      config: { auth: 'maritime.read' },
      schema: {
        tags,
        summary: 'SAR resources (rescue vessels, aircraft, bases) in your jurisdiction',
        querystring: ResourcesQuery,
        response: { 200: Page(SarResourceDto), ...commonErrors },
      },
    },
    async (request) => resourcePage(db, requireActor(request), request.query),
  );

  app.get(
    '/maritime/resources/:id',
    {
      config: { auth: 'maritime.read' },
      schema: {
        tags,
        summary: 'A SAR resource',
        params: IdParams,
        response: { 200: SarResourceDto, ...commonErrors },
      },
    },
    async (request) => toResourceDto(await resourceInScope(db, requireActor(request), request.params.id)),
  );

  app.get(
    '/maritime/resources/:id/history',
    {
      config: { auth: 'maritime.read' },
      schema: {
        tags,
        summary: "A SAR resource's state changes, oldest first",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: Page(WorkflowEventDto), ...commonErrors },
      },
    },
    async (request) => resourceHistory(db, requireActor(request), request.params.id, request.query),
  );

  app.post(
    '/maritime/resources',
    {
      config: { auth: 'maritime.manage' },
      schema: {
        tags,
        summary: 'Add a SAR resource (it starts available)',
        body: CreateResourceBody,
        response: { 200: SarResourceDto, ...commonErrors },
      },
    },
    async (request) => {
      const row = await db
        .transaction()
        .execute((trx) =>
          createResource(trx, auditContextOf(request), requireActor(request), request.body, clock.now()),
        );
      return toResourceDto(row);
    },
  );

  app.patch(
    '/maritime/resources/:id',
    {
      config: { auth: 'maritime.manage' },
      schema: {
        tags,
        summary: 'Change a SAR resource or report its current position',
        params: IdParams,
        body: PatchResourceBody,
        response: { 200: SarResourceDto, ...commonErrors },
      },
    },
    async (request) => {
      const row = await db
        .transaction()
        .execute((trx) =>
          changeResource(
            trx,
            auditContextOf(request),
            requireActor(request),
            request.params.id,
            request.body,
            clock.now(),
          ),
        );
      return toResourceDto(row);
    },
  );

  app.post(
    '/maritime/resources/:id/state',
    {
      config: { auth: 'maritime.manage' },
      schema: {
        tags,
        summary: 'Put a SAR resource in service, in maintenance or off duty (not while tasked)',
        params: IdParams,
        body: ResourceStateBody,
        response: { 200: SarResourceDto, ...commonErrors },
      },
    },
    async (request) => {
      const row = await db
        .transaction()
        .execute((trx) =>
          setResourceState(
            trx,
            auditContextOf(request),
            requireActor(request),
            request.params.id,
            request.body,
            clock.now(),
          ),
        );
      return toResourceDto(row);
    },
  );
};
