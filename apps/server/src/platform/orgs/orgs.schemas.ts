import { type Static, Type } from 'typebox';
import { PageQuery } from '../http/pagination.ts';
import { DateString, DateTimeString, Nullable } from '../http/schemas.ts';

export const OrgLevel = Type.Union([
  Type.Literal('ministry'),
  Type.Literal('province'),
  Type.Literal('city'),
  Type.Literal('county'),
]);
export const OrgKind = Type.Union([Type.Literal('authority'), Type.Literal('department')]);
export const OrgStatus = Type.Union([Type.Literal('active'), Type.Literal('closed'), Type.Literal('merged')]);

const orgProperties = {
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  level: OrgLevel,
  kind: OrgKind,
  regionCode: Nullable(Type.String({ description: 'GB/T 2260 code of the division it serves' })),
  parentId: Nullable(Type.Integer()),
  path: Type.String({ description: "materialised path of ids, '/1/17/230/'" }),
  status: OrgStatus,
  validFrom: DateString,
  validTo: Nullable(DateString),
  mergedIntoId: Nullable(Type.Integer()),
};

export const OrgDto = Type.Object(orgProperties);
export type OrgDto = Static<typeof OrgDto>;

export const OrgDetail = Type.Object({
  ...orgProperties,
  ancestors: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() }), {
    description: 'from the top of the tree down to the parent',
  }),
});

export const OrgChild = Type.Object({
  ...orgProperties,
  childCount: Type.Integer({ description: 'active children (on asOf, when given)' }),
});

export const OrgSearchHit = Type.Object({
  ...orgProperties,
  pathNames: Type.Array(Type.String(), { description: "names from the caller's unit down to this one" }),
});

export const OrgHistoryEntry = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  parentId: Nullable(Type.Integer()),
  parentName: Nullable(Type.String()),
  path: Type.String(),
  status: OrgStatus,
  validFrom: DateString,
  validTo: Nullable(DateString),
  change: Type.Union([
    Type.Literal('create'),
    Type.Literal('rename'),
    Type.Literal('move'),
    Type.Literal('merge'),
    Type.Literal('close'),
  ]),
  changedAt: DateTimeString,
});

export const ChildrenQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    asOf: Type.Optional(Type.String({ format: 'date', description: 'the tree as it stood on this day' })),
  }),
]);

export const OrgSearchQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    q: Type.Optional(Type.String({ maxLength: 64, description: 'part of the name, or the exact code' })),
    level: Type.Optional(OrgLevel),
    status: Type.Optional(OrgStatus),
  }),
]);

const EffectiveDate = Type.String({
  format: 'date',
  description: 'the day the change takes effect: not before the last change, not in the future',
});
const OrgName = Type.String({ minLength: 2, maxLength: 100, pattern: '\\S' });

export const CreateOrgBody = Type.Object(
  {
    parentId: Type.Integer({ minimum: 1 }),
    name: OrgName,
    code: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$', description: 'unique unit code' }),
    kind: OrgKind,
    effectiveDate: EffectiveDate,
  },
  { additionalProperties: false },
);
export type CreateOrgBody = Static<typeof CreateOrgBody>;

export const RenameOrgBody = Type.Object(
  { name: OrgName, effectiveDate: EffectiveDate },
  { additionalProperties: false },
);

export const MergeOrgBody = Type.Object(
  { targetId: Type.Integer({ minimum: 1 }), effectiveDate: EffectiveDate },
  { additionalProperties: false },
);

export const CloseOrgBody = Type.Object({ effectiveDate: EffectiveDate }, { additionalProperties: false });

export const DivisionDto = Type.Object({
  code: Type.String({ description: 'six-digit GB/T 2260 code' }),
  name: Type.String(),
  level: Type.Union([Type.Literal('province'), Type.Literal('city'), Type.Literal('county')]),
  parentCode: Nullable(Type.String()),
  grouping: Type.Boolean({
    description: '市辖区, 县 and the like: a heading, not a division with an authority',
  }),
});

export const DivisionQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    parentCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$', description: 'omit for the provinces' })),
  }),
]);
