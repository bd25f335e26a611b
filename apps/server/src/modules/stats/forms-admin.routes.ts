import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { offsetOf, Page, PageQuery, toPage } from '../../platform/http/pagination.ts';
import { commonErrors } from '../../platform/http/schemas.ts';
import { auditContextOf, requireActor } from '../../platform/identity/actor.ts';
import { FormParams, ObligationDto } from './forms.schemas.ts';
import { formVisible } from './forms.service.ts';
import { listFillWindows } from './forms-admin.repository.ts';
import {
  CheckRuleBody,
  CheckRuleDto,
  EndObligationBody,
  ObligationParams,
  RuleParams,
  UpdateRuleBody,
  VersionLayoutDto,
  VersionParams,
  WindowListDto,
} from './forms-admin.schemas.ts';
import { changeRule, checkRule, endObligation, versionLayout } from './forms-admin.service.ts';
import { RuleDto, toRuleDto } from './rules.service.ts';

const tags = ['stats'];

/** Form administration (报表制度管理) next to forms.routes.ts: reading layouts, ending, editing, checking. */
export const formsAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.platform;

  app.get(
    '/stats/forms/:formId/versions/:versionId',
    {
      config: { auth: 'stats.read' },
      schema: {
        tags,
        summary: 'A layout version as stored (rows, dimensions, computed cells), to show or copy',
        params: VersionParams,
        response: { 200: VersionLayoutDto, ...commonErrors },
      },
    },
    async (request) =>
      versionLayout(db, requireActor(request), request.params.formId, request.params.versionId),
  );

  app.post(
    '/stats/forms/:formId/obligations/:obligationId/end',
    {
      config: { auth: 'stats.manage' },
      schema: {
        tags,
        summary: 'End a reporting obligation: the unit no longer fills the form from that date',
        params: ObligationParams,
        body: EndObligationBody,
        response: { 200: ObligationDto, ...commonErrors },
      },
    },
    async (request) =>
      db
        .transaction()
        .execute((trx) =>
          endObligation(
            trx,
            auditContextOf(request),
            requireActor(request),
            request.params.formId,
            request.params.obligationId,
            request.body.validTo,
          ),
        ),
  );

  app.patch(
    '/stats/forms/:formId/rules/:ruleId',
    {
      config: { auth: 'stats.manage' },
      schema: {
        tags,
        summary: 'Change an audit formula (expression, importance, message) or switch it off',
        params: RuleParams,
        body: UpdateRuleBody,
        response: { 200: RuleDto, ...commonErrors },
      },
    },
    async (request) => {
      const row = await db
        .transaction()
        .execute((trx) =>
          changeRule(
            trx,
            auditContextOf(request),
            requireActor(request),
            request.params.formId,
            request.params.ruleId,
            request.body,
          ),
        );
      return toRuleDto(row);
    },
  );

  app.post(
    '/stats/forms/:formId/rules/check',
    {
      config: { auth: 'stats.manage' },
      schema: {
        tags,
        summary: 'Check an audit formula against the layout without saving it',
        params: FormParams,
        body: CheckRuleBody,
        response: { 200: CheckRuleDto, ...commonErrors },
      },
    },
    async (request) => checkRule(db, requireActor(request), request.params.formId, request.body),
  );

  app.get(
    '/stats/forms/:formId/windows',
    {
      config: { auth: 'stats.read' },
      schema: {
        tags,
        summary: 'Fill windows set for single periods, latest first',
        params: FormParams,
        querystring: PageQuery,
        response: { 200: Page(WindowListDto), ...commonErrors },
      },
    },
    async (request) => {
      await formVisible(db, requireActor(request), request.params.formId);
      const result = await listFillWindows(
        db,
        request.params.formId,
        request.query.pageSize,
        offsetOf(request.query),
      );
      return toPage(result, request.query, (w) => ({
        period: w.period,
        opensAt: w.opens_at.toISOString(),
        closesAt: w.closes_at?.toISOString() ?? null,
        deadline: w.deadline.toISOString(),
      }));
    },
  );
};
