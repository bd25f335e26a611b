import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { under } from '../../platform/orgs/orgs.repository.ts';
import type { AggregationType } from './stats.tables.ts';

export interface CellAggregation {
  readonly cellKey: string;
  readonly aggregation: AggregationType;
}

const AGGREGATE = sql`case m.agg
  when 'sum' then sum(v.num)
  when 'average' then avg(v.num)
  when 'min' then min(v.num)
  when 'max' then max(v.num)
  when 'count' then count(v.num)
end::text`;

const FUNCTION: Readonly<Record<Exclude<AggregationType, 'none'>, string>> = {
  sum: 'sum',
  average: 'avg',
  min: 'min',
  max: 'max',
  count: 'count',
};

const mapping = (cells: readonly CellAggregation[]) => {
  const aggregated = cells.filter((c) => c.aggregation !== 'none');
  return sql`unnest(${aggregated.map((c) => c.cellKey)}::text[], ${aggregated.map((c) => c.aggregation)}::text[])
    as m (cell_key, agg)`;
};

/**
 * Each cell's roll-up over every value filled in the subtree, by its indicator's aggregation
 * type: one grouped scan per aggregation type in use (a CASE over aggregates would compute
 * every aggregate for every row). When every cell aggregates alike, no cell filter is needed:
 * values exist only for entry cells. The national total skips the join to the tree.
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
      ${isRoot ? sql`` : sql`join org_unit o on o.id = v.org_unit_id and o.path like ${under(scopePath)}`}
      where v.form_id = ${formId} and v.period = ${period} ${only}
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

/** The same roll-up per direct child of a unit: the drill-down from a total. */
export async function aggregateByChild(
  db: Executor,
  formId: number,
  period: string,
  parentId: number,
  cells: readonly CellAggregation[],
): Promise<ChildAggregateRow[]> {
  const result = await sql<ChildAggregateRow>`
    select c.id as child_id, c.name as child_name, c.code as child_code, m.cell_key, ${AGGREGATE} as value
    from org_unit c
    join org_unit o on o.path like c.path || '%'
    join stats_value v on v.org_unit_id = o.id and v.form_id = ${formId} and v.period = ${period}
    join ${mapping(cells)} on m.cell_key = v.cell_key
    where c.parent_id = ${parentId}
    group by c.id, c.name, c.code, m.cell_key, m.agg
    order by c.code`.execute(db);
  return result.rows;
}
