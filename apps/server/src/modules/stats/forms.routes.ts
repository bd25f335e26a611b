import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { loadWorkingCalendar } from '../../platform/calendar/index.ts';
import { offsetOf, Page, PageQuery, pageOf, toPage } from '../../platform/http/pagination.ts';
import { commonErrors } from '../../platform/http/schemas.ts';
import { auditContextOf, requireActor } from '../../platform/identity/actor.ts';
import { findFillWindow, listObligations, listVisibleForms } from './forms.repository.ts';
import {
  AddObligationBody,
  AddVersionBody,
  CreateFormBody,
  FillWindowBody,
  FillWindowDto,
  FormDetailDto,
  FormDto,
  FormListItem,
  FormListQuery,
  FormParams,
  ObligationDto,
  UpdateFormBody,
  VersionDto,
  WindowParams,
} from './forms.schemas.ts';
import {
  addObligation,
  addVersion,
  changeForm,
  createForm,
  formDetail,
  formVisible,
  periodOfForm,
  setFillWindow,
  toFormDto,
  toObligationDto,
  toVersionDto,
  toWindowDto,
  windowOf,
} from './forms.service.ts';
import { listRules } from './rules.repository.ts';
import { createRule, RuleBody, RuleDto, toRuleDto } from './rules.service.ts';

const tags = ['stats'];

export const formsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.platform;

  app.get(
    '/stats/forms',
    {
      config: { auth: 'stats.read' },
      schema: {
        tags,
        summary: 'Forms (报表制度) my unit deals with',
        querystring: FormListQuery,
        response: { 200: Page(FormListItem), ...commonErrors },
      },
    },
    async (request) => {
      const { q, periodType, status } = request.query;
      const result = await listVisibleForms(
        db,
        requireActor(request).orgPath,
        request.query.pageSize,
        offsetOf(request.query),
        { q, periodType, status },
      );
      return toPage(result, request.query, (row) => ({
        ...toFormDto(row),
        versions: Number(row.version_count),
        latestVersionFrom: row.latest_from,
      }));
    },
  );

  app.post(
    '/stats/forms',
    {
      config: { auth: 'stats.manage' },
      schema: {
        tags,
        summary: 'Define a form owned by my unit, with its first layout version',
        body: CreateFormBody,
        response: { 201: FormDto, ...commonErrors },
      },
    },
    async (request, reply) => {
      const form = await db
        .transaction()
        .execute((trx) =>
          createForm(trx, auditContextOf(request), requireActor(request), request.body, clock.now()),
        );
      return reply.status(201).send(toFormDto(form));
    },
  );

  app.get(
    '/stats/forms/:formId',
    {
      config: { auth: 'stats.read' },
      schema: {
        tags,
        summary: 'A form with its versions and indicators',
        params: FormParams,
        response: { 200: FormDetailDto, ...commonErrors },
      },
    },
    async (request) => formDetail(db, requireActor(request), request.params.formId),
  );

  app.patch(
    '/stats/forms/:formId',
    {
      config: { auth: 'stats.manage' },
      schema: {
        tags,
        summary: "Change a form's header or rules",
        params: FormParams,
        body: UpdateFormBody,
        response: { 200: FormDto, ...commonErrors },
      },
    },
    async (request) => {
      const form = await db
        .transaction()
        .execute((trx) =>
          changeForm(
            trx,
            auditContextOf(request),
            requireActor(request),
            request.params.formId,
            request.body,
            clock.now(),
          ),
        );
      return toFormDto(form);
    },
  );

  app.post(
    '/stats/forms/:formId/versions',
    {
      config: { auth: 'stats.manage' },
      schema: {
        tags,
        summary: 'A new layout version from a period on',
        params: FormParams,
        body: AddVersionBody,
        response: { 201: VersionDto, ...commonErrors },
      },
    },
    async (request, reply) => {
      const version = await db
        .transaction()
        .execute((trx) =>
          addVersion(
            trx,
            auditContextOf(request),
            requireActor(request),
            request.params.formId,
            request.body,
          ),
        );
      return reply.status(201).send(toVersionDto(version));
    },
  );

  app.get(
    '/stats/forms/:formId/obligations',
    {
      config: { auth: 'stats.read' },
      schema: {
        tags,
        summary: 'Reporting obligations of a form in my jurisdiction',
        params: FormParams,
        querystring: PageQuery,
        response: { 200: Page(ObligationDto), ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await formVisible(db, actor, request.params.formId);
      const rows = await listObligations(db, request.params.formId, actor.orgPath);
      return pageOf(rows.map(toObligationDto), request.query);
    },
  );

  app.post(
    '/stats/forms/:formId/obligations',
    {
      config: { auth: 'stats.manage' },
      schema: {
        tags,
        summary: 'Oblige a unit (or a subtree) to fill the form from a date',
        params: FormParams,
        body: AddObligationBody,
        response: { 201: ObligationDto, ...commonErrors },
      },
    },
    async (request, reply) => {
      const dto = await db
        .transaction()
        .execute((trx) =>
          addObligation(
            trx,
            auditContextOf(request),
            requireActor(request),
            request.params.formId,
            request.body,
          ),
        );
      return reply.status(201).send(dto);
    },
  );

  app.get(
    '/stats/forms/:formId/rules',
    {
      config: { auth: 'stats.read' },
      schema: {
        tags,
        summary: 'Audit formulas (审核公式) of a form',
        params: FormParams,
        querystring: PageQuery,
        response: { 200: Page(RuleDto), ...commonErrors },
      },
    },
    async (request) => {
      await formVisible(db, requireActor(request), request.params.formId);
      return pageOf((await listRules(db, request.params.formId, false)).map(toRuleDto), request.query);
    },
  );

  app.post(
    '/stats/forms/:formId/rules',
    {
      config: { auth: 'stats.manage' },
      schema: {
        tags,
        summary: 'Add an audit formula: hard blocks submission, soft needs an explanation',
        params: FormParams,
        body: RuleBody,
        response: { 201: RuleDto, ...commonErrors },
      },
    },
    async (request, reply) => {
      const row = await db
        .transaction()
        .execute((trx) =>
          createRule(
            trx,
            auditContextOf(request),
            requireActor(request),
            request.params.formId,
            request.body,
          ),
        );
      return reply.status(201).send(toRuleDto(row));
    },
  );

  app.get(
    '/stats/forms/:formId/windows/:period',
    {
      config: { auth: 'stats.read' },
      schema: {
        tags,
        summary: 'The fill window and deadline of a period',
        params: WindowParams,
        response: { 200: FillWindowDto, ...commonErrors },
      },
    },
    async (request) => {
      const form = await formVisible(db, requireActor(request), request.params.formId);
      const period = periodOfForm(form, request.params.period);
      const [configured, calendar] = await Promise.all([
        findFillWindow(db, form.id, period.id),
        loadWorkingCalendar(db),
      ]);
      return toWindowDto(windowOf(form, period, calendar, configured));
    },
  );

  app.put(
    '/stats/forms/:formId/windows/:period',
    {
      config: { auth: 'stats.manage' },
      schema: {
        tags,
        summary: 'Set the fill window (填报开始/结束) and deadline of one period',
        params: WindowParams,
        body: FillWindowBody,
        response: { 200: FillWindowDto, ...commonErrors },
      },
    },
    async (request) => {
      const { formId, period } = request.params;
      const row = await db
        .transaction()
        .execute((trx) =>
          setFillWindow(trx, auditContextOf(request), requireActor(request), formId, period, request.body),
        );
      return toWindowDto({
        period: row.period,
        opensAt: row.opens_at,
        closesAt: row.closes_at,
        deadline: row.deadline,
        configured: true,
      });
    },
  );
};
