import { sql } from 'kysely';
import { copyField, copyInto } from '../../platform/db/copy.ts';
import type { Executor } from '../../platform/db/database.ts';
import {
  archiveGone,
  type CellWrite,
  type WriteCounts,
  type WriteMeta,
  type WriteMode,
} from './values.repository.ts';

// The bulk path of an import: the checked values are COPYed into a temporary staging table of the
// transaction, then moved into stats_value by a few set-based statements (history of replaced
// values, upsert, deletions). The table goes with the transaction, commit or rollback.
const STAGE = 'stats_import_stage';
// Rows per merge statement: PostgreSQL does 1.4 M at once, PGlite's memory prefers slices.
const SLICE = 250_000;
// Characters per COPY chunk handed to the stream.
const CHUNK_CHARS = 1 << 20;

/** A staged write: a value to set (or clear: both null) or, with `del`, a cell to delete. */
export interface StagedWrite extends CellWrite {
  readonly del: boolean;
}

/** Creates the staging table and loads the writes with COPY; returns how many were staged. */
export async function stageWrites(db: Executor, writes: Iterable<StagedWrite>): Promise<number> {
  await sql`drop table if exists pg_temp.stats_import_stage`.execute(db);
  await sql`
    create temporary table stats_import_stage (
      seq integer not null,
      period text not null,
      org_unit_id bigint not null,
      cell_key text not null,
      num numeric,
      txt text,
      del boolean not null
    ) on commit drop`.execute(db);
  const chunks: string[] = [];
  let chunk = '';
  let seq = 0;
  for (const w of writes) {
    // Periods (from the period parser) and exact decimals never hold a character COPY escapes.
    chunk += `${seq++}\t${w.period}\t${w.orgUnitId}\t${copyField(w.cellKey)}\t${w.num ?? '\\N'}\t${w.txt === null ? '\\N' : copyField(w.txt)}\t${w.del ? 't' : 'f'}\n`;
    if (chunk.length >= CHUNK_CHARS) {
      chunks.push(chunk);
      chunk = '';
    }
  }
  if (chunk) chunks.push(chunk);
  if (seq === 0) return 0;
  await copyInto(db, STAGE, ['seq', 'period', 'org_unit_id', 'cell_key', 'num', 'txt', 'del'], chunks);
  return seq;
}

/**
 * A first load (the caller knows none of the cells exists): the writes that carry a value are
 * COPYed straight into stats_value, who and when on every row, in pieces of SLICE rows (one
 * COPY's rows are one blob in PGlite's memory). No staging table, no merge, no history (nothing
 * is replaced); a cell that exists after all fails the COPY with a unique violation. The insert
 * trigger stands aside meanwhile (a transaction-local setting) and the loaded units' values are
 * added to the partials in one pass at the end, not once per COPY. Returns how many went in.
 */
export async function copyFreshValues(
  db: Executor,
  meta: WriteMeta,
  writes: Iterable<StagedWrite>,
): Promise<number> {
  const columns = [
    'form_id',
    'period',
    'org_unit_id',
    'cell_key',
    'num',
    'txt',
    'updated_by',
    'updated_by_name',
    'source',
    'updated_at',
  ];
  const who = `\t${copyField(meta.userId)}\t${copyField(meta.username)}\t${copyField(meta.source)}\t${meta.at.toISOString()}\n`;
  let copied = 0;
  let rows = 0;
  let chunks: string[] = [];
  let chunk = '';
  const flush = async () => {
    if (chunk) chunks.push(chunk);
    if (rows > 0) copied += await copyInto(db, 'stats_value', columns, chunks);
    chunks = [];
    chunk = '';
    rows = 0;
  };
  const units = new Set<number>();
  const periods = new Set<string>();
  await sql`select set_config('stats.partials', 'deferred', true)`.execute(db);
  for (const w of writes) {
    if (w.del || (w.num === null && w.txt === null)) continue;
    units.add(w.orgUnitId);
    periods.add(w.period);
    // Periods (from the period parser) and exact decimals never hold a character COPY escapes.
    chunk += `${meta.formId}\t${w.period}\t${w.orgUnitId}\t${copyField(w.cellKey)}\t${w.num ?? '\\N'}\t${w.txt === null ? '\\N' : copyField(w.txt)}${who}`;
    rows += 1;
    if (chunk.length >= CHUNK_CHARS) {
      chunks.push(chunk);
      chunk = '';
    }
    if (rows >= SLICE) await flush();
  }
  await flush();
  await sql`select set_config('stats.partials', '', true)`.execute(db);
  await sql`select stats_value_partial_add_units(${meta.formId}, ${[...periods]}::text[], ${[...units]}::bigint[])`.execute(
    db,
  );
  return copied;
}

/**
 * The planner's statistics of the staging table (a fresh temporary table has none): worth it
 * before the joins of an upsert or deletion of many rows, not before a first load.
 */
export async function analyzeStage(db: Executor): Promise<void> {
  await sql`analyze pg_temp.stats_import_stage`.execute(db);
}

const slices = (total: number) => {
  const out: [number, number][] = [];
  for (let lo = 0; lo < total; lo += SLICE) out.push([lo, Math.min(total, lo + SLICE)]);
  return out;
};

/**
 * Sets the staged values that carry one (`del` false, num or txt set), by mode: createOnly skips
 * cells that exist, updateOnly cells that do not; a cell whose value does not change is not
 * touched. Every value replaced goes to the history (who set it, when) in the same statement.
 * `fresh` is a first load, where the caller knows none of the cells exists: a plain INSERT, no
 * conflict handling (a cell written meanwhile by someone else fails it with a unique violation).
 */
export async function mergeStagedValues(
  db: Executor,
  meta: WriteMeta,
  staged: number,
  mode: WriteMode | 'fresh',
): Promise<WriteCounts> {
  const counts = { inserted: 0, updated: 0 };
  for (const [lo, hi] of slices(staged)) {
    const input = sql`select period, org_unit_id, cell_key, num, txt from pg_temp.stats_import_stage
      where seq >= ${lo} and seq < ${hi} and not del and (num is not null or txt is not null)`;
    if (mode === 'createOnly' || mode === 'fresh') {
      const result = await sql`
        insert into stats_value
          (form_id, period, org_unit_id, cell_key, num, txt, updated_by, updated_by_name, source, updated_at)
        select ${meta.formId}, period, org_unit_id, cell_key, num, txt, ${meta.userId}, ${meta.username},
          ${meta.source}, ${meta.at}
        from (${input}) as input
        ${mode === 'fresh' ? sql`` : sql`on conflict (form_id, period, org_unit_id, cell_key) do nothing`}`.execute(
        db,
      );
      counts.inserted += Number(result.numAffectedRows ?? 0n);
      continue;
    }
    const onlyExisting =
      mode === 'updateOnly'
        ? sql`where exists (select 1 from stats_value e where e.form_id = ${meta.formId} and e.period = input.period
            and e.org_unit_id = input.org_unit_id and e.cell_key = input.cell_key)`
        : sql``;
    // All CTEs of one statement read stats_value as it was before the statement.
    const result = await sql<{ inserted: number; updated: number }>`
      with input as (${input}), old as (
        insert into stats_value_history
          (form_id, period, org_unit_id, cell_key, num, txt, deleted, source, changed_by, changed_by_name, changed_at)
        select v.form_id, v.period, v.org_unit_id, v.cell_key, v.num, v.txt, false, v.source, v.updated_by,
          v.updated_by_name, v.updated_at
        from input i join stats_value v on v.form_id = ${meta.formId} and v.period = i.period
          and v.org_unit_id = i.org_unit_id and v.cell_key = i.cell_key
        where v.num is distinct from i.num or v.txt is distinct from i.txt
      ), up as (
        insert into stats_value as v
          (form_id, period, org_unit_id, cell_key, num, txt, updated_by, updated_by_name, source, updated_at)
        select ${meta.formId}, period, org_unit_id, cell_key, num, txt, ${meta.userId}, ${meta.username},
          ${meta.source}, ${meta.at}
        from input
        ${onlyExisting}
        on conflict (form_id, period, org_unit_id, cell_key) do update
          set num = excluded.num, txt = excluded.txt, updated_by = excluded.updated_by,
            updated_by_name = excluded.updated_by_name, source = excluded.source, updated_at = excluded.updated_at
          where v.num is distinct from excluded.num or v.txt is distinct from excluded.txt
        returning (xmax = 0) as inserted
      )
      select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated
      from up`.execute(db);
    counts.inserted += result.rows[0]?.inserted ?? 0;
    counts.updated += result.rows[0]?.updated ?? 0;
  }
  return counts;
}

/**
 * Deletes the staged cells that exist, either those marked `del` or (clears) those with neither
 * value; the history keeps the deleted value and a deletion entry. Returns how many went.
 */
export async function deleteStagedValues(
  db: Executor,
  meta: WriteMeta,
  staged: number,
  which: 'del' | 'clear',
): Promise<number> {
  const filter = which === 'del' ? sql`s.del` : sql`not s.del and s.num is null and s.txt is null`;
  let deleted = 0;
  for (const [lo, hi] of slices(staged)) {
    const result = await sql<{ n: number }>`
      with gone as (
        delete from stats_value v using pg_temp.stats_import_stage s
        where s.seq >= ${lo} and s.seq < ${hi} and ${filter}
          and v.form_id = ${meta.formId} and v.period = s.period and v.org_unit_id = s.org_unit_id
          and v.cell_key = s.cell_key
        returning v.*
      ), ${archiveGone(meta)}
      select count(*)::int as n from gone`.execute(db);
    deleted += result.rows[0]?.n ?? 0;
  }
  return deleted;
}

/** Refreshes the planner's statistics of stats_value (allowed inside a transaction). */
export async function analyzeValues(db: Executor): Promise<void> {
  await sql`analyze stats_value`.execute(db);
}
