// Road-class zones in the alarm rules: which zone a fix is in, and the overspeed rule using its limit.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_ALARM_RULES } from './alarm-config.ts';
import { evaluate, type Fix, newRuleState, type RuleEvent } from './alarm-rules.ts';
import { contains, distanceToLineM, type SpeedZone, SpeedZoneIndex } from './speed-zones.index.ts';

/** G205 through 南京's north, as a 60 m corridor (two straight pieces). */
const G205: SpeedZone = {
  id: 1,
  name: 'G205 南京段',
  roadClass: 'nationalRoad',
  shape: 'corridor',
  coordinates: [
    [118.7, 32.1],
    [118.8, 32.1],
    [118.9, 32.2],
  ],
  widthM: 60,
  speedLimits: { heavyFreight: 70, scheduledCoach: 80, dangerousGoods: 60 },
};
/** A town centre as a polygon, lower for every type. */
const TOWN: SpeedZone = {
  id: 2,
  name: '城区',
  roadClass: 'urbanRoad',
  shape: 'polygon',
  coordinates: [
    [118.78, 32.08],
    [118.82, 32.08],
    [118.82, 32.12],
    [118.78, 32.12],
  ],
  widthM: null,
  speedLimits: { heavyFreight: 40, scheduledCoach: 50, dangerousGoods: 40, other: 60 },
};

describe('speed zone geometry and the grid', () => {
  test('a corridor holds points within half its width of the line, in metres', () => {
    // 0.0002° of latitude is ~22 m; 0.0004° ~44 m.
    assert.ok(contains(G205, 32.1002, 118.75));
    assert.ok(!contains(G205, 32.1004, 118.75));
    assert.ok(Math.abs(distanceToLineM(G205.coordinates, 32.1, 118.75)) < 0.001);
    // Beyond the line's end the distance is to its end point.
    assert.ok(distanceToLineM(G205.coordinates, 32.1, 118.69) > 900);
  });

  test('a polygon by even-odd rule; the lowest limit wins where zones overlap; unlisted types fall through', () => {
    const index = new SpeedZoneIndex([G205, TOWN]);
    assert.equal(index.limitAt(32.1, 118.75, 'heavyFreight')?.limit, 70);
    assert.equal(index.limitAt(32.1, 118.8, 'heavyFreight')?.limit, 40, 'G205 inside the town');
    assert.equal(index.limitAt(32.09, 118.79, 'scheduledCoach')?.limit, 50);
    assert.equal(index.limitAt(32.1, 118.75, 'other'), null, 'G205 sets nothing for other vehicles');
    assert.equal(index.limitAt(32.3, 118.75, 'heavyFreight'), null);
    assert.deepEqual(index.limitAt(32.1, 118.75, 'heavyFreight')?.details, {
      limit: 70,
      zoneId: 1,
      zoneName: 'G205 南京段',
      roadClass: 'nationalRoad',
    });
  });

  test('property: the grid finds exactly what checking every zone finds', () => {
    const point = fc.tuple(
      fc.double({ min: 31.5, max: 32.5, noNaN: true }),
      fc.double({ min: 118, max: 119, noNaN: true }),
    );
    const zoneShape = fc.record({
      polygon: fc.boolean(),
      points: fc.array(
        fc.tuple(
          fc.double({ min: 118, max: 119, noNaN: true }),
          fc.double({ min: 31.5, max: 32.5, noNaN: true }),
        ),
        { minLength: 3, maxLength: 6 },
      ),
      widthM: fc.integer({ min: 10, max: 5000 }),
      limit: fc.integer({ min: 20, max: 120 }),
    });
    const zoneList = fc.array(zoneShape, { maxLength: 8 }).map((list) =>
      list.map(
        (z, i): SpeedZone => ({
          id: i,
          name: `z${i}`,
          roadClass: 'other',
          shape: z.polygon ? 'polygon' : 'corridor',
          coordinates: z.points,
          widthM: z.polygon ? null : z.widthM,
          speedLimits: { heavyFreight: z.limit },
        }),
      ),
    );
    fc.assert(
      fc.property(zoneList, fc.array(point, { minLength: 1, maxLength: 30 }), (zones, points) => {
        const index = new SpeedZoneIndex(zones);
        for (const [lat, lon] of points) {
          const limits = zones.filter((z) => contains(z, lat, lon)).map((z) => z.speedLimits.heavyFreight!);
          const expected = limits.length === 0 ? null : Math.min(...limits);
          assert.equal(index.limitAt(lat, lon, 'heavyFreight')?.limit ?? null, expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('overspeed by road class', () => {
  const index = new SpeedZoneIndex([G205, TOWN]);
  const start = Date.parse('2026-11-27T10:00:00+08:00');
  const run = (
    lat: number,
    lon: number,
    speed: number,
    vehicleType: 'heavyFreight' | 'scheduledCoach',
    at = start,
  ) => {
    const state = newRuleState();
    const events: RuleEvent[] = [];
    for (let s = 0; s <= 30; s += 5) {
      const fix: Fix = { time: at + s * 1000, lat, lon, speed, alarm: 0, status: 3 };
      events.push(...evaluate(state, { vehicleType, speedLimit: null }, fix, DEFAULT_ALARM_RULES, index));
    }
    return events;
  };

  test('inside a 国道 zone at 90 km/h a heavy goods vehicle overspeeds, the zone named in the detail', () => {
    const events = run(32.1, 118.75, 90, 'heavyFreight');
    const raise = events.find((e) => e.type === 'raise' && e.kind === 'overspeed');
    assert.ok(raise && raise.type === 'raise');
    assert.deepEqual(raise.details, {
      limit: 70,
      zoneId: 1,
      zoneName: 'G205 南京段',
      roadClass: 'nationalRoad',
    });
    // 90 is more than 20% over 70: a high-level alarm.
    assert.ok(events.some((e) => e.type === 'update' && e.kind === 'overspeed' && e.level === 'high'));
  });

  test('outside every zone the default limit applies: 90 is legal, 110 is over 100', () => {
    assert.deepEqual(
      run(32.3, 118.75, 90, 'heavyFreight').filter((e) => e.kind === 'overspeed'),
      [],
    );
    const raise = run(32.3, 118.75, 110, 'heavyFreight').find(
      (e) => e.type === 'raise' && e.kind === 'overspeed',
    );
    assert.ok(raise && raise.type === 'raise');
    assert.deepEqual(raise.details, { limit: 100 });
  });

  test("a vehicle's own lower limit still wins over a zone's", () => {
    const state = newRuleState();
    const events: RuleEvent[] = [];
    for (let s = 0; s <= 30; s += 5) {
      const fix: Fix = {
        time: start + s * 1000,
        lat: 32.1,
        lon: 118.75,
        speed: 65,
        alarm: 0,
        status: 3,
      };
      events.push(
        ...evaluate(state, { vehicleType: 'heavyFreight', speedLimit: 60 }, fix, DEFAULT_ALARM_RULES, index),
      );
    }
    const raise = events.find((e) => e.type === 'raise' && e.kind === 'overspeed');
    assert.ok(raise && raise.type === 'raise');
    assert.deepEqual(raise.details, { limit: 60 });
  });

  test('coaches at night: 80% of the zone limit (80 km/h on G205 → 64)', () => {
    const night = Date.parse('2026-11-27T23:00:00+08:00');
    const events = run(32.1, 118.75, 70, 'scheduledCoach', night);
    const raise = events.find((e) => e.type === 'raise' && e.kind === 'nightDriving');
    assert.ok(raise && raise.type === 'raise');
    assert.deepEqual(raise.details, { limit: 64 });
    assert.ok(!events.some((e) => e.kind === 'overspeed'), '70 is under the day limit of 80');
  });
});
