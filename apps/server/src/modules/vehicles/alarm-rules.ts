// Alarm rules as a pure state machine per vehicle: positions in, alarm transitions out. No I/O,
// no clock: time is the fixes' GNSS time. The evaluator (alarms.evaluator.ts) stores the outcome.
import {
  type AlarmKind,
  type AlarmLevel,
  type AlarmRulesConfig,
  beijingHour,
  inWindow,
  levelOf,
  terminalBitOf,
  terminalKind,
} from './alarm-config.ts';

const TERMINAL_KINDS = Array.from({ length: 32 }, (_, bit) => terminalKind(bit));

import type { SpeedZoneIndex } from './speed-zones.index.ts';
import type { VehicleType } from './vehicles.tables.ts';

export interface Fix {
  /** GNSS time, epoch ms: no Date per position on the hot path. */
  readonly time: number;
  readonly lat: number;
  readonly lon: number;
  /** km/h */
  readonly speed: number;
  readonly alarm: number;
  readonly status: number;
}

export interface VehicleProfile {
  readonly vehicleType: VehicleType;
  /** The vehicle's own limit, km/h; null: its type's. */
  readonly speedLimit: number | null;
}

/** An alarm begins, goes on (its peak or level changed), or ends. */
export type RuleEvent =
  | {
      readonly type: 'raise';
      readonly kind: AlarmKind;
      readonly level: AlarmLevel;
      readonly startedAt: Date;
      readonly at: Date;
      readonly fix: Fix;
      readonly value: number | null;
      readonly details: Record<string, unknown>;
    }
  | {
      readonly type: 'update';
      readonly kind: AlarmKind;
      readonly level: AlarmLevel;
      readonly at: Date;
      readonly value: number | null;
    }
  | { readonly type: 'end'; readonly kind: AlarmKind; readonly at: Date };

interface Active {
  readonly startedAt: Date;
  peak: number | null;
  level: AlarmLevel;
}

interface Run {
  since: number;
  peak: number;
}

/** Everything the rules remember about one vehicle. */
export interface RuleState {
  last: Fix | null;
  /** Alarms open now, as the store knows them. */
  readonly active: Map<AlarmKind, Active>;
  /** The terminal alarm bits open now (the terminal.* kinds of `active`). */
  terminalMask: number;
  overspeed: Run | null;
  nightSpeed: Run | null;
  earlyMorning: Run | null;
  /** Driving since the last rest of minRestS (seconds), and the stop going on now. */
  continuousS: number;
  stoppedS: number;
  /** Driving intervals [start, end] in ms over the last 24 h, oldest first, merged when touching. */
  readonly driving: [number, number][];
}

export function newRuleState(): RuleState {
  return {
    last: null,
    active: new Map(),
    terminalMask: 0,
    overspeed: null,
    nightSpeed: null,
    earlyMorning: null,
    continuousS: 0,
    stoppedS: 0,
    driving: [],
  };
}

/** Marks alarms the store holds open, so the rules end or extend them rather than raise again. */
export function restoreOpen(
  state: RuleState,
  open: readonly { kind: AlarmKind; startedAt: Date; peak: number | null; level: AlarmLevel }[],
): void {
  state.active.clear();
  state.terminalMask = 0;
  for (const a of open) {
    state.active.set(a.kind, { startedAt: a.startedAt, peak: a.peak, level: a.level });
    const bit = terminalBitOf(a.kind);
    if (bit !== null && bit >= 0) state.terminalMask = (state.terminalMask | (1 << bit)) >>> 0;
  }
}

const DAY_MS = 86_400_000;

/** Great-circle distance in metres (haversine, mean Earth radius). */
export function distanceM(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const speedLimitOf = (profile: VehicleProfile, config: AlarmRulesConfig): number =>
  profile.speedLimit ?? config.speedLimits[profile.vehicleType];

/** Seconds of driving in the 24 h up to `nowMs`. */
export function drivingInLastDayS(state: RuleState, nowMs: number): number {
  let total = 0;
  for (const [start, end] of state.driving) total += Math.max(0, end - Math.max(start, nowMs - DAY_MS));
  return total / 1000;
}

/** The detail a number stands for, per kind: a speed limit, a time limit, a terminal bit. */
const DETAIL_KEY: Partial<Record<string, string>> = {
  overspeed: 'limit',
  nightDriving: 'limit',
  fatigue: 'limitS',
  dailyDriving: 'limitS',
};

/**
 * Moves one kind to on or off for this fix. A module function, not a closure per call: it runs
 * for every kind of every position. Start time and details are built only when an alarm is raised.
 */
function transitionTo(
  state: RuleState,
  events: RuleEvent[],
  fix: Fix,
  kind: AlarmKind,
  on: boolean,
  startedAtMs: number,
  value: number | null,
  detail: number | Record<string, unknown> | null = null,
): void {
  const active = state.active.get(kind);
  const t = fix.time;
  if (on && !active) {
    const level = levelOf(kind);
    const startedAt = new Date(startedAtMs);
    state.active.set(kind, { startedAt, peak: value, level });
    const details = typeof detail === 'number' ? { [DETAIL_KEY[kind] ?? 'bit']: detail } : (detail ?? {});
    events.push({ type: 'raise', kind, level, startedAt, at: new Date(t), fix, value, details });
  } else if (on && active) {
    // Only a higher peak is news; the evaluator extends every open alarm to the last fix anyway.
    if (value !== null && (active.peak === null || value > active.peak)) {
      active.peak = value;
      events.push({ type: 'update', kind, level: active.level, at: new Date(t), value });
    }
  } else if (!on && active) {
    state.active.delete(kind);
    events.push({ type: 'end', kind, at: new Date(t) });
  }
}

/**
 * Feeds one fix. Fixes not newer than the last one (blind-area back-fill, retransmissions) change
 * nothing: the rules look at a vehicle's present, and its past was judged when it was present.
 * Inside a road-class zone the zone's limit for the vehicle's type applies when it is lower.
 */
export function evaluate(
  state: RuleState,
  profile: VehicleProfile,
  fix: Fix,
  config: AlarmRulesConfig,
  zones: SpeedZoneIndex | null = null,
): RuleEvent[] {
  const prev = state.last;
  if (prev && fix.time <= prev.time) return [];
  state.last = fix;
  const events: RuleEvent[] = [];
  const t = fix.time;
  const tMs = t;

  // Terminal alarm bits: raised while set, ended when reset. Only changed bits are looked at.
  const alarmBits = fix.alarm >>> 0;
  const changed = (alarmBits ^ state.terminalMask) >>> 0;
  if (changed !== 0) {
    for (let bit = 0; bit < 32; bit++)
      if ((changed >>> bit) & 1)
        transitionTo(
          state,
          events,
          fix,
          TERMINAL_KINDS[bit]!,
          ((alarmBits >>> bit) & 1) === 1,
          tMs,
          null,
          bit,
        );
    state.terminalMask = alarmBits;
  }

  const driving = fix.speed > config.drivingSpeedKmh;
  const hour = beijingHour(t);
  const own = speedLimitOf(profile, config);
  const zone = zones === null ? null : zones.limitAt(fix.lat, fix.lon, profile.vehicleType);
  const inZone = zone !== null && zone.limit < own;
  const limit = inZone ? zone.limit : own;

  // Platform overspeed, held for the minimum duration.
  state.overspeed = runOf(state.overspeed, fix.speed > limit, t, fix.speed);
  const overspeedOn = held(state.overspeed, t, config.overspeedMinDurationS);
  transitionTo(
    state,
    events,
    fix,
    'overspeed',
    overspeedOn,
    state.overspeed?.since ?? t,
    state.overspeed?.peak ?? null,
    inZone ? zone.details : limit,
  );
  const over = state.active.get('overspeed');
  if (over && over.level !== 'high' && (over.peak ?? 0) >= limit * (1 + config.overspeedHighRatio)) {
    over.level = 'high';
    events.push({ type: 'update', kind: 'overspeed', level: 'high', at: new Date(t), value: over.peak });
  }

  // Night speed for coaches: over a fraction of the day limit between 22:00 and 06:00.
  const isNight = inWindow(hour, config.nightStartHour, config.nightEndHour);
  if (config.nightDrivingTypes.includes(profile.vehicleType)) {
    const nightLimit = Math.round(limit * config.nightSpeedRatio * 10) / 10;
    state.nightSpeed = runOf(state.nightSpeed, isNight && fix.speed > nightLimit, t, fix.speed);
    const on = held(state.nightSpeed, t, config.overspeedMinDurationS);
    transitionTo(
      state,
      events,
      fix,
      'nightDriving',
      on,
      state.nightSpeed?.since ?? t,
      state.nightSpeed?.peak ?? null,
      nightLimit,
    );
  }

  // Long-distance coaches operating between 02:00 and 05:00.
  if (config.earlyMorningTypes.includes(profile.vehicleType)) {
    const inEarly = inWindow(hour, config.earlyMorningStartHour, config.earlyMorningEndHour);
    state.earlyMorning = runOf(state.earlyMorning, inEarly && driving, t, fix.speed);
    const on = held(state.earlyMorning, t, config.overspeedMinDurationS);
    transitionTo(
      state,
      events,
      fix,
      'earlyMorningOperation',
      on,
      state.earlyMorning?.since ?? t,
      state.earlyMorning?.peak ?? null,
    );
  }

  // Driving time: the interval since the previous fix counts as that fix's state. A silence
  // longer than a rest is taken as a rest, so a terminal that drops out never makes a driver
  // "fatigued" by itself.
  if (prev) {
    const dtS = (t - prev.time) / 1000;
    const prevDriving = prev.speed > config.drivingSpeedKmh;
    if (dtS >= config.minRestS) {
      state.continuousS = 0;
      state.stoppedS = 0;
    } else if (prevDriving) {
      state.continuousS += dtS;
      addDriving(state, prev.time, t);
    } else {
      state.stoppedS += dtS;
      if (state.stoppedS >= config.minRestS) state.continuousS = 0;
    }
    if (driving) state.stoppedS = 0;
  }
  const continuousLimit = isNight ? config.continuousDrivingNightS : config.continuousDrivingDayS;
  const fatigueActive = state.active.has('fatigue');
  // Once raised, fatigue lasts until the driver has rested (continuous driving reset).
  const fatigueOn = state.continuousS > continuousLimit || (fatigueActive && state.continuousS > 0);
  transitionTo(
    state,
    events,
    fix,
    'fatigue',
    fatigueOn,
    tMs - state.continuousS * 1000,
    state.continuousS,
    continuousLimit,
  );
  pruneDriving(state, t);
  const dayS = drivingInLastDayS(state, t);
  transitionTo(
    state,
    events,
    fix,
    'dailyDriving',
    dayS > config.dailyDrivingS,
    tMs,
    dayS,
    config.dailyDrivingS,
  );

  // Position jumps (implied speed between fixes) and holes in a moving vehicle's track.
  if (prev && isFixed(prev) && isFixed(fix)) {
    const dtS = (t - prev.time) / 1000;
    const metres = distanceM(prev, fix);
    const impliedKmh = (metres / dtS) * 3.6;
    const jump = metres >= config.jumpMinDistanceM && impliedKmh > config.jumpSpeedKmh;
    const gap = !jump && dtS > config.trackGapS && prevDriving(prev, config) && driving;
    if (jump || gap) {
      const details = {
        reason: jump ? 'speed' : 'gap',
        from: { lat: prev.lat, lon: prev.lon, time: new Date(prev.time).toISOString() },
        distanceM: Math.round(metres),
        seconds: dtS,
      };
      // A jump is an instant: raised and ended by the same fix.
      state.active.delete('positionJump');
      transitionTo(state, events, fix, 'positionJump', true, prev.time, Math.round(impliedKmh), details);
      transitionTo(state, events, fix, 'positionJump', false, tMs, null);
    }
  }
  return events;
}

const isFixed = (fix: Fix) => (fix.status & 0b10) !== 0;
const prevDriving = (fix: Fix, config: AlarmRulesConfig) => fix.speed > config.drivingSpeedKmh;

function runOf(run: Run | null, on: boolean, t: number, value: number): Run | null {
  if (!on) return null;
  if (!run) return { since: t, peak: value };
  if (value > run.peak) run.peak = value;
  return run;
}

const held = (run: Run | null, t: number, minS: number) => run !== null && (t - run.since) / 1000 >= minS;

function addDriving(state: RuleState, startMs: number, endMs: number): void {
  const last = state.driving[state.driving.length - 1];
  if (last && last[1] >= startMs) last[1] = Math.max(last[1], endMs);
  else state.driving.push([startMs, endMs]);
}

function pruneDriving(state: RuleState, nowMs: number): void {
  while (state.driving.length > 0 && state.driving[0]![1] <= nowMs - DAY_MS) state.driving.shift();
}

export interface LatestSeen {
  readonly lastSeenAt: Date | null;
  readonly speed: number | null;
  readonly status: number | null;
}

/**
 * Offline too long: nothing heard for offlineAfterS, unless the last report said the vehicle was
 * parked with the ignition off (status bit 0, ACC) — a parked vehicle may power its terminal down.
 */
export function offlineTooLong(latest: LatestSeen, now: Date, config: AlarmRulesConfig): boolean {
  if (!latest.lastSeenAt) return false;
  if ((now.getTime() - latest.lastSeenAt.getTime()) / 1000 < config.offlineAfterS) return false;
  const accOn = ((latest.status ?? 0) & 1) === 1;
  const moving = (latest.speed ?? 0) > config.drivingSpeedKmh;
  return accOn || moving;
}
