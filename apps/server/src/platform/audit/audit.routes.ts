import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { badRequest } from '../http/errors.ts';
import { offsetOf, Page, PageQuery, toPage } from '../http/pagination.ts';
import { commonErrors, DateTimeString, Nullable } from '../http/schemas.ts';
import { assertInstanceRoot, requireActor } from '../identity/actor.ts';
import { type AuditRow, countEventsByDay, listEvents } from './audit.repository.ts';
import { fieldsOf, verifyChain } from './audit.service.ts';

const tags = ['audit'];

const AuditDto = Type.Object({
  seq: Type.Integer(),
  at: DateTimeString,
  actorUsername: Nullable(Type.String()),
  orgUnitId: Nullable(Type.Integer()),
  action: Type.String(),
  objectType: Type.String(),
  objectId: Nullable(Type.String()),
  outcome: Type.Union([Type.Literal('success'), Type.Literal('failure')]),
  before: Type.Unknown(),
  after: Type.Unknown(),
  ip: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
  hash: Type.String(),
});

const AuditQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    actor: Type.Optional(Type.String({ maxLength: 64 })),
    action: Type.Optional(Type.String({ maxLength: 64, description: 'action or action prefix, e.g. user.' })),
    objectType: Type.Optional(Type.String({ maxLength: 64 })),
    objectId: Type.Optional(Type.String({ maxLength: 64 })),
    outcome: Type.Optional(Type.Union([Type.Literal('success'), Type.Literal('failure')])),
    from: Type.Optional(DateTimeString),
    to: Type.Optional(DateTimeString),
  }),
]);

const StatsQuery = Type.Object({ from: DateTimeString, to: DateTimeString });
const DayStats = Type.Object({
  days: Type.Array(
    Type.Object({
      day: Type.String({ description: 'YYYY-MM-DD, Beijing time' }),
      success: Type.Integer(),
      failure: Type.Integer(),
    }),
  ),
});

const Verdict = Type.Object({
  ok: Type.Boolean(),
  entries: Type.Integer({ description: 'entries proven before the first bad one (all, when ok)' }),
  firstBadSeq: Type.Optional(Type.Integer()),
  reason: Type.Optional(Type.String()),
  verifiedAt: DateTimeString,
});

// The response schema keeps the DTO's fields of the chained entry.
const toAuditDto = (row: AuditRow) => ({ ...fieldsOf(row), hash: row.hash });

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.platform;

  app.get(
    '/audit',
    {
      config: { auth: 'audit.read' },
      schema: {
        tags,
        summary: 'Audit events in my jurisdiction, newest first',
        querystring: AuditQuery,
        response: { 200: Page(AuditDto), ...commonErrors },
      },
    },
    async (request) => {
      const { page, pageSize, from, to, ...filter } = request.query;
      const result = await listEvents(
        db,
        {
          ...filter,
          from: from ? new Date(from) : undefined,
          to: to ? new Date(to) : undefined,
          scopePath: requireActor(request).orgPath,
        },
        pageSize,
        offsetOf(request.query),
      );
      return toPage(result, request.query, toAuditDto);
    },
  );

  app.get(
    '/audit/stats',
    {
      config: { auth: 'audit.read' },
      schema: {
        tags,
        summary: 'Events per day in my jurisdiction, by outcome',
        querystring: StatsQuery,
        response: { 200: DayStats, ...commonErrors },
      },
    },
    async (request) => {
      const from = new Date(request.query.from);
      const to = new Date(request.query.to);
      if (!(from < to) || to.getTime() - from.getTime() > 366 * 86_400_000)
        throw badRequest('from must precede to, at most a year apart');
      const rows = await countEventsByDay(db, requireActor(request).orgPath, from, to);
      return {
        days: rows.map((r) => ({ day: r.day, success: Number(r.success), failure: Number(r.failure) })),
      };
    },
  );

  app.post(
    '/audit/verify',
    {
      config: { auth: 'audit.read' },
      schema: { tags, summary: 'Verify the whole hash chain', response: { 200: Verdict, ...commonErrors } },
    },
    async (request) => {
      assertInstanceRoot(requireActor(request), 'verify the whole audit chain');
      const verdict = await verifyChain(db);
      return verdict.ok
        ? { ok: true, entries: verdict.entries, verifiedAt: clock.now().toISOString() }
        : {
            ok: false,
            entries: verdict.entries,
            firstBadSeq: verdict.firstBadSeq,
            reason: verdict.reason,
            verifiedAt: clock.now().toISOString(),
          };
    },
  );
};
