import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { under } from '../../platform/orgs/orgs.repository.ts';
import type { AggregationType } from './stats.tables.ts';

export interface CellAggregation {
  readonly cellKey: string;
  readonly aggregation: AggregationType;
}

const FUNCTION: Readonly<Record<Exclude<AggregationType, 'none'>, string>> = {
  sum: 'sum',
  average: 'avg',
  min: 'min',
  max: 'max',
  count: 'count',
};

/**
 * Each cell's roll-up over every value filled in the subtree, by its indicator's aggregation
 * type: one grouped scan per aggregation type in use (a CASE over aggregates would compute
 * every aggregate for every row). When every cell aggregates alike, no cell filter is needed:
 * values exist only for entry cells. The national total skips the tree; a subtree's units are
 * looked up first and given to the primary key's (form, period, unit) prefix as an array, so a
 * province reads its own units' values instead of the whole country's (a join to the tree made
 * the planner scan every value of the period).
 */
export async function aggregateSubtree(
  db: Executor,
  formId: number,
  period: string,
  scopePath: string,
  cells: readonly CellAggregation[],
): Promise<Map<string, string | null>> {
  const isRoot = /^\/\d+\/$/.test(scopePath);
  const byType = new Map<Exclude<AggregationType, 'none'>, string[]>();
  for (const c of cells) {
    if (c.aggregation === 'none') continue;
    const keys = byType.get(c.aggregation) ?? [];
    keys.push(c.cellKey);
    byType.set(c.aggregation, keys);
  }
  const out = new Map<string, string | null>();
  const all = new Set(cells.filter((c) => c.aggregation !== 'none').map((c) => c.cellKey));
  for (const [type, keys] of byType) {
    const only = byType.size === 1 ? sql`` : sql`and v.cell_key = any(${keys})`;
    const result = await sql<{ cell_key: string; value: string | null }>`
      select v.cell_key, ${sql.raw(FUNCTION[type])}(v.num)::text as value
      from stats_value v
      where v.form_id = ${formId} and v.period = ${period} ${only}
      ${isRoot ? sql`` : sql`and v.org_unit_id = any(array(select id from org_unit where path like ${under(scopePath)}))`}
      group by v.cell_key`.execute(db);
    for (const r of result.rows) if (all.has(r.cell_key)) out.set(r.cell_key, r.value);
  }
  return out;
}

export interface ChildAggregateRow {
  child_id: number;
  child_name: string;
  child_code: string;
  cell_key: string;
  value: string | null;
}

/**
 * The same roll-up per direct child of a unit: the drill-down from a total. One aggregation over
 * the subtree's values per aggregation type in use, each value assigned to its child by its
 * unit's materialised path (the path element below the parent's) instead of one subtree match per
 * child; grouped by child id and cell alone, names joined to the (few) groups afterwards.
 */
export async function aggregateByChild(
  db: Executor,
  formId: number,
  period: string,
  parentId: number,
  cells: readonly CellAggregation[],
): Promise<ChildAggregateRow[]> {
  const byType = new Map<Exclude<AggregationType, 'none'>, Set<string>>();
  for (const c of cells) {
    if (c.aggregation === 'none') continue;
    const keys = byType.get(c.aggregation) ?? new Set<string>();
    keys.add(c.cellKey);
    byType.set(c.aggregation, keys);
  }
  const out: ChildAggregateRow[] = [];
  const parent = await db
    .selectFrom('org_unit')
    .select('parent_id')
    .where('id', '=', parentId)
    .executeTakeFirst();
  // Below the root, the subtree's units go to the primary key as an array (see aggregateSubtree).
  const inSubtree =
    parent?.parent_id == null ? sql`` : sql`and v.org_unit_id = any(array(select id from units))`;
  for (const [type, keys] of byType) {
    // One cell asked for: filter on it. Otherwise every cell of the subtree is aggregated and the
    // wanted ones kept (a filter on hundreds of keys costs more per row than the aggregate).
    const only = keys.size === 1 ? sql`and v.cell_key = ${[...keys][0]}` : sql``;
    const result = await sql<ChildAggregateRow>`
      with p as (
        select id, path, array_length(string_to_array(trim(both '/' from path), '/'), 1) + 2 as child_at
        from org_unit where id = ${parentId}
      ), units as (
        select o.id, nullif(split_part(o.path, '/', p.child_at), '')::bigint as child_id
        from org_unit o, p
        where o.path like p.path || '%' and o.id <> p.id
      ), agg as (
        select u.child_id, v.cell_key, ${sql.raw(FUNCTION[type])}(v.num)::text as value
        from stats_value v
        join units u on u.id = v.org_unit_id
        where v.form_id = ${formId} and v.period = ${period} ${only} ${inSubtree}
        group by u.child_id, v.cell_key
      )
      select c.id as child_id, c.name as child_name, c.code as child_code, a.cell_key, a.value
      from agg a join org_unit c on c.id = a.child_id and c.parent_id = ${parentId}`.execute(db);
    for (const r of result.rows) if (keys.has(r.cell_key)) out.push(r);
  }
  return out.sort((a, b) => (a.child_code < b.child_code ? -1 : a.child_code > b.child_code ? 1 : 0));
}
