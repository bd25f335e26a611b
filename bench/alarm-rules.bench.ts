// Vehicle alarm rules on one core: positions of many vehicles, interleaved as a gateway receives
// them, through every rule (terminal bits, overspeed, night and 02-05 rules, fatigue with its 24-h
// driving window, jumps). Reference in the same run: the same loop computing only the distance
// between consecutive fixes — the least any position-based rule must do. The gateway's target is
// 50,000 durable positions/s on this machine; the rules must keep well ahead of it.
import { performance } from 'node:perf_hooks';
import { DEFAULT_ALARM_RULES } from '../apps/server/src/modules/vehicles/alarm-config.ts';
import {
  distanceM,
  evaluate,
  type Fix,
  newRuleState,
  type RuleState,
  type VehicleProfile,
} from '../apps/server/src/modules/vehicles/alarm-rules.ts';
import { type SpeedZone, SpeedZoneIndex } from '../apps/server/src/modules/vehicles/speed-zones.index.ts';

const VEHICLES = 5_000;
const STEPS = 200;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TYPES: VehicleProfile['vehicleType'][] = [
  'scheduledCoach',
  'charteredCoach',
  'dangerousGoods',
  'heavyFreight',
];

function corpus(): Fix[] {
  const fixes: Fix[] = [];
  let seed = 7;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 0x100000000;
  };
  const start = Date.parse('2026-11-27T21:00:00+08:00');
  for (let step = 0; step < STEPS; step++)
    for (let v = 0; v < VEHICLES; v++)
      fixes.push({
        time: start + step * 30_000 + v,
        lat: 32 + v * 1e-4,
        lon: 118.8 + step * 0.008,
        speed: 60 + random() * 50,
        alarm: random() < 0.005 ? 1 : 0,
        status: 3,
      });
  return fixes;
}

const fixes = corpus();
const profiles: VehicleProfile[] = Array.from({ length: VEHICLES }, (_, i) => ({
  vehicleType: TYPES[i % TYPES.length]!,
  speedLimit: null,
}));

/**
 * 2,000 road-class zones over the fleet's area (1° × 1° around 32.25 N, 119.3 E): corridors of
 * 10 km roads 60 m wide and 2 km square polygons, as a province might configure its 国道/省道.
 */
function zones(): SpeedZoneIndex {
  const list: SpeedZone[] = [];
  for (let i = 0; i < 2_000; i++) {
    const lat = 32 + ((i * 37) % 100) / 100 + 0.002;
    const lon = 118.8 + ((i * 53) % 100) / 100;
    list.push(
      i % 2
        ? {
            id: i,
            name: `z${i}`,
            roadClass: 'nationalRoad',
            shape: 'corridor',
            coordinates: [
              [lon, lat],
              [lon + 0.1, lat + 0.02],
            ],
            widthM: 60,
            speedLimits: { heavyFreight: 70, scheduledCoach: 80, charteredCoach: 80, dangerousGoods: 60 },
          }
        : {
            id: i,
            name: `z${i}`,
            roadClass: 'urbanRoad',
            shape: 'polygon',
            coordinates: [
              [lon, lat],
              [lon + 0.02, lat],
              [lon + 0.02, lat + 0.02],
              [lon, lat + 0.02],
            ],
            widthM: null,
            speedLimits: { heavyFreight: 50, scheduledCoach: 60, dangerousGoods: 40 },
          },
    );
  }
  return new SpeedZoneIndex(list);
}
const zoneIndex = zones();

function rules(withZones: SpeedZoneIndex | null = null): number {
  const states: RuleState[] = Array.from({ length: VEHICLES }, newRuleState);
  let events = 0;
  for (let i = 0; i < fixes.length; i++) {
    const v = i % VEHICLES;
    events += evaluate(states[v]!, profiles[v]!, fixes[i]!, DEFAULT_ALARM_RULES, withZones).length;
  }
  return events;
}

function reference(): number {
  const last: (Fix | undefined)[] = new Array(VEHICLES);
  let metres = 0;
  for (let i = 0; i < fixes.length; i++) {
    const v = i % VEHICLES;
    const prev = last[v];
    if (prev) metres += distanceM(prev, fixes[i]!);
    last[v] = fixes[i];
  }
  return metres;
}

const best = (run: () => number) => {
  let fastest = Number.POSITIVE_INFINITY;
  let sink = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    sink += run();
    fastest = Math.min(fastest, performance.now() - t0);
  }
  return { ms: fastest, sink };
};

const ruled = best(() => rules());
const zoned = best(() => rules(zoneIndex));
const ref = best(reference);
const perSecond = (ms: number) => Math.round((fixes.length / ms) * 1000);
console.log(`positions: ${fixes.length} (${VEHICLES} vehicles x ${STEPS}), best of ${ROUNDS}`);
console.log(`alarm rules:        ${perSecond(ruled.ms).toLocaleString('en')} positions/s`);
console.log(
  `rules + 2,000 zones: ${perSecond(zoned.ms).toLocaleString('en')} positions/s (events ${zoned.sink / ROUNDS})`,
);
console.log(`reference distance: ${perSecond(ref.ms).toLocaleString('en')} positions/s`);
console.log(`ratio rules/reference: ${(ref.ms / ruled.ms).toFixed(3)} (events ${ruled.sink / ROUNDS})`);
