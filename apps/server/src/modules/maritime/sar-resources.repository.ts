import { type Insertable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { EARTH_RADIUS_NM, type LatLon } from './geo.ts';
import type { ResourceKind, ResourceState, SarResourceTable } from './sar.tables.ts';
import { under } from './vessel-registry.repository.ts';

export interface ResourceRow {
  id: number;
  kind: ResourceKind;
  name: string;
  call_sign: string | null;
  mmsi: number | null;
  base_id: number | null;
  base_name: string | null;
  home_lat: number | null;
  home_lon: number | null;
  lat: number | null;
  lon: number | null;
  position_at: Date | null;
  speed_kn: number | null;
  state: ResourceState;
  incident_id: number | null;
  notes: string | null;
  org_unit_id: number;
  org_name: string;
  org_path: string;
  created_at: Date;
  updated_at: Date;
}

function selectResources(db: Executor) {
  return db
    .selectFrom('sar_resource as r')
    .innerJoin('org_unit as o', 'o.id', 'r.org_unit_id')
    .leftJoin('sar_resource as b', 'b.id', 'r.base_id')
    .select([
      'r.id',
      'r.kind',
      'r.name',
      'r.call_sign',
      'r.mmsi',
      'r.base_id',
      'b.name as base_name',
      'r.home_lat',
      'r.home_lon',
      'r.lat',
      'r.lon',
      'r.position_at',
      'r.speed_kn',
      'r.state',
      'r.incident_id',
      'r.notes',
      'r.org_unit_id',
      'o.name as org_name',
      'o.path as org_path',
      'r.created_at',
      'r.updated_at',
    ]);
}

export async function findResourceInScope(
  db: Executor,
  id: number,
  scopePath: string,
  lock = false,
): Promise<ResourceRow | undefined> {
  let query = selectResources(db).where('r.id', '=', id).where('o.path', 'like', under(scopePath));
  if (lock) query = query.forUpdate('r');
  return query.executeTakeFirst();
}

export async function findResource(db: Executor, id: number): Promise<ResourceRow | undefined> {
  return selectResources(db).where('r.id', '=', id).executeTakeFirst();
}

export interface ResourceFilter {
  kind?: ResourceKind | undefined;
  state?: ResourceState | undefined;
  q?: string | undefined;
}

function filtered(db: Executor, scopePath: string, f: ResourceFilter) {
  let query = selectResources(db).where('o.path', 'like', under(scopePath));
  if (f.kind) query = query.where('r.kind', '=', f.kind);
  if (f.state) query = query.where('r.state', '=', f.state);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('r.name', 'ilike', like), eb('r.call_sign', 'ilike', like)]));
  }
  return query;
}

export async function listResources(
  db: Executor,
  scopePath: string,
  f: ResourceFilter,
  limit: number,
  offset: number,
): Promise<{ items: ResourceRow[]; total: number }> {
  const query = filtered(db, scopePath, f);
  const [items, count] = await Promise.all([
    query.orderBy('r.name').orderBy('r.id').limit(limit).offset(offset).execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/**
 * Resources with a position (reported, else home), nearest to `at` first: the haversine distance
 * on the same sphere as geo.ts, so the order here is the order of the distances shown.
 */
export async function listNearestResources(
  db: Executor,
  scopePath: string,
  at: LatLon,
  f: ResourceFilter,
  limit: number,
  offset: number,
  live: readonly LivePosition[] = [],
): Promise<{ items: ResourceRow[]; total: number }> {
  // Live positions (AIS, fresher than the recorded ones) as a derived table: one parameter.
  const liveTable = sql<{
    id: number;
    lat: number;
    lon: number;
  }>`(select * from jsonb_to_recordset(${JSON.stringify(
    live.map(({ id, lat, lon }) => ({ id, lat, lon })),
  )}::jsonb) as l(id integer, lat float8, lon float8))`.as('live');
  const lat = sql`radians(coalesce(live.lat, r.lat, r.home_lat))`;
  const lon = sql`radians(coalesce(live.lon, r.lon, r.home_lon))`;
  const distance = sql<number>`2 * ${EARTH_RADIUS_NM}::float8 * asin(least(1, sqrt(
      power(sin((${lat} - radians(${at.lat}::float8)) / 2), 2)
      + cos(radians(${at.lat}::float8)) * cos(${lat}) * power(sin((${lon} - radians(${at.lon}::float8)) / 2), 2))))`;
  const query = filtered(db, scopePath, f)
    .leftJoin(liveTable, (join) => join.onRef('live.id', '=', 'r.id'))
    .where(sql<boolean>`coalesce(live.lat, r.lat, r.home_lat) is not null`);
  const [items, count] = await Promise.all([
    query.orderBy(distance).orderBy('r.id').limit(limit).offset(offset).execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Where a resource is by AIS, when that is fresher than its recorded position. */
export interface LivePosition {
  id: number;
  lat: number;
  lon: number;
  at: Date;
}

/** Resources of the jurisdiction that carry an MMSI, with the time of their recorded position. */
export async function listTrackedResources(
  db: Executor,
  scopePath: string,
): Promise<{ id: number; mmsi: number; position_at: Date | null }[]> {
  const rows = await db
    .selectFrom('sar_resource as r')
    .innerJoin('org_unit as o', 'o.id', 'r.org_unit_id')
    .select(['r.id', 'r.mmsi', 'r.position_at'])
    .where('o.path', 'like', under(scopePath))
    .where('r.mmsi', 'is not', null)
    .execute();
  return rows.map((r) => ({ id: r.id, mmsi: Number(r.mmsi), position_at: r.position_at }));
}

export async function insertResource(db: Executor, row: Insertable<SarResourceTable>): Promise<number> {
  const { id } = await db.insertInto('sar_resource').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateResource(db: Executor, id: number, patch: Updateable<SarResourceTable>) {
  await db.updateTable('sar_resource').set(patch).where('id', '=', id).execute();
}

export async function countResources(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('sar_resource')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findResourceIdByName(db: Executor, name: string): Promise<number | undefined> {
  return (await db.selectFrom('sar_resource').select('id').where('name', '=', name).executeTakeFirst())?.id;
}
