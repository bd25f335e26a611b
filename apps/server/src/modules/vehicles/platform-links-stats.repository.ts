import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { PlatformLinkReportTable } from './platform-links.tables.ts';
import type { TrafficHour } from './platform-links-traffic.ts';

/** Adds counts to their hours' rows (several processes may count one link). */
export async function addTraffic(db: Executor, rows: readonly TrafficHour[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('platform_link_traffic')
    .values(
      rows.map((r) => ({
        link_id: r.linkId,
        hour: r.hour,
        frames_in: r.framesIn,
        frames_out: r.framesOut,
        bytes_in: r.bytesIn,
        bytes_out: r.bytesOut,
        positions: r.positions,
        errors: r.errors,
        reconnects: r.reconnects,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['link_id', 'hour']).doUpdateSet({
        frames_in: sql<number>`platform_link_traffic.frames_in + excluded.frames_in`,
        frames_out: sql<number>`platform_link_traffic.frames_out + excluded.frames_out`,
        bytes_in: sql<number>`platform_link_traffic.bytes_in + excluded.bytes_in`,
        bytes_out: sql<number>`platform_link_traffic.bytes_out + excluded.bytes_out`,
        positions: sql<number>`platform_link_traffic.positions + excluded.positions`,
        errors: sql<number>`platform_link_traffic.errors + excluded.errors`,
        reconnects: sql<number>`platform_link_traffic.reconnects + excluded.reconnects`,
      }),
    )
    .execute();
}

export interface TrafficHourRow {
  hour: Date;
  frames_in: string;
  frames_out: string;
  bytes_in: string;
  bytes_out: string;
  positions: string;
  errors: string;
  reconnects: string;
}

/** Every hour from `from` up to (not including) `to`, zero where nothing was carried. */
export async function trafficHours(db: Executor, linkId: number, from: Date, to: Date) {
  const { rows } = await sql<TrafficHourRow>`
    select h.hour,
      coalesce(t.frames_in, 0) as frames_in, coalesce(t.frames_out, 0) as frames_out,
      coalesce(t.bytes_in, 0) as bytes_in, coalesce(t.bytes_out, 0) as bytes_out,
      coalesce(t.positions, 0) as positions, coalesce(t.errors, 0) as errors,
      coalesce(t.reconnects, 0) as reconnects
    from generate_series(${from}::timestamptz, ${to}::timestamptz - interval '1 hour', interval '1 hour') as h (hour)
    left join platform_link_traffic t on t.link_id = ${linkId} and t.hour = h.hour
    order by h.hour`.execute(db);
  return rows;
}

export async function insertReport(
  db: Executor,
  values: Insertable<PlatformLinkReportTable>,
): Promise<number> {
  const { id } = await db
    .insertInto('platform_link_report')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

const selectReports = (db: Executor) => db.selectFrom('platform_link_report').selectAll();

export type PlatformLinkReportRow = Awaited<
  ReturnType<ReturnType<typeof selectReports>['executeTakeFirstOrThrow']>
>;

export async function findReport(db: Executor, id: number): Promise<PlatformLinkReportRow | undefined> {
  return selectReports(db).where('id', '=', id).executeTakeFirst();
}

/** A link's reports, newest first. */
export async function listReports(db: Executor, linkId: number, limit: number, offset: number) {
  const [items, total] = await Promise.all([
    selectReports(db)
      .where('link_id', '=', linkId)
      .orderBy('requested_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom('platform_link_report')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('link_id', '=', linkId)
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
