import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Page, PageQuery } from '../../platform/http/pagination.ts';
import { commonErrors, IdParams } from '../../platform/http/schemas.ts';
import { auditContextOf, requireActor } from '../../platform/identity/actor.ts';
import { incidentContacts, nearbyShips, nearestResources } from './incident-picture.service.ts';
import {
  incidentDetail,
  incidentInScope,
  incidentPage,
  incidentTimeline,
  type LiveLookup,
} from './incident-views.ts';
import type { IncidentAction } from './incident-workflow.ts';
import type { IncidentRow } from './incidents.repository.ts';
import {
  CloseBody,
  IncidentContactsDto,
  IncidentDetailDto,
  IncidentDto,
  IncidentsQuery,
  IncidentVesselParams,
  LogBody,
  NearbyQuery,
  NearbyShipDto,
  NearestResourceDto,
  NearestResourcesQuery,
  NoteBody,
  OpenIncidentBody,
  PatchIncidentBody,
  TaskBody,
  TimelineEntryDto,
} from './incidents.schemas.ts';
import {
  changeIncident,
  logToIncident,
  openIncident,
  releaseResource,
  taskResource,
  transitionIncident,
} from './incidents.service.ts';
import type { MaritimeRuntime } from './maritime-runtime.ts';
import { toVesselDto } from './vessels.service.ts';

const tags = ['maritime'];

export const incidentRoutes: FastifyPluginAsyncTypebox<{ runtime: MaritimeRuntime }> = async (
  app,
  { runtime },
) => {
  const { db, clock } = app.platform;
  const live: LiveLookup = (mmsi) => {
    const target = runtime.picture.get(mmsi, runtime.now());
    return target ? toVesselDto(target) : null;
  };
  const detail = (request: FastifyRequest, row: IncidentRow) =>
    incidentDetail(db, requireActor(request), live, row);

  app.get(
    '/maritime/incidents',
    {
      config: { auth: 'maritime.read' },
      schema: {
        tags,
        summary: 'Distress incidents of your jurisdiction, newest alert first',
        querystring: IncidentsQuery,
        response: { 200: Page(IncidentDto), ...commonErrors },
      },
    },
    async (request) => incidentPage(db, requireActor(request), request.query),
  );

  app.post(
    '/maritime/incidents',
    {
      config: { auth: 'maritime.manage' },
      schema: {
        tags,
        summary: 'Open an incident from a distress alert',
        body: OpenIncidentBody,
        response: { 200: IncidentDetailDto, ...commonErrors },
      },
    },
    async (request) => {
      const row = await db
        .transaction()
        .execute((trx) =>
          openIncident(trx, auditContextOf(request), requireActor(request), request.body, clock.now()),
        );
      return detail(request, row);
    },
  );

  app.get(
    '/maritime/incidents/:id',
    {
      config: { auth: 'maritime.read' },
      schema: {
        tags,
        summary: 'An incident: the distressed vessel (live and registry, no contacts), taskings, actions',
        params: IdParams,
        response: { 200: IncidentDetailDto, ...commonErrors },
      },
    },
    async (request) => detail(request, await incidentInScope(db, requireActor(request), request.params.id)),
  );

  app.patch(
    '/maritime/incidents/:id',
    {
      config: { auth: 'maritime.manage' },
      schema: {
        tags,
        summary: 'Correct what the alert said: vessel, persons on board, nature, description, radius',
        params: IdParams,
        body: PatchIncidentBody,
        response: { 200: IncidentDetailDto, ...commonErrors },
      },
    },
    async (request) => {
      const row = await db
        .transaction()
        .execute((trx) =>
          changeIncident(
            trx,
            auditContextOf(request),
            requireActor(request),
            request.params.id,
            request.body,
            clock.now(),
          ),
        );
      return detail(request, row);
    },
  );

  app.get(
    '/maritime/incidents/:id/nearby',
    {
      config: { auth: 'maritime.read' },
      schema: {
        tags,
        summary: 'Ships of the live picture near the alert position, nearest first, with bearing and ETA',
        params: IdParams,
        querystring: NearbyQuery,
        response: { 200: Page(NearbyShipDto), ...commonErrors },
      },
    },
    async (request) => nearbyShips(db, runtime, requireActor(request), request.params.id, request.query),
  );

  app.get(
    '/maritime/incidents/:id/resources',
    {
      config: { auth: 'maritime.read' },
      schema: {
        tags,
        summary: 'SAR resources of your jurisdiction nearest the alert position, with ETA at transit speed',
        params: IdParams,
        querystring: NearestResourcesQuery,
        response: { 200: Page(NearestResourceDto), ...commonErrors },
      },
    },
    async (request) => nearestResources(db, runtime, requireActor(request), request.params.id, request.query),
  );

  app.get(
    '/maritime/incidents/:id/timeline',
    {
      config: { auth: 'maritime.read' },
      schema: {
        tags,
        summary: "An incident's actions, oldest first",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: Page(TimelineEntryDto), ...commonErrors },
      },
    },
    async (request) => incidentTimeline(db, requireActor(request), request.params.id, request.query),
  );

  app.get(
    '/maritime/incidents/:id/vessels/:mmsi/contacts',
    {
      config: { auth: 'maritime.contacts.read' },
      schema: {
        tags,
        summary: 'Contacts of the distressed vessel or of a ship nearby; every read is audited',
        params: IncidentVesselParams,
        response: { 200: IncidentContactsDto, ...commonErrors },
      },
    },
    async (request) =>
      db
        .transaction()
        .execute((trx) =>
          incidentContacts(
            trx,
            auditContextOf(request),
            requireActor(request),
            runtime,
            request.params.id,
            request.params.mmsi,
          ),
        ),
  );

  app.post(
    '/maritime/incidents/:id/log',
    {
      config: { auth: 'maritime.manage' },
      schema: {
        tags,
        summary: 'Add an entry to the timeline',
        params: IdParams,
        body: LogBody,
        response: { 200: IncidentDetailDto, ...commonErrors },
      },
    },
    async (request) => {
      const row = await db
        .transaction()
        .execute((trx) =>
          logToIncident(
            trx,
            auditContextOf(request),
            requireActor(request),
            request.params.id,
            request.body.text,
            clock.now(),
          ),
        );
      return detail(request, row);
    },
  );

  for (const [path, summary] of [
    ['task', 'Task an available SAR resource (an open incident becomes active)'],
    ['release', 'Release a resource tasked to the incident'],
  ] as const) {
    app.post(
      `/maritime/incidents/:id/${path}`,
      {
        config: { auth: 'maritime.manage' },
        schema: {
          tags,
          summary,
          params: IdParams,
          body: TaskBody,
          response: { 200: IncidentDetailDto, ...commonErrors },
        },
      },
      async (request) => {
        const run = path === 'task' ? taskResource : releaseResource;
        const row = await db
          .transaction()
          .execute((trx) =>
            run(
              trx,
              auditContextOf(request),
              requireActor(request),
              request.params.id,
              request.body.resourceId,
              clock.now(),
              request.body.note,
            ),
          );
        return detail(request, row);
      },
    );
  }

  const transitions: [IncidentAction, string, typeof NoteBody | typeof CloseBody][] = [
    ['activate', 'Start the SAR operation (open → active)', NoteBody],
    ['close', 'Close with an outcome (refused while resources are tasked)', CloseBody],
    ['cancel', 'Close as a false alarm (refused while resources are tasked)', NoteBody],
  ];
  for (const [action, summary, body] of transitions) {
    app.post(
      `/maritime/incidents/:id/${action}`,
      {
        config: { auth: 'maritime.manage' },
        schema: {
          tags,
          summary,
          params: IdParams,
          body,
          response: { 200: IncidentDetailDto, ...commonErrors },
        },
      },
      async (request) => {
        const input = request.body as {
          note?: string;
          outcome?: 'rescued' | 'found' | 'lost' | 'transferred';
        };
        const row = await db
          .transaction()
          .execute((trx) =>
            transitionIncident(
              trx,
              auditContextOf(request),
              requireActor(request),
              request.params.id,
              action,
              clock.now(),
              input,
            ),
          );
        return detail(request, row);
      },
    );
  }
};
