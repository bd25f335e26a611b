// Search patterns (IAMSAR Vol III §12): expanding square (SS), sector (VS), parallel sweep (PS)
// and creeping line (CS), laid out on the plane of the commence search point (east/north NM)
// and turned into positions by geo.fromPlane. Pure.
import { fromPlane, type LatLon, type PlaneOffset } from './geo.ts';

export type PatternType = 'expandingSquare' | 'sector' | 'parallelSweep' | 'creepingLine';

export interface PatternSpec {
  readonly type: PatternType;
  /** SS, VS: course of the first leg. PS: course of the first leg. CS: direction the legs advance. */
  readonly orientationDeg: number;
  readonly trackSpacingNm?: number | undefined;
  readonly legs?: number | undefined;
  readonly legLengthNm?: number | undefined;
  readonly radiusNm?: number | undefined;
  readonly turn?: 'starboard' | 'port' | undefined;
}

export interface PlanePattern {
  /** Track from the commence search point, on its plane. */
  readonly track: PlaneOffset[];
  /** The area the pattern covers (track ± S/2; the circle for VS), an open ring. */
  readonly outline: PlaneOffset[];
  readonly trackLengthNm: number;
}

export interface Pattern {
  readonly type: PatternType;
  readonly waypoints: LatLon[];
  readonly polygon: LatLon[];
  readonly trackLengthNm: number;
}

export class PatternError extends Error {}

const RAD = Math.PI / 180;
const at = (bearing: number, d: number): PlaneOffset => ({
  east: d * Math.sin(bearing * RAD),
  north: d * Math.cos(bearing * RAD),
});
const plus = (a: PlaneOffset, b: PlaneOffset): PlaneOffset => ({
  east: a.east + b.east,
  north: a.north + b.north,
});

function need(value: number | undefined, name: string, type: PatternType): number {
  if (value === undefined || !(value > 0)) throw new PatternError(`${type} needs ${name}`);
  return value;
}

/** A rectangle in the frame of two perpendicular headings: u along `uDeg`, v along `vDeg`. */
function frameRect(
  uDeg: number,
  vDeg: number,
  u0: number,
  u1: number,
  v0: number,
  v1: number,
): PlaneOffset[] {
  const p = (u: number, v: number) => plus(at(uDeg, u), at(vDeg, v));
  return [p(u0, v0), p(u1, v0), p(u1, v1), p(u0, v1)];
}

/**
 * SS: legs S, S, 2S, 2S, 3S, 3S … from the datum, every turn 90° the same way (IAMSAR Vol III
 * §12: "the first two legs are the same length"; each later pair grows by S).
 */
function expandingSquare(spec: PatternSpec): PlanePattern {
  const s = need(spec.trackSpacingNm, 'trackSpacingNm', spec.type);
  const legs = need(spec.legs, 'legs', spec.type);
  const turn = spec.turn === 'port' ? -90 : 90;
  const track: PlaneOffset[] = [{ east: 0, north: 0 }];
  let length = 0;
  for (let i = 1; i <= legs; i++) {
    const leg = Math.ceil(i / 2) * s;
    track.push(plus(track[i - 1]!, at(spec.orientationDeg + (i - 1) * turn, leg)));
    length += leg;
  }
  // The covered square: the track's extent in the first leg's frame, widened by S/2.
  const u = spec.orientationDeg;
  const v = spec.orientationDeg + turn;
  const coords = track.map((p) => ({
    u: p.east * Math.sin(u * RAD) + p.north * Math.cos(u * RAD),
    v: p.east * Math.sin(v * RAD) + p.north * Math.cos(v * RAD),
  }));
  const us = coords.map((c) => c.u);
  const vs = coords.map((c) => c.v);
  const outline = frameRect(
    u,
    v,
    Math.min(...us) - s / 2,
    Math.max(...us) + s / 2,
    Math.min(...vs) - s / 2,
    Math.max(...vs) + s / 2,
  );
  return { track, outline, trackLengthNm: length };
}

/**
 * VS: three equilateral triangles of side r through the datum, every turn 120° the same way,
 * passing straight through the datum between triangles: radials at 0, 60, 240, 300, 120, 180°
 * from the first leg's course, nine legs of r.
 */
function sector(spec: PatternSpec): PlanePattern {
  const r = need(spec.radiusNm, 'radiusNm', spec.type);
  const sign = spec.turn === 'port' ? -1 : 1;
  const radial = (deg: number) => at(spec.orientationDeg + sign * deg, r);
  const datum = { east: 0, north: 0 };
  const track = [
    datum,
    radial(0),
    radial(60),
    datum,
    radial(240),
    radial(300),
    datum,
    radial(120),
    radial(180),
    datum,
  ];
  const outline = Array.from({ length: 36 }, (_, i) => at(i * 10, r));
  return { track, outline, trackLengthNm: 9 * r };
}

/** PS and CS: `legs` legs of `legLength`, alternating direction, stepping S between them. */
function ladder(spec: PatternSpec, legDeg: number, stepDeg: number): PlanePattern {
  const s = need(spec.trackSpacingNm, 'trackSpacingNm', spec.type);
  const legs = need(spec.legs, 'legs', spec.type);
  const length = need(spec.legLengthNm, 'legLengthNm', spec.type);
  const track: PlaneOffset[] = [{ east: 0, north: 0 }];
  for (let i = 0; i < legs; i++) {
    if (i > 0) track.push(plus(track.at(-1)!, at(stepDeg, s)));
    track.push(plus(track.at(-1)!, at(legDeg + (i % 2) * 180, length)));
  }
  const outline = frameRect(legDeg, stepDeg, -s / 2, length + s / 2, -s / 2, (legs - 1) * s + s / 2);
  return { track, outline, trackLengthNm: legs * length + (legs - 1) * s };
}

export function planePattern(spec: PatternSpec): PlanePattern {
  const side = spec.turn === 'port' ? -90 : 90;
  switch (spec.type) {
    case 'expandingSquare':
      return expandingSquare(spec);
    case 'sector':
      return sector(spec);
    // PS: legs along the orientation (the area's long axis), stepping to the turn side.
    case 'parallelSweep':
      return ladder(spec, spec.orientationDeg, spec.orientationDeg + side);
    // CS: legs across the orientation (the major axis the search advances along).
    case 'creepingLine':
      return ladder(spec, spec.orientationDeg + side, spec.orientationDeg);
  }
}

/** The pattern placed at the commence search point. */
export function searchPattern(csp: LatLon, spec: PatternSpec): Pattern {
  const plane = planePattern(spec);
  return {
    type: spec.type,
    waypoints: plane.track.map((p) => fromPlane(csp, p)),
    polygon: plane.outline.map((p) => fromPlane(csp, p)),
    trackLengthNm: plane.trackLengthNm,
  };
}
