import { type TLiteral, type TUnion, Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.ts';

const lit = <const T extends string[]>(...values: T): TUnion<{ [K in keyof T]: TLiteral<T[K]> }> =>
  Type.Union(values.map((v) => Type.Literal(v))) as never;

const Code = Type.String({ maxLength: 200 });

export const DataValue = Type.Object({
  dataElement: Type.String({ minLength: 1, maxLength: 64, description: 'indicator code' }),
  period: Type.Optional(Code),
  orgUnit: Type.Optional(Type.String({ maxLength: 40, description: 'org unit code (GB/T 2260 or MOT)' })),
  categoryOptionCombo: Type.Optional(
    Type.String({ maxLength: 200, description: "option combo; '' or default without disaggregation" }),
  ),
  attributeOptionCombo: Type.Optional(Code),
  value: Type.Optional(
    Nullable(Type.Union([Type.String({ maxLength: 10_000 }), Type.Number(), Type.Boolean()])),
  ),
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
  storedBy: Type.Optional(Code),
  lastUpdated: Type.Optional(Code),
  followup: Type.Optional(Type.Boolean()),
});

export const DataValueSet = Type.Object({
  dataSet: Type.Optional(Type.String({ maxLength: 40, description: 'form code (表号)' })),
  period: Type.Optional(Code),
  orgUnit: Type.Optional(Code),
  completeDate: Type.Optional(Code),
  attributeOptionCombo: Type.Optional(Code),
  dataValues: Type.Array(DataValue, { maxItems: 2_000_000 }),
});

export const ImportQuery = Type.Object({
  dryRun: Type.Boolean({ default: false }),
  importStrategy: lit('CREATE_AND_UPDATE', 'CREATE', 'UPDATE', 'DELETE'),
  dataSet: Type.Optional(
    Type.String({ maxLength: 40, description: 'form code, for CSV or a set without one' }),
  ),
});

export const ImportSummaryDto = Type.Object({
  status: lit('SUCCESS', 'WARNING', 'ERROR'),
  description: Type.String(),
  dryRun: Type.Boolean(),
  importStrategy: Type.String(),
  importCount: Type.Object({
    imported: Type.Integer(),
    updated: Type.Integer(),
    ignored: Type.Integer(),
    deleted: Type.Integer(),
  }),
  conflicts: Type.Array(
    Type.Object({
      object: Type.String(),
      value: Type.String(),
      errorCode: Type.String(),
      indexes: Type.Array(Type.Integer()),
    }),
  ),
});

const exportScope = {
  dataSet: Type.String({ minLength: 1, maxLength: 40 }),
  period: Type.String({
    minLength: 4,
    maxLength: 400,
    description: 'one period id or several, comma-separated',
  }),
  orgUnit: Type.String({ minLength: 1, maxLength: 40 }),
  children: Type.Boolean({ default: false }),
  format: lit('json', 'csv'),
};

export const ExportQuery = Type.Object({
  ...exportScope,
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100_000, default: 50_000 }),
});

export const DownloadQuery = Type.Object(exportScope);

const ExportedValues = Type.Array(
  Type.Object({
    dataElement: Type.String(),
    period: Type.String(),
    orgUnit: Type.String(),
    categoryOptionCombo: Type.String(),
    attributeOptionCombo: Type.String(),
    value: Type.String(),
    storedBy: Type.String(),
    lastUpdated: Type.String(),
    comment: Type.String(),
  }),
);

export const ExportDto = Type.Object({
  dataSet: Type.String(),
  pager: Type.Object({
    page: Type.Integer(),
    pageSize: Type.Integer(),
    total: Type.Integer(),
    pageCount: Type.Integer(),
  }),
  dataValues: ExportedValues,
});

/** A whole export as a file (streamed, so not serialized through this schema). */
export const DownloadContent = {
  description: 'the whole export as an attachment',
  content: {
    'application/json': { schema: Type.Object({ dataSet: Type.String(), dataValues: ExportedValues }) },
    'text/csv': { schema: Type.String({ description: 'DHIS2 data value CSV with a header line' }) },
  },
};
