import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { RoadClass } from './speed-zones.index.ts';
import type { VehicleSpeedZoneTable } from './speed-zones.tables.ts';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const COLUMNS = [
  'z.id',
  'z.org_unit_id',
  'o.name as org_name',
  'o.path as org_path',
  'z.name',
  'z.road_class',
  'z.shape',
  'z.coordinates',
  'z.width_m',
  'z.speed_limits',
  'z.enabled',
  'z.created_at',
  'z.updated_at',
] as const;

function scoped(db: Executor, scopePath: string) {
  return db
    .selectFrom('vehicle_speed_zone as z')
    .innerJoin('org_unit as o', 'o.id', 'z.org_unit_id')
    .where('o.path', 'like', `${escapeLike(scopePath)}%`);
}

export interface ZoneFilter {
  scopePath: string;
  roadClass?: RoadClass;
  /** Part of the name. */
  q?: string;
}

export async function listZones(db: Executor, f: ZoneFilter, limit: number, offset: number) {
  let q = scoped(db, f.scopePath);
  if (f.roadClass !== undefined) q = q.where('z.road_class', '=', f.roadClass);
  if (f.q !== undefined) q = q.where('z.name', 'like', `%${escapeLike(f.q)}%`);
  const rows = await q
    .select(COLUMNS)
    .select((eb) => eb.fn.countAll<number>().over().as('total'))
    .orderBy('z.name')
    .orderBy('z.id')
    .limit(limit)
    .offset(offset)
    .execute();
  const total =
    rows[0]?.total ?? (await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  return { items: rows, total: Number(total) };
}

export type ZoneRow = Omit<Awaited<ReturnType<typeof listZones>>['items'][number], 'total'>;

export async function findZoneInScope(
  db: Executor,
  id: number,
  scopePath: string,
  forUpdate = false,
): Promise<ZoneRow | undefined> {
  let q = scoped(db, scopePath).where('z.id', '=', id).select(COLUMNS);
  if (forUpdate) q = q.forUpdate('z');
  return q.executeTakeFirst();
}

export async function insertZone(db: Executor, row: Insertable<VehicleSpeedZoneTable>): Promise<number> {
  const { id } = await db
    .insertInto('vehicle_speed_zone')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

export async function updateZone(db: Executor, id: number, change: Updateable<VehicleSpeedZoneTable>) {
  await db.updateTable('vehicle_speed_zone').set(change).where('id', '=', id).execute();
}

export async function deleteZone(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('vehicle_speed_zone').where('id', '=', id).execute();
}

/** Every enabled zone, whoever manages it: a road's limit applies to every vehicle on it. */
export async function listEnabledZones(db: Executor) {
  return db
    .selectFrom('vehicle_speed_zone')
    .select(['id', 'name', 'road_class', 'shape', 'coordinates', 'width_m', 'speed_limits'])
    .where('enabled', '=', true)
    .execute();
}

/** Changes to the zones show in their count and latest change time. */
export async function zonesStamp(db: Executor): Promise<string> {
  const r = await db
    .selectFrom('vehicle_speed_zone')
    .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.max('updated_at').as('at')])
    .executeTakeFirstOrThrow();
  return `${r.n}@${r.at ? new Date(r.at as Date).getTime() : 0}`;
}
