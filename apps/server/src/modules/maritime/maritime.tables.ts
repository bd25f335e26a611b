import type { ColumnType, Generated } from 'kysely';
import type { SarTables } from './sar.tables.ts';

export type FeedKind = 'tcp-client' | 'tcp-server' | 'udp' | 'file';
/** How a file feed replays: at the pace of its tag-block times, or as fast as it can be read. */
export type ReplayPace = 'realtime' | 'fast';

/** Latest static and voyage data per MMSI (types 5, 19 and 24), merged field by field. */
export interface VesselStaticTable {
  mmsi: number;
  name: string | null;
  call_sign: string | null;
  imo: number | null;
  ship_type: number | null;
  to_bow: number | null;
  to_stern: number | null;
  to_port: number | null;
  to_starboard: number | null;
  /** Metres. */
  draught: number | null;
  destination: string | null;
  /** The reported month/day/hour placed in the year that makes it the nearest future date. */
  eta: Date | null;
  /** When the latest static message was received. */
  source_time: Date;
}

/** One position report; partitioned by month of `at` (range partitions made on demand). */
export interface VesselTrackTable {
  mmsi: number;
  at: Date;
  lat: number;
  lon: number;
  /** Knots. */
  speed: number | null;
  /** Degrees. */
  course: number | null;
  heading: number | null;
  status: number | null;
  message_type: number;
  feed_id: number | null;
}

export interface AisFeedTable {
  id: Generated<number>;
  name: string;
  kind: FeedKind;
  /** host:port to connect to or bind, or a file path relative to the replay directory. */
  address: string;
  replay: ReplayPace | null;
  enabled: boolean;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: Date;
}

export interface MaritimeTables extends SarTables {
  vessel_static: VesselStaticTable;
  vessel_track: VesselTrackTable;
  ais_feed: AisFeedTable;
}
