import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { VesselRegistryTable } from './sar.tables.ts';

/** `under('/1/2/')` matches the subtree; LIKE's wildcards in a path are escaped. */
export const under = (scopePath: string) => `${scopePath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface RegistryRow {
  id: number;
  mmsi: number;
  mmsi_kind: string;
  imo: number | null;
  call_sign: string | null;
  name: string;
  flag: string | null;
  ship_type: number | null;
  length_m: number | null;
  gross_tonnage: number | null;
  notes: string | null;
  has_contacts: boolean;
  org_unit_id: number;
  org_name: string;
  org_path: string;
  created_at: Date;
  updated_at: Date;
}

export interface ContactsRow {
  id: number;
  mmsi: number;
  name: string;
  org_unit_id: number;
  org_path: string;
  owner_name: string | null;
  owner_phone: string | null;
  owner_email: string | null;
  operator_name: string | null;
  operator_phone: string | null;
  operator_email: string | null;
  emergency_name: string | null;
  emergency_phone: string | null;
  emergency_email: string | null;
}

/** Every column but the contacts: lists and plain reads never carry them. */
function selectEntries(db: Executor) {
  return db
    .selectFrom('vessel_registry as r')
    .innerJoin('org_unit as o', 'o.id', 'r.org_unit_id')
    .select((eb) => [
      'r.id',
      'r.mmsi',
      'r.mmsi_kind',
      'r.imo',
      'r.call_sign',
      'r.name',
      'r.flag',
      'r.ship_type',
      'r.length_m',
      'r.gross_tonnage',
      'r.notes',
      eb
        .or([
          eb('r.owner_name', 'is not', null),
          eb('r.operator_name', 'is not', null),
          eb('r.emergency_name', 'is not', null),
        ])
        .as('has_contacts'),
      'r.org_unit_id',
      'o.name as org_name',
      'o.path as org_path',
      'r.created_at',
      'r.updated_at',
    ]);
}

export async function findEntryInScope(db: Executor, id: number, scopePath: string) {
  return selectEntries(db)
    .where('r.id', '=', id)
    .where('o.path', 'like', under(scopePath))
    .executeTakeFirst() as Promise<RegistryRow | undefined>;
}

/** By MMSI whatever its org unit: an incident must identify the vessel in distress wherever it is registered. */
export async function findEntryByMmsi(db: Executor, mmsi: number) {
  return selectEntries(db).where('r.mmsi', '=', mmsi).executeTakeFirst() as Promise<RegistryRow | undefined>;
}

export async function findEntriesByMmsi(db: Executor, mmsis: readonly number[]) {
  if (mmsis.length === 0) return [];
  return selectEntries(db).where('r.mmsi', 'in', mmsis).execute() as Promise<RegistryRow[]>;
}

export interface RegistryFilter {
  q?: string | undefined;
  kind?: string | undefined;
  flag?: string | undefined;
}

export async function listEntries(
  db: Executor,
  scopePath: string,
  filter: RegistryFilter,
  limit: number,
  offset: number,
): Promise<{ items: RegistryRow[]; total: number }> {
  let query = selectEntries(db).where('o.path', 'like', under(scopePath));
  if (filter.kind) query = query.where('r.mmsi_kind', '=', filter.kind);
  if (filter.flag) query = query.where('r.flag', '=', filter.flag);
  if (filter.q) {
    const q = filter.q;
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const n = /^\d{1,9}$/.test(q) ? Number(q) : null;
    query = query.where((eb) =>
      eb.or([
        eb('r.name', 'ilike', like),
        eb('r.call_sign', 'ilike', like),
        ...(n === null ? [] : [eb('r.mmsi', '=', n), eb('r.imo', '=', n)]),
      ]),
    );
  }
  const [items, count] = await Promise.all([
    query.orderBy('r.name').orderBy('r.id').limit(limit).offset(offset).execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: items as RegistryRow[], total: Number(count.n) };
}

/** The contact columns; `byId` in scope, or by MMSI anywhere (incident use, see findEntryByMmsi). */
function selectContacts(db: Executor) {
  return db
    .selectFrom('vessel_registry as r')
    .innerJoin('org_unit as o', 'o.id', 'r.org_unit_id')
    .select([
      'r.id',
      'r.mmsi',
      'r.name',
      'r.org_unit_id',
      'o.path as org_path',
      'r.owner_name',
      'r.owner_phone',
      'r.owner_email',
      'r.operator_name',
      'r.operator_phone',
      'r.operator_email',
      'r.emergency_name',
      'r.emergency_phone',
      'r.emergency_email',
    ]);
}

export async function findContactsInScope(db: Executor, id: number, scopePath: string) {
  return selectContacts(db)
    .where('r.id', '=', id)
    .where('o.path', 'like', under(scopePath))
    .executeTakeFirst() as Promise<ContactsRow | undefined>;
}

export async function findContactsByMmsi(db: Executor, mmsi: number) {
  return selectContacts(db).where('r.mmsi', '=', mmsi).executeTakeFirst() as Promise<ContactsRow | undefined>;
}

export async function mmsiRegistered(db: Executor, mmsi: number): Promise<boolean> {
  const row = await db.selectFrom('vessel_registry').select('id').where('mmsi', '=', mmsi).executeTakeFirst();
  return row !== undefined;
}

export async function insertEntry(db: Executor, row: Insertable<VesselRegistryTable>): Promise<number> {
  const { id } = await db.insertInto('vessel_registry').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateEntry(db: Executor, id: number, patch: Updateable<VesselRegistryTable>) {
  await db.updateTable('vessel_registry').set(patch).where('id', '=', id).execute();
}

export async function deleteEntry(db: Executor, id: number) {
  await db.deleteFrom('vessel_registry').where('id', '=', id).execute();
}
