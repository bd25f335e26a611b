import { type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { StatsValueHistoryTable, StatsValueTable } from './stats.tables.ts';

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
  readonly source: 'entry' | 'import';
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
          set num = excluded.num, txt = excluded.txt, updated_by = excluded.updated_by, updated_at = excluded.updated_at
          where v.num is distinct from excluded.num or v.txt is distinct from excluded.txt`;
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
      ), up as (
        insert into stats_value as v (form_id, period, org_unit_id, cell_key, num, txt, updated_by, updated_at)
        select ${meta.formId}, period, org_unit_id, cell_key, num, txt, ${meta.userId}, ${meta.at} from input
        ${onlyExisting}
        on conflict (form_id, period, org_unit_id, cell_key) ${onConflict}
        returning v.period, v.org_unit_id, v.cell_key, v.num, v.txt, (xmax = 0) as inserted
      ), hist as (
        insert into stats_value_history
          (form_id, period, org_unit_id, cell_key, num, txt, deleted, source, changed_by, changed_by_name, changed_at)
        select ${meta.formId}, period, org_unit_id, cell_key, num, txt, false, ${meta.source}, ${meta.userId},
          ${meta.username}, ${meta.at}
        from up
      )
      select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated
      from up`.execute(db);
    const row = result.rows[0];
    counts.inserted += row?.inserted ?? 0;
    counts.updated += row?.updated ?? 0;
  }
  return counts;
}

/** Deletes cells that exist, recording each deletion in the history; returns how many went. */
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
        returning v.period, v.org_unit_id, v.cell_key
      ), hist as (
        insert into stats_value_history
          (form_id, period, org_unit_id, cell_key, num, txt, deleted, source, changed_by, changed_by_name, changed_at)
        select ${meta.formId}, period, org_unit_id, cell_key, null, null, true, ${meta.source}, ${meta.userId},
          ${meta.username}, ${meta.at}
        from gone
      )
      select count(*)::int as n from gone`.execute(db);
    deleted += result.rows[0]?.n ?? 0;
  }
  return deleted;
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

/** Every value a cell has held, newest first. */
export async function cellHistory(
  db: Executor,
  key: { formId: number; period: string; orgUnitId: number; cellKey: string },
  limit: number,
  offset: number,
): Promise<{ items: HistoryRow[]; total: number }> {
  const base = db
    .selectFrom('stats_value_history')
    .where('form_id', '=', key.formId)
    .where('period', '=', key.period)
    .where('org_unit_id', '=', key.orgUnitId)
    .where('cell_key', '=', key.cellKey);
  const [items, count] = await Promise.all([
    base.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
