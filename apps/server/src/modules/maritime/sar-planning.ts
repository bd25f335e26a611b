// Search planning by the manual method of IAMSAR Vol II (datum, drift, probable error), with
// DMA EPD's three datums for leeway divergence. Pure: numbers in, numbers out.
//
// - Drift over the elapsed time t from the LKP to the commence search time: total water current
//   TWC = sea current + wind current (vector sum), plus leeway (leeway.ts) downwind and at ± the
//   object's divergence angle: the downwind, left and right datums.
// - Errors: De = f × drift distance (f = 0.3 by default, the drift error of IAMSAR's worksheet),
//   E = √(X² + Y² + De²) (total probable error), R = fs × E (fs = 1.1 by default).
// - Divergence distance DD = |left − right|; the search area is the rectangle enclosing the left
//   and right datum circles of radius R: (DD + 2R) × 2R along the left → right axis.
import { fromPlane, type LatLon, type PlaneOffset } from './geo.ts';
import { LEEWAY_OBJECTS, leewaySpeedKn } from './leeway.ts';
import type { PlanInput, PlanResult } from './sar-planning.schemas.ts';
import { PatternError, searchPattern } from './search-patterns.ts';

export class PlanningError extends Error {}

const RAD = Math.PI / 180;
const DEFAULT_SAFETY_FACTOR = 1.1;
const DEFAULT_DRIFT_ERROR_FACTOR = 0.3;

const vector = (speed: number, towardsDeg: number): PlaneOffset => ({
  east: speed * Math.sin(towardsDeg * RAD),
  north: speed * Math.cos(towardsDeg * RAD),
});
const add = (a: PlaneOffset, b: PlaneOffset): PlaneOffset => ({
  east: a.east + b.east,
  north: a.north + b.north,
});
const scale = (a: PlaneOffset, k: number): PlaneOffset => ({ east: a.east * k, north: a.north * k });
const length = (a: PlaneOffset) => Math.hypot(a.east, a.north);
/** Direction of a vector, degrees true in [0, 360); 0 for the null vector. */
const direction = (a: PlaneOffset) =>
  (length(a) === 0 ? 0 : ((Math.atan2(a.east, a.north) / RAD) % 360) + 360) % 360;
const ring = (points: LatLon[]): [number, number][] => {
  const coords = points.map((p) => [p.lon, p.lat] as [number, number]);
  return [...coords, coords[0]!];
};

export interface PlaneDatum {
  readonly offset: PlaneOffset;
  readonly driftNm: number;
  readonly driftErrorNm: number;
  readonly totalProbableErrorNm: number;
  readonly radiusNm: number;
}

export function computePlan(input: PlanInput): PlanResult {
  const hours = (Date.parse(input.datumAt) - Date.parse(input.lkpAt)) / 3_600_000;
  if (!(hours >= 0)) throw new PlanningError('the datum time must not precede the last known position');
  const object = LEEWAY_OBJECTS[input.searchObject];
  const twc = add(
    vector(input.seaCurrent.speedKn, input.seaCurrent.towardsDeg),
    input.windCurrent
      ? vector(input.windCurrent.speedKn, input.windCurrent.towardsDeg)
      : { east: 0, north: 0 },
  );
  const leeway = leewaySpeedKn(input.searchObject, input.wind.speedKn);
  const downwind = (input.wind.fromDeg + 180) % 360;
  const fs = input.safetyFactor ?? DEFAULT_SAFETY_FACTOR;
  const f = input.errors.driftErrorFactor ?? DEFAULT_DRIFT_ERROR_FACTOR;

  const datumAt = (leewayDeg: number): PlaneDatum => {
    const offset = scale(add(twc, vector(leeway, leewayDeg)), hours);
    const driftNm = length(offset);
    const driftErrorNm = f * driftNm;
    const e = Math.sqrt(input.errors.x ** 2 + input.errors.y ** 2 + driftErrorNm ** 2);
    return { offset, driftNm, driftErrorNm, totalProbableErrorNm: e, radiusNm: fs * e };
  };
  const plane = {
    downwind: datumAt(downwind),
    left: datumAt(downwind - object.divergenceDeg),
    right: datumAt(downwind + object.divergenceDeg),
  };
  const toDto = (d: PlaneDatum) => ({
    ...fromPlane(input.lkp, d.offset),
    driftNm: d.driftNm,
    driftDeg: direction(d.offset),
    driftErrorNm: d.driftErrorNm,
    totalProbableErrorNm: d.totalProbableErrorNm,
    radiusNm: d.radiusNm,
  });

  const axis = {
    east: plane.right.offset.east - plane.left.offset.east,
    north: plane.right.offset.north - plane.left.offset.north,
  };
  const divergenceNm = length(axis);
  const radiusNm = Math.max(plane.left.radiusNm, plane.right.radiusNm);
  const axisDeg = direction(axis);
  const centre = scale(add(plane.left.offset, plane.right.offset), 0.5);
  const half = divergenceNm / 2 + radiusNm;
  const u = vector(1, axisDeg);
  const v = vector(1, axisDeg + 90);
  const corner = (a: number, b: number) => fromPlane(input.lkp, add(centre, add(scale(u, a), scale(v, b))));

  let pattern: PlanResult['pattern'] = null;
  if (input.pattern) {
    const csp = input.pattern.csp ?? fromPlane(input.lkp, plane.downwind.offset);
    try {
      const p = searchPattern(csp, input.pattern);
      pattern = {
        type: p.type,
        waypoints: p.waypoints,
        trackLengthNm: p.trackLengthNm,
        polygon: ring(p.polygon),
      };
    } catch (err) {
      if (err instanceof PatternError) throw new PlanningError(err.message);
      throw err;
    }
  }

  return {
    method: 'iamsar-manual',
    elapsedHours: hours,
    totalWaterCurrent: { speedKn: length(twc), towardsDeg: direction(twc) },
    leeway: { speedKn: leeway, downwindDeg: downwind, divergenceDeg: object.divergenceDeg },
    datums: { downwind: toDto(plane.downwind), left: toDto(plane.left), right: toDto(plane.right) },
    divergenceNm,
    radiusNm,
    searchArea: {
      polygon: ring([
        corner(-half, -radiusNm),
        corner(half, -radiusNm),
        corner(half, radiusNm),
        corner(-half, radiusNm),
      ]),
      lengthNm: 2 * half,
      widthNm: 2 * radiusNm,
      areaNm2: 2 * half * 2 * radiusNm,
      axisDeg,
    },
    pattern,
  };
}
