import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { offsetOf, Page, PageQuery, pageOf, toPage } from '../../platform/http/pagination.ts';
import { commonErrors, DateTimeString, IdParams, Nullable } from '../../platform/http/schemas.ts';
import { requireActor } from '../../platform/identity/actor.ts';
import { listPublicRegions } from './desk.repository.ts';
import { listRepliesOf } from './replies.repository.ts';
import { ticketInScope } from './tickets.service.ts';

const tags = ['hotline'];

const ReplyDto = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  facts: Type.String(),
  handling: Type.String(),
  legalBasis: Type.String(),
  repliedAt: DateTimeString,
  review: Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')]),
  reviewNote: Nullable(Type.String()),
  reviewedAt: Nullable(DateTimeString),
});

const RegionDto = Type.Object({
  id: Type.Integer({ description: 'the authority: the target of a cross-area transfer' }),
  code: Type.String(),
  name: Type.String(),
  parentName: Nullable(Type.String()),
});

/** What the console's desks read beyond the ticket itself: the unit's replies, the form's places. */
export const deskRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.platform;

  app.get(
    '/hotline/tickets/:id/replies',
    {
      config: { auth: 'hotline.read' },
      schema: {
        tags,
        summary: 'The handling unit’s replies (facts, handling, legal basis) and their review, newest first',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: Page(ReplyDto), ...commonErrors },
      },
    },
    async (request) => {
      const row = await ticketInScope(db, requireActor(request).orgPath, request.params.id);
      const replies = (await listRepliesOf(db, row.id)).map((r) => ({
        id: r.id,
        orgUnitId: r.org_unit_id,
        facts: r.facts,
        handling: r.handling,
        legalBasis: r.legal_basis,
        repliedAt: r.replied_at.toISOString(),
        review: r.review,
        reviewNote: r.review_note,
        reviewedAt: r.reviewed_at?.toISOString() ?? null,
      }));
      return pageOf(replies, request.query);
    },
  );

  app.get(
    '/hotline/public/regions',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'Places the public form can name: city and county authorities by name or code',
        querystring: Type.Object({
          ...PageQuery.properties,
          pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          q: Type.Optional(Type.String({ maxLength: 30 })),
        }),
        response: { 200: Page(RegionDto), ...commonErrors },
      },
    },
    async (request) => {
      const q = request.query;
      const r = await listPublicRegions(db, q.q?.trim() || undefined, q.pageSize, offsetOf(q));
      return toPage(r, q, (x) => ({ id: x.id, code: x.code, name: x.name, parentName: x.parent_name }));
    },
  );
};
