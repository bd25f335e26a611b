import { type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { StatsValueHistoryTable, StatsValueTable, ValueSource } from './stats.tables.ts';

export type ValueRow = Selectable<StatsValueTable>;
export type HistoryRow = Selectable<StatsValueHistoryTable>;

/** One cell value to write; exactly one of num (exact decimal text) and txt is set, or both null. */
export interface CellWrite {
  readonly period: string;
  readonly orgUnitId: number;
  readonly cellKey: string;
  readonly num: string | null;
  readonly txt: string | null;
}

export interface WriteMeta {
  readonly formId: number;
  readonly userId: number | null;
  readonly username: string | null;
  readonly at: Date;
  readonly source: ValueSource;
}

export interface WriteCounts {
  inserted: number;
  updated: number;
}

// Statements stay well under PostgreSQL's limits and PGlite's memory: the arrays are 5 parameters
// however many rows they hold, but one statement's row set is materialised at once.
const CHUNK = 20_000;

/**
 * Inserts or changes cells with one statement per chunk (columns as arrays, `unnest`ed). A cell
 * whose value does not change is not touched; every insert and change is appended to the history
 * in the same statement.
 */
export type WriteMode = 'upsert' | 'createOnly' | 'updateOnly';

export async function upsertValues(
  db: Executor,
  meta: WriteMeta,
  rows: readonly CellWrite[],
  mode: WriteMode = 'upsert',
): Promise<WriteCounts> {
  const onlyExisting =
    mode === 'updateOnly'
      ? sql`where exists (select 1 from stats_value e where e.form_id = ${meta.formId} and e.period = input.period
          and e.org_unit_id = input.org_unit_id and e.cell_key = input.cell_key)`
      : sql``;
  const onConflict =
    mode === 'createOnly'
      ? sql`do nothing`
      : sql`do update
          set num = excluded.num, txt = excluded.txt, updated_by = excluded.updated_by,
            updated_by_name = excluded.updated_by_name, source = excluded.source, updated_at = excluded.updated_at
          where v.num is distinct from excluded.num or v.txt is distinct from excluded.txt`;
  // The value being replaced moves to the history with who set it and when (all CTEs of one
  // statement read the table as it was before the statement).
  const superseded =
    mode === 'createOnly'
      ? sql``
      : sql`, old as (
        insert into stats_value_history
          (form_id, period, org_unit_id, cell_key, num, txt, deleted, source, changed_by, changed_by_name, changed_at)
        select v.form_id, v.period, v.org_unit_id, v.cell_key, v.num, v.txt, false, v.source, v.updated_by,
          v.updated_by_name, v.updated_at
        from input i join stats_value v on v.form_id = ${meta.formId} and v.period = i.period
          and v.org_unit_id = i.org_unit_id and v.cell_key = i.cell_key
        where v.num is distinct from i.num or v.txt is distinct from i.txt
      )`;
  const counts = { inserted: 0, updated: 0 };
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const result = await sql<{ inserted: number; updated: number }>`
      with input as (
        select * from unnest(
          ${chunk.map((r) => r.period)}::text[], ${chunk.map((r) => r.orgUnitId)}::bigint[],
          ${chunk.map((r) => r.cellKey)}::text[], ${chunk.map((r) => r.num)}::numeric[],
          ${chunk.map((r) => r.txt)}::text[]
        ) as t (period, org_unit_id, cell_key, num, txt)
      )${superseded}, up as (
        insert into stats_value as v
          (form_id, period, org_unit_id, cell_key, num, txt, updated_by, updated_by_name, source, updated_at)
        select ${meta.formId}, period, org_unit_id, cell_key, num, txt, ${meta.userId}, ${meta.username},
          ${meta.source}, ${meta.at}
        from input
        ${onlyExisting}
        on conflict (form_id, period, org_unit_id, cell_key) ${onConflict}
        returning (xmax = 0) as inserted
      )
      select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated
      from up`.execute(db);
    const row = result.rows[0];
    counts.inserted += row?.inserted ?? 0;
    counts.updated += row?.updated ?? 0;
  }
  return counts;
}

/**
 * The CTE `hist` that archives the rows of a preceding CTE `gone` (deleted values): each old value,
 * then a deletion entry by `meta`'s user. Shared by the online and the bulk delete.
 */
export const archiveGone = (meta: WriteMeta) => sql`hist as (
        insert into stats_value_history
          (form_id, period, org_unit_id, cell_key, num, txt, deleted, source, changed_by, changed_by_name, changed_at)
        select form_id, period, org_unit_id, cell_key, num, txt, false, source, updated_by, updated_by_name, updated_at
        from gone
        union all
        select form_id, period, org_unit_id, cell_key, null, null, true, ${meta.source}, ${meta.userId},
          ${meta.username}, ${meta.at}
        from gone
      )`;

/**
 * Deletes cells that exist; the history keeps the deleted value (who set it, when) and a
 * deletion entry (who deleted it, when). Returns how many went.
 */
export async function deleteValues(
  db: Executor,
  meta: WriteMeta,
  rows: readonly Pick<CellWrite, 'period' | 'orgUnitId' | 'cellKey'>[],
): Promise<number> {
  let deleted = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const result = await sql<{ n: number }>`
      with input as (
        select * from unnest(
          ${chunk.map((r) => r.period)}::text[], ${chunk.map((r) => r.orgUnitId)}::bigint[],
          ${chunk.map((r) => r.cellKey)}::text[]
        ) as t (period, org_unit_id, cell_key)
      ), gone as (
        delete from stats_value v using input i
        where v.form_id = ${meta.formId} and v.period = i.period and v.org_unit_id = i.org_unit_id
          and v.cell_key = i.cell_key
        returning v.*
      ), ${archiveGone(meta)}
      select count(*)::int as n from gone`.execute(db);
    deleted += result.rows[0]?.n ?? 0;
  }
  return deleted;
}

/** Whether a form has any value for these periods and units (an import's first load has none). */
export async function anyValues(
  db: Executor,
  formId: number,
  periods: readonly string[],
  orgUnitIds: readonly number[],
): Promise<boolean> {
  if (periods.length === 0 || orgUnitIds.length === 0) return false;
  const row = await db
    .selectFrom('stats_value')
    .select('form_id')
    .where('form_id', '=', formId)
    .where(sql<boolean>`period = any(${periods})`)
    .where(sql<boolean>`org_unit_id = any(${orgUnitIds})`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function listValues(
  db: Executor,
  formId: number,
  period: string,
  orgUnitId: number,
): Promise<ValueRow[]> {
  return db
    .selectFrom('stats_value')
    .selectAll()
    .where('form_id', '=', formId)
    .where('period', '=', period)
    .where('org_unit_id', '=', orgUnitId)
    .execute();
}

export async function countValues(db: Executor, formId: number, period: string, orgUnitId: number) {
  const row = await db
    .selectFrom('stats_value')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('form_id', '=', formId)
    .where('period', '=', period)
    .where('org_unit_id', '=', orgUnitId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface CellHistoryEntry {
  value: string | null;
  deleted: boolean;
  source: ValueSource;
  changedBy: string | null;
  changedAt: Date;
}

/** Every value a cell has held, newest first: the current one, then each it replaced. */
export async function cellHistory(
  db: Executor,
  key: { formId: number; period: string; orgUnitId: number; cellKey: string },
  limit: number,
  offset: number,
): Promise<{ items: CellHistoryEntry[]; total: number }> {
  const result = await sql<CellHistoryEntry & { total: number }>`
    with entries as (
      select coalesce(num::text, txt) as value, false as deleted, source, updated_by_name as changed_by,
        updated_at as changed_at, 9223372036854775807 as ord
      from stats_value
      where form_id = ${key.formId} and period = ${key.period} and org_unit_id = ${key.orgUnitId}
        and cell_key = ${key.cellKey}
      union all
      select coalesce(num::text, txt), deleted, source, changed_by_name, changed_at, id
      from stats_value_history
      where form_id = ${key.formId} and period = ${key.period} and org_unit_id = ${key.orgUnitId}
        and cell_key = ${key.cellKey}
    )
    select value, deleted, source, changed_by as "changedBy", changed_at as "changedAt",
      (count(*) over ())::int as total
    from entries order by changed_at desc, ord desc limit ${limit} offset ${offset}`.execute(db);
  return {
    items: result.rows.map(({ total: _, ...entry }) => entry),
    total: result.rows[0]?.total ?? 0,
  };
}
