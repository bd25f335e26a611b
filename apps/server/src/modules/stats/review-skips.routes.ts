import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { offsetOf, Page, toPage } from '../../platform/http/pagination.ts';
import { commonErrors } from '../../platform/http/schemas.ts';
import { auditContextOf, requireActor } from '../../platform/identity/actor.ts';
import { formVisible } from './forms.service.ts';
import { listReviewSkips } from './review-skips.repository.ts';
import {
  ReviewSkipBody,
  ReviewSkipDto,
  ReviewSkipKeyParams,
  ReviewSkipParams,
  ReviewSkipQuery,
} from './review-skips.schemas.ts';
import { clearReviewSkip, setReviewSkip, toReviewSkipDto } from './review-skips.service.ts';

const tags = ['stats'];
const KEY = '/stats/forms/:formId/review-skips/:orgUnitId/:level';

export const reviewSkipsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.platform;

  app.get(
    '/stats/forms/:formId/review-skips',
    {
      config: { auth: 'stats.read' },
      schema: {
        tags,
        summary: 'Review levels skipped for this form below units of my jurisdiction',
        params: ReviewSkipParams,
        querystring: ReviewSkipQuery,
        response: { 200: Page(ReviewSkipDto), ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const form = await formVisible(db, actor, request.params.formId);
      const { pageSize } = request.query;
      const result = await listReviewSkips(db, form.id, actor.orgPath, pageSize, offsetOf(request.query));
      return toPage(result, request.query, toReviewSkipDto);
    },
  );

  app.put(
    KEY,
    {
      config: { auth: 'stats.chain.manage' },
      schema: {
        tags,
        summary: "Skip a review level for the unit's reports (and its subtree's)",
        params: ReviewSkipKeyParams,
        body: ReviewSkipBody,
        response: { 200: ReviewSkipBody, 201: ReviewSkipBody, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { formId, orgUnitId, level } = request.params;
      const { created } = await db
        .transaction()
        .execute((trx) =>
          setReviewSkip(
            trx,
            auditContextOf(request),
            requireActor(request),
            formId,
            orgUnitId,
            level,
            request.body,
            clock.now(),
          ),
        );
      return reply.status(created ? 201 : 200).send(request.body);
    },
  );

  app.delete(
    KEY,
    {
      config: { auth: 'stats.chain.manage' },
      schema: {
        tags,
        summary: 'Stop skipping a review level for the unit: its reports go through that level again',
        params: ReviewSkipKeyParams,
        response: { 204: {}, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { formId, orgUnitId, level } = request.params;
      await db
        .transaction()
        .execute((trx) =>
          clearReviewSkip(trx, auditContextOf(request), requireActor(request), formId, orgUnitId, level),
        );
      return reply.status(204).send();
    },
  );
};
