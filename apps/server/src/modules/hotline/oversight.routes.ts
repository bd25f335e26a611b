import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { offsetOf, Page, PageQuery, toPage } from '../../platform/http/pagination.ts';
import { commonErrors, IdParams } from '../../platform/http/schemas.ts';
import { requireActor } from '../../platform/identity/actor.ts';
import { answerUrgeOrder, decideExtensionRequest, issueUrge, requestExtension } from './deadlines.service.ts';
import {
  cardsByUnit,
  type ExtensionRow,
  listExtensions,
  listUrges,
  type UrgeRow,
} from './oversight.repository.ts';
import {
  AnswerBody,
  DecisionBody,
  ExtensionBody,
  ExtensionDto,
  ExtensionListQuery,
  ExtensionParams,
  UnitCardsDto,
  UrgeBody,
  UrgeDto,
  UrgeListQuery,
  UrgeParams,
} from './oversight.schemas.ts';
import { ctxOf, depsOf } from './route-context.ts';
import { OPEN_STATES } from './ticket.ts';
import { findTicketById } from './tickets.repository.ts';

const tags = ['hotline'];
const iso = (d: Date | null) => d?.toISOString() ?? null;

const toExtensionDto = (e: ExtensionRow & { ticket_no: string }) => ({
  id: e.id,
  ticketId: e.ticket_id,
  ticketNo: e.ticket_no,
  orgUnitId: e.org_unit_id,
  days: e.days,
  reason: e.reason,
  legalBasis: e.legal_basis,
  requestedAt: e.requested_at.toISOString(),
  decision: e.decision,
  decidedAt: iso(e.decided_at),
  decisionNote: e.decision_note,
  newDueAt: iso(e.new_due_at),
});

const toUrgeDto = (u: UrgeRow & { ticket_no: string }) => ({
  id: u.id,
  ticketId: u.ticket_id,
  ticketNo: u.ticket_no,
  kind: u.kind,
  issuedBy: u.issued_by,
  issuedByName: u.issued_by_name,
  issuerOrgId: u.issuer_org_id,
  targetOrgId: u.target_org_id,
  demand: u.demand,
  issuedAt: u.issued_at.toISOString(),
  answerDueAt: iso(u.answer_due_at),
  answer: u.answer,
  answeredBy: u.answered_by,
  answeredAt: iso(u.answered_at),
  automatic: u.automatic,
});

export const oversightRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.platform;
  const ticketNo = async (id: number) => (await findTicketById(db, id))?.ticket_no ?? '';

  app.post(
    '/hotline/tickets/:id/extensions',
    {
      config: { auth: 'hotline.handle' },
      schema: {
        tags,
        summary: '延期申请 by the handling unit, before its deadline',
        params: IdParams,
        body: ExtensionBody,
        response: { 201: ExtensionDto, ...commonErrors },
      },
    },
    async (request, reply) => {
      const deps = await depsOf(app);
      const ext = await db
        .transaction()
        .execute((trx) =>
          requestExtension(trx, ctxOf(request, deps.now), deps, request.params.id, request.body),
        );
      return reply.status(201).send(toExtensionDto({ ...ext, ticket_no: await ticketNo(ext.ticket_id) }));
    },
  );

  app.post(
    '/hotline/tickets/:id/extensions/:extensionId/decision',
    {
      config: { auth: 'hotline.supervise' },
      schema: {
        tags,
        summary: 'The centre approves or denies an extension',
        params: ExtensionParams,
        body: DecisionBody,
        response: { 200: ExtensionDto, ...commonErrors },
      },
    },
    async (request) => {
      const deps = await depsOf(app);
      const { id, extensionId } = request.params;
      const ext = await db
        .transaction()
        .execute((trx) =>
          decideExtensionRequest(trx, ctxOf(request, deps.now), deps, id, extensionId, request.body),
        );
      return toExtensionDto({ ...ext, ticket_no: await ticketNo(ext.ticket_id) });
    },
  );

  app.get(
    '/hotline/extensions',
    {
      config: { auth: 'hotline.read' },
      schema: {
        tags,
        summary: 'Extension requests of tickets I can see (the centre’s approval queue)',
        querystring: ExtensionListQuery,
        response: { 200: Page(ExtensionDto), ...commonErrors },
      },
    },
    async (request) => {
      const q = request.query;
      const r = await listExtensions(
        db,
        { scopePath: requireActor(request).orgPath, decision: q.decision, ticketId: q.ticketId },
        q.pageSize,
        offsetOf(q),
      );
      return toPage(r, q, toExtensionDto);
    },
  );

  app.post(
    '/hotline/tickets/:id/urges',
    {
      config: { auth: 'hotline.supervise' },
      schema: {
        tags,
        summary: '催办 or 督办: what is demanded of the handling unit, and by when',
        params: IdParams,
        body: UrgeBody,
        response: { 201: UrgeDto, ...commonErrors },
      },
    },
    async (request, reply) => {
      const deps = await depsOf(app);
      const urge = await db
        .transaction()
        .execute((trx) => issueUrge(trx, ctxOf(request, deps.now), deps, request.params.id, request.body));
      return reply.status(201).send(toUrgeDto({ ...urge, ticket_no: await ticketNo(urge.ticket_id) }));
    },
  );

  app.post(
    '/hotline/tickets/:id/urges/:urgeId/answer',
    {
      config: { auth: 'hotline.handle' },
      schema: {
        tags,
        summary: 'The addressed unit answers an urge or supervision order',
        params: UrgeParams,
        body: AnswerBody,
        response: { 200: UrgeDto, ...commonErrors },
      },
    },
    async (request) => {
      const deps = await depsOf(app);
      const { id, urgeId } = request.params;
      const urge = await db
        .transaction()
        .execute((trx) => answerUrgeOrder(trx, ctxOf(request, deps.now), id, urgeId, request.body));
      return toUrgeDto({ ...urge, ticket_no: await ticketNo(urge.ticket_id) });
    },
  );

  app.get(
    '/hotline/cards/by-unit',
    {
      config: { auth: 'hotline.read' },
      schema: {
        tags,
        summary:
          'Open tickets with yellow and red cards and under supervision, per handling unit (supervision board)',
        querystring: PageQuery,
        response: { 200: Page(UnitCardsDto), ...commonErrors },
      },
    },
    async (request) => {
      const q = request.query;
      const deps = await depsOf(app);
      const yellowLimit = deps.calendar.deadlineAfter(deps.now, 1);
      const r = await cardsByUnit(
        db,
        { scopePath: requireActor(request).orgPath, openStates: OPEN_STATES, now: deps.now, yellowLimit },
        q.pageSize,
        offsetOf(q),
      );
      return toPage(r, q, (u) => ({
        orgUnitId: u.org_unit_id,
        orgName: u.org_name,
        yellow: u.yellow,
        red: u.red,
        supervised: u.supervised,
      }));
    },
  );

  app.get(
    '/hotline/urges',
    {
      config: { auth: 'hotline.read' },
      schema: {
        tags,
        summary: 'Urge and supervision records of tickets I can see (supervision board)',
        querystring: UrgeListQuery,
        response: { 200: Page(UrgeDto), ...commonErrors },
      },
    },
    async (request) => {
      const q = request.query;
      const r = await listUrges(
        db,
        { scopePath: requireActor(request).orgPath, kind: q.kind, open: q.open, ticketId: q.ticketId },
        q.pageSize,
        offsetOf(q),
      );
      return toPage(r, q, toUrgeDto);
    },
  );
};
