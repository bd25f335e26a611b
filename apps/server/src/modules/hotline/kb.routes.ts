import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { beijingDateOf } from '../../platform/calendar/index.ts';
import { notFound } from '../../platform/http/errors.ts';
import { offsetOf, Page, toPage } from '../../platform/http/pagination.ts';
import { commonErrors, IdParams } from '../../platform/http/schemas.ts';
import { auditContextOf, requireActor } from '../../platform/identity/actor.ts';
import { findVersion, listArticles, listVersions } from './kb.repository.ts';
import {
  CreateKbArticleBody,
  KbArticleDto,
  KbListQuery,
  KbSearchQuery,
  KbSearchResult,
  KbUsageDto,
  KbUsageQuery,
  KbVersionDto,
  KbVersionParams,
  RestoreKbVersionBody,
  ReviewKbArticleBody,
  UpdateKbArticleBody,
} from './kb.schemas.ts';
import {
  changeKbArticle,
  createKbArticle,
  readableKbArticle,
  reviewKbArticle,
  setKbStatus,
  toKbArticleDto,
  toKbVersionDto,
  viewKbArticle,
} from './kb.service.ts';
import { kbUsage, searchKb } from './kb-search.service.ts';

const tags = ['hotline-kb'];
/** A calendar day `n` days after `day` (both YYYY-MM-DD). */
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The knowledge base (知识库): search for agents, articles with versions for editors. */
export const kbRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.platform;

  app.get(
    '/hotline/kb/search',
    {
      config: { auth: 'hotline.read' },
      schema: {
        tags,
        summary: 'Search the articles in force for my unit (or a unit of my subtree), ranked and highlighted',
        querystring: KbSearchQuery,
        response: { 200: KbSearchResult, ...commonErrors },
      },
    },
    async (request) =>
      db.transaction().execute((trx) => searchKb(trx, requireActor(request), request.query, clock.now())),
  );

  app.get(
    '/hotline/kb/articles',
    {
      config: { auth: 'hotline.read' },
      schema: {
        tags,
        summary: 'Articles of my subtree and of the units above me (drafts and retired ones included)',
        querystring: KbListQuery,
        response: { 200: Page(KbArticleDto), ...commonErrors },
      },
    },
    async (request) => {
      const { page, pageSize, reviewDue, expiringWithin, ...filter } = request.query;
      const actor = requireActor(request);
      const today = beijingDateOf(clock.now());
      const result = await listArticles(
        db,
        {
          ...filter,
          scopePath: actor.orgPath,
          reviewDueBy: reviewDue ? today : undefined,
          expiresBy: expiringWithin === undefined ? undefined : addDays(today, expiringWithin),
        },
        pageSize,
        offsetOf(request.query),
      );
      return toPage(result, request.query, (row) => toKbArticleDto(row, actor));
    },
  );

  app.get(
    '/hotline/kb/articles/:id',
    {
      config: { auth: 'hotline.read' },
      schema: {
        tags,
        summary: 'One article; counts a view for my unit',
        params: IdParams,
        response: { 200: KbArticleDto, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await db
        .transaction()
        .execute((trx) => viewKbArticle(trx, auditContextOf(request), actor, request.params.id, clock.now()));
      return toKbArticleDto(row, actor);
    },
  );

  app.get(
    '/hotline/kb/articles/:id/versions',
    {
      config: { auth: 'hotline.read' },
      schema: {
        tags,
        summary: "An article's versions, newest first",
        params: IdParams,
        querystring: Type.Object({
          page: Type.Integer({ minimum: 1, default: 1 }),
          pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
        }),
        response: { 200: Page(KbVersionDto), ...commonErrors },
      },
    },
    async (request) => {
      const article = await readableKbArticle(db, requireActor(request), request.params.id);
      const result = await listVersions(db, article.id, request.query.pageSize, offsetOf(request.query));
      return toPage(result, request.query, toKbVersionDto);
    },
  );

  app.get(
    '/hotline/kb/articles/:id/versions/:version',
    {
      config: { auth: 'hotline.read' },
      schema: {
        tags,
        summary: 'One version of an article',
        params: KbVersionParams,
        response: { 200: KbVersionDto, ...commonErrors },
      },
    },
    async (request) => {
      const article = await readableKbArticle(db, requireActor(request), request.params.id);
      const row = await findVersion(db, article.id, request.params.version);
      if (!row) throw notFound(`version ${request.params.version} of article ${article.id}`);
      return toKbVersionDto(row);
    },
  );

  app.post(
    '/hotline/kb/articles',
    {
      config: { auth: 'hotline.kb.manage' },
      schema: {
        tags,
        summary: 'Add an article to a unit of my subtree; the key of an article above overrides it below',
        body: CreateKbArticleBody,
        response: { 201: KbArticleDto, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await db
        .transaction()
        .execute((trx) => createKbArticle(trx, auditContextOf(request), actor, request.body, clock.now()));
      return reply.status(201).send(toKbArticleDto(row, actor));
    },
  );

  app.patch(
    '/hotline/kb/articles/:id',
    {
      config: { auth: 'hotline.kb.manage' },
      schema: {
        tags,
        summary: 'Edit an article: changed content is a new version, in force at once',
        params: IdParams,
        body: UpdateKbArticleBody,
        response: { 200: KbArticleDto, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await db
        .transaction()
        .execute((trx) =>
          changeKbArticle(trx, auditContextOf(request), actor, request.params.id, request.body, clock.now()),
        );
      return toKbArticleDto(row, actor);
    },
  );

  app.post(
    '/hotline/kb/articles/:id/restore',
    {
      config: { auth: 'hotline.kb.manage' },
      schema: {
        tags,
        summary: "Make an earlier version's content the current one (as a new version)",
        params: IdParams,
        body: RestoreKbVersionBody,
        response: { 200: KbArticleDto, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await db.transaction().execute(async (trx) => {
        const article = await readableKbArticle(trx, actor, request.params.id);
        const old = await findVersion(trx, article.id, request.body.version);
        if (!old) throw notFound(`version ${request.body.version} of article ${article.id}`);
        const content = { title: old.title, body: old.body, domain: old.domain, tags: old.tags };
        const patch = {
          ...content,
          categoryCode: old.category_code,
          changeNote: `恢复到版本 ${old.version}`,
        };
        return changeKbArticle(
          trx,
          auditContextOf(request),
          actor,
          article.id,
          patch,
          clock.now(),
          'article.restore',
        );
      });
      return toKbArticleDto(row, actor);
    },
  );

  for (const [action, status] of [
    ['publish', 'published'],
    ['retire', 'retired'],
  ] as const) {
    app.post(
      `/hotline/kb/articles/:id/${action}`,
      {
        config: { auth: 'hotline.kb.manage' },
        schema: {
          tags,
          summary:
            action === 'publish' ? 'Publish an article: agents get it as an answer' : 'Withdraw an article',
          params: IdParams,
          response: { 200: KbArticleDto, ...commonErrors },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const row = await db
          .transaction()
          .execute((trx) =>
            setKbStatus(trx, auditContextOf(request), actor, request.params.id, status, clock.now()),
          );
        return toKbArticleDto(row, actor);
      },
    );
  }

  app.post(
    '/hotline/kb/articles/:id/review',
    {
      config: { auth: 'hotline.kb.manage' },
      schema: {
        tags,
        summary: 'Confirm an article after review and set the next review date',
        params: IdParams,
        body: ReviewKbArticleBody,
        response: { 200: KbArticleDto, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await db
        .transaction()
        .execute((trx) =>
          reviewKbArticle(
            trx,
            auditContextOf(request),
            actor,
            request.params.id,
            request.body.nextReviewOn,
            clock.now(),
          ),
        );
      return toKbArticleDto(row, actor);
    },
  );

  app.get(
    '/hotline/kb/usage',
    {
      config: { auth: 'hotline.read' },
      schema: {
        tags,
        summary: 'Views and instant-answer citations per article over a date range, most used first',
        querystring: KbUsageQuery,
        response: { 200: Page(KbUsageDto), ...commonErrors },
      },
    },
    async (request) => {
      const { from, to, page, pageSize } = request.query;
      return kbUsage(db, requireActor(request), from, to, { page, pageSize });
    },
  );
};
