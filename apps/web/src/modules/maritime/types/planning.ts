// Shapes of sar-planning.schemas.ts.
import type { LatLon } from '../../../ui/map/types.ts';

export const PATTERN_TYPES = ['expandingSquare', 'sector', 'parallelSweep', 'creepingLine'] as const;
export type PatternType = (typeof PATTERN_TYPES)[number];

export interface PatternInput {
  type: PatternType;
  csp?: LatLon;
  orientationDeg: number;
  trackSpacingNm?: number;
  legs?: number;
  legLengthNm?: number;
  radiusNm?: number;
  turn?: 'starboard' | 'port';
}

export interface PlanInput {
  lkp: LatLon;
  lkpAt: string;
  datumAt: string;
  searchObject: string;
  wind: { speedKn: number; fromDeg: number };
  seaCurrent: { speedKn: number; towardsDeg: number };
  errors: { x: number; y: number; driftErrorFactor?: number };
  safetyFactor?: number;
  pattern?: PatternInput;
}

export interface Datum extends LatLon {
  driftNm: number;
  driftDeg: number;
  driftErrorNm: number;
  totalProbableErrorNm: number;
  radiusNm: number;
}

/** [lon, lat] as GeoJSON writes them. */
export type Ring = [number, number][];

export interface PlanResult {
  method: string;
  elapsedHours: number;
  totalWaterCurrent: { speedKn: number; towardsDeg: number };
  leeway: { speedKn: number; downwindDeg: number; divergenceDeg: number };
  datums: { downwind: Datum; left: Datum; right: Datum };
  divergenceNm: number;
  radiusNm: number;
  searchArea: { polygon: Ring; lengthNm: number; widthNm: number; areaNm2: number; axisDeg: number };
  pattern: { type: PatternType; waypoints: LatLon[]; trackLengthNm: number; polygon: Ring } | null;
}

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    geometry: { type: string; coordinates: unknown };
    properties: Record<string, unknown>;
  }[];
}

export interface ComputedPlan {
  result: PlanResult;
  geojson: FeatureCollection;
}

export interface LeewayObject {
  type: string;
  a: number;
  b: number;
  divergenceDeg: number;
  zh: string;
  en: string;
}

export interface PlanSummary {
  id: number;
  incidentId: number;
  version: number;
  name: string | null;
  radiusNm: number;
  createdAt: string;
  createdBy: string;
}

export interface SavedPlan extends PlanSummary {
  input: PlanInput;
  result: PlanResult;
}
