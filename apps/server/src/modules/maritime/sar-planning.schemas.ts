import { type Static, Type } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { DateTimeString, Nullable } from '../../platform/http/schemas.ts';
import { SEARCH_OBJECT_TYPES, type SearchObjectType } from './leeway.ts';
import { LatLonDto } from './sar-resources.schemas.ts';

const Degrees = (description: string) => Type.Number({ minimum: 0, maximum: 360, description });
const Knots = Type.Number({ minimum: 0, maximum: 100, description: 'knots' });

/** A current as oceanographers give it: the direction it sets towards. */
const CurrentVector = Type.Object(
  { speedKn: Knots, towardsDeg: Degrees('degrees true the water moves towards') },
  { additionalProperties: false },
);

export const PATTERN_TYPES = ['expandingSquare', 'sector', 'parallelSweep', 'creepingLine'] as const;
export type PatternType = (typeof PATTERN_TYPES)[number];

export const PatternInput = Type.Object(
  {
    type: Type.Unsafe<PatternType>(Type.String({ enum: [...PATTERN_TYPES] })),
    csp: Type.Optional(LatLonDto),
    orientationDeg: Degrees(
      'SS and VS: course of the first leg; PS: course of the first (long) leg; CS: direction the legs advance along (major axis)',
    ),
    trackSpacingNm: Type.Optional(
      Type.Number({ exclusiveMinimum: 0, maximum: 50, description: 'S (SS, PS, CS)' }),
    ),
    legs: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 200, description: 'number of legs (SS, PS, CS)' }),
    ),
    legLengthNm: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 500, description: 'PS, CS' })),
    radiusNm: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 50, description: 'VS' })),
    turn: Type.Optional(
      Type.Union([Type.Literal('starboard'), Type.Literal('port')], { default: 'starboard' }),
    ),
  },
  { additionalProperties: false },
);
export type PatternInput = Static<typeof PatternInput>;

export const PlanInput = Type.Object(
  {
    lkp: LatLonDto,
    lkpAt: DateTimeString,
    datumAt: Type.String({ format: 'date-time', description: 'commence search time: when the datum holds' }),
    searchObject: Type.Unsafe<SearchObjectType>(Type.String({ enum: [...SEARCH_OBJECT_TYPES] })),
    wind: Type.Object(
      { speedKn: Knots, fromDeg: Degrees('degrees true the wind blows from') },
      { additionalProperties: false },
    ),
    seaCurrent: CurrentVector,
    windCurrent: Type.Optional(CurrentVector),
    errors: Type.Object(
      {
        x: Type.Number({
          minimum: 0,
          maximum: 100,
          description:
            'X: initial position error of the LKP (with the DR error when the LKP was dead-reckoned), NM',
        }),
        y: Type.Number({ minimum: 0, maximum: 100, description: "search facility's navigational error, NM" }),
        driftErrorFactor: Type.Optional(
          Type.Number({ minimum: 0, maximum: 1, default: 0.3, description: 'De = factor × drift distance' }),
        ),
      },
      { additionalProperties: false },
    ),
    safetyFactor: Type.Optional(Type.Number({ minimum: 1, maximum: 5, default: 1.1 })),
    pattern: Type.Optional(PatternInput),
  },
  { additionalProperties: false },
);
export type PlanInput = Static<typeof PlanInput>;

const Vector = Type.Object({ speedKn: Type.Number(), towardsDeg: Type.Number() });

const DatumDto = Type.Object({
  lat: Type.Number(),
  lon: Type.Number(),
  driftNm: Type.Number({ description: 'distance from the LKP' }),
  driftDeg: Type.Number({ description: 'direction from the LKP, degrees true' }),
  driftErrorNm: Type.Number({ description: 'De' }),
  totalProbableErrorNm: Type.Number({ description: 'E = √(X² + Y² + De²)' }),
  radiusNm: Type.Number({ description: 'R = safety factor × E' }),
});

/** Rings are closed arrays of [lon, lat], as GeoJSON writes them. */
const Ring = Type.Array(Type.Tuple([Type.Number(), Type.Number()]));

export const PlanResult = Type.Object({
  method: Type.Literal('iamsar-manual', { description: 'IAMSAR Vol II: E = √(X²+Y²+De²), R = fs × E' }),
  elapsedHours: Type.Number(),
  totalWaterCurrent: Vector,
  leeway: Type.Object({
    speedKn: Type.Number(),
    downwindDeg: Type.Number(),
    divergenceDeg: Type.Number(),
  }),
  datums: Type.Object({ downwind: DatumDto, left: DatumDto, right: DatumDto }),
  divergenceNm: Type.Number({ description: 'distance between the left and right datums' }),
  radiusNm: Type.Number({ description: 'the larger of the left and right datum radii' }),
  searchArea: Type.Object({
    polygon: Ring,
    lengthNm: Type.Number(),
    widthNm: Type.Number(),
    areaNm2: Type.Number(),
    axisDeg: Type.Number({ description: 'direction of the long side (left → right datum)' }),
  }),
  pattern: Nullable(
    Type.Object({
      type: Type.Unsafe<PatternType>(Type.String({ enum: [...PATTERN_TYPES] })),
      waypoints: Type.Array(Type.Object({ lat: Type.Number(), lon: Type.Number() })),
      trackLengthNm: Type.Number(),
      polygon: Ring,
    }),
  ),
});
export type PlanResult = Static<typeof PlanResult>;

const Feature = Type.Object({
  type: Type.Literal('Feature'),
  geometry: Type.Object({ type: Type.String(), coordinates: Type.Unknown() }),
  properties: Type.Record(Type.String(), Type.Unknown()),
});
export const FeatureCollectionDto = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(Feature),
});
export type FeatureCollectionDto = Static<typeof FeatureCollectionDto>;

export const ComputePlanResponse = Type.Object({ result: PlanResult, geojson: FeatureCollectionDto });

export const SavePlanBody = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })), input: PlanInput },
  { additionalProperties: false },
);
export type SavePlanBody = Static<typeof SavePlanBody>;

export const PlanSummaryDto = Type.Object({
  id: Type.Integer(),
  incidentId: Type.Integer(),
  version: Type.Integer({ description: '1, 2, … per incident' }),
  name: Nullable(Type.String()),
  searchObject: Type.String(),
  patternType: Nullable(Type.String()),
  radiusNm: Type.Number(),
  createdAt: DateTimeString,
  createdBy: Type.String(),
});
export const PlanDto = Type.Object({ ...PlanSummaryDto.properties, input: PlanInput, result: PlanResult });
export type PlanDto = Static<typeof PlanDto>;

export const PlanParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  planId: Type.Integer({ minimum: 1 }),
});
export const PlansQuery = PageQuery;

export const LeewayObjectDto = Type.Object({
  type: Type.String(),
  a: Type.Number(),
  b: Type.Number(),
  divergenceDeg: Type.Number(),
  zh: Type.String(),
  en: Type.String(),
});
