import dayjs, { type Dayjs } from 'dayjs';
import type { LatLon } from '../../../ui/map/types.ts';
import type { PatternType, PlanInput } from '../types/planning.ts';
import { formatLat, formatLon, parseCoordinate } from './geo-format.ts';

export interface PlanFormValues {
  lat: string;
  lon: string;
  lkpAt: Dayjs;
  datumAt: Dayjs;
  searchObject: string;
  windSpeed: number;
  windFrom: number;
  currentSpeed: number;
  currentTowards: number;
  x: number;
  y: number;
  safetyFactor: number;
  patternType: PatternType | 'none';
  orientation: number;
  spacing: number;
  legs: number;
  legLength: number;
  sectorRadius: number;
}

/** Starting values: the LKP given (an incident's position and alert time), three hours of drift. */
export function initialPlanValues(lkp: LatLon | null, lkpAt: string | null): PlanFormValues {
  const at = lkpAt ? dayjs(lkpAt) : dayjs().startOf('minute');
  return {
    lat: lkp ? formatLat(lkp.lat) : '',
    lon: lkp ? formatLon(lkp.lon) : '',
    lkpAt: at,
    datumAt: at.add(3, 'hour'),
    searchObject: 'personInWater',
    windSpeed: 15,
    windFrom: 0,
    currentSpeed: 1,
    currentTowards: 90,
    x: 1,
    y: 0.5,
    safetyFactor: 1.1,
    patternType: 'expandingSquare',
    orientation: 0,
    spacing: 1,
    legs: 12,
    legLength: 10,
    sectorRadius: 3,
  };
}

function pattern(v: PlanFormValues): PlanInput['pattern'] {
  switch (v.patternType) {
    case 'none':
      return undefined;
    case 'sector':
      return { type: 'sector', orientationDeg: v.orientation, radiusNm: v.sectorRadius };
    case 'expandingSquare':
      return {
        type: 'expandingSquare',
        orientationDeg: v.orientation,
        trackSpacingNm: v.spacing,
        legs: v.legs,
      };
    default:
      return {
        type: v.patternType,
        orientationDeg: v.orientation,
        trackSpacingNm: v.spacing,
        legs: v.legs,
        legLengthNm: v.legLength,
      };
  }
}

/** null while the position does not parse. */
export function toPlanInput(v: PlanFormValues): PlanInput | null {
  const lat = parseCoordinate(v.lat ?? '', 'lat');
  const lon = parseCoordinate(v.lon ?? '', 'lon');
  if (lat === null || lon === null || !v.lkpAt || !v.datumAt) return null;
  return {
    lkp: { lat, lon },
    lkpAt: v.lkpAt.toISOString(),
    datumAt: v.datumAt.toISOString(),
    searchObject: v.searchObject,
    wind: { speedKn: v.windSpeed, fromDeg: v.windFrom % 360 },
    seaCurrent: { speedKn: v.currentSpeed, towardsDeg: v.currentTowards % 360 },
    errors: { x: v.x, y: v.y },
    safetyFactor: v.safetyFactor,
    pattern: pattern(v),
  };
}

/** The form filled with a saved plan's input (values the input leaves out keep their defaults). */
export function planValuesOf(input: PlanInput): PlanFormValues {
  const base = initialPlanValues(input.lkp, input.lkpAt);
  const p = input.pattern;
  return {
    ...base,
    datumAt: dayjs(input.datumAt),
    searchObject: input.searchObject,
    windSpeed: input.wind.speedKn,
    windFrom: input.wind.fromDeg,
    currentSpeed: input.seaCurrent.speedKn,
    currentTowards: input.seaCurrent.towardsDeg,
    x: input.errors.x,
    y: input.errors.y,
    safetyFactor: input.safetyFactor ?? base.safetyFactor,
    patternType: p?.type ?? 'none',
    orientation: p?.orientationDeg ?? base.orientation,
    spacing: p?.trackSpacingNm ?? base.spacing,
    legs: p?.legs ?? base.legs,
    legLength: p?.legLengthNm ?? base.legLength,
    sectorRadius: p?.radiusNm ?? base.sectorRadius,
  };
}
