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

export interface PlatformLinkTables {
  platform_link: PlatformLinkTable;
  platform_link_state: PlatformLinkStateTable;
}
