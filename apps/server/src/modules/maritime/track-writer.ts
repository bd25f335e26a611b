// Positions and static data from the live picture, written to the database in batches: one
// multi-row statement per batch instead of one round trip per report. The buffer is bounded:
// when the database falls behind, the oldest positions are dropped and counted.
import type { Db } from '../../platform/db/database.ts';
import { ensureMonthlyPartition } from '../../platform/db/partitions.repository.ts';
import type { PictureSink, StaticData, TrackPoint } from './live-picture.ts';
import {
  insertTrackPoints,
  upsertVesselStatic,
  type VesselStaticRow,
  type VesselTrackRow,
} from './maritime.repository.ts';

export interface TrackWriterOptions {
  /** Bound on buffered positions. */
  readonly maxPending?: number;
  /** A flush starts by itself once this many positions wait. */
  readonly batchSize?: number;
}

export interface TrackWriterCounters {
  written: number;
  dropped: number;
  staticWritten: number;
  failures: number;
}

const toTrackRow = (p: TrackPoint): VesselTrackRow => ({
  mmsi: p.mmsi,
  at: new Date(p.at),
  lat: p.lat,
  lon: p.lon,
  speed: p.speed,
  course: p.course,
  heading: p.heading,
  status: p.status,
  message_type: p.messageType,
  feed_id: p.feedId,
});

const toStaticRow = (s: StaticData): VesselStaticRow => ({
  mmsi: s.mmsi,
  name: s.name,
  call_sign: s.callSign,
  imo: s.imo,
  ship_type: s.shipType,
  to_bow: s.toBow,
  to_stern: s.toStern,
  to_port: s.toPort,
  to_starboard: s.toStarboard,
  draught: s.draught,
  destination: s.destination,
  eta: s.eta === null ? null : new Date(s.eta),
  source_time: new Date(s.sourceTime),
});

const monthKey = (at: number): number => {
  const d = new Date(at);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

export class TrackWriter implements PictureSink {
  readonly counters: TrackWriterCounters = { written: 0, dropped: 0, staticWritten: 0, failures: 0 };
  private readonly db: Db;
  private readonly maxPending: number;
  private readonly batchSize: number;
  private points: TrackPoint[] = [];
  /** Latest static data per MMSI since the last flush: only the newest needs writing. */
  private statics = new Map<number, StaticData>();
  private readonly months = new Set<number>();
  private running: Promise<void> = Promise.resolve();
  private onError: (err: unknown) => void;

  constructor(db: Db, options: TrackWriterOptions = {}, onError: (err: unknown) => void = () => undefined) {
    this.db = db;
    this.maxPending = Math.max(1, options.maxPending ?? 100_000);
    this.batchSize = Math.max(1, options.batchSize ?? 2000);
    this.onError = onError;
  }

  get pending(): number {
    return this.points.length;
  }

  position(point: TrackPoint): void {
    if (this.points.length >= this.maxPending) {
      // A tenth at a time: dropping one by one would shift the whole buffer on every report.
      const drop = Math.max(1, Math.floor(this.maxPending / 10));
      this.points.splice(0, drop);
      this.counters.dropped += drop;
    }
    this.points.push(point);
    if (this.points.length === this.batchSize) void this.flush();
  }

  staticData(data: StaticData): void {
    this.statics.set(data.mmsi, data);
  }

  /** Writes what is buffered; flushes run one after another, and a failed batch is counted, not retried. */
  flush(): Promise<void> {
    this.running = this.running.then(() => this.writeBatch());
    return this.running;
  }

  private async writeBatch(): Promise<void> {
    const points = this.points;
    const statics = [...this.statics.values()];
    this.points = [];
    this.statics = new Map();
    if (points.length === 0 && statics.length === 0) return;
    try {
      for (const key of new Set(points.map((p) => monthKey(p.at)))) {
        if (this.months.has(key)) continue;
        await ensureMonthlyPartition(
          this.db,
          'vessel_track',
          new Date(Date.UTC(Math.floor(key / 12), key % 12, 1)),
        );
        this.months.add(key);
      }
      await this.db.transaction().execute(async (trx) => {
        await insertTrackPoints(trx, points.map(toTrackRow));
        await upsertVesselStatic(trx, statics.map(toStaticRow));
      });
      this.counters.written += points.length;
      this.counters.staticWritten += statics.length;
    } catch (err) {
      this.counters.failures++;
      this.counters.dropped += points.length;
      this.onError(err);
    }
  }
}
