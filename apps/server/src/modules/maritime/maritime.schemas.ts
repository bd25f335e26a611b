import { type Static, Type } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { DateTimeString, Nullable } from '../../platform/http/schemas.ts';
import { VESSEL_CATEGORIES, type VesselCategory } from './ship-types.ts';

const Localized = Type.Object({ zh: Type.String(), en: Type.String() });

export const FlagDto = Type.Object({
  mid: Type.Integer({ description: 'maritime identification digits (ITU-R M.585)' }),
  code: Type.String({ description: 'ISO 3166-1 alpha-2' }),
  nameZh: Type.String(),
  nameEn: Type.String(),
});

export const PositionDto = Type.Object({
  lat: Type.Number(),
  lon: Type.Number(),
  speed: Nullable(Type.Number({ description: 'knots over ground' })),
  course: Nullable(Type.Number({ description: 'degrees over ground' })),
  heading: Nullable(Type.Integer({ description: 'degrees true' })),
  status: Nullable(Type.Integer({ description: 'navigational status 0-15 (class A)' })),
  messageType: Type.Integer(),
  at: DateTimeString,
});

export const StaticDto = Type.Object({
  name: Nullable(Type.String()),
  callSign: Nullable(Type.String()),
  imo: Nullable(Type.Integer()),
  shipType: Nullable(Type.Integer({ description: 'AIS ship and cargo type code' })),
  shipTypeName: Localized,
  dimensions: Type.Object({
    toBow: Nullable(Type.Integer()),
    toStern: Nullable(Type.Integer()),
    toPort: Nullable(Type.Integer()),
    toStarboard: Nullable(Type.Integer()),
  }),
  draught: Nullable(Type.Number({ description: 'metres' })),
  destination: Nullable(Type.String()),
  eta: Nullable(DateTimeString),
  sourceTime: DateTimeString,
});

const Category = Type.Unsafe<VesselCategory>(
  Type.String({ enum: [...VESSEL_CATEGORIES], description: 'by ship type, or the kind of station' }),
);

export const VesselDto = Type.Object({
  mmsi: Type.Integer(),
  kind: Type.String({ description: 'station kind by MMSI format: ship, sarAircraft, aton, sart …' }),
  category: Category,
  flag: Nullable(FlagDto),
  position: Nullable(PositionDto),
  static: Nullable(StaticDto),
  lastHeard: Nullable(Type.String({ format: 'date-time', description: 'null: not in the live picture' })),
});
export type VesselDto = Static<typeof VesselDto>;

const TypeFilter = Type.Optional(
  Type.String({
    pattern: `^(${VESSEL_CATEGORIES.join('|')})(,(${VESSEL_CATEGORIES.join('|')}))*$`,
    description: `comma-separated categories: ${VESSEL_CATEGORIES.join(', ')}`,
  }),
);

/** Speed over ground (knots) from which a vessel counts as under way for the `moving` filter. */
export const MOVING_KNOTS = 0.5;

const NUM = '-?\\d+(\\.\\d+)?';

export const VesselsQuery = Type.Object({
  ...PageQuery.properties,
  bbox: Type.Optional(
    Type.String({
      pattern: `^${NUM},${NUM},${NUM},${NUM}$`,
      description: 'west,south,east,north in degrees (west > east crosses the antimeridian)',
    }),
  ),
  type: TypeFilter,
  flag: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 flag state' })),
  moving: Type.Optional(
    Type.Boolean({
      description: `true: speed over ground at least ${MOVING_KNOTS} kn; false: slower or unknown`,
    }),
  ),
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'part of the MMSI, name, call sign or IMO number',
    }),
  ),
});

/** Most vessels the viewport endpoint returns at once; beyond it the answer says `truncated`. */
export const VIEWPORT_CAP = 20_000;

export const ViewportQuery = Type.Object({
  bbox: VesselsQuery.properties.bbox,
  type: TypeFilter,
  flag: VesselsQuery.properties.flag,
  moving: VesselsQuery.properties.moving,
  q: VesselsQuery.properties.q,
  limit: Type.Integer({
    minimum: 1,
    maximum: VIEWPORT_CAP,
    default: VIEWPORT_CAP,
    description: `at most this many vessels (lowest MMSIs first); capped at ${VIEWPORT_CAP}`,
  }),
});

const Column = <T extends Parameters<typeof Type.Array>[0]>(item: T, description: string) =>
  Type.Array(item, { description });

export const ViewportDto = Type.Object({
  total: Type.Integer({ description: 'vessels in the box matching the filters' }),
  truncated: Type.Boolean({ description: 'total exceeds limit: only the first `limit` by MMSI are listed' }),
  categories: Type.Array(Category, { description: 'legend of `category`: index → category' }),
  mmsi: Column(Type.Integer(), 'one entry per vessel, ascending; the other arrays are parallel to it'),
  lat: Column(Type.Number(), 'degrees, 5 decimals'),
  lon: Column(Type.Number(), 'degrees, 5 decimals'),
  cog: Column(Nullable(Type.Number()), 'course over ground, degrees; null: not available'),
  sog: Column(Nullable(Type.Number()), 'speed over ground, knots; null: not available'),
  heading: Column(Nullable(Type.Integer()), 'degrees true; null: not available'),
  category: Column(Type.Integer(), 'index into `categories`'),
});
export type ViewportDto = Static<typeof ViewportDto>;

export const NearQuery = Type.Object({
  ...PageQuery.properties,
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lon: Type.Number({ minimum: -180, maximum: 180 }),
  radiusNm: Type.Number({ exclusiveMinimum: 0, maximum: 3000, description: 'nautical miles' }),
  type: TypeFilter,
});

export const NearbyDto = Type.Object({
  vessel: VesselDto,
  distanceNm: Type.Number(),
  bearingDeg: Type.Number({ description: 'from the query point to the vessel, degrees true' }),
  etaMinutes: Nullable(
    Type.Number({ description: 'to reach the query point straight at its current speed; null when stopped' }),
  ),
});

export const MmsiParams = Type.Object({ mmsi: Type.Integer({ minimum: 0, maximum: 999_999_999 }) });

export const TrackQuery = Type.Object({
  from: DateTimeString,
  to: DateTimeString,
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 5000, default: 1000 }),
});

export const TrackPointDto = Type.Object({
  at: DateTimeString,
  lat: Type.Number(),
  lon: Type.Number(),
  speed: Nullable(Type.Number()),
  course: Nullable(Type.Number()),
  heading: Nullable(Type.Integer()),
  status: Nullable(Type.Integer()),
  messageType: Type.Integer(),
});

const FeedKind = Type.Union([
  Type.Literal('tcp-client'),
  Type.Literal('tcp-server'),
  Type.Literal('udp'),
  Type.Literal('file'),
]);
const ReplayPace = Type.Union([Type.Literal('realtime'), Type.Literal('fast')]);

export const FeedStatsDto = Type.Object({
  state: Type.String({
    description: 'connecting, connected, listening, replaying, finished, stopped, failed',
  }),
  sentences: Type.Integer(),
  messages: Type.Integer(),
  errors: Type.Integer(),
  lastSeen: Nullable(DateTimeString),
  connections: Type.Integer(),
  reconnects: Type.Integer(),
  lastError: Nullable(Type.String()),
  startedAt: DateTimeString,
});

export const FeedDto = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  kind: FeedKind,
  address: Type.String(),
  replay: Nullable(ReplayPace),
  enabled: Type.Boolean(),
  createdAt: DateTimeString,
  updatedAt: DateTimeString,
  /** null when the feed does not run in this process (disabled, or JTGOV_AIS_INGEST=false). */
  stats: Nullable(FeedStatsDto),
});

export const CreateFeedBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 64 }),
    kind: FeedKind,
    address: Type.String({
      minLength: 1,
      maxLength: 256,
      description:
        'host:port to connect to (tcp-client) or bind (tcp-server, udp); a file in the replay directory',
    }),
    replay: Type.Optional(ReplayPace),
    enabled: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
export type CreateFeedBody = Static<typeof CreateFeedBody>;
