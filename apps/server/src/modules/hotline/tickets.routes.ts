import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { Page, PageQuery, pageOf, toPage } from '../../platform/http/pagination.ts';
import { commonErrors, ErrorResponse, IdParams } from '../../platform/http/schemas.ts';
import { auditContextOf, requireActor } from '../../platform/identity/actor.ts';
import { availableActions, historyOf, WorkflowEventDto } from '../../platform/workflow/index.ts';
import { listClocks } from './clocks.repository.ts';
import { agentIntake, callerHistory, duplicateSuggestions, gatewayIntake } from './intake.service.ts';
import { ctxOf, depsOf } from './route-context.ts';
import { type TicketState, ticketWorkflow } from './ticket.ts';
import { STATE_INFO, toAttachmentDto, toClockDto, toNoteDto, toTicketDto } from './tickets.dto.ts';
import { listAttachments, listNotes } from './tickets.repository.ts';
import {
  AgentTicketBody,
  CreatedTicketDto,
  GatewayTicketBody,
  PhoneParams,
  StateInfoDto,
  TicketDetailDto,
  TicketDto,
  TicketListQuery,
  TicketNoParams,
} from './tickets.schemas.ts';
import { revealQueryCode, TICKET_ENTITY, ticketByNo, ticketInScope, ticketPage } from './tickets.service.ts';

const tags = ['hotline'];

const created = (c: {
  ticket: { id: number; ticket_no: string; state: string };
  queryCode: string;
  created: boolean;
}) => ({
  id: c.ticket.id,
  ticketNo: c.ticket.ticket_no,
  queryCode: c.queryCode,
  state: c.ticket.state as TicketState,
  created: c.created,
});

export const ticketsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock, secretBox } = app.platform;

  app.get(
    '/hotline/states',
    {
      config: { auth: 'hotline.read' },
      schema: {
        tags,
        summary: 'Ticket states: public label, Open311 status, next states',
        querystring: PageQuery,
        response: { 200: Page(StateInfoDto), ...commonErrors },
      },
    },
    async (request) => pageOf(STATE_INFO, request.query),
  );

  app.post(
    '/hotline/tickets',
    {
      config: { auth: 'hotline.intake' },
      schema: {
        tags,
        summary: 'Agent entry of a call (channel phone): accept, 不予受理 or 即时答复',
        body: AgentTicketBody,
        response: { 201: CreatedTicketDto, ...commonErrors },
      },
    },
    async (request, reply) => {
      const deps = await depsOf(app);
      const result = await db
        .transaction()
        .execute((trx) => agentIntake(trx, ctxOf(request, deps.now), deps, request.body));
      return reply.status(201).send(created(result));
    },
  );

  app.post(
    '/hotline/intake',
    {
      config: { auth: 'hotline.intake' },
      schema: {
        tags,
        summary: 'Intake from SMS, WeChat and app gateways; idempotent by (channel, externalId)',
        body: GatewayTicketBody,
        response: { 200: CreatedTicketDto, 201: CreatedTicketDto, ...commonErrors },
      },
    },
    async (request, reply) => {
      const deps = await depsOf(app);
      const result = await db
        .transaction()
        .execute((trx) => gatewayIntake(trx, ctxOf(request, deps.now), deps, request.body));
      return reply.status(result.created ? 201 : 200).send(created(result));
    },
  );

  app.get(
    '/hotline/tickets',
    {
      config: { auth: 'hotline.read' },
      schema: {
        tags,
        summary: 'Tickets visible to my unit (owned, dispatched to it, or below it)',
        querystring: TicketListQuery,
        response: { 200: Page(TicketDto), ...commonErrors },
      },
    },
    async (request) => {
      const q = request.query;
      const now = clock.now();
      const deps = await depsOf(app);
      const page = await ticketPage(
        db,
        {
          scopePath: requireActor(request).orgPath,
          state: q.state?.split(',').filter(Boolean),
          requestType: q.requestType,
          channel: q.channel,
          categoryPrefix: q.categoryCode,
          handlingOrgId: q.handlingOrgId,
          centreOrgId: q.centreOrgId,
          phone: q.phone,
          ticketNo: q.ticketNo,
          q: q.q,
          supervised: q.supervised,
          receivedFrom: q.from ? new Date(q.from) : undefined,
          receivedTo: q.to ? new Date(q.to) : undefined,
          card: q.card && { kind: q.card, now, yellowLimit: deps.calendar.deadlineAfter(now, 1) },
        },
        q,
      );
      return toPage(page, q, (r) => toTicketDto(r));
    },
  );

  app.get(
    '/hotline/tickets/duplicates',
    {
      config: { auth: 'hotline.intake' },
      schema: {
        tags,
        summary: 'Possible duplicates at intake: same phone, plate, place and time, or similar text',
        querystring: Type.Object({
          phone: Type.Optional(Type.String({ maxLength: 30 })),
          plateNo: Type.Optional(Type.String({ maxLength: 20 })),
          lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
          lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
          at: Type.Optional(Type.String({ format: 'date-time' })),
          text: Type.Optional(Type.String({ maxLength: 400 })),
          ...PageQuery.properties,
        }),
        response: {
          200: Page(
            Type.Object({
              ticket: TicketDto,
              samePhone: Type.Boolean(),
              samePlate: Type.Boolean(),
              nearInPlaceAndTime: Type.Boolean(),
              similarity: Type.Number(),
            }),
          ),
          ...commonErrors,
        },
      },
    },
    async (request) =>
      pageOf(
        await duplicateSuggestions(db, requireActor(request), request.query, clock.now()),
        request.query,
      ),
  );

  app.get(
    '/hotline/callers/:phone/tickets',
    {
      config: { auth: 'hotline.intake' },
      schema: {
        tags,
        summary: "A caller's earlier tickets (agent desk; audited)",
        params: PhoneParams,
        querystring: PageQuery,
        response: { 200: Page(TicketDto), ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const page = await db
        .transaction()
        .execute((trx) =>
          callerHistory(trx, auditContextOf(request), actor, request.params.phone, request.query),
        );
      return toPage(page, request.query, (r) => toTicketDto(r));
    },
  );

  const detail = async (trx: typeof db, request: Parameters<typeof auditContextOf>[0], id: number) => {
    const actor = requireActor(request);
    const row = await ticketInScope(trx, actor.orgPath, id);
    // Personal data is shown whole here, so the read is audited.
    await recordAudit(trx, auditContextOf(request), {
      action: 'hotline.ticket.read',
      objectType: TICKET_ENTITY,
      objectId: row.id,
      orgUnitId: row.centre_org_id,
      orgPath: row.centre_path,
    });
    return {
      ticket: toTicketDto(row, { mask: false }),
      queryCode: revealQueryCode(secretBox, row),
      clocks: (await listClocks(trx, row.id)).map(toClockDto),
      notes: (await listNotes(trx, row.id, ['internal', 'public'])).map(toNoteDto),
      attachments: (await listAttachments(trx, row.id)).map(toAttachmentDto),
      actions: availableActions(ticketWorkflow, row.state as TicketState, actor),
    };
  };

  app.get(
    '/hotline/tickets/:id',
    {
      config: { auth: 'hotline.read' },
      schema: {
        tags,
        summary: 'One ticket with clocks, notes, attachments and my possible actions (audited)',
        params: IdParams,
        response: { 200: TicketDetailDto, ...commonErrors },
      },
    },
    async (request) => db.transaction().execute((trx) => detail(trx as never, request, request.params.id)),
  );

  app.get(
    '/hotline/tickets/by-no/:ticketNo',
    {
      config: { auth: 'hotline.read' },
      schema: {
        tags,
        summary: 'One ticket by its tracking number (流水号)',
        params: TicketNoParams,
        response: { 200: TicketDetailDto, ...commonErrors, 429: ErrorResponse },
      },
    },
    async (request) =>
      db.transaction().execute(async (trx) => {
        const row = await ticketByNo(trx, requireActor(request).orgPath, request.params.ticketNo);
        return detail(trx as never, request, row.id);
      }),
  );

  app.get(
    '/hotline/tickets/:id/history',
    {
      config: { auth: 'hotline.read' },
      schema: {
        tags,
        summary: "A ticket's transitions, oldest first",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: Page(WorkflowEventDto), ...commonErrors },
      },
    },
    async (request) => {
      const row = await ticketInScope(db, requireActor(request).orgPath, request.params.id);
      return historyOf(db, TICKET_ENTITY, row.id, request.query);
    },
  );
};
