import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export type AlarmState = 'new' | 'acknowledged' | 'handling' | 'closed';

/** One alarm of one vehicle: open (ended_at null) while its condition lasts, handled through a workflow. */
export interface VehicleAlarmTable {
  id: Generated<number>;
  vehicle_id: number;
  /** AlarmKind: a platform rule or `terminal.<JT/T 808 alarm bit name>`. */
  kind: string;
  source: 'terminal' | 'platform';
  /** The JT/T 808 alarm bit of a terminal alarm. */
  terminal_bit: number | null;
  level: 'low' | 'medium' | 'high';
  state: ColumnType<AlarmState, AlarmState | undefined, AlarmState>;
  started_at: Date;
  /** The last fix at which the condition still held. */
  last_at: Date;
  ended_at: Date | null;
  lat: number;
  lon: number;
  speed: number;
  peak_value: number | null;
  details: JSONColumnType<Record<string, unknown>>;
  handling_note: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** Per-vehicle alarm settings: its own speed limit, overriding its type's. */
export interface VehicleAlarmSettingTable {
  vehicle_id: number;
  speed_limit: number | null;
  updated_at: Date;
}

/** A gateway process: its id is written on the vehicles it holds; it beats while alive. */
export interface VehicleGatewayTable {
  id: string;
  host: string;
  started_at: Date;
  beat_at: Date;
}

export interface AlarmTables {
  vehicle_alarm: VehicleAlarmTable;
  vehicle_alarm_setting: VehicleAlarmSettingTable;
  vehicle_gateway: VehicleGatewayTable;
}
