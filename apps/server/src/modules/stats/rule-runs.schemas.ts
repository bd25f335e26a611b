import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { DateTimeString, Nullable } from '../../platform/http/schemas.ts';

const Importance = Type.Union([Type.Literal('hard'), Type.Literal('soft')]);

export const StartRuleRunParams = Type.Object({
  formId: Type.Integer({ minimum: 1 }),
  period: Type.String({ minLength: 4, maxLength: 12 }),
});

export const StartRuleRunBody = Type.Object({
  orgUnitId: Type.Optional(
    Type.Integer({ minimum: 1, description: 'the subtree to check; my own unit when left out' }),
  ),
});

export const RuleRunParams = Type.Object({ runId: Type.Integer({ minimum: 1 }) });

export const RuleRunListParams = Type.Object({ formId: Type.Integer({ minimum: 1 }) });

export const RuleRunListQuery = Type.Intersect([
  PageQuery,
  Type.Object({ period: Type.Optional(Type.String({ minLength: 4, maxLength: 12 })) }),
]);

export const RuleRunDto = Type.Object({
  id: Type.Integer(),
  formId: Type.Integer(),
  period: Type.String(),
  scopeOrgUnitId: Type.Integer(),
  scopeName: Type.String(),
  state: Type.Union([
    Type.Literal('queued'),
    Type.Literal('running'),
    Type.Literal('done'),
    Type.Literal('failed'),
  ]),
  unitsTotal: Type.Integer({ description: 'expected reports in scope; known once the run starts' }),
  unitsDone: Type.Integer(),
  hardFailures: Type.Integer(),
  softFailures: Type.Integer(),
  error: Nullable(Type.String()),
  requestedAt: DateTimeString,
  finishedAt: Nullable(DateTimeString),
});

export const RuleFailureQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    importance: Type.Optional(Importance),
    orgUnitId: Type.Optional(Type.Integer({ minimum: 1 })),
    ruleCode: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  }),
]);

export const RuleFailureDto = Type.Object({
  orgUnitId: Type.Integer(),
  orgName: Type.String(),
  orgCode: Type.String(),
  ruleCode: Type.String(),
  importance: Importance,
  left: Nullable(Type.Number()),
  right: Nullable(Type.Number()),
  message: Type.String(),
  cells: Type.Array(Type.String()),
});
