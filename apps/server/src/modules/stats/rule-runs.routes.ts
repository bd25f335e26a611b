import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { notFound } from '../../platform/http/errors.ts';
import { offsetOf, Page, toPage } from '../../platform/http/pagination.ts';
import { commonErrors } from '../../platform/http/schemas.ts';
import { auditContextOf, requireActor } from '../../platform/identity/actor.ts';
import { formVisible } from './forms.service.ts';
import { findRuleRunInScope, listRuleFailures, listRuleRuns } from './rule-runs.repository.ts';
import {
  RuleFailureDto,
  RuleFailureQuery,
  RuleRunDto,
  RuleRunListParams,
  RuleRunListQuery,
  RuleRunParams,
  StartRuleRunBody,
  StartRuleRunParams,
} from './rule-runs.schemas.ts';
import { startRuleRun, toRuleRunDto } from './rule-runs.service.ts';

const tags = ['stats'];

export const ruleRunsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.platform;

  app.post(
    '/stats/forms/:formId/periods/:period/rule-runs',
    {
      config: { auth: 'stats.review' },
      schema: {
        tags,
        summary: "Run the form's audit formulas over every expected report of a subtree (a job)",
        params: StartRuleRunParams,
        body: StartRuleRunBody,
        response: { 202: RuleRunDto, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const run = await db
        .transaction()
        .execute((trx) =>
          startRuleRun(
            trx,
            auditContextOf(request),
            actor,
            request.params.formId,
            request.params.period,
            request.body.orgUnitId,
            clock.now(),
          ),
        );
      const row = await findRuleRunInScope(db, run.id, actor.orgPath);
      if (!row) throw notFound('rule run');
      return reply.status(202).send(toRuleRunDto(row));
    },
  );

  app.get(
    '/stats/forms/:formId/rule-runs',
    {
      config: { auth: 'stats.read' },
      schema: {
        tags,
        summary: 'Batch rule runs of the form over subtrees of my jurisdiction, newest first',
        params: RuleRunListParams,
        querystring: RuleRunListQuery,
        response: { 200: Page(RuleRunDto), ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const form = await formVisible(db, actor, request.params.formId);
      const { period, pageSize } = request.query;
      const result = await listRuleRuns(
        db,
        form.id,
        actor.orgPath,
        period,
        pageSize,
        offsetOf(request.query),
      );
      return toPage(result, request.query, toRuleRunDto);
    },
  );

  app.get(
    '/stats/rule-runs/:runId',
    {
      config: { auth: 'stats.read' },
      schema: {
        tags,
        summary: "A batch rule run's state and progress",
        params: RuleRunParams,
        response: { 200: RuleRunDto, ...commonErrors },
      },
    },
    async (request) => {
      const row = await findRuleRunInScope(db, request.params.runId, requireActor(request).orgPath);
      if (!row) throw notFound('rule run');
      return toRuleRunDto(row);
    },
  );

  app.get(
    '/stats/rule-runs/:runId/failures',
    {
      config: { auth: 'stats.read' },
      schema: {
        tags,
        summary: 'Failures a batch rule run found: unit, rule, importance, both sides, message',
        params: RuleRunParams,
        querystring: RuleFailureQuery,
        response: { 200: Page(RuleFailureDto), ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const run = await findRuleRunInScope(db, request.params.runId, actor.orgPath);
      if (!run) throw notFound('rule run');
      const { importance, orgUnitId, ruleCode, pageSize } = request.query;
      const result = await listRuleFailures(
        db,
        run.id,
        actor.orgPath,
        { importance, orgUnitId, ruleCode },
        pageSize,
        offsetOf(request.query),
      );
      return toPage(result, request.query, (f) => ({
        orgUnitId: f.org_unit_id,
        orgName: f.org_name,
        orgCode: f.org_code,
        ruleCode: f.rule_code,
        importance: f.importance,
        left: f.left_value,
        right: f.right_value,
        message: f.message,
        cells: f.cells,
      }));
    },
  );
};
