import { type Static, Type } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { DateTimeString, Nullable } from '../../platform/http/schemas.ts';
import { NearbyDto, VesselDto } from './maritime.schemas.ts';
import {
  ALERT_SOURCES,
  type AlertSource,
  DISTRESS_NATURES,
  type DistressNature,
  INCIDENT_STATES,
  type IncidentState,
  OUTCOMES,
  type Outcome,
  TIMELINE_KINDS,
  type TimelineKind,
} from './sar.tables.ts';
import { LatLonDto, ResourceStateSchema, SarResourceDto } from './sar-resources.schemas.ts';
import { MmsiKindSchema, RegistryEntryDto, VesselContacts } from './vessel-registry.schemas.ts';

const Source = Type.Unsafe<AlertSource>(Type.String({ enum: [...ALERT_SOURCES] }));
const Nature = Type.Unsafe<DistressNature>(
  Type.String({
    enum: [...DISTRESS_NATURES],
    description: 'DSC nature of distress (ITU-R M.493), medical, other',
  }),
);
const State = Type.Unsafe<IncidentState>(Type.String({ enum: [...INCIDENT_STATES] }));
const OutcomeSchema = Type.Unsafe<Outcome>(Type.String({ enum: [...OUTCOMES] }));

export const IncidentDto = Type.Object({
  id: Type.Integer(),
  code: Type.String({ description: 'SAR-<year>-<id>' }),
  state: State,
  outcome: Nullable(OutcomeSchema),
  source: Source,
  position: Type.Object({ lat: Type.Number(), lon: Type.Number() }),
  alertAt: DateTimeString,
  mmsi: Nullable(Type.Integer()),
  vesselName: Nullable(Type.String({ description: 'from the registry, else the AIS static data' })),
  personsOnBoard: Nullable(Type.Integer()),
  nature: Nature,
  description: Nullable(Type.String()),
  radiusNm: Type.Number({ description: 'radius of the ships-nearby picture' }),
  orgUnitId: Type.Integer(),
  orgName: Type.String(),
  openedAt: DateTimeString,
  openedBy: Type.String(),
  closedAt: Nullable(DateTimeString),
  closedBy: Nullable(Type.String()),
  updatedAt: DateTimeString,
});
export type IncidentDto = Static<typeof IncidentDto>;

export const TaskingDto = Type.Object({
  resourceId: Type.Integer(),
  resourceName: Type.String(),
  resourceKind: Type.String(),
  callSign: Nullable(Type.String()),
  taskedAt: DateTimeString,
  taskedBy: Type.String(),
  releasedAt: Nullable(DateTimeString),
  releasedBy: Nullable(Type.String()),
});

export const IncidentDetailDto = Type.Object({
  ...IncidentDto.properties,
  distressedVessel: Nullable(
    Type.Object({
      mmsi: Type.Integer(),
      mmsiKind: MmsiKindSchema,
      live: Nullable(VesselDto),
      registry: Nullable(RegistryEntryDto),
    }),
  ),
  taskings: Type.Array(TaskingDto, { description: 'every tasking, current ones (releasedAt null) first' }),
  actions: Type.Array(Type.String(), { description: 'workflow actions the caller may take now' }),
  latestPlanId: Nullable(Type.Integer()),
});
export type IncidentDetailDto = Static<typeof IncidentDetailDto>;

export const OpenIncidentBody = Type.Object(
  {
    source: Source,
    position: LatLonDto,
    alertAt: DateTimeString,
    mmsi: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 999_999_999 }))),
    personsOnBoard: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10_000 }))),
    nature: Nature,
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    radiusNm: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 500, default: 20 })),
    orgUnitId: Type.Optional(Type.Integer({ minimum: 1, description: "default: the caller's org unit" })),
  },
  { additionalProperties: false },
);
export type OpenIncidentBody = Static<typeof OpenIncidentBody>;

export const PatchIncidentBody = Type.Partial(
  Type.Object(
    {
      mmsi: Nullable(Type.Integer({ minimum: 0, maximum: 999_999_999 })),
      personsOnBoard: Nullable(Type.Integer({ minimum: 0, maximum: 10_000 })),
      nature: Nature,
      description: Nullable(Type.String({ maxLength: 2000 })),
      radiusNm: Type.Number({ exclusiveMinimum: 0, maximum: 500 }),
    },
    { additionalProperties: false },
  ),
);
export type PatchIncidentBody = Static<typeof PatchIncidentBody>;

export const IncidentsQuery = Type.Object({
  ...PageQuery.properties,
  state: Type.Optional(State),
  source: Type.Optional(Source),
  outcome: Type.Optional(OutcomeSchema),
  mmsi: Type.Optional(Type.Integer({ minimum: 0, maximum: 999_999_999 })),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'alertAt ≥ from' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'alertAt < to' })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'code or description' })),
});
export type IncidentsQuery = Static<typeof IncidentsQuery>;

export const NoteBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export const LogBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export const TaskBody = Type.Object(
  { resourceId: Type.Integer({ minimum: 1 }), note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export const CloseBody = Type.Object(
  {
    outcome: Type.Union(
      [Type.Literal('rescued'), Type.Literal('found'), Type.Literal('lost'), Type.Literal('transferred')],
      { description: 'a false alarm is closed by cancel' },
    ),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const TimelineEntryDto = Type.Object({
  id: Type.Integer(),
  kind: Type.Unsafe<TimelineKind>(Type.String({ enum: [...TIMELINE_KINDS] })),
  text: Nullable(Type.String()),
  resourceId: Nullable(Type.Integer()),
  resourceName: Nullable(Type.String()),
  planId: Nullable(Type.Integer()),
  fromState: Nullable(Type.String()),
  toState: Nullable(Type.String()),
  actorUsername: Nullable(Type.String()),
  at: DateTimeString,
});

export const NearbyQuery = Type.Object({
  ...PageQuery.properties,
  radiusNm: Type.Optional(
    Type.Number({ exclusiveMinimum: 0, maximum: 500, description: "default: the incident's radius" }),
  ),
});

export const NearbyShipDto = Type.Object({
  ...NearbyDto.properties,
  registry: Nullable(Type.Object({ id: Type.Integer(), name: Type.String(), hasContacts: Type.Boolean() })),
});

export const NearestResourcesQuery = Type.Object({
  ...PageQuery.properties,
  state: Type.Optional(ResourceStateSchema),
});

export const NearestResourceDto = Type.Object({
  resource: SarResourceDto,
  distanceNm: Type.Number(),
  bearingDeg: Type.Number({ description: 'from the incident to the resource' }),
  etaMinutes: Nullable(Type.Number({ description: 'at its transit speed; null without one' })),
});

export const IncidentVesselParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  mmsi: Type.Integer({ minimum: 0, maximum: 999_999_999 }),
});

export const IncidentContactsDto = Type.Object({
  mmsi: Type.Integer(),
  registryId: Type.Integer(),
  name: Type.String(),
  contacts: VesselContacts,
});
