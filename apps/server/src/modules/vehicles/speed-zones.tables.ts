import type { ColumnType, Generated } from 'kysely';
import type { RoadClass, ZoneShape } from './speed-zones.index.ts';
import type { VehicleType } from './vehicles.tables.ts';

/** A road-class speed zone the platform's overspeed rule applies (see speed-zones.index.ts). */
export interface VehicleSpeedZoneTable {
  id: Generated<number>;
  /** Who manages it; the zone applies to every vehicle that enters it. */
  org_unit_id: number;
  name: string;
  road_class: RoadClass;
  shape: ZoneShape;
  /** [[lon, lat], …] as JSON. */
  coordinates: ColumnType<[number, number][], string, string>;
  width_m: number | null;
  speed_limits: ColumnType<Partial<Record<VehicleType, number>>, string, string>;
  enabled: boolean;
  created_at: ColumnType<Date, Date, never>;
  updated_at: Date;
}

export interface SpeedZoneTables {
  vehicle_speed_zone: VehicleSpeedZoneTable;
}
