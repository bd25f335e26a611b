import { type TLiteral, type TUnion, Type } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { DateString, DateTimeString, Nullable } from '../../platform/http/schemas.ts';
import { LayoutDefSchema as LayoutDef } from './layout.schema.ts';

const lit = <const T extends string[]>(...values: T): TUnion<{ [K in keyof T]: TLiteral<T[K]> }> =>
  Type.Union(values.map((v) => Type.Literal(v))) as never;

export const OrgLevel = lit('ministry', 'province', 'city', 'county');
export const PeriodId = Type.String({
  pattern: '^\\d{4}(\\d{2}|Q\\d|S\\d)?(E\\d{2})?$',
  description: 'DHIS2 period id: 202611, 2026Q3, 2026S1, 2026; custom: 202611E25',
});
export const PeriodTypeCode = Type.String({
  pattern: '^(month|quarter|halfYear|year)(E\\d{2})?$',
  description: 'month | quarter | halfYear | year, or a custom type such as monthE25 (26th to 25th)',
});

const FormFields = {
  code: Type.String({ minLength: 1, maxLength: 40, description: '表号, e.g. 交行统1-1表' }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  issuingAuthority: Type.String({ maxLength: 100, description: '制定机关' }),
  approvingAuthority: Type.String({ maxLength: 100, description: '批准机关' }),
  approvalNo: Type.String({ maxLength: 100, description: '批准文号' }),
  validUntil: Nullable(DateString),
  periodType: PeriodTypeCode,
  fillingLevels: Type.Array(OrgLevel, { minItems: 1, uniqueItems: true }),
  chainLevels: Type.Array(OrgLevel, {
    minItems: 1,
    uniqueItems: true,
    description: 'levels that review and aggregate; leave a level out to skip it',
  }),
  requireChildrenApproved: Type.Boolean(),
  fillOpenDays: Type.Integer({ minimum: -366, maximum: 366 }),
  deadlineWorkingDays: Nullable(Type.Integer({ minimum: 0, maximum: 250 })),
};

export const CreateFormBody = Type.Object({
  ...FormFields,
  firstPeriod: PeriodId,
  layout: LayoutDef,
});

export const UpdateFormBody = Type.Partial(
  Type.Object({
    name: FormFields.name,
    issuingAuthority: FormFields.issuingAuthority,
    approvingAuthority: FormFields.approvingAuthority,
    approvalNo: FormFields.approvalNo,
    validUntil: FormFields.validUntil,
    requireChildrenApproved: FormFields.requireChildrenApproved,
    fillOpenDays: FormFields.fillOpenDays,
    deadlineWorkingDays: FormFields.deadlineWorkingDays,
    status: lit('active', 'retired'),
  }),
);

export const FormDto = Type.Object({
  id: Type.Integer(),
  ...FormFields,
  owningLevel: OrgLevel,
  ownerOrgUnitId: Type.Integer(),
  ownerName: Type.String(),
  status: lit('active', 'retired'),
});

export const FormListItem = Type.Object({
  ...FormDto.properties,
  versions: Type.Integer({ description: 'layout versions defined' }),
  latestVersionFrom: Nullable(DateString),
});

export const VersionDto = Type.Object({
  id: Type.Integer(),
  versionNo: Type.Integer(),
  effectiveFrom: DateString,
  createdAt: DateTimeString,
});

export const FormDetailDto = Type.Object({
  form: FormDto,
  versions: Type.Array(VersionDto),
  indicators: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      unit: Type.String(),
      valueType: Type.String(),
      decimals: Type.Integer(),
      aggregation: Type.String(),
    }),
  ),
});

export const FormListQuery = Type.Object({
  ...PageQuery.properties,
  q: Type.Optional(Type.String({ maxLength: 100, description: '表号 or name contains' })),
  periodType: Type.Optional(PeriodTypeCode),
  status: Type.Optional(lit('active', 'retired')),
});
export const FormParams = Type.Object({ formId: Type.Integer({ minimum: 1 }) });

export const AddVersionBody = Type.Object({
  fromPeriod: Type.String({ description: 'first period filled with the new version' }),
  layout: LayoutDef,
});

export const AddObligationBody = Type.Object({
  orgUnitId: Type.Integer({ minimum: 1 }),
  includeSubtree: Type.Boolean(),
  validFrom: DateString,
  validTo: Nullable(DateString),
});

export const ObligationDto = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  orgName: Type.String(),
  includeSubtree: Type.Boolean(),
  validFrom: DateString,
  validTo: Nullable(DateString),
});

export const WindowParams = Type.Object({ formId: Type.Integer({ minimum: 1 }), period: PeriodId });
export const FillWindowBody = Type.Object({
  opensAt: DateTimeString,
  closesAt: Nullable(DateTimeString),
  deadline: DateTimeString,
});
export const FillWindowDto = Type.Object({
  period: Type.String(),
  opensAt: DateTimeString,
  closesAt: Nullable(DateTimeString),
  deadline: Nullable(DateTimeString),
  configured: Type.Boolean({ description: 'set for this period rather than derived from the form' }),
});
