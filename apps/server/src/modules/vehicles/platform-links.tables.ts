import type { Edition } from '@jtgov/jt809';
import type { ColumnType, Generated } from 'kysely';

export type LinkDirection = 'superior' | 'subordinate';

export interface PlatformLinkTable {
  id: Generated<number>;
  name: string;
  direction: LinkDirection;
  /** Superior: whose vehicles are forwarded (the subtree); subordinate: where its vehicles are kept. */
  org_unit_id: number;
  /** Superior only: its main-link address. */
  host: string | null;
  port: number | null;
  /** Superior only: the sub-link address announced in 0x1001 (DOWN_LINK_IP) and the port listened on. */
  down_link_host: string | null;
  down_link_port: number | null;
  /** MSG_GNSSCENTERID: the subordinate's access code, assigned by the superior. */
  gnss_center_id: number;
  user_id: number;
  password_sealed: string;
  edition: Edition;
  encrypt: boolean;
  m1: number;
  ia1: number;
  ic1: number;
  enabled: boolean;
  created_at: ColumnType<Date, Date, never>;
  updated_at: Date;
}

export interface PlatformLinkStateTable {
  link_id: number;
  position_received_at: Date;
  position_vehicle_id: ColumnType<number, number | undefined, number>;
  position_gnss_time: ColumnType<Date, Date | undefined, Date>;
  alarm_id: ColumnType<number, number | undefined, number>;
  acked_at: Date | null;
  positions_forwarded: ColumnType<number, number | undefined, number>;
}

/** A 0x1402 alarm a subordinate platform reported (times as reported, UTC). */
export interface VehicleForwardedAlarmTable {
  id: Generated<number>;
  link_id: number;
  vehicle_id: number;
  warn_type: number;
  /** 2011 WARN_SRC: 1 terminal, 2 enterprise platform, 3 government platform, 9 other. */
  warn_source: number | null;
  /** 2019 SOURCE_PLATFORM_ID. */
  source_platform_id: string | null;
  warn_time: Date;
  start_time: Date | null;
  end_time: Date | null;
  /** 2011 INFO_ID (0 in 2019). */
  info_id: ColumnType<number, number | undefined, number>;
  info: string;
  received_at: Date;
}

/** The terminal registration (0x1201) a subordinate platform reported for one of its vehicles. */
export interface VehicleForwardedRegistrationTable {
  vehicle_id: number;
  link_id: number;
  platform_id: string;
  producer_id: string;
  terminal_model: string;
  imei: string | null;
  terminal_id: string;
  sim_code: string;
  received_at: Date;
}

/** What a link carried in one hour, summed over the processes that ran it. */
export interface PlatformLinkTrafficTable {
  link_id: number;
  hour: Date;
  frames_in: ColumnType<string, number, number>;
  frames_out: ColumnType<string, number, number>;
  bytes_in: ColumnType<string, number, number>;
  bytes_out: ColumnType<string, number, number>;
  /** Superior links: positions the superior confirmed; subordinate links: positions stored. */
  positions: ColumnType<string, number, number>;
  /** Frames that could not be decoded. */
  errors: ColumnType<string, number, number>;
  /** Times the main link broke. */
  reconnects: ColumnType<string, number, number>;
}

/**
 * A link report: 'requested' by this platform of a subordinate (0x9102 sent, its 0x1102 stored),
 * or 'asked' of this platform by its superior (0x9102 received, the 0x1102 answered).
 */
export interface PlatformLinkReportTable {
  id: Generated<number>;
  link_id: number;
  origin: 'requested' | 'asked';
  start_time: Date;
  end_time: Date;
  requested_at: Date;
  /** Null while (or when never) answered. */
  answered_at: Date | null;
  platform_id: string | null;
  lost_locations: ColumnType<string | null, number | null, never>;
  disconnects: number | null;
  disconnected_seconds: ColumnType<string | null, number | null, never>;
}

export interface PlatformLinkTables {
  platform_link: PlatformLinkTable;
  platform_link_traffic: PlatformLinkTrafficTable;
  platform_link_report: PlatformLinkReportTable;
  platform_link_state: PlatformLinkStateTable;
  vehicle_forwarded_alarm: VehicleForwardedAlarmTable;
  vehicle_forwarded_registration: VehicleForwardedRegistrationTable;
}
