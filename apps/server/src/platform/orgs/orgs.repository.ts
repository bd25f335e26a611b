import { type Selectable, sql, type Updateable } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { DivisionTable, OrgLevel, OrgUnitTable } from './orgs.tables.ts';
import type { NewOrgUnit } from './seed.ts';

export type OrgUnitRow = Selectable<OrgUnitTable>;
export type OrgStatus = OrgUnitTable['status'];

/** LIKE pattern of a subtree; paths hold only digits and slashes, but it is escaped all the same. */
export const under = (path: string): string => `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Ids on a materialised path, root first: '/1/11/12/' → [1, 11, 12]. */
export const idsOnPath = (path: string): number[] => path.split('/').filter(Boolean).map(Number);

/** An org unit inside the jurisdiction `scopePath`, or undefined. */
export async function findOrgUnitInScope(db: Executor, id: number, scopePath: string) {
  return db
    .selectFrom('org_unit')
    .selectAll()
    .where('id', '=', id)
    .where('path', 'like', under(scopePath))
    .executeTakeFirst();
}

export async function findOrgUnitByCode(db: Executor, code: string) {
  return db.selectFrom('org_unit').selectAll().where('code', '=', code).executeTakeFirst();
}

/**
 * Serialises structural changes of the org tree (create, rename, merge, close): they are rare,
 * and a merge rewrites the paths of a whole subtree that a concurrent change must not see half done.
 */
export async function lockOrgTree(trx: Executor): Promise<void> {
  await sql`select pg_advisory_xact_lock(2260)`.execute(trx);
}

/** The units on a path above the last one, root first (names only: the caller's context). */
export async function findAncestors(db: Executor, path: string): Promise<{ id: number; name: string }[]> {
  const ids = idsOnPath(path).slice(0, -1);
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('org_unit')
    .select(['id', 'name', 'path'])
    .where('id', 'in', ids)
    .execute();
  return rows.sort((a, b) => a.path.length - b.path.length).map(({ id, name }) => ({ id, name }));
}

export type OrgChildRow = OrgUnitRow & { child_count: number };

/** Active children of a unit, ordered by code, each with its number of active children. */
export async function listActiveChildren(
  db: Executor,
  parentId: number,
  limit: number,
  offset: number,
): Promise<{ items: OrgChildRow[]; total: number }> {
  const base = db
    .selectFrom('org_unit as o')
    .where('o.parent_id', '=', parentId)
    .where('o.status', '=', 'active');
  const [items, count] = await Promise.all([
    base
      .selectAll('o')
      .select(
        sql<number>`(select count(*) from org_unit c where c.parent_id = o.id and c.status = 'active')`.as(
          'child_count',
        ),
      )
      .orderBy('o.code')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export interface OrgSearch {
  scopePath: string;
  q?: string | undefined;
  level?: OrgLevel | undefined;
  status?: OrgStatus | undefined;
}

export type OrgSearchRow = OrgUnitRow & { path_names: string[] };

function searched(db: Executor, f: OrgSearch) {
  let query = db.selectFrom('org_unit as o').where('o.path', 'like', under(f.scopePath));
  const q = f.q?.trim();
  if (q) {
    // ILIKE '%…%' is served by the trigram index on name.
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('o.name', 'ilike', like), eb('o.code', '=', q)]));
  }
  if (f.level) query = query.where('o.level', '=', f.level);
  if (f.status) query = query.where('o.status', '=', f.status);
  return query;
}

/** Units of the jurisdiction by name or exact code; each with the names from the scope root down. */
export async function searchOrgUnits(
  db: Executor,
  f: OrgSearch,
  limit: number,
  offset: number,
): Promise<{ items: OrgSearchRow[]; total: number }> {
  const q = f.q?.trim() ?? '';
  const [items, count] = await Promise.all([
    searched(db, f)
      .selectAll('o')
      .select(
        sql<string[]>`(
          select array_agg(a.name order by length(a.path)) from org_unit a
          where a.id = any(string_to_array(trim(both '/' from o.path), '/')::bigint[])
            and a.path like ${under(f.scopePath)})`.as('path_names'),
      )
      .orderBy(sql`o.code = ${q}`, 'desc')
      .orderBy(sql`length(o.name)`)
      .orderBy('o.code')
      .limit(limit)
      .offset(offset)
      .execute(),
    searched(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function codeExists(db: Executor, code: string): Promise<boolean> {
  const row = await db.selectFrom('org_unit').select('id').where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}

/** The next id, taken before the insert because the path ends with it. */
export async function nextOrgUnitId(db: Executor): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    select nextval(pg_get_serial_sequence('org_unit', 'id')) as id`.execute(db);
  return Number(rows[0]?.id);
}

export async function insertOrgUnit(db: Executor, row: OrgUnitRow): Promise<void> {
  await db.insertInto('org_unit').values(row).execute();
}

export async function updateOrgUnit(
  db: Executor,
  id: number,
  patch: Omit<Updateable<OrgUnitTable>, 'id' | 'code' | 'path'>,
): Promise<void> {
  await db.updateTable('org_unit').set(patch).where('id', '=', id).execute();
}

export async function countActiveChildren(db: Executor, id: number): Promise<number> {
  const row = await db
    .selectFrom('org_unit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Moves the active children of one unit under another; returns them as they were before. */
export async function reparentActiveChildren(
  db: Executor,
  fromId: number,
  toId: number,
): Promise<Pick<OrgUnitRow, 'id' | 'path'>[]> {
  const children = await db
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('parent_id', '=', fromId)
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  if (children.length > 0)
    await db
      .updateTable('org_unit')
      .set({ parent_id: toId })
      .where(
        'id',
        'in',
        children.map((c) => c.id),
      )
      .execute();
  return children;
}

/** Rewrites every path under `oldPrefix` to start with `newPrefix`; returns the ids it changed. */
export async function replacePathPrefix(
  db: Executor,
  oldPrefix: string,
  newPrefix: string,
): Promise<number[]> {
  const rows = await db
    .updateTable('org_unit')
    .set({ path: sql<string>`${newPrefix} || substr(path, ${oldPrefix.length + 1})` })
    .where('path', 'like', under(oldPrefix))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function countOrgUnits(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('org_unit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Bulk load of the seeded trees, parents first so every self-reference holds row by row. */
export async function insertSeedTree(
  db: Executor,
  divisions: readonly DivisionTable[],
  units: readonly NewOrgUnit[],
) {
  const chunks = <T>(rows: readonly T[]) =>
    Array.from({ length: Math.ceil(rows.length / 1000) }, (_, i) => rows.slice(i * 1000, (i + 1) * 1000));
  for (const chunk of chunks(divisions)) await db.insertInto('division').values(chunk).execute();
  for (const chunk of chunks(units)) await db.insertInto('org_unit').values(chunk).execute();
  for (const chunk of chunks(units)) {
    await db
      .insertInto('org_unit_version')
      .values(
        chunk.map((u) => ({
          org_unit_id: u.id,
          name: u.name,
          parent_id: u.parent_id,
          path: u.path,
          status: u.status,
          valid_from: u.valid_from,
          valid_to: null,
          change: 'create' as const,
          changed_by: null,
        })),
      )
      .execute();
  }
  // Ids were given explicitly; the identity sequence continues after them.
  await sql`select setval(pg_get_serial_sequence('org_unit', 'id'), (select max(id) from org_unit))`.execute(
    db,
  );
}
