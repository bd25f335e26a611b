// Alarm thresholds: configuration with defaults. Each default names the rule it comes from; where
// the rules leave a number to the platform, the comment says so.
import { ALARM_BITS, type AlarmName } from '@jtgov/jt808';
import type { VehicleType } from './vehicles.tables.ts';

export type PlatformAlarmKind =
  | 'overspeed'
  | 'fatigue'
  | 'dailyDriving'
  | 'nightDriving'
  | 'earlyMorningOperation'
  | 'offline'
  | 'positionJump';

export const PLATFORM_ALARM_KINDS: readonly PlatformAlarmKind[] = [
  'overspeed',
  'fatigue',
  'dailyDriving',
  'nightDriving',
  'earlyMorningOperation',
  'offline',
  'positionJump',
];

/** A terminal alarm is named after its JT/T 808 bit: `terminal.sos`, `terminal.collision` … */
export type TerminalAlarmKind = `terminal.${AlarmName}`;
export type AlarmKind = PlatformAlarmKind | TerminalAlarmKind;
export type AlarmLevel = 'low' | 'medium' | 'high';

export const terminalKind = (bit: number): TerminalAlarmKind => `terminal.${ALARM_BITS[bit]!}`;

export const ALARM_KINDS: readonly AlarmKind[] = [
  ...PLATFORM_ALARM_KINDS,
  ...ALARM_BITS.map((name) => `terminal.${name}` as const),
];

export const isAlarmKind = (value: string): value is AlarmKind =>
  (ALARM_KINDS as readonly string[]).includes(value);

/** The JT/T 808 bit of a terminal kind, null for platform kinds. */
export const terminalBitOf = (kind: AlarmKind): number | null =>
  kind.startsWith('terminal.') ? ALARM_BITS.indexOf(kind.slice(9) as AlarmName) : null;

export interface AlarmRulesConfig {
  /** km/h by vehicle type; a vehicle's own limit (vehicle_alarm_setting) overrides it. */
  readonly speedLimits: Readonly<Record<VehicleType, number>>;
  /** Over the limit for at least this long before an overspeed (or night-speed) alarm. */
  readonly overspeedMinDurationS: number;
  /** Overspeed by this fraction of the limit or more is a high-level alarm. */
  readonly overspeedHighRatio: number;
  /** Speed above which a vehicle counts as driving, km/h. */
  readonly drivingSpeedKmh: number;
  readonly continuousDrivingDayS: number;
  readonly continuousDrivingNightS: number;
  readonly minRestS: number;
  /** Total driving in any 24 hours. */
  readonly dailyDrivingS: number;
  /** Night window in Beijing time, hours [start, end) wrapping midnight. */
  readonly nightStartHour: number;
  readonly nightEndHour: number;
  readonly nightSpeedRatio: number;
  readonly nightDrivingTypes: readonly VehicleType[];
  /** 02:00-05:00 Beijing time: long-distance coaches stop or relay drivers. */
  readonly earlyMorningStartHour: number;
  readonly earlyMorningEndHour: number;
  readonly earlyMorningTypes: readonly VehicleType[];
  /** No report for this long while not parked. */
  readonly offlineAfterS: number;
  /** Implied speed between two consecutive fixes above this is a jump (drift or a tampered feed). */
  readonly jumpSpeedKmh: number;
  /** Jumps shorter than this are GNSS noise, whatever the implied speed. */
  readonly jumpMinDistanceM: number;
  /** Consecutive fixes of a moving vehicle further apart in time than this: a gap in the track. */
  readonly trackGapS: number;
}

export const DEFAULT_ALARM_RULES: AlarmRulesConfig = {
  // 道路交通安全法实施条例 Art. 78: on expressways large passenger vehicles and goods vehicles at
  // most 100 km/h, cars 120. 危险货物道路运输安全管理办法 (2019, 交通运输部令2019年第29号)
  // (as summarised for this platform; check the article before relying on it): dangerous-goods
  // vehicles at most 80 km/h on expressways, 60 on other roads. Without
  // map matching the road class is unknown, so the default is the expressway maximum; a lower
  // limit for a vehicle on ordinary roads is its own setting.
  speedLimits: {
    charteredCoach: 100,
    scheduledCoach: 100,
    dangerousGoods: 80,
    heavyFreight: 100,
    other: 120,
  },
  // Platform choice (the rules set none): JT/T 808 parameter 0x0056 "overspeed duration" plays the
  // same role in terminals; 10 s keeps a single GNSS spike from alarming.
  overspeedMinDurationS: 10,
  // Penalty tiers step at 20% over the limit (demerit-point rules) and 50% (道路交通安全法 Art. 99).
  overspeedHighRatio: 0.2,
  // Platform choice: GNSS speed of a parked vehicle drifts by a few km/h.
  drivingSpeedKmh: 5,
  // 道路交通安全法实施条例 Art. 62(7): no more than 4 h continuous driving without a rest of at
  // least 20 min. 交运发〔2012〕33号 (客运安全): coach drivers at most 2 h continuously at night
  // and 8 h in 24 h; 第55号令 has the platform watch for fatigue driving.
  continuousDrivingDayS: 4 * 3600,
  continuousDrivingNightS: 2 * 3600,
  minRestS: 20 * 60,
  dailyDrivingS: 8 * 3600,
  // 道路旅客运输及客运站管理规定 (交通运输部令2020年第17号): coaches at night (22:00-06:00)
  // at most 80% of the daytime limit.
  nightStartHour: 22,
  nightEndHour: 6,
  nightSpeedRatio: 0.8,
  nightDrivingTypes: ['charteredCoach', 'scheduledCoach'],
  // 交运发〔2012〕33号: coaches on routes of 800 km and more stop from 02:00 to 05:00 or relay
  // (接驳运输). The registry does not hold route length, so every coach type is checked.
  earlyMorningStartHour: 2,
  earlyMorningEndHour: 5,
  earlyMorningTypes: ['charteredCoach', 'scheduledCoach'],
  // Platform choice: JT/T 808-2013 §7.2.2 treats three missed heartbeats (default 60 s) as
  // disconnected; 20 min without any report while not parked is an offline alarm.
  offlineAfterS: 20 * 60,
  // Platform choice: no road vehicle reaches 200 km/h.
  jumpSpeedKmh: 200,
  jumpMinDistanceM: 1000,
  // Platform choice: reports come every 30 s or less while driving (JT/T 808 parameter 0x0029
  // default); 5 min with nothing between two moving fixes is a hole in the track.
  trackGapS: 5 * 60,
};

const HIGH_BITS = new Set<AlarmName>(['sos', 'dangerWarning', 'collision', 'rollover', 'stolen']);
const MEDIUM_BITS = new Set<AlarmName>([
  'overspeed',
  'fatigue',
  'dailyDrivingTimeout',
  'powerOff',
  'illegalIgnition',
  'illegalDisplacement',
  'illegalDoorOpen',
  'routeDeviation',
  'areaInOut',
  'routeInOut',
  'routeDriveTime',
  'gnssAntennaCut',
]);

/** The level an alarm starts at: life-threatening terminal alarms and fatigue are high. */
export function levelOf(kind: AlarmKind): AlarmLevel {
  if (kind.startsWith('terminal.')) {
    const name = kind.slice(9) as AlarmName;
    return HIGH_BITS.has(name) ? 'high' : MEDIUM_BITS.has(name) ? 'medium' : 'low';
  }
  switch (kind) {
    case 'fatigue':
    case 'earlyMorningOperation':
      return 'high';
    case 'positionJump':
      return 'low';
    default:
      return 'medium';
  }
}

/** The Beijing-time hour (UTC+8, no daylight saving) of an epoch-ms instant, without a Date. */
export const beijingHour = (ms: number): number =>
  Math.floor(((((ms + 8 * HOUR_MS) % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS);

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const inWindow = (hour: number, start: number, end: number): boolean =>
  start <= end ? hour >= start && hour < end : hour >= start || hour < end;

const VEHICLE_TYPES = [
  'charteredCoach',
  'scheduledCoach',
  'dangerousGoods',
  'heavyFreight',
  'other',
] as const;
const TYPE_LISTS = new Set(['nightDrivingTypes', 'earlyMorningTypes']);
const HOURS = new Set(['nightStartHour', 'nightEndHour', 'earlyMorningStartHour', 'earlyMorningEndHour']);

/**
 * Overrides of the defaults from JSON (JTGOV_VEHICLE_ALARM_RULES), e.g.
 * `{"offlineAfterS":1800,"speedLimits":{"heavyFreight":90}}`. Unknown keys and values of the
 * wrong shape are problems; what is valid is applied.
 */
export function parseAlarmRules(text: string | undefined): { rules: AlarmRulesConfig; problems: string[] } {
  const problems: string[] = [];
  if (text === undefined || text.trim() === '') return { rules: DEFAULT_ALARM_RULES, problems };
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return { rules: DEFAULT_ALARM_RULES, problems: ['expected a JSON object'] };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { rules: DEFAULT_ALARM_RULES, problems: ['expected a JSON object'] };
  const out: Record<string, unknown> = {
    ...DEFAULT_ALARM_RULES,
    speedLimits: { ...DEFAULT_ALARM_RULES.speedLimits },
  };
  const positive = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0;
  for (const [key, value] of Object.entries(input)) {
    if (!(key in DEFAULT_ALARM_RULES)) problems.push(`${key}: unknown rule`);
    else if (key === 'speedLimits') {
      if (typeof value !== 'object' || value === null) problems.push('speedLimits: expected an object');
      else
        for (const [type, limit] of Object.entries(value)) {
          if (!(VEHICLE_TYPES as readonly string[]).includes(type))
            problems.push(`speedLimits.${type}: unknown vehicle type`);
          else if (!positive(limit) || (limit as number) > 250)
            problems.push(`speedLimits.${type}: expected 1-250 km/h`);
          else (out.speedLimits as Record<string, number>)[type] = limit as number;
        }
    } else if (TYPE_LISTS.has(key)) {
      if (!Array.isArray(value) || !value.every((t) => (VEHICLE_TYPES as readonly string[]).includes(t)))
        problems.push(`${key}: expected a list of vehicle types`);
      else out[key] = value;
    } else if (HOURS.has(key)) {
      if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 23)
        problems.push(`${key}: expected an hour 0-23`);
      else out[key] = value;
    } else if (!positive(value)) problems.push(`${key}: expected a positive number`);
    else out[key] = value;
  }
  return { rules: out as unknown as AlarmRulesConfig, problems };
}
