import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

export interface PositionInput {
  vehicleId: number;
  gnssTime: Date;
  receivedAt: Date;
  lat: number;
  lon: number;
  altitude: number;
  speed: number;
  direction: number;
  alarm: number;
  status: number;
  mileage: number | null;
}

/**
 * A PostgreSQL array literal of numbers or ISO times (none needs quoting), built in one join:
 * node-postgres' own array serialisation escapes element by element, a large share of the ingest
 * path's CPU at tens of thousands of rows a second.
 */
function arrayOf<T>(rows: readonly T[], f: (r: T) => number | string | null): string {
  const out = new Array<string | number>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const v = f(rows[i]!);
    out[i] = v === null ? 'NULL' : v;
  }
  return `{${out.join(',')}}`;
}

/**
 * All rows in one statement whatever their number: arrays unnested server-side keep the SQL text
 * (and its prepared plan) constant. A retransmitted report (same vehicle and GNSS time) is a no-op.
 */
export async function insertPositions(db: Executor, rows: readonly PositionInput[]): Promise<void> {
  if (rows.length === 0) return;
  const col = (f: (r: PositionInput) => number | string | null) => arrayOf(rows, f);
  await sql`
    insert into vehicle_position
      (vehicle_id, gnss_time, received_at, lat, lon, altitude, speed, direction, alarm, status, mileage)
    select * from unnest(
      ${col((r) => r.vehicleId)}::bigint[], ${col((r) => r.gnssTime.toISOString())}::timestamptz[],
      ${col((r) => r.receivedAt.toISOString())}::timestamptz[], ${col((r) => r.lat)}::float8[],
      ${col((r) => r.lon)}::float8[], ${col((r) => r.altitude)}::int[], ${col((r) => r.speed)}::real[],
      ${col((r) => r.direction)}::smallint[], ${col((r) => r.alarm)}::bigint[], ${col((r) => r.status)}::bigint[],
      ${col((r) => r.mileage)}::real[])
    on conflict do nothing`.execute(db);
}

/**
 * The latest position of each vehicle (one row per vehicle), kept only when newer than the stored
 * one. Rows are locked in vehicle-id order, like applyOnlineChanges: the two commit concurrently.
 */
export async function upsertLatestStates(db: Executor, latest: readonly PositionInput[]): Promise<void> {
  if (latest.length === 0) return;
  const col = (f: (r: PositionInput) => number | string | null) => arrayOf(latest, f);
  await sql`
    insert into vehicle_state
      (vehicle_id, online, last_seen_at, gnss_time, lat, lon, speed, direction, alarm, status)
    select v, true, r, g, la, lo, sp, d, a, st from unnest(
      ${col((r) => r.vehicleId)}::bigint[], ${col((r) => r.receivedAt.toISOString())}::timestamptz[],
      ${col((r) => r.gnssTime.toISOString())}::timestamptz[], ${col((r) => r.lat)}::float8[],
      ${col((r) => r.lon)}::float8[], ${col((r) => r.speed)}::real[], ${col((r) => r.direction)}::smallint[],
      ${col((r) => r.alarm)}::bigint[], ${col((r) => r.status)}::bigint[]) as t(v, r, g, la, lo, sp, d, a, st)
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
