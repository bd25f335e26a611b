import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { TSchema } from 'typebox';
import { Type } from 'typebox';
import type { Executor } from '../../platform/db/database.ts';
import { offsetOf, Page, toPage } from '../../platform/http/pagination.ts';
import { commonErrors, IdParams } from '../../platform/http/schemas.ts';
import { requireActor } from '../../platform/identity/actor.ts';
import type { Permission } from '../../platform/identity/permissions.ts';
import { type CallbackView, listCallbacks } from './callbacks.repository.ts';
import { recordCallback } from './callbacks.service.ts';
import {
  CallbackBody,
  CallbackDto,
  CallbackListQuery,
  CancelBody,
  MergeBody,
  NoteBody,
  ReplyBody,
  ReviewBody,
  SplitBody,
} from './closure.schemas.ts';
import {
  addNote,
  cancelTicket,
  mergeTicket,
  replyTicket,
  reviewTicket,
  splitTicket,
  unmergeTicket,
} from './closure.service.ts';
import { ctxOf, depsOf } from './route-context.ts';
import { toTicketDto } from './tickets.dto.ts';
import type { TicketRow } from './tickets.repository.ts';
import { TicketDto } from './tickets.schemas.ts';
import type { HotlineDeps } from './tickets.service.ts';

const tags = ['hotline'];
type Ctx = ReturnType<typeof ctxOf>;

const toCallbackDto = (c: CallbackView) => ({
  id: c.id,
  ticketId: c.ticket_id,
  ticketNo: c.ticket_no,
  callerTicketId: c.caller_ticket_id,
  callerTicketNo: c.caller_ticket_no,
  requesterName: c.requester_name,
  requesterPhone: c.requester_phone,
  round: c.round,
  dueAt: c.due_at.toISOString(),
  state: c.state,
  satisfaction: c.satisfaction,
  note: c.note,
  doneAt: c.done_at?.toISOString() ?? null,
});

export const closureRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.platform;
  type Run = (trx: Executor, ctx: Ctx, deps: HotlineDeps, id: number, body: never) => Promise<TicketRow>;
  const action = (path: string, summary: string, auth: Permission, body: TSchema | undefined, run: Run) =>
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

  action(
    '/hotline/tickets/:id/reply',
    '答复: facts, handling and legal basis',
    'hotline.handle',
    ReplyBody,
    replyTicket,
  );
  action(
    '/hotline/tickets/:id/review',
    '审核: 办结 or back to the unit',
    'hotline.supervise',
    ReviewBody,
    reviewTicket,
  );
  action(
    '/hotline/tickets/:id/merge',
    'Merge a duplicate into an open ticket',
    'hotline.intake',
    MergeBody,
    mergeTicket,
  );
  action('/hotline/tickets/:id/unmerge', 'Undo a merge', 'hotline.intake', undefined, (trx, ctx, deps, id) =>
    unmergeTicket(trx, ctx, deps, id),
  );
  action(
    '/hotline/tickets/:id/cancel',
    '撤销 at the citizen’s request',
    'hotline.intake',
    CancelBody,
    cancelTicket,
  );
  action(
    '/hotline/tickets/:id/notes',
    'Add an internal or public note',
    'hotline.read',
    NoteBody,
    (trx, ctx, _d, id, b) => addNote(trx, ctx, id, b),
  );

  app.post(
    '/hotline/tickets/:id/split',
    {
      config: { auth: 'hotline.intake' },
      schema: {
        tags,
        summary: 'Split further issues of a call into tickets of their own',
        params: IdParams,
        body: SplitBody,
        response: { 200: Type.Object({ items: Type.Array(TicketDto) }), ...commonErrors },
      },
    },
    async (request) => {
      const deps = await depsOf(app);
      const rows = await db
        .transaction()
        .execute((trx) => splitTicket(trx, ctxOf(request, deps.now), deps, request.params.id, request.body));
      return { items: rows.map((r) => toTicketDto(r)) };
    },
  );

  app.get(
    '/hotline/callbacks',
    {
      config: { auth: 'hotline.supervise' },
      schema: {
        tags,
        summary: 'The callback queue (回访) of my centre and the centres below it',
        querystring: CallbackListQuery,
        response: { 200: Page(CallbackDto), ...commonErrors },
      },
    },
    async (request) => {
      const q = request.query;
      const r = await listCallbacks(
        db,
        { scopePath: requireActor(request).orgPath, state: q.state, ticketId: q.ticketId },
        q.pageSize,
        offsetOf(q),
      );
      return toPage(r, q, toCallbackDto);
    },
  );

  app.post(
    '/hotline/callbacks/:id',
    {
      config: { auth: 'hotline.supervise' },
      schema: {
        tags,
        summary: 'Record a callback: 满意 / 基本满意 / 不满意 (重办) / 联系不上',
        params: IdParams,
        body: CallbackBody,
        response: { 200: CallbackDto, ...commonErrors },
      },
    },
    async (request) => {
      const deps = await depsOf(app);
      const cb = await db
        .transaction()
        .execute((trx) =>
          recordCallback(trx, ctxOf(request, deps.now), deps, request.params.id, request.body),
        );
      return toCallbackDto(cb);
    },
  );
};
