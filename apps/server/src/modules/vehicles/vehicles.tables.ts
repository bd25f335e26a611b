import type { ColumnType, Generated } from 'kysely';
import type { AlarmTables } from './alarms.tables.ts';
import type { SpeedZoneTables } from './speed-zones.tables.ts';

/** 包车客车, 三类以上班线客车, 危险货物运输车 (the key vehicles, 两客一危), 重型载货汽车, other. */
export type VehicleType = 'charteredCoach' | 'scheduledCoach' | 'dangerousGoods' | 'heavyFreight' | 'other';
export type VehicleStatus = 'active' | 'inactive';

export interface VehicleTable {
  id: Generated<number>;
  plate_no: string;
  /** JT/T 808 colour code: 0 unplated, 1 blue, 2 yellow, 3 black, 4 white, 9 other. */
  plate_color: number;
  vehicle_type: VehicleType;
  operator_name: string;
  /** The authority that supervises the vehicle: its jurisdiction. */
  org_unit_id: number;
  /** BCD digits of the JT/T 808 header, leading zeros stripped; null for a forwarded vehicle. */
  terminal_phone: string | null;
  terminal_id: string | null;
  /** Manufacturer id and model the terminal declared when it registered (0x0100). */
  terminal_maker: ColumnType<string | null, string | null | undefined, string | null>;
  terminal_model: ColumnType<string | null, string | null | undefined, string | null>;
  auth_code: string | null;
  /** The subordinate platform link (JT/T 809) the vehicle's positions come through; null for own terminals. */
  forwarded_by: ColumnType<number | null, number | null | undefined, number | null>;
  status: VehicleStatus;
  registered_at: Date | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface VehiclePositionTable {
  vehicle_id: number;
  gnss_time: Date;
  received_at: Date;
  lat: number;
  lon: number;
  altitude: number;
  speed: number;
  direction: number;
  alarm: number;
  status: number;
  mileage: number | null;
}

export interface VehicleStateTable {
  vehicle_id: number;
  online: boolean;
  connected_at: Date | null;
  last_seen_at: Date | null;
  gnss_time: Date | null;
  lat: number | null;
  lon: number | null;
  speed: number | null;
  direction: number | null;
  alarm: number | null;
  status: number | null;
  /** The gateway process holding the vehicle's connection (vehicle_gateway); null when offline. */
  gateway_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface VehicleTables extends AlarmTables, SpeedZoneTables {
  vehicle: VehicleTable;
  vehicle_position: VehiclePositionTable;
  vehicle_state: VehicleStateTable;
}
