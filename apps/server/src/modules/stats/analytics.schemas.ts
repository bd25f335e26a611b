import { Type } from 'typebox';
import { Page, PageQuery } from '../../platform/http/pagination.ts';
import { Nullable } from '../../platform/http/schemas.ts';
import { LayoutDefSchema } from './layout.schema.ts';

const Figure = Type.Union([Type.Literal('working'), Type.Literal('published')], {
  description: 'working: rolled up from the values now; published: what the last approval froze',
});

export const PivotParams = Type.Object({ formId: Type.Integer({ minimum: 1 }) });

export const PivotQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    cellKeys: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 2000,
        pattern: '^[^,]+(,[^,]+){0,19}$',
        description: 'cell keys, comma separated (up to 20); the layout’s first cell when left out',
      }),
    ),
    periods: Type.String({
      minLength: 4,
      maxLength: 400,
      pattern: '^[^,]+(,[^,]+){0,35}$',
      description: 'period ids of the form, comma separated (up to 36)',
    }),
    orgUnitId: Type.Optional(Type.Integer({ minimum: 1, description: 'the scope; my unit when left out' })),
    level: Type.Optional(
      Type.Union([Type.Literal('province'), Type.Literal('city'), Type.Literal('county')], {
        description: 'rows are the scope’s units at this level instead of its children',
      }),
    ),
    figure: Type.Optional(Figure),
  }),
]);

const PivotCell = Type.Object({
  cellKey: Type.String(),
  period: Type.String(),
  value: Nullable(Type.String()),
  previous: Nullable(Type.String({ description: 'the figure of the period before' })),
  lastYear: Nullable(Type.String({ description: 'the figure of the same period a year before' })),
  mom: Nullable(Type.Number({ description: '环比: change over the previous period, as a fraction' })),
  yoy: Nullable(Type.Number({ description: '同比: change over the same period a year before' })),
});

const PivotRow = Type.Object({
  orgUnitId: Type.Integer(),
  name: Type.String(),
  code: Type.String(),
  level: Type.String(),
  cells: Type.Array(PivotCell),
});

export const PivotDto = Type.Object({
  figure: Figure,
  periods: Type.Array(Type.String()),
  cellKeys: Type.Array(Type.String()),
  version: Type.Object(
    { id: Type.Integer(), versionNo: Type.Integer() },
    { description: 'the version of the latest period, whose layout is returned' },
  ),
  periodVersions: Type.Array(
    Type.Object({ period: Type.String(), versionId: Type.Integer(), versionNo: Type.Integer() }),
    { description: 'the version each period was read with (the one in force for it)' },
  ),
  layout: LayoutDefSchema,
  total: PivotRow,
  rows: Page(PivotRow),
});
