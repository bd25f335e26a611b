// What the vehicles API sends (apps/server/src/modules/vehicles/*.schemas.ts).

export const VEHICLE_TYPES = [
  'charteredCoach',
  'scheduledCoach',
  'dangerousGoods',
  'heavyFreight',
  'other',
] as const;
export type VehicleType = (typeof VEHICLE_TYPES)[number];

export interface Vehicle {
  id: number;
  plateNo: string;
  plateColor: number;
  vehicleType: VehicleType;
  keyVehicle: boolean;
  operatorName: string;
  orgUnitId: number;
  orgName: string;
  terminalPhone: string | null;
  terminalId: string | null;
  status: 'active' | 'inactive';
  online: boolean;
  lastSeenAt: string | null;
  registeredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LatestPosition {
  vehicleId: number;
  plateNo: string;
  plateColor: number;
  vehicleType: VehicleType;
  online: boolean;
  lastSeenAt: string | null;
  gnssTime: string;
  lat: number;
  lon: number;
  /** km/h */
  speed: number;
  direction: number;
  alarm: number;
  status: number;
}

export interface TrackPoint {
  gnssTime: string;
  lat: number;
  lon: number;
  altitude: number;
  speed: number;
  direction: number;
  alarm: number;
  status: number;
  mileage: number | null;
}

/** 两客一危 (key vehicles) is a type group of its own in the filters. */
export type TypeFilter = VehicleType | 'keyVehicles';
export type StateFilter = 'online' | 'offline' | 'alarm';

export interface VehicleFilters {
  state?: StateFilter;
  type?: TypeFilter;
  q?: string;
}

export const ALARM_STATES = ['new', 'acknowledged', 'handling', 'closed'] as const;
export type AlarmState = (typeof ALARM_STATES)[number];
export const ALARM_LEVELS = ['low', 'medium', 'high'] as const;
export type AlarmLevel = (typeof ALARM_LEVELS)[number];
export type AlarmAction = 'acknowledge' | 'handle' | 'close';

/** The platform's own rules; terminal alarms are `terminal.<JT/T 808 bit name>`. */
export const PLATFORM_ALARM_KINDS = [
  'overspeed',
  'fatigue',
  'dailyDriving',
  'nightDriving',
  'earlyMorningOperation',
  'offline',
  'positionJump',
] as const;

export interface Alarm {
  id: number;
  vehicleId: number;
  plateNo: string;
  plateColor: number;
  vehicleType: string;
  orgUnitId: number;
  kind: string;
  source: 'terminal' | 'platform';
  terminalBit: number | null;
  level: AlarmLevel;
  state: AlarmState;
  startedAt: string;
  lastAt: string;
  endedAt: string | null;
  ongoing: boolean;
  lat: number;
  lon: number;
  speed: number;
  peakValue: number | null;
  details: Record<string, unknown>;
  handlingNote: string | null;
  updatedAt: string;
}

export interface AlarmHistoryEntry {
  id: number;
  fromState: string;
  toState: string;
  action: string;
  actorUsername: string | null;
  at: string;
  note: unknown;
}

export interface AlarmDetail {
  alarm: Alarm;
  history: AlarmHistoryEntry[];
  actions: AlarmAction[];
}

export interface AlarmCounts {
  total: number;
  byKind: { kind: string; level: AlarmLevel; count: number }[];
}

export interface AlarmFilters {
  kind?: string;
  state?: AlarmState;
  level?: AlarmLevel;
  from?: string;
  to?: string;
}
