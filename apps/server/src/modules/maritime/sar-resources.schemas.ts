import { type Static, Type } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { DateTimeString, Nullable } from '../../platform/http/schemas.ts';
import { RESOURCE_KINDS, RESOURCE_STATES, type ResourceKind, type ResourceState } from './sar.tables.ts';

export const LatLonDto = Type.Object(
  { lat: Type.Number({ minimum: -90, maximum: 90 }), lon: Type.Number({ minimum: -180, maximum: 180 }) },
  { additionalProperties: false },
);
export type LatLonDto = Static<typeof LatLonDto>;

export const ResourceKindSchema = Type.Unsafe<ResourceKind>(
  Type.String({
    enum: [...RESOURCE_KINDS],
    description: 'rescueVessel, helicopter, fixedWingAircraft, base',
  }),
);
export const ResourceStateSchema = Type.Unsafe<ResourceState>(
  Type.String({ enum: [...RESOURCE_STATES], description: 'available, tasked, maintenance, offDuty' }),
);

export const SarResourceDto = Type.Object({
  id: Type.Integer(),
  kind: ResourceKindSchema,
  name: Type.String(),
  callSign: Nullable(Type.String()),
  mmsi: Nullable(Type.Integer()),
  baseId: Nullable(Type.Integer({ description: 'the base (a resource of kind base) it belongs to' })),
  baseName: Nullable(Type.String()),
  home: Nullable(LatLonDto),
  position: Nullable(
    Type.Object({
      lat: Type.Number(),
      lon: Type.Number(),
      at: Nullable(DateTimeString),
      source: Type.Union([Type.Literal('reported'), Type.Literal('home'), Type.Literal('ais')], {
        description: 'reported by hand, its home (base), or its live AIS position when fresher',
      }),
    }),
  ),
  speedKn: Nullable(Type.Number({ description: 'transit speed, knots' })),
  state: ResourceStateSchema,
  incidentId: Nullable(Type.Integer({ description: 'the incident it is tasked to' })),
  notes: Nullable(Type.String()),
  orgUnitId: Type.Integer(),
  orgName: Type.String(),
  createdAt: DateTimeString,
  updatedAt: DateTimeString,
});
export type SarResourceDto = Static<typeof SarResourceDto>;

const editable = {
  kind: ResourceKindSchema,
  name: Type.String({ minLength: 1, maxLength: 128 }),
  callSign: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 16 }))),
  mmsi: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 999_999_999 }))),
  baseId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  home: Type.Optional(Nullable(LatLonDto)),
  position: Type.Optional(Nullable(LatLonDto)),
  speedKn: Type.Optional(Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 600 }))),
  notes: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  orgUnitId: Type.Integer({ minimum: 1 }),
};

export const CreateResourceBody = Type.Object(editable, { additionalProperties: false });
export type CreateResourceBody = Static<typeof CreateResourceBody>;

/** `position` reports where the unit is now (stamped with the time of the request). */
export const PatchResourceBody = Type.Partial(Type.Object(editable, { additionalProperties: false }));
export type PatchResourceBody = Static<typeof PatchResourceBody>;

/** `tasked` is reached only by tasking the resource to an incident, and left by releasing it. */
export const ResourceStateBody = Type.Object(
  {
    state: Type.Union([Type.Literal('available'), Type.Literal('maintenance'), Type.Literal('offDuty')]),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type ResourceStateBody = Static<typeof ResourceStateBody>;

export const ResourcesQuery = Type.Object({
  ...PageQuery.properties,
  kind: Type.Optional(ResourceKindSchema),
  state: Type.Optional(ResourceStateSchema),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'name or call sign' })),
});
export type ResourcesQuery = Static<typeof ResourcesQuery>;
