import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { DateTimeString, Nullable } from '../../platform/http/schemas.ts';

const RoadClass = Type.Union(
  [
    Type.Literal('expressway'),
    Type.Literal('nationalRoad'),
    Type.Literal('provincialRoad'),
    Type.Literal('countyRoad'),
    Type.Literal('townshipRoad'),
    Type.Literal('urbanRoad'),
    Type.Literal('other'),
  ],
  {
    description:
      '高速公路 expressway, 国道 nationalRoad, 省道 provincialRoad, 县道 countyRoad, 乡道 townshipRoad, 城市道路 urbanRoad',
  },
);
const Shape = Type.Union([Type.Literal('polygon'), Type.Literal('corridor')]);
const Limit = Type.Integer({ minimum: 5, maximum: 200, description: 'km/h' });
const SpeedLimits = Type.Object(
  {
    charteredCoach: Type.Optional(Limit),
    scheduledCoach: Type.Optional(Limit),
    dangerousGoods: Type.Optional(Limit),
    heavyFreight: Type.Optional(Limit),
    other: Type.Optional(Limit),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description: 'limit per vehicle type; a type not listed keeps its own limit in the zone',
  },
);
const Coordinates = Type.Array(
  Type.Tuple([Type.Number({ minimum: -180, maximum: 180 }), Type.Number({ minimum: -90, maximum: 90 })]),
  {
    minItems: 2,
    maxItems: 2000,
    description: '[lon, lat] vertices: a polygon ring (≥ 3) or a corridor centre line',
  },
);
const Name = Type.String({ minLength: 1, maxLength: 60 });
const WidthM = Type.Integer({ minimum: 1, maximum: 10_000, description: 'corridor width in metres' });

export const ZoneDto = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  orgName: Type.String(),
  name: Type.String(),
  roadClass: RoadClass,
  shape: Shape,
  coordinates: Coordinates,
  widthM: Nullable(WidthM),
  speedLimits: SpeedLimits,
  enabled: Type.Boolean(),
  createdAt: DateTimeString,
  updatedAt: DateTimeString,
});

export const ZoneListQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    roadClass: Type.Optional(RoadClass),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: 'part of the name' })),
  }),
]);

export const CreateZoneBody = Type.Object(
  {
    orgUnitId: Type.Integer({ minimum: 1, description: 'the managing unit, in my jurisdiction' }),
    name: Name,
    roadClass: RoadClass,
    shape: Shape,
    coordinates: Coordinates,
    widthM: Type.Optional(WidthM),
    speedLimits: SpeedLimits,
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const UpdateZoneBody = Type.Object(
  {
    name: Type.Optional(Name),
    roadClass: Type.Optional(RoadClass),
    shape: Type.Optional(Shape),
    coordinates: Type.Optional(Coordinates),
    widthM: Type.Optional(Nullable(WidthM)),
    speedLimits: Type.Optional(SpeedLimits),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
