import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type TLiteral, type TUnion, Type } from 'typebox';
import { offsetOf, Page, PageQuery, pageOf, toPage } from '../../platform/http/pagination.ts';
import { commonErrors, DateTimeString, Nullable } from '../../platform/http/schemas.ts';
import { auditContextOf, requireActor } from '../../platform/identity/actor.ts';
import { formVisible } from './forms.service.ts';
import { listReminderLog } from './urging.repository.ts';
import { completenessGrid, ratesByLevel, sendReminders } from './urging.service.ts';

const lit = <const T extends string[]>(...values: T): TUnion<{ [K in keyof T]: TLiteral<T[K]> }> =>
  Type.Union(values.map((v) => Type.Literal(v))) as never;

const tags = ['stats'];
const PeriodParams = Type.Object({
  formId: Type.Integer({ minimum: 1 }),
  period: Type.String({ pattern: '^\\d{4}(\\d{2}|Q\\d|S\\d)?(E\\d{2})?$' }),
});
const ScopeQuery = Type.Object({
  orgUnitId: Type.Optional(Type.Integer({ minimum: 1, description: 'a unit of mine; default my own' })),
});
const GridRow = Type.Object({
  orgUnitId: Type.Integer(),
  name: Type.String(),
  code: Type.String(),
  level: Type.String(),
  kind: lit('filled', 'aggregate'),
  reviewerOrgUnitId: Nullable(Type.Integer()),
  state: lit('notStarted', 'draft', 'submitted', 'returned', 'approved'),
  submittedAt: Nullable(DateTimeString),
  approvedAt: Nullable(DateTimeString),
  timeliness: lit('onTime', 'late', 'overdue', 'pending'),
  reminders: Type.Integer(),
  lastReminderAt: Nullable(DateTimeString),
});
const Rate = Type.Object({
  level: Type.String(),
  expected: Type.Integer(),
  submitted: Type.Integer(),
  onTime: Type.Integer(),
  approved: Type.Integer(),
  completeness: Type.Number(),
  onTimeRate: Type.Number(),
});
const RemindBody = Type.Object({
  orgUnitIds: Type.Optional(
    Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 5000, uniqueItems: true }),
  ),
  escalate: Type.Boolean({ description: 'tell the unit that reviews the late ones instead' }),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
const ReminderDto = Type.Object({
  id: Type.Integer(),
  period: Type.String(),
  orgUnitId: Type.Integer(),
  orgName: Type.String(),
  escalatedToOrgUnitId: Nullable(Type.Integer()),
  recipients: Type.Integer(),
  note: Nullable(Type.String()),
  sentBy: Nullable(Type.String()),
  sentAt: DateTimeString,
});

export const urgingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.platform;

  app.get(
    '/stats/forms/:formId/periods/:period/completeness',
    {
      config: { auth: 'stats.read' },
      schema: {
        tags,
        summary: 'Units × state and timeliness of one form and period under a unit of mine (催报 grid)',
        params: PeriodParams,
        querystring: Type.Object({ ...ScopeQuery.properties, ...PageQuery.properties }),
        response: { 200: Page(GridRow), ...commonErrors },
      },
    },
    async (request) => {
      const { formId, period } = request.params;
      const { rows } = await completenessGrid(
        db,
        requireActor(request),
        formId,
        period,
        request.query.orgUnitId,
        clock.now(),
      );
      return pageOf(rows, request.query);
    },
  );

  app.get(
    '/stats/forms/:formId/periods/:period/rates',
    {
      config: { auth: 'stats.read' },
      schema: {
        tags,
        summary: 'Completeness and on-time rates per level under a unit of mine',
        params: PeriodParams,
        querystring: ScopeQuery,
        response: { 200: Type.Object({ levels: Type.Array(Rate) }), ...commonErrors },
      },
    },
    async (request) => {
      const { formId, period } = request.params;
      const { rows } = await completenessGrid(
        db,
        requireActor(request),
        formId,
        period,
        request.query.orgUnitId,
        clock.now(),
      );
      return { levels: ratesByLevel(rows) };
    },
  );

  app.post(
    '/stats/forms/:formId/periods/:period/reminders',
    {
      config: { auth: 'stats.review' },
      schema: {
        tags,
        summary: 'Remind late units (all, or those named), or escalate to the unit above them',
        params: PeriodParams,
        body: RemindBody,
        response: {
          200: Type.Object({ reminded: Type.Integer(), recipients: Type.Integer() }),
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { formId, period } = request.params;
      const now = clock.now();
      return db
        .transaction()
        .execute((trx) =>
          sendReminders(
            trx,
            auditContextOf(request),
            requireActor(request),
            formId,
            period,
            request.body,
            now,
          ),
        );
    },
  );

  app.get(
    '/stats/forms/:formId/reminders',
    {
      config: { auth: 'stats.read' },
      schema: {
        tags,
        summary: 'The 催报 log of a form in my jurisdiction, newest first',
        params: Type.Object({ formId: Type.Integer({ minimum: 1 }) }),
        querystring: Type.Object({
          period: Type.Optional(Type.String({ maxLength: 12 })),
          ...PageQuery.properties,
        }),
        response: { 200: Page(ReminderDto), ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await formVisible(db, actor, request.params.formId);
      const { period, pageSize } = request.query;
      const result = await listReminderLog(
        db,
        request.params.formId,
        period,
        actor.orgPath,
        pageSize,
        offsetOf(request.query),
      );
      return toPage(result, request.query, (r) => ({
        id: r.id,
        period: r.period,
        orgUnitId: r.org_unit_id,
        orgName: r.org_name,
        escalatedToOrgUnitId: r.escalated_to_org_unit_id,
        recipients: r.recipients,
        note: r.note,
        sentBy: r.sent_by_name,
        sentAt: r.sent_at.toISOString(),
      }));
    },
  );
};
