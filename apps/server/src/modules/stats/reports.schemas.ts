import { type TLiteral, type TUnion, Type } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { DateString, DateTimeString, Nullable } from '../../platform/http/schemas.ts';
import { LayoutDefSchema } from './layout.schema.ts';

const lit = <const T extends string[]>(...values: T): TUnion<{ [K in keyof T]: TLiteral<T[K]> }> =>
  Type.Union(values.map((v) => Type.Literal(v))) as never;

export const ReportState = lit('draft', 'submitted', 'returned', 'approved');
export const ReportKind = lit('filled', 'aggregate');

export const ReportParams = Type.Object({
  formId: Type.Integer({ minimum: 1 }),
  orgUnitId: Type.Integer({ minimum: 1 }),
  period: Type.String({ pattern: '^\\d{4}(\\d{2}|Q\\d|S\\d)?(E\\d{2})?$' }),
});
export const CellParams = Type.Object({
  ...ReportParams.properties,
  cellKey: Type.String({ minLength: 1, maxLength: 200 }),
});

const CellMap = Type.Record(Type.String(), Nullable(Type.String()), {
  description: 'cell key → value; numbers as exact decimal text',
});

export const CommentDto = Type.Object({
  id: Type.Integer(),
  cellKey: Type.String(),
  kind: lit('comment', 'annotation'),
  body: Type.String(),
  author: Nullable(Type.String()),
  at: DateTimeString,
});

export const RuleFailureDto = Type.Object({
  ruleId: Type.String(),
  importance: lit('hard', 'soft'),
  message: Type.String(),
  cells: Type.Array(Type.String()),
});

export const ReportView = Type.Object({
  reportId: Nullable(Type.Integer()),
  form: Type.Object({
    id: Type.Integer(),
    code: Type.String(),
    name: Type.String(),
    issuingAuthority: Type.String(),
    approvingAuthority: Type.String(),
    approvalNo: Type.String(),
    validUntil: Nullable(DateString),
  }),
  orgUnit: Type.Object({ id: Type.Integer(), name: Type.String(), code: Type.String() }),
  period: Type.Object({ id: Type.String(), name: Type.String(), start: DateString, end: DateString }),
  version: Type.Object({ id: Type.Integer(), versionNo: Type.Integer() }),
  layout: LayoutDefSchema,
  kind: ReportKind,
  state: ReportState,
  locked: Type.Boolean(),
  lockReason: Nullable(Type.String()),
  window: Type.Object({
    opensAt: DateTimeString,
    closesAt: Nullable(DateTimeString),
    deadline: Nullable(DateTimeString),
    overdue: Type.Boolean(),
  }),
  reviewerOrgUnitId: Nullable(Type.Integer()),
  values: CellMap,
  computed: CellMap,
  comments: Type.Array(CommentDto),
  returnReason: Nullable(Type.String()),
  ruleFailures: Type.Array(RuleFailureDto),
  explanations: Type.Record(Type.String(), Type.String()),
  children: Nullable(Type.Object({ total: Type.Integer(), approved: Type.Integer() })),
  drift: Type.Array(
    Type.Object({
      cellKey: Type.String(),
      approved: Nullable(Type.String()),
      current: Nullable(Type.String()),
    }),
    { description: 'cells changed since the last approval froze them' },
  ),
  actions: Type.Array(Type.String()),
});

export const SaveCellsBody = Type.Object({
  cells: Type.Array(
    Type.Object({
      key: Type.String({ minLength: 1, maxLength: 200 }),
      value: Type.Union([Type.String({ maxLength: 10_000 }), Type.Number(), Type.Boolean(), Type.Null()]),
    }),
    { minItems: 1, maxItems: 20_000 },
  ),
});

export const CommentBody = Type.Object({
  cellKey: Type.String({ minLength: 1, maxLength: 200 }),
  body: Type.String({ minLength: 1, maxLength: 2000 }),
});

export const HistoryDto = Type.Object({
  value: Nullable(Type.String()),
  deleted: Type.Boolean(),
  source: lit('entry', 'import', 'excel'),
  changedBy: Nullable(Type.String()),
  changedAt: DateTimeString,
});

export const SubmitBody = Type.Object({
  explanations: Type.Optional(
    Type.Record(Type.String(), Type.String({ maxLength: 2000 }), {
      description: 'rule id → written explanation of a soft failure (强制上报说明)',
    }),
  ),
});
export const ReturnBody = Type.Object({
  reason: Type.String({ minLength: 1, maxLength: 2000 }),
  annotations: Type.Optional(Type.Array(CommentBody, { maxItems: 500 })),
});
export const UnlockRequestBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) });
export const UnlockDecisionBody = Type.Object({
  grant: Type.Boolean(),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});

export const TimelineEntry = Type.Object({
  at: DateTimeString,
  kind: lit('transition', 'reminder', 'unlockRequest'),
  action: Type.String(),
  actor: Nullable(Type.String()),
  fromState: Nullable(Type.String()),
  toState: Nullable(Type.String()),
  note: Type.Unknown(),
});

export const InboxItem = Type.Object({
  formId: Type.Integer(),
  formCode: Type.String(),
  formName: Type.String(),
  orgUnitId: Type.Integer(),
  orgName: Type.String(),
  period: Type.String(),
  periodName: Type.String(),
  kind: ReportKind,
  state: ReportState,
  status: lit('due', 'inProgress', 'returned', 'overdue', 'toReview'),
  deadline: Nullable(DateTimeString),
});
export const InboxQuery = PageQuery;

export const DrillQuery = Type.Object({
  cellKey: Type.Optional(Type.String({ maxLength: 200 })),
});
export const DrillDto = Type.Object({
  cellKeys: Type.Array(Type.String()),
  children: Type.Array(
    Type.Object({
      orgUnitId: Type.Integer(),
      name: Type.String(),
      code: Type.String(),
      values: Type.Record(Type.String(), Nullable(Type.String())),
    }),
  ),
});
