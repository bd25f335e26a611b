import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

/** A position as stored, its times in epoch ms: the gateway builds tens of thousands a second. */
export interface PositionRow {
  vehicleId: number;
  gnssTime: number;
  receivedAt: number;
  lat: number;
  lon: number;
  altitude: number;
  speed: number;
  direction: number;
  alarm: number;
  status: number;
  mileage: number | null;
}

/** A position with its times as dates, as callers other than the gateway hold it. */
export interface PositionInput extends Omit<PositionRow, 'gnssTime' | 'receivedAt'> {
  gnssTime: Date;
  receivedAt: Date;
}

export const toPositionRow = (p: PositionInput): PositionRow => ({
  ...p,
  gnssTime: p.gnssTime.getTime(),
  receivedAt: p.receivedAt.getTime(),
});

/** Epoch ms to timestamptz in integer microseconds (no float rounding). */
const FROM_MS = sql.raw("timestamptz 'epoch' + interval '1 millisecond' *");

type Column = (p: PositionRow) => number | null;

/**
 * PostgreSQL array literals of numbers (none needs quoting), one per column, built in one pass
 * over the rows: node-postgres' own array serialisation escapes element by element, a large share
 * of the ingest path's CPU at tens of thousands of rows a second.
 */
function arraysOf(rows: readonly PositionRow[], columns: readonly Column[]): string[] {
  const out = columns.map(() => '');
  for (let i = 0; i < rows.length; i++) {
    const p = rows[i]!;
    const sep = i === 0 ? '' : ',';
    for (let j = 0; j < columns.length; j++) {
      const v = columns[j]!(p);
      out[j] += sep + (v === null ? 'NULL' : v);
    }
  }
  return out.map((a) => `{${a}}`);
}

const POSITION_COLUMNS: readonly Column[] = [
  (p) => p.vehicleId,
  (p) => p.gnssTime,
  (p) => p.receivedAt,
  (p) => p.lat,
  (p) => p.lon,
  (p) => p.altitude,
  (p) => p.speed,
  (p) => p.direction,
  (p) => p.alarm,
  (p) => p.status,
  (p) => p.mileage,
];

/**
 * All rows in one statement whatever their number: arrays unnested server-side keep the SQL text
 * (and its prepared plan) constant. A retransmitted report (same vehicle and GNSS time) is a no-op.
 */
export async function insertPositions(db: Executor, rows: readonly PositionRow[]): Promise<void> {
  if (rows.length === 0) return;
  const [v, g, r, la, lo, alt, sp, d, a, st, m] = arraysOf(rows, POSITION_COLUMNS);
  await sql`
    insert into vehicle_position
      (vehicle_id, gnss_time, received_at, lat, lon, altitude, speed, direction, alarm, status, mileage)
    select v, ${FROM_MS} g, ${FROM_MS} r, la, lo, alt, sp, d, a, st, m from unnest(
      ${v}::bigint[], ${g}::bigint[], ${r}::bigint[], ${la}::float8[], ${lo}::float8[], ${alt}::int[],
      ${sp}::real[], ${d}::smallint[], ${a}::bigint[], ${st}::bigint[], ${m}::real[]
    ) as t(v, g, r, la, lo, alt, sp, d, a, st, m)
    on conflict do nothing`.execute(db);
}

/**
 * The latest position of each vehicle (one row per vehicle), kept only when newer than the stored
 * one. Rows are locked in vehicle-id order, like applyOnlineChanges: the two commit concurrently.
 */
export async function upsertLatestStates(db: Executor, latest: readonly PositionRow[]): Promise<void> {
  if (latest.length === 0) return;
  // The same arrays as insertPositions: the altitude and mileage ones are left unused.
  const [v, g, r, la, lo, , sp, d, a, st] = arraysOf(latest, POSITION_COLUMNS);
  await sql`
    insert into vehicle_state
      (vehicle_id, online, last_seen_at, gnss_time, lat, lon, speed, direction, alarm, status)
    select v, true, ${FROM_MS} r, ${FROM_MS} g, la, lo, sp, d, a, st from unnest(
      ${v}::bigint[], ${r}::bigint[], ${g}::bigint[], ${la}::float8[], ${lo}::float8[], ${sp}::real[],
      ${d}::smallint[], ${a}::bigint[], ${st}::bigint[]) as t(v, r, g, la, lo, sp, d, a, st)
    order by v
    on conflict (vehicle_id) do update set
      last_seen_at = greatest(vehicle_state.last_seen_at, excluded.last_seen_at),
      gnss_time = excluded.gnss_time, lat = excluded.lat, lon = excluded.lon, speed = excluded.speed,
      direction = excluded.direction, alarm = excluded.alarm, status = excluded.status
    where vehicle_state.gnss_time is null or excluded.gnss_time > vehicle_state.gnss_time`.execute(db);
}

/**
 * With a gateway id, online records the gateway holding the vehicle, and offline applies only
 * while no other gateway has taken the vehicle over.
 */
export async function setVehicleOnline(
  db: Executor,
  vehicleId: number,
  online: boolean,
  at: Date,
  gatewayId: string | null = null,
): Promise<void> {
  await db
    .insertInto('vehicle_state')
    .values({
      vehicle_id: vehicleId,
      online,
      connected_at: online ? at : null,
      last_seen_at: at,
      gateway_id: online ? gatewayId : null,
    })
    .onConflict((oc) => {
      const update = oc
        .column('vehicle_id')
        .doUpdateSet(
          online
            ? { online, connected_at: at, last_seen_at: at, gateway_id: gatewayId }
            : { online, last_seen_at: at, gateway_id: null },
        );
      return online || gatewayId === null
        ? update
        : update.where((eb) =>
            eb.or([
              eb('vehicle_state.gateway_id', 'is', null),
              eb('vehicle_state.gateway_id', '=', gatewayId),
            ]),
          );
    })
    .execute();
}

const under = (scopePath: string) => `${scopePath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface BBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** Latest known positions of active vehicles in the jurisdiction, optionally inside a box. */
export async function listLatestPositions(
  db: Executor,
  scopePath: string,
  bbox: BBox | undefined,
  limit: number,
  offset: number,
) {
  let q = db
    .selectFrom('vehicle_state as s')
    .innerJoin('vehicle as v', 'v.id', 's.vehicle_id')
    .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
    .where('o.path', 'like', under(scopePath))
    .where('v.status', '=', 'active')
    .where('s.gnss_time', 'is not', null);
  if (bbox)
    q = q
      .where('s.lon', '>=', bbox.minLon)
      .where('s.lon', '<=', bbox.maxLon)
      .where('s.lat', '>=', bbox.minLat)
      .where('s.lat', '<=', bbox.maxLat);
  const rows = await q
    .select([
      'v.id as vehicle_id',
      'v.plate_no',
      'v.plate_color',
      'v.vehicle_type',
      's.online',
      's.last_seen_at',
      's.gnss_time',
      's.lat',
      's.lon',
      's.speed',
      's.direction',
      's.alarm',
      's.status',
    ])
    .select((eb) => eb.fn.countAll<number>().over().as('total'))
    .orderBy('v.plate_no')
    .orderBy('v.id')
    .limit(limit)
    .offset(offset)
    .execute();
  const total =
    rows[0]?.total ?? (await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  return { items: rows, total: Number(total) };
}

export type LatestPositionRow = Awaited<ReturnType<typeof listLatestPositions>>['items'][number];

/** One vehicle's positions in [from, to), in time order; the range prunes partitions. */
export async function listTrack(
  db: Executor,
  vehicleId: number,
  from: Date,
  to: Date,
  limit: number,
  offset: number,
) {
  const base = db
    .selectFrom('vehicle_position')
    .where('vehicle_id', '=', vehicleId)
    .where('gnss_time', '>=', from)
    .where('gnss_time', '<', to);
  const rows = await base
    .select(['gnss_time', 'lat', 'lon', 'altitude', 'speed', 'direction', 'alarm', 'status', 'mileage'])
    .select((eb) => eb.fn.countAll<number>().over().as('total'))
    .orderBy('gnss_time')
    .limit(limit)
    .offset(offset)
    .execute();
  const total =
    rows[0]?.total ??
    (await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  return { items: rows, total: Number(total) };
}

export type TrackRow = Awaited<ReturnType<typeof listTrack>>['items'][number];
