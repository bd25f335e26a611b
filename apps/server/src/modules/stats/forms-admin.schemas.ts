import { type TLiteral, type TUnion, Type } from 'typebox';
import { DateString, DateTimeString, Nullable } from '../../platform/http/schemas.ts';
import { VersionDto } from './forms.schemas.ts';
import { LayoutDefSchema } from './layout.schema.ts';

const lit = <const T extends string[]>(...values: T): TUnion<{ [K in keyof T]: TLiteral<T[K]> }> =>
  Type.Union(values.map((v) => Type.Literal(v))) as never;

export const VersionParams = Type.Object({
  formId: Type.Integer({ minimum: 1 }),
  versionId: Type.Integer({ minimum: 1 }),
});

export const VersionLayoutDto = Type.Object({
  version: VersionDto,
  layout: LayoutDefSchema,
  cells: Type.Integer({ description: 'cells of the grid, rows × columns' }),
  entryCells: Type.Integer(),
  computedCells: Type.Integer({ description: 'total, subtotal and sumOf cells, read-only when filling' }),
});

export const ObligationParams = Type.Object({
  formId: Type.Integer({ minimum: 1 }),
  obligationId: Type.Integer({ minimum: 1 }),
});

export const EndObligationBody = Type.Object({
  validTo: DateString,
});

export const RuleParams = Type.Object({
  formId: Type.Integer({ minimum: 1 }),
  ruleId: Type.Integer({ minimum: 1 }),
});

export const UpdateRuleBody = Type.Partial(
  Type.Object({
    name: Type.String({ minLength: 1, maxLength: 200 }),
    expression: Type.String({ minLength: 1, maxLength: 4000 }),
    importance: lit('hard', 'soft'),
    message: Nullable(Type.String({ maxLength: 1000 })),
    missingValues: lit('skipIfAnyMissing', 'skipIfAllMissing', 'neverSkip'),
    active: Type.Boolean(),
  }),
);

export const CheckRuleBody = Type.Object({
  expression: Type.String({ minLength: 1, maxLength: 4000 }),
  message: Type.Optional(Type.String({ maxLength: 1000 })),
  versionId: Type.Optional(
    Type.Integer({ minimum: 1, description: 'layout to check the cells against; default the latest' }),
  ),
});

export const CheckRuleDto = Type.Object({
  ok: Type.Boolean(),
  error: Nullable(
    Type.Object({
      message: Type.String({ description: 'zh-CN' }),
      start: Type.Integer({ description: 'offset in the text, 0-based' }),
      end: Type.Integer(),
      field: lit('expression', 'message'),
    }),
  ),
  template: Nullable(lit('row', 'column')),
  instances: Type.Integer({ description: 'rules it expands to over the layout (1 unless a template)' }),
  cellKeys: Type.Array(Type.String(), { description: 'cells of this form and period it reads' }),
  versionNo: Type.Integer(),
});

export const WindowListDto = Type.Object({
  period: Type.String(),
  opensAt: DateTimeString,
  closesAt: Nullable(DateTimeString),
  deadline: DateTimeString,
});
