import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { alarmMask } from '@jtgov/jt808';
import fc from 'fast-check';
import { loadConfig } from '../../config.ts';
import { beijingHour, parseAlarmRules, DEFAULT_ALARM_RULES as RULES } from './alarm-config.ts';
import {
  evaluate,
  type Fix,
  newRuleState,
  offlineTooLong,
  type RuleEvent,
  type RuleState,
  restoreOpen,
  type VehicleProfile,
} from './alarm-rules.ts';

const FIXED = 0b11; // ACC on, positioned
const coach: VehicleProfile = { vehicleType: 'scheduledCoach', speedLimit: null };
const truck: VehicleProfile = { vehicleType: 'heavyFreight', speedLimit: null };

/** Beijing wall-clock time on 2026-12-01 (UTC+8). */
const bj = (hhmm: string, plusS = 0) => new Date(Date.parse(`2026-12-01T${hhmm}:00+08:00`) + plusS * 1000);

const fix = (time: Date, speed: number, extra: Partial<Fix> = {}): Fix => ({
  time: time.getTime(),
  lat: 32.0,
  lon: 118.8,
  speed,
  alarm: 0,
  status: FIXED,
  ...extra,
});

/** Reports every `stepS` seconds from `start` for `durationS`, moving east at the reported speed. */
function drive(
  state: RuleState,
  profile: VehicleProfile,
  start: Date,
  durationS: number,
  speed: number,
  stepS = 30,
) {
  const events: RuleEvent[] = [];
  let lon = state.last?.lon ?? 118.8;
  for (let s = 0; s <= durationS; s += stepS) {
    if (s > 0) lon += (speed * stepS) / 3600 / 94.4; // km per degree of longitude at 32°N
    events.push(
      ...evaluate(state, profile, fix(new Date(start.getTime() + s * 1000), speed, { lon }), RULES),
    );
  }
  return events;
}

const here = (s: RuleState) => ({ lon: s.last?.lon ?? 118.8 });

const kinds = (events: RuleEvent[], type: RuleEvent['type']) =>
  events.filter((e) => e.type === type).map((e) => e.kind);

describe('alarm rules', () => {
  test('each terminal alarm bit is raised under its name when set and ended when reset', () => {
    const s = newRuleState();
    const sos = alarmMask(['sos']);
    const both = alarmMask(['sos', 'collision']);
    assert.deepEqual(kinds(evaluate(s, truck, fix(bj('10:00'), 0, { alarm: sos }), RULES), 'raise'), [
      'terminal.sos',
    ]);
    const second = evaluate(s, truck, fix(bj('10:00', 30), 0, { alarm: both }), RULES);
    assert.deepEqual(kinds(second, 'raise'), ['terminal.collision']);
    assert.equal(second.find((e) => e.type === 'raise')?.level, 'high');
    assert.deepEqual(kinds(evaluate(s, truck, fix(bj('10:01'), 0, { alarm: 0 }), RULES), 'end'), [
      'terminal.sos',
      'terminal.collision',
    ]);
  });

  test('a single overspeed spike does not alarm; a sustained one does, from when it began', () => {
    const s = newRuleState();
    drive(s, coach, bj('10:00'), 60, 90);
    const spike = [
      ...evaluate(s, coach, fix(bj('10:01', 5), 130, here(s)), RULES),
      ...evaluate(s, coach, fix(bj('10:01', 10), 90, here(s)), RULES),
    ];
    assert.deepEqual(kinds(spike, 'raise'), []);
    const sustained = drive(s, coach, bj('10:02'), 20, 108, 5);
    const raise = sustained.find((e) => e.type === 'raise' && e.kind === 'overspeed');
    assert.ok(raise && raise.type === 'raise');
    assert.deepEqual(raise.startedAt, bj('10:02'));
    assert.equal(raise.level, 'medium');
    assert.deepEqual(kinds(evaluate(s, coach, fix(bj('10:03'), 98, here(s)), RULES), 'end'), ['overspeed']);
  });

  test('overspeed by 20% becomes high level; a vehicle limit overrides its type', () => {
    const s = newRuleState();
    const limited: VehicleProfile = { vehicleType: 'heavyFreight', speedLimit: 60 };
    const events = drive(s, limited, bj('10:00'), 60, 75, 10);
    assert.ok(events.some((e) => e.type === 'raise' && e.kind === 'overspeed'));
    assert.ok(events.some((e) => e.type === 'update' && e.kind === 'overspeed' && e.level === 'high'));
    assert.deepEqual(kinds(drive(newRuleState(), truck, bj('10:00'), 60, 75, 10), 'raise'), []);
  });

  test('fatigue: over 4 h of daytime driving without a 20-minute rest, ended by the rest', () => {
    const s = newRuleState();
    assert.deepEqual(kinds(drive(s, truck, bj('08:00'), 4 * 3600, 60), 'raise'), []);
    const over = drive(s, truck, bj('12:00', 30), 120, 60);
    assert.deepEqual(kinds(over, 'raise'), ['fatigue']);
    // A 10-minute stop is not a rest: still fatigued.
    assert.deepEqual(kinds(drive(s, truck, bj('12:03'), 600, 0), 'end'), []);
    assert.deepEqual(kinds(drive(s, truck, bj('12:14'), 120, 60), 'end'), []);
    const rest = drive(s, truck, bj('12:17'), 21 * 60, 0);
    assert.deepEqual(kinds(rest, 'end'), ['fatigue']);
  });

  test('short stops do not reset continuous driving; a 20-minute rest does', () => {
    const s = newRuleState();
    drive(s, truck, bj('07:00'), 2 * 3600, 60);
    drive(s, truck, bj('09:00', 30), 15 * 60, 0);
    assert.deepEqual(kinds(drive(s, truck, bj('09:16'), 2 * 3600 + 60, 60), 'raise'), ['fatigue']);
    const t = newRuleState();
    drive(t, truck, bj('07:00'), 2 * 3600, 60);
    drive(t, truck, bj('09:00', 30), 20 * 60, 0);
    assert.deepEqual(kinds(drive(t, truck, bj('09:21'), 2 * 3600 + 60, 60), 'raise'), []);
  });

  test('at night continuous driving over 2 h is fatigue', () => {
    const s = newRuleState();
    const events = drive(s, truck, bj('22:30'), 2 * 3600 + 120, 60);
    assert.ok(kinds(events, 'raise').includes('fatigue'));
  });

  test('over 8 h of driving in 24 h is its own alarm, even with proper rests', () => {
    const s = newRuleState();
    let raised: string[] = [];
    for (const [start, hours] of [
      ['05:00', 3.5],
      ['09:00', 3.5],
      ['13:00', 1.5],
    ] as const) {
      raised = [...raised, ...kinds(drive(s, truck, bj(start), hours * 3600, 60), 'raise')];
      raised = [...raised, ...kinds(drive(s, truck, bj(start, hours * 3600 + 30), 25 * 60, 0), 'raise')];
    }
    assert.deepEqual(raised, ['dailyDriving']);
  });

  test('night driving: a coach over 80% of its day limit between 22:00 and 06:00; not a truck', () => {
    const day = newRuleState();
    assert.deepEqual(kinds(drive(day, coach, bj('21:00'), 60, 90, 10), 'raise'), []);
    const night = newRuleState();
    const events = drive(night, coach, bj('23:00'), 60, 90, 10);
    assert.deepEqual(kinds(events, 'raise'), ['nightDriving']);
    assert.deepEqual(kinds(drive(newRuleState(), truck, bj('23:00'), 60, 90, 10), 'raise'), []);
  });

  test('a coach driving between 02:00 and 05:00 is early-morning operation', () => {
    const s = newRuleState();
    const events = drive(s, coach, bj('02:10'), 60, 60, 10);
    assert.ok(kinds(events, 'raise').includes('earlyMorningOperation'));
    assert.deepEqual(kinds(drive(s, coach, bj('02:12'), 60, 0, 10), 'end'), ['earlyMorningOperation']);
  });

  test('a position jump is raised and ended at once; a hole in a moving track is a gap', () => {
    const s = newRuleState();
    evaluate(s, truck, fix(bj('10:00'), 60), RULES);
    const events = evaluate(s, truck, fix(bj('10:00', 30), 60, { lon: 119.3 }), RULES);
    assert.deepEqual(
      events.map((e) => `${e.type} ${e.kind}`),
      ['raise positionJump', 'end positionJump'],
    );
    const raise = events[0];
    assert.ok(raise?.type === 'raise');
    assert.equal(raise.details.reason, 'speed');
    const gap = evaluate(s, truck, fix(bj('10:10'), 60, { lon: 119.35 }), RULES);
    assert.equal(gap[0]?.type === 'raise' && gap[0].details.reason, 'gap');
    // An unpositioned fix carries stale coordinates: no jump.
    assert.deepEqual(evaluate(s, truck, fix(bj('10:10', 30), 60, { lon: 120, status: 1 }), RULES), []);
  });

  test('fixes older than the last one change nothing', () => {
    const s = newRuleState();
    evaluate(s, truck, fix(bj('10:00'), 0), RULES);
    assert.deepEqual(evaluate(s, truck, fix(bj('09:00'), 0, { alarm: 1 }), RULES), []);
    assert.equal(s.last?.time, bj('10:00').getTime());
  });

  test('restored open alarms are ended, not raised again', () => {
    const s = newRuleState();
    restoreOpen(s, [{ kind: 'terminal.sos', startedAt: bj('09:00'), peak: null, level: 'high' }]);
    const events = evaluate(s, truck, fix(bj('10:00'), 0), RULES);
    assert.deepEqual(
      events.map((e) => `${e.type} ${e.kind}`),
      ['end terminal.sos'],
    );
  });

  test('offline too long only when the last report was not parked with the ignition off', () => {
    const now = bj('12:00');
    const seen = bj('11:30');
    assert.equal(offlineTooLong({ lastSeenAt: seen, speed: 50, status: 3 }, now, RULES), true);
    assert.equal(offlineTooLong({ lastSeenAt: seen, speed: 0, status: 2 }, now, RULES), false);
    assert.equal(offlineTooLong({ lastSeenAt: bj('11:50'), speed: 50, status: 3 }, now, RULES), false);
  });

  test('property: per kind, raises and ends alternate and match the open set', () => {
    const fixArb = fc.record({
      dt: fc.integer({ min: -60, max: 3600 }),
      speed: fc.float({ min: 0, max: 250, noNaN: true }),
      dLon: fc.float({ min: -1, max: 1, noNaN: true }),
      alarm: fc.integer({ min: 0, max: 0xffffffff }),
      status: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(fixArb, { maxLength: 200 }), fc.boolean(), (steps, isCoach) => {
        const s = newRuleState();
        const open = new Set<string>();
        let t = bj('00:00').getTime();
        let lon = 118;
        for (const step of steps) {
          t += step.dt * 1000;
          lon = Math.max(-180, Math.min(180, lon + step.dLon));
          const f: Fix = {
            time: t,
            lat: 32,
            lon,
            speed: step.speed,
            alarm: step.alarm,
            status: step.status,
          };
          for (const e of evaluate(s, isCoach ? coach : truck, f, RULES)) {
            if (e.type === 'raise') {
              assert.ok(!open.has(e.kind), `raised twice: ${e.kind}`);
              open.add(e.kind);
            } else if (e.type === 'end') assert.ok(open.delete(e.kind), `ended unopened: ${e.kind}`);
            else assert.ok(open.has(e.kind), `updated unopened: ${e.kind}`);
          }
        }
        assert.deepEqual([...s.active.keys()].sort(), [...open].sort());
      }),
      { numRuns: 300 },
    );
  });
});

describe('alarm rule configuration', () => {
  test('the Beijing hour of any instant, before 1970 too, is the UTC hour plus 8', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
        assert.equal(beijingHour(ms), (new Date(ms).getUTCHours() + 8) % 24);
      }),
    );
    assert.equal(beijingHour(Date.parse('1969-12-31T15:59:59Z')), 23);
    assert.equal(beijingHour(Date.parse('1969-12-31T16:00:00Z')), 0);
  });

  test('JSON overrides apply over the defaults; bad keys and values are named', () => {
    const { rules, problems } = parseAlarmRules('{"offlineAfterS":1800,"speedLimits":{"heavyFreight":90}}');
    assert.deepEqual(problems, []);
    assert.equal(rules.offlineAfterS, 1800);
    assert.equal(rules.speedLimits.heavyFreight, 90);
    assert.equal(rules.speedLimits.scheduledCoach, 100, 'other types keep their default');
    assert.equal(parseAlarmRules(undefined).rules, RULES);
    assert.deepEqual(
      parseAlarmRules('{"offlineAfter":1,"minRestS":-1,"speedLimits":{"bus":1},"nightStartHour":24}')
        .problems,
      [
        'offlineAfter: unknown rule',
        'minRestS: expected a positive number',
        'speedLimits.bus: unknown vehicle type',
        'nightStartHour: expected an hour 0-23',
      ],
    );
    assert.deepEqual(parseAlarmRules('[1]').problems, ['expected a JSON object']);
    assert.deepEqual(parseAlarmRules('{').problems, ['expected a JSON object']);
  });

  test('JTGOV_VEHICLE_ALARM_RULES reaches the configuration; a bad one stops the start', () => {
    const config = loadConfig({ JTGOV_VEHICLE_ALARM_RULES: '{"overspeedMinDurationS":30}' });
    assert.equal(config.vehicleAlarmRules.overspeedMinDurationS, 30);
    assert.equal(loadConfig({}).vehicleAlarmRules, RULES);
    assert.throws(
      () => loadConfig({ JTGOV_VEHICLE_ALARM_RULES: '{"overspeed":1}' }),
      /JTGOV_VEHICLE_ALARM_RULES: overspeed: unknown rule/,
    );
  });
});
