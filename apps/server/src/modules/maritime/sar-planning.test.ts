import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { bearingDeg, destinationPoint, distanceNm, fromPlane, toPlane } from './geo.ts';
import { leewaySpeedKn } from './leeway.ts';
import { planGeoJson } from './plan-geojson.ts';
import type { PlanInput } from './sar-planning.schemas.ts';
import { computePlan, PlanningError } from './sar-planning.ts';
import { planePattern } from './search-patterns.ts';

const near = (actual: number, expected: number, eps = 1e-6, what = '') =>
  assert.ok(Math.abs(actual - expected) <= eps, `${what} ${actual} ≠ ${expected} ± ${eps}`);

/**
 * Worked example, by hand (IAMSAR Vol II manual method):
 * - LKP 30°00'N 122°00'E at 00:00Z, commence search 06:00Z: t = 6 h.
 * - Sea current 1.0 kn towards 090°, wind current 0.3 kn towards 180°: TWC = (E 1.0, N −0.3) kn:
 *   √(1 + 0.09) = 1.04403 kn towards 090° + atan(0.3 / 1) = 106.699°.
 * - Wind 20 kn from 000°: downwind 180°. Person in water: leeway 0.011 × 20 + 0.068 = 0.288 kn,
 *   divergence ±30°.
 * - Downwind: (1.0, −0.3 − 0.288) × 6 = (6.000, −3.528) NM → 6.96037 NM towards 120.456°.
 *   Left (150°): leeway (0.144, −0.249415) → (6.864, −3.296492) NM → 7.61455 NM.
 *   Right (210°): (−0.144, −0.249415) → (5.136, −3.296492) NM → 6.10290 NM.
 * - X = 5, Y = 1 NM, De = 0.3 × drift. Downwind: De = 2.08811, E = √(25 + 1 + 4.36021) = 5.51001,
 *   R = 1.1 × E = 6.06101. Left: De = 2.28436, E = 5.58734, R = 6.14607. Right: R = 5.95953.
 * - DD = 2 × 0.288 × 6 × sin 30° = 1.728 NM. Area: (DD + 2 × 6.14607) × (2 × 6.14607)
 *   = 14.02014 × 12.29214 = 172.3384 NM², its long axis along left → right, i.e. 270°.
 */
const EXAMPLE: PlanInput = {
  lkp: { lat: 30, lon: 122 },
  lkpAt: '2026-11-27T00:00:00Z',
  datumAt: '2026-11-27T06:00:00Z',
  searchObject: 'personInWater',
  wind: { speedKn: 20, fromDeg: 0 },
  seaCurrent: { speedKn: 1, towardsDeg: 90 },
  windCurrent: { speedKn: 0.3, towardsDeg: 180 },
  errors: { x: 5, y: 1 },
};

describe('datum, drift and probable error', () => {
  const r = computePlan(EXAMPLE);

  test('elapsed time, total water current and leeway', () => {
    assert.equal(r.elapsedHours, 6);
    near(r.totalWaterCurrent.speedKn, Math.sqrt(1.09), 1e-12);
    near(r.totalWaterCurrent.towardsDeg, 90 + (Math.atan(0.3) * 180) / Math.PI, 1e-9, 'TWC direction');
    near(r.leeway.speedKn, 0.288, 1e-12);
    assert.deepEqual([r.leeway.downwindDeg, r.leeway.divergenceDeg], [180, 30]);
  });

  test('the three datums lie at the hand-computed drift from the LKP', () => {
    const { downwind, left, right } = r.datums;
    near(downwind.driftNm, 6.960372, 1e-6, 'downwind drift');
    near(downwind.driftDeg, 120.455528, 1e-6, 'downwind direction');
    near(left.driftNm, 7.614549, 1e-6, 'left drift');
    near(right.driftNm, 6.102897, 1e-6, 'right drift');
    // The positions: distance and bearing from the LKP are the drift (azimuthal equidistant plane).
    near(distanceNm(EXAMPLE.lkp, downwind), 6.960372, 1e-6);
    near(bearingDeg(EXAMPLE.lkp, downwind), 120.455528, 1e-6);
    // ~3.53' south and ~6.93' east of 30°N 122°E.
    near(downwind.lat, 30 - 3.528 / 60, 2e-3);
    near(downwind.lon, 122 + 6 / 60 / Math.cos((30 * Math.PI) / 180), 2e-3);
  });

  test('De, E and R for each datum; the larger radius bounds the area', () => {
    const { downwind, left, right } = r.datums;
    near(downwind.driftErrorNm, 2.088112, 1e-6);
    near(downwind.totalProbableErrorNm, 5.51001, 1e-6);
    near(downwind.radiusNm, 6.061011, 1e-6);
    near(left.radiusNm, 6.146069, 1e-6);
    near(right.radiusNm, 5.959532, 1e-6);
    near(r.radiusNm, 6.146069, 1e-6);
  });

  test('divergence distance and the search area enclosing both circles', () => {
    near(r.divergenceNm, 1.728, 1e-9);
    near(r.searchArea.lengthNm, 1.728 + 2 * 6.146069, 1e-6);
    near(r.searchArea.widthNm, 2 * 6.146069, 1e-6);
    near(r.searchArea.areaNm2, 172.3384, 1e-3);
    near(r.searchArea.axisDeg, 270, 1e-9);
    const ring = r.searchArea.polygon;
    assert.equal(ring.length, 5);
    assert.deepEqual(ring[0], ring[4]);
    // Opposite corners are the diagonal apart: √(14.02014² + 12.29214²) = 18.6452 NM.
    const [a, , c] = ring as [number, number][];
    near(distanceNm({ lon: a![0], lat: a![1] }, { lon: c![0], lat: c![1] }), 18.6452, 2e-3);
  });

  test('drift grows linearly with time; at t = 0 the datum is the LKP and R = fs·√(X² + Y²)', () => {
    const twelve = computePlan({ ...EXAMPLE, datumAt: '2026-11-27T12:00:00Z' });
    near(twelve.datums.downwind.driftNm, 2 * 6.960372, 1e-5);
    const zero = computePlan({ ...EXAMPLE, datumAt: EXAMPLE.lkpAt });
    assert.equal(zero.datums.downwind.driftNm, 0);
    assert.deepEqual([zero.datums.downwind.lat, zero.datums.downwind.lon], [30, 122]);
    near(zero.radiusNm, 1.1 * Math.sqrt(26), 1e-12);
    assert.equal(zero.divergenceNm, 0);
  });

  test('safety factor and drift error factor are inputs', () => {
    const plain = computePlan({ ...EXAMPLE, safetyFactor: 1, errors: { x: 3, y: 4, driftErrorFactor: 0 } });
    near(plain.datums.downwind.radiusNm, 5, 1e-12); // √(3² + 4²)
  });

  test('a datum before the LKP is refused', () => {
    assert.throws(() => computePlan({ ...EXAMPLE, datumAt: '2026-11-26T23:00:00Z' }), PlanningError);
  });
});

describe('leeway table', () => {
  test('a·U + b, never negative', () => {
    near(leewaySpeedKn('raft15to25Drogue', 20), 0.031 * 20 - 0.07, 1e-12); // EPD's table, not its 0.0031 typo
    assert.equal(leewaySpeedKn('raft4to6NoDrogue', 1), 0); // 0.038 − 0.041 < 0
  });
});

describe('search patterns on the plane (east, north NM)', () => {
  const pts = (p: { east: number; north: number }[]) => p.map((q) => [round(q.east), round(q.north)]);
  const round = (n: number) => Math.round(n * 1e9) / 1e9 + 0;

  test('expanding square: S, S, 2S, 2S, every turn 90° to starboard', () => {
    const p = planePattern({ type: 'expandingSquare', orientationDeg: 0, trackSpacingNm: 2, legs: 4 });
    assert.deepEqual(pts(p.track), [
      [0, 0],
      [0, 2],
      [2, 2],
      [2, -2],
      [-2, -2],
    ]);
    assert.equal(p.trackLengthNm, 12);
    // Extent u (north) −2…2, v (east) −2…2, widened by S/2 = 1.
    assert.deepEqual(pts(p.outline), [
      [-3, -3],
      [-3, 3],
      [3, 3],
      [3, -3],
    ]);
    const port = planePattern({
      type: 'expandingSquare',
      orientationDeg: 0,
      trackSpacingNm: 2,
      legs: 3,
      turn: 'port',
    });
    assert.deepEqual(pts(port.track), [
      [0, 0],
      [0, 2],
      [-2, 2],
      [-2, -2],
    ]);
  });

  test('sector: three triangles of side r, 120° turns, radials 60° apart', () => {
    const p = planePattern({ type: 'sector', orientationDeg: 0, radiusNm: 2 });
    const s3 = round(Math.sqrt(3));
    assert.deepEqual(pts(p.track), [
      [0, 0],
      [0, 2],
      [s3, 1],
      [0, 0],
      [-s3, -1],
      [-s3, 1],
      [0, 0],
      [s3, -1],
      [0, -2],
      [0, 0],
    ]);
    assert.equal(p.trackLengthNm, 18);
    // Every leg is r long: the triangles are equilateral.
    for (let i = 1; i < p.track.length; i++) {
      const a = p.track[i - 1]!;
      const b = p.track[i]!;
      near(Math.hypot(b.east - a.east, b.north - a.north), 2, 1e-12, `leg ${i}`);
    }
  });

  test('parallel sweep: long legs along the axis, stepping S to starboard', () => {
    const p = planePattern({
      type: 'parallelSweep',
      orientationDeg: 90,
      trackSpacingNm: 2,
      legs: 3,
      legLengthNm: 10,
    });
    assert.deepEqual(pts(p.track), [
      [0, 0],
      [10, 0],
      [10, -2],
      [0, -2],
      [0, -4],
      [10, -4],
    ]);
    assert.equal(p.trackLengthNm, 34);
    assert.deepEqual(pts(p.outline), [
      [-1, 1],
      [11, 1],
      [11, -5],
      [-1, -5],
    ]);
  });

  test('creeping line: legs across the axis, advancing S along it', () => {
    const p = planePattern({
      type: 'creepingLine',
      orientationDeg: 0,
      trackSpacingNm: 2,
      legs: 3,
      legLengthNm: 10,
    });
    assert.deepEqual(pts(p.track), [
      [0, 0],
      [10, 0],
      [10, 2],
      [0, 2],
      [0, 4],
      [10, 4],
    ]);
  });

  test('a pattern without its parameters is a planning error', () => {
    assert.throws(
      () =>
        computePlan({ ...EXAMPLE, pattern: { type: 'parallelSweep', orientationDeg: 0, trackSpacingNm: 2 } }),
      PlanningError,
    );
  });

  test('waypoints start at the downwind datum unless a commence search point is given', () => {
    const r = computePlan({
      ...EXAMPLE,
      pattern: { type: 'expandingSquare', orientationDeg: 0, trackSpacingNm: 1, legs: 6 },
    });
    const first = r.pattern!.waypoints[0]!;
    assert.deepEqual([first.lat, first.lon], [r.datums.downwind.lat, r.datums.downwind.lon]);
    // The second waypoint is S = 1 NM due north of it.
    near(distanceNm(first, r.pattern!.waypoints[1]!), 1, 1e-9);
    near(bearingDeg(first, r.pattern!.waypoints[1]!), 0, 1e-9);
  });
});

describe('geometry helpers', () => {
  test('destinationPoint: 60 NM north along a meridian is 60/R radians', () => {
    const p = destinationPoint({ lat: 0, lon: 0 }, 0, 60);
    near(p.lat, (60 / (6_371_008.8 / 1852)) * (180 / Math.PI), 1e-12);
    near(p.lon, 0, 1e-12);
  });

  test('fromPlane and toPlane are inverse within 1e-6 NM', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -70, max: 70, noNaN: true }),
        fc.double({ min: -179, max: 179, noNaN: true }),
        fc.double({ min: -200, max: 200, noNaN: true }),
        fc.double({ min: -200, max: 200, noNaN: true }),
        (lat, lon, east, north) => {
          const back = toPlane({ lat, lon }, fromPlane({ lat, lon }, { east, north }));
          return Math.abs(back.east - east) < 1e-6 && Math.abs(back.north - north) < 1e-6;
        },
      ),
    );
  });
});

test('GeoJSON: LKP, three datums with circles, the area, the pattern line and its waypoints', () => {
  const input: PlanInput = { ...EXAMPLE, pattern: { type: 'sector', orientationDeg: 0, radiusNm: 2 } };
  const fcoll = planGeoJson(input, computePlan(input));
  assert.equal(fcoll.type, 'FeatureCollection');
  const roles = fcoll.features.map((f) => f.properties.role);
  assert.deepEqual(
    [...new Set(roles)],
    ['lkp', 'datum', 'datumCircle', 'searchArea', 'pattern', 'waypoint', 'patternArea'],
  );
  assert.equal(roles.filter((r) => r === 'waypoint').length, 10);
  const line = fcoll.features.find((f) => f.properties.role === 'pattern')!;
  assert.equal(line.geometry.type, 'LineString');
  for (const f of fcoll.features.filter((x) => x.geometry.type === 'Polygon')) {
    const [ring] = f.geometry.coordinates as [number, number][][];
    assert.deepEqual(ring![0], ring!.at(-1), 'closed ring');
  }
  assert.deepEqual(fcoll.features[0]!.geometry.coordinates, [122, 30]);
});
