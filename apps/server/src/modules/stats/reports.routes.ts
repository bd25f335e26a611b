import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, badRequest } from '../../platform/http/errors.ts';
import { offsetOf, Page, PageQuery, pageOf, toPage } from '../../platform/http/pagination.ts';
import { commonErrors } from '../../platform/http/schemas.ts';
import { auditContextOf, requireActor } from '../../platform/identity/actor.ts';
import type { Permission } from '../../platform/identity/permissions.ts';
import { drillDown } from './aggregate.service.ts';
import { inbox } from './inbox.service.ts';
import { loadReportContext } from './report-context.ts';
import type { ReportAction } from './report-workflow.ts';
import {
  CellParams,
  CommentBody,
  CommentDto,
  DrillDto,
  DrillQuery,
  HistoryDto,
  InboxItem,
  InboxQuery,
  ReportParams,
  ReportView,
  ReturnBody,
  SaveCellsBody,
  SubmitBody,
  TimelineEntry,
  UnlockDecisionBody,
  UnlockRequestBody,
} from './reports.schemas.ts';
import { addComment, reportView, saveCells } from './reports.service.ts';
import { actOnReport, refuseUnlock, requestUnlock, timeline } from './review.service.ts';
import { cellHistory } from './values.repository.ts';

const tags = ['stats'];
const BASE = '/stats/forms/:formId/units/:orgUnitId/periods/:period';

const ACTIONS: readonly {
  action: ReportAction;
  auth: Permission;
  summary: string;
  body?: 'submit' | 'return';
}[] = [
  {
    action: 'submit',
    auth: 'stats.fill',
    summary: 'Submit to the reviewing unit (soft audit failures need explanations)',
    body: 'submit',
  },
  { action: 'withdraw', auth: 'stats.fill', summary: 'Take a submission back before it is reviewed' },
  {
    action: 'approve',
    auth: 'stats.review',
    summary: 'Approve a report submitted to my unit; its figures are frozen and locked',
  },
  {
    action: 'publish',
    auth: 'stats.review',
    summary: "Approve the owning unit's own aggregate (every child approved)",
  },
  {
    action: 'return',
    auth: 'stats.review',
    summary: 'Return a submitted report with a reason and cell annotations',
    body: 'return',
  },
];

export const reportsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.platform;
  const context = (
    request: FastifyRequest<{ Params: { formId: number; orgUnitId: number; period: string } }>,
    executor: Executor = db,
  ) =>
    loadReportContext(
      executor,
      requireActor(request),
      request.params.formId,
      request.params.orgUnitId,
      request.params.period,
    );

  app.get(
    '/stats/inbox',
    {
      config: { auth: 'stats.read' },
      schema: {
        tags,
        summary: 'My to-do: forms due, in progress, returned, overdue, and reports to review',
        querystring: InboxQuery,
        response: { 200: Page(InboxItem), ...commonErrors },
      },
    },
    async (request) => pageOf(await inbox(db, requireActor(request), clock.now()), request.query),
  );

  app.get(
    BASE,
    {
      config: { auth: 'stats.read' },
      schema: {
        tags,
        summary: 'A report: layout, values, computed cells, comments, state and allowed actions',
        params: ReportParams,
        response: { 200: ReportView, ...commonErrors },
      },
    },
    async (request) => reportView(db, requireActor(request), await context(request), clock.now()),
  );

  app.put(
    `${BASE}/cells`,
    {
      config: { auth: 'stats.fill' },
      schema: {
        tags,
        summary: 'Save cells (draft autosave); all or nothing, per-cell errors',
        params: ReportParams,
        body: SaveCellsBody,
        response: { 200: ReportView, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const now = clock.now();
      await db
        .transaction()
        .execute(async (trx) =>
          saveCells(
            trx,
            auditContextOf(request),
            actor,
            await context(request, trx),
            request.body.cells,
            now,
          ),
        );
      return reportView(db, actor, await context(request), now);
    },
  );

  app.get(
    `${BASE}/cells/:cellKey/history`,
    {
      config: { auth: 'stats.read' },
      schema: {
        tags,
        summary: 'Every value a cell has held, who and when, newest first',
        params: CellParams,
        querystring: PageQuery,
        response: { 200: Page(HistoryDto), ...commonErrors },
      },
    },
    async (request) => {
      const ctx = await context(request);
      const key = {
        formId: ctx.form.id,
        period: ctx.period.id,
        orgUnitId: ctx.unit.id,
        cellKey: request.params.cellKey,
      };
      const result = await cellHistory(db, key, request.query.pageSize, offsetOf(request.query));
      return toPage(result, request.query, (r) => ({ ...r, changedAt: r.changedAt.toISOString() }));
    },
  );

  app.post(
    `${BASE}/comments`,
    {
      config: { auth: 'stats.read' },
      schema: {
        tags,
        summary: 'Comment on a cell',
        params: ReportParams,
        body: CommentBody,
        response: { 201: CommentDto, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!actor.permissions.has('stats.fill') && !actor.permissions.has('stats.review'))
        throw new AppError(403, 'forbidden', 'commenting needs stats.fill or stats.review');
      const now = clock.now();
      const dto = await db
        .transaction()
        .execute(async (trx) =>
          addComment(trx, auditContextOf(request), actor, await context(request, trx), request.body, now),
        );
      return reply.status(201).send(dto);
    },
  );

  for (const { action, auth, summary, body } of ACTIONS) {
    app.post(
      `${BASE}/${action}`,
      {
        config: { auth },
        schema: {
          tags,
          summary,
          params: ReportParams,
          ...(body === 'submit' ? { body: SubmitBody } : body === 'return' ? { body: ReturnBody } : {}),
          response: { 200: ReportView, ...commonErrors },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const now = clock.now();
        const input = (request.body ?? {}) as {
          explanations?: Record<string, string>;
          reason?: string;
          annotations?: { cellKey: string; body: string }[];
        };
        await db
          .transaction()
          .execute(async (trx) =>
            actOnReport(trx, auditContextOf(request), actor, await context(request, trx), action, input, now),
          );
        return reportView(db, actor, await context(request), now);
      },
    );
  }

  app.post(
    `${BASE}/unlock-requests`,
    {
      config: { auth: 'stats.read' },
      schema: {
        tags,
        summary: 'Ask to reopen an approved report; another person approves it',
        params: ReportParams,
        body: UnlockRequestBody,
        response: { 201: ReportView, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!actor.permissions.has('stats.fill') && !actor.permissions.has('stats.review'))
        throw new AppError(403, 'forbidden', 'unlock requests need stats.fill or stats.review');
      const now = clock.now();
      await db
        .transaction()
        .execute(async (trx) =>
          requestUnlock(
            trx,
            auditContextOf(request),
            actor,
            await context(request, trx),
            request.body.reason,
            now,
          ),
        );
      return reply.status(201).send(await reportView(db, actor, await context(request), now));
    },
  );

  app.post(
    `${BASE}/unlock-decision`,
    {
      config: { auth: 'stats.review' },
      schema: {
        tags,
        summary: 'Grant (reopen the report) or refuse the pending unlock request',
        params: ReportParams,
        body: UnlockDecisionBody,
        response: { 200: ReportView, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const ctx = await context(request, trx);
        if (request.body.grant)
          await actOnReport(trx, auditContextOf(request), actor, ctx, 'reopen', {}, now);
        else await refuseUnlock(trx, auditContextOf(request), actor, ctx, request.body.note, now);
      });
      return reportView(db, actor, await context(request), now);
    },
  );

  app.get(
    `${BASE}/timeline`,
    {
      config: { auth: 'stats.read' },
      schema: {
        tags,
        summary: 'Every action on the report, unlock requests and reminders, oldest first',
        params: ReportParams,
        querystring: PageQuery,
        response: { 200: Page(TimelineEntry), ...commonErrors },
      },
    },
    async (request) => pageOf(await timeline(db, await context(request)), request.query),
  );

  app.get(
    `${BASE}/drilldown`,
    {
      config: { auth: 'stats.read' },
      schema: {
        tags,
        summary: "An aggregate's figures per direct child unit",
        params: ReportParams,
        querystring: DrillQuery,
        response: { 200: DrillDto, ...commonErrors },
      },
    },
    async (request) => {
      const ctx = await context(request);
      const { cellKey } = request.query;
      if (cellKey !== undefined && !ctx.layout.byKey.has(cellKey)) throw badRequest(`no cell ${cellKey}`);
      const children = await drillDown(
        db,
        ctx.form.id,
        ctx.period.id,
        ctx.unit.id,
        ctx.layout,
        cellKey === undefined ? null : [cellKey],
      );
      return {
        cellKeys:
          cellKey === undefined
            ? ctx.layout.cells.filter((c) => c.kind === 'entry').map((c) => c.key)
            : [cellKey],
        children,
      };
    },
  );
};
