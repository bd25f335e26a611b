import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { SarIncidentEventTable, SarIncidentTable, SarTaskingTable } from './sar.tables.ts';
import { under } from './vessel-registry.repository.ts';

export type IncidentRow = Selectable<SarIncidentTable> & {
  org_name: string;
  org_path: string;
  vessel_name: string | null;
};

function selectIncidents(db: Executor) {
  return db
    .selectFrom('sar_incident as i')
    .innerJoin('org_unit as o', 'o.id', 'i.org_unit_id')
    .leftJoin('vessel_registry as r', 'r.mmsi', 'i.mmsi')
    .leftJoin('vessel_static as s', 's.mmsi', 'i.mmsi')
    .selectAll('i')
    .select((eb) => [
      'o.name as org_name',
      'o.path as org_path',
      eb.fn.coalesce('r.name', 's.name').as('vessel_name'),
    ]);
}

export async function findIncidentInScope(
  db: Executor,
  id: number,
  scopePath: string,
  lock = false,
): Promise<IncidentRow | undefined> {
  let query = selectIncidents(db).where('i.id', '=', id).where('o.path', 'like', under(scopePath));
  if (lock) query = query.forUpdate('i');
  return query.executeTakeFirst();
}

export interface IncidentFilter {
  state?: string | undefined;
  source?: string | undefined;
  outcome?: string | undefined;
  mmsi?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
}

export async function listIncidents(
  db: Executor,
  scopePath: string,
  f: IncidentFilter,
  limit: number,
  offset: number,
): Promise<{ items: IncidentRow[]; total: number }> {
  let query = selectIncidents(db).where('o.path', 'like', under(scopePath));
  if (f.state) query = query.where('i.state', '=', f.state as IncidentRow['state']);
  if (f.source) query = query.where('i.source', '=', f.source as IncidentRow['source']);
  if (f.outcome) query = query.where('i.outcome', '=', f.outcome as NonNullable<IncidentRow['outcome']>);
  if (f.mmsi !== undefined) query = query.where('i.mmsi', '=', f.mmsi);
  if (f.from) query = query.where('i.alert_at', '>=', new Date(f.from));
  if (f.to) query = query.where('i.alert_at', '<', new Date(f.to));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('i.code', 'ilike', like), eb('i.description', 'ilike', like)]));
  }
  const [items, count] = await Promise.all([
    query.orderBy('i.alert_at', 'desc').orderBy('i.id', 'desc').limit(limit).offset(offset).execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function insertIncident(db: Executor, row: Insertable<SarIncidentTable>): Promise<number> {
  const { id } = await db.insertInto('sar_incident').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateIncident(db: Executor, id: number, patch: Updateable<SarIncidentTable>) {
  await db.updateTable('sar_incident').set(patch).where('id', '=', id).execute();
}

export async function insertIncidentEvent(db: Executor, row: Insertable<SarIncidentEventTable>) {
  await db.insertInto('sar_incident_event').values(row).execute();
}

export async function listIncidentEvents(db: Executor, incidentId: number, limit: number, offset: number) {
  const query = db.selectFrom('sar_incident_event as e').where('e.incident_id', '=', incidentId);
  const [items, count] = await Promise.all([
    query
      .leftJoin('sar_resource as r', 'r.id', 'e.resource_id')
      .selectAll('e')
      .select('r.name as resource_name')
      .orderBy('e.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function insertTasking(db: Executor, row: Insertable<SarTaskingTable>) {
  await db.insertInto('sar_tasking').values(row).execute();
}

export async function closeTasking(
  db: Executor,
  incidentId: number,
  resourceId: number,
  at: Date,
  by: string,
) {
  const result = await db
    .updateTable('sar_tasking')
    .set({ released_at: at, released_by: by })
    .where('incident_id', '=', incidentId)
    .where('resource_id', '=', resourceId)
    .where('released_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function listTaskings(db: Executor, incidentId: number) {
  return db
    .selectFrom('sar_tasking as t')
    .innerJoin('sar_resource as r', 'r.id', 't.resource_id')
    .selectAll('t')
    .select(['r.name as resource_name', 'r.kind as resource_kind', 'r.call_sign'])
    .where('t.incident_id', '=', incidentId)
    .orderBy((eb) => eb.case().when('t.released_at', 'is', null).then(0).else(1).end())
    .orderBy('t.id')
    .execute();
}

export async function latestPlanId(db: Executor, incidentId: number): Promise<number | null> {
  const row = await db
    .selectFrom('sar_plan')
    .select('id')
    .where('incident_id', '=', incidentId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function countIncidents(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('sar_incident')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
