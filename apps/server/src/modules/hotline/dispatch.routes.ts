import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { TSchema } from 'typebox';
import type { Executor } from '../../platform/db/database.ts';
import { offsetOf, Page, PageQuery, toPage } from '../../platform/http/pagination.ts';
import { commonErrors, IdParams } from '../../platform/http/schemas.ts';
import { auditContextOf, requireActor } from '../../platform/identity/actor.ts';
import type { Permission } from '../../platform/identity/permissions.ts';
import {
  CreateRuleBody,
  DispatchBody,
  PreviewBody,
  PreviewDto,
  RecategoriseBody,
  RelocateBody,
  RuleDto,
  SendBackBody,
  TransferBody,
  TransferDto,
  TransferListQuery,
} from './dispatch.schemas.ts';
import {
  dispatchTicket,
  recategoriseTicket,
  relocateTicket,
  rerouteTicket,
  resendTransfer,
  resolveRoute,
  sendBackTicket,
  signForTicket,
  transferTicket,
} from './dispatch.service.ts';
import { ctxOf, depsOf } from './route-context.ts';
import {
  findTransferView,
  listRules,
  listTransfers,
  type TransferView,
  toTransferDto,
} from './routing.repository.ts';
import { createRule, removeRule, toRuleDto } from './routing.service.ts';
import { toTicketDto } from './tickets.dto.ts';
import type { TicketRow } from './tickets.repository.ts';
import { TicketDto } from './tickets.schemas.ts';
import type { HotlineDeps } from './tickets.service.ts';

const tags = ['hotline'];
type Ctx = ReturnType<typeof ctxOf>;

export const dispatchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.platform;

  app.get(
    '/hotline/routing-rules',
    {
      config: { auth: 'hotline.read' },
      schema: {
        tags,
        summary: 'Routing rules of units in my area',
        querystring: PageQuery,
        response: { 200: Page(RuleDto), ...commonErrors },
      },
    },
    async (request) => {
      const r = await listRules(
        db,
        requireActor(request).orgPath,
        request.query.pageSize,
        offsetOf(request.query),
      );
      return toPage(r, request.query, toRuleDto);
    },
  );

  app.post(
    '/hotline/routing-rules',
    {
      config: { auth: 'hotline.manage' },
      schema: {
        tags,
        summary: 'Add a routing rule (type × category × region → handling unit) of my unit',
        body: CreateRuleBody,
        response: { 201: RuleDto, ...commonErrors },
      },
    },
    async (request, reply) => {
      const row = await db
        .transaction()
        .execute((trx) =>
          createRule(trx, auditContextOf(request), requireActor(request), request.body, clock.now()),
        );
      return reply.status(201).send(toRuleDto(row));
    },
  );

  app.delete(
    '/hotline/routing-rules/:id',
    {
      config: { auth: 'hotline.manage' },
      schema: {
        tags,
        summary: 'Retire a routing rule',
        params: IdParams,
        response: { 204: {}, ...commonErrors },
      },
    },
    async (request, reply) => {
      await db
        .transaction()
        .execute((trx) => removeRule(trx, auditContextOf(request), requireActor(request), request.params.id));
      return reply.status(204).send();
    },
  );

  app.post(
    '/hotline/routing/preview',
    {
      config: { auth: 'hotline.intake' },
      schema: {
        tags,
        summary: 'Which unit the rules give a ticket of my centre, and the candidates',
        body: PreviewBody,
        response: { 200: PreviewDto, ...commonErrors },
      },
    },
    async (request) => {
      const answer = await resolveRoute(db, requireActor(request).orgPath, request.body);
      return { ...answer, candidates: answer.candidates.map(toRuleDto) };
    },
  );

  app.get(
    '/hotline/transfers',
    {
      config: { auth: 'hotline.read' },
      schema: {
        tags,
        summary: 'Cross-city and cross-province transfers of tickets I can see, with their send state',
        querystring: TransferListQuery,
        response: { 200: Page(TransferDto), ...commonErrors },
      },
    },
    async (request) => {
      const q = request.query;
      const r = await listTransfers(db, requireActor(request).orgPath, q.state, q.pageSize, offsetOf(q));
      return toPage(r, q, toTransferDto);
    },
  );

  type Run = (trx: Executor, ctx: Ctx, deps: HotlineDeps, id: number, body: never) => Promise<TicketRow>;
  const ticketAction = (
    path: string,
    summary: string,
    auth: Permission,
    body: TSchema | undefined,
    run: Run,
  ) =>
    app.post(
      path,
      {
        config: { auth },
        schema: {
          tags,
          summary,
          params: IdParams,
          ...(body && { body }),
          response: { 200: TicketDto, ...commonErrors },
        },
      },
      async (request) => {
        const deps = await depsOf(app);
        const { id } = request.params as { id: number };
        const row = await db
          .transaction()
          .execute((trx) => run(trx, ctxOf(request, deps.now), deps, id, request.body as never));
        return toTicketDto(row);
      },
    );

  ticketAction(
    '/hotline/tickets/:id/dispatch',
    '转办 to a unit in the centre’s area (default: routing rules)',
    'hotline.intake',
    DispatchBody,
    (trx, ctx, deps, id, body) => dispatchTicket(trx, ctx, deps, id, body),
  );
  ticketAction(
    '/hotline/tickets/:id/reroute',
    'Move a ticket from its unit to another',
    'hotline.intake',
    DispatchBody,
    (trx, ctx, deps, id, body) => rerouteTicket(trx, ctx, deps, id, body),
  );
  ticketAction(
    '/hotline/tickets/:id/sign-for',
    '签收 by the handling unit',
    'hotline.handle',
    undefined,
    (trx, ctx, deps, id) => signForTicket(trx, ctx, deps, id),
  );
  ticketAction(
    '/hotline/tickets/:id/send-back',
    '退回 to the centre with a reason code',
    'hotline.handle',
    SendBackBody,
    (trx, ctx, deps, id, body) => sendBackTicket(trx, ctx, deps, id, body),
  );
  ticketAction(
    '/hotline/tickets/:id/recategorise',
    'Change category (and type); optionally re-route',
    'hotline.intake',
    RecategoriseBody,
    (trx, ctx, deps, id, body) => recategoriseTicket(trx, ctx, deps, id, body),
  );
  ticketAction(
    '/hotline/tickets/:id/location',
    '更改地点 (address, region, map point); a ticket with a unit is re-routed by the rules (audited)',
    'hotline.intake',
    RelocateBody,
    (trx, ctx, deps, id, body) => relocateTicket(trx, ctx, deps, id, body),
  );

  app.post(
    '/hotline/tickets/:id/transfer',
    {
      config: { auth: 'hotline.intake' },
      schema: {
        tags,
        summary: '跨市/跨省转办 through the province or the ministry',
        params: IdParams,
        body: TransferBody,
        response: { 200: TransferDto, ...commonErrors },
      },
    },
    async (request) => {
      const deps = await depsOf(app);
      const t = await db
        .transaction()
        .execute((trx) => transferTicket(trx, ctxOf(request, deps.now), request.params.id, request.body));
      return toTransferDto((await findTransferView(db, t.id)) as TransferView);
    },
  );

  app.post(
    '/hotline/transfers/:id/resend',
    {
      config: { auth: 'hotline.intake' },
      schema: {
        tags,
        summary: 'Send a failed transfer again: back to ready to send (audited)',
        params: IdParams,
        response: { 200: TransferDto, ...commonErrors },
      },
    },
    async (request) => {
      const deps = await depsOf(app);
      await db
        .transaction()
        .execute((trx) => resendTransfer(trx, ctxOf(request, deps.now), request.params.id));
      return toTransferDto((await findTransferView(db, request.params.id)) as TransferView);
    },
  );
};
