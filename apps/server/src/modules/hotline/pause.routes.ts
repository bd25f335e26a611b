import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page, PageQuery, pageOf } from '../../platform/http/pagination.ts';
import {
  commonErrors,
  DateTimeString,
  ErrorResponse,
  IdParams,
  Nullable,
} from '../../platform/http/schemas.ts';
import { auditContextOf, requireActor } from '../../platform/identity/actor.ts';
import { type CitizenRequestRow, listCitizenRequests } from './pause.repository.ts';
import { askCitizen, publicCitizenAnswer, recordCitizenAnswer } from './pause.service.ts';
import { ctxOf, depsOf } from './route-context.ts';
import { TicketNoParams } from './tickets.schemas.ts';
import { ticketInScope } from './tickets.service.ts';

const tags = ['hotline'];
const iso = (d: Date | null) => d?.toISOString() ?? null;

const CitizenRequestDto = Type.Object({
  id: Type.Integer(),
  ticketId: Type.Integer(),
  orgUnitId: Type.Integer(),
  question: Type.String(),
  askedAt: DateTimeString,
  answer: Nullable(Type.String()),
  answeredVia: Nullable(Type.Union([Type.Literal('public'), Type.Literal('agent')])),
  answeredAt: Nullable(DateTimeString),
  pausedWorkingDays: Nullable(Type.Integer({ description: 'working days the clocks were paused' })),
});

const toDto = (r: CitizenRequestRow) => ({
  id: r.id,
  ticketId: r.ticket_id,
  orgUnitId: r.org_unit_id,
  question: r.question,
  askedAt: r.asked_at.toISOString(),
  answer: r.answer,
  answeredVia: r.answered_via,
  answeredAt: iso(r.answered_at),
  pausedWorkingDays: r.paused_working_days,
});

const Text = Type.String({ minLength: 1, maxLength: 2000 });

/** 等待来电人补充: the unit asks the citizen for more; the clocks pause until the answer. */
export const pauseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.platform;

  app.post(
    '/hotline/tickets/:id/citizen-requests',
    {
      config: { auth: 'hotline.handle' },
      schema: {
        tags,
        summary:
          'The handling unit asks the citizen for more information: the handling and reply clocks pause',
        params: IdParams,
        body: Type.Object({ question: Text }),
        response: { 201: CitizenRequestDto, ...commonErrors },
      },
    },
    async (request, reply) => {
      const deps = await depsOf(app);
      const row = await db
        .transaction()
        .execute((trx) => askCitizen(trx, ctxOf(request, deps.now), deps, request.params.id, request.body));
      return reply.status(201).send(toDto(row));
    },
  );

  app.get(
    '/hotline/tickets/:id/citizen-requests',
    {
      config: { auth: 'hotline.read' },
      schema: {
        tags,
        summary: "What the ticket's units asked the citizen, and the answers",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: Page(CitizenRequestDto), ...commonErrors },
      },
    },
    async (request) => {
      await ticketInScope(db, requireActor(request).orgPath, request.params.id);
      return pageOf((await listCitizenRequests(db, request.params.id)).map(toDto), request.query);
    },
  );

  app.post(
    '/hotline/tickets/:id/citizen-answer',
    {
      config: { auth: 'hotline.intake' },
      schema: {
        tags,
        summary: "An agent of the centre records the citizen's answer (by phone): the clocks run again",
        params: IdParams,
        body: Type.Object({ answer: Text }),
        response: { 200: CitizenRequestDto, ...commonErrors },
      },
    },
    async (request) => {
      const deps = await depsOf(app);
      const row = await db
        .transaction()
        .execute((trx) =>
          recordCitizenAnswer(trx, ctxOf(request, deps.now), deps, request.params.id, request.body),
        );
      return toDto(row);
    },
  );

  app.post(
    '/hotline/public/tickets/:ticketNo/answer',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'The citizen answers what the handling unit asked: tracking number plus query code',
        params: TicketNoParams,
        body: Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }), answer: Text }),
        response: {
          200: Type.Object({ ticketNo: Type.String(), status: Type.String(), answeredAt: DateTimeString }),
          ...commonErrors,
          429: ErrorResponse,
        },
      },
    },
    async (request) => {
      const deps = await depsOf(app);
      return db
        .transaction()
        .execute((trx) =>
          publicCitizenAnswer(
            trx,
            auditContextOf(request),
            deps,
            request.ip,
            request.params.ticketNo,
            request.body,
          ),
        );
    },
  );
};
