import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { under } from '../../platform/orgs/orgs.repository.ts';
import type { AggregationType } from './stats.tables.ts';

export interface CellAggregation {
  readonly cellKey: string;
  readonly aggregation: AggregationType;
}

// Each aggregation type over partials (count, sum, min, max of a group's numbers; see
// migrations/partials.ts), which combine exactly: an average is the sum over the count.
const COMBINE: Readonly<Record<Exclude<AggregationType, 'none'>, ReturnType<typeof sql.raw>>> = {
  sum: sql.raw('sum(s.total)'),
  average: sql.raw('sum(s.total) / nullif(sum(s.n), 0)'),
  min: sql.raw('min(s.lo)'),
  max: sql.raw('max(s.hi)'),
  count: sql.raw('sum(s.n)'),
};

/** A unit's own values in the shape of partials (a value's count is 1 when it is a number). */
const ownValues = (
  formId: number,
  period: string,
  units: ReturnType<typeof sql>,
  only: ReturnType<typeof sql>,
) =>
  sql`select v.org_unit_id as unit_id, v.cell_key, (v.num is not null)::int as n, v.num as total, v.num as lo,
      v.num as hi
    from stats_value v where v.form_id = ${formId} and v.period = ${period} and v.org_unit_id = ${units} ${only}`;

const byAggregation = (cells: readonly CellAggregation[]) => {
  const byType = new Map<Exclude<AggregationType, 'none'>, Set<string>>();
  for (const c of cells) {
    if (c.aggregation === 'none') continue;
    const keys = byType.get(c.aggregation) ?? new Set<string>();
    keys.add(c.cellKey);
    byType.set(c.aggregation, keys);
  }
  return byType;
};

/**
 * Each cell's roll-up over every value filled in the subtree, by its indicator's aggregation
 * type: one grouped read per aggregation type in use. The national total reads the regions' rows
 * (one per province and cell, see migrations/regions.ts) and the roots' groups; a province's total
 * its region's rows plus its own values (which sit in its parent's group); below, the partials of
 * the subtree's groups (each ~8 units' values) plus the subtree root's own values, the subtree's
 * units looked up first and given to the partials' key as an array. When every cell aggregates
 * alike, no cell filter is needed: values exist only for entry cells.
 */
export async function aggregateSubtree(
  db: Executor,
  formId: number,
  period: string,
  scopePath: string,
  cells: readonly CellAggregation[],
): Promise<Map<string, string | null>> {
  const ids = scopePath.split('/').filter(Boolean);
  const unitId = Number(ids.at(-1));
  const byType = byAggregation(cells);
  const out = new Map<string, string | null>();
  const all = new Set(cells.filter((c) => c.aggregation !== 'none').map((c) => c.cellKey));
  for (const [type, keys] of byType) {
    const only = (alias: string) =>
      byType.size === 1 ? sql`` : sql`and ${sql.ref(`${alias}.cell_key`)} = any(${[...keys]})`;
    const rows = (table: string, where: ReturnType<typeof sql>) =>
      sql`select x.cell_key, x.n, x.total, x.lo, x.hi from ${sql.table(table)} x
        where x.form_id = ${formId} and x.period = ${period} ${only('x')} and ${where}`;
    const own = sql`select cell_key, n, total, lo, hi from (${ownValues(formId, period, sql`${unitId}`, only('v'))}) own`;
    const parts =
      ids.length === 1
        ? sql`${rows('stats_value_region', sql`true`)} union all
            ${rows('stats_value_partial', sql`x.group_id = any(array(select id from org_unit where parent_id is null))`)}`
        : ids.length === 2
          ? sql`${rows('stats_value_region', sql`x.region_id = ${unitId}`)} union all ${own}`
          : sql`${rows('stats_value_partial', sql`x.group_id = any(array(select id from org_unit where path like ${under(scopePath)}))`)}
              union all ${own}`;
    const result = await sql<{ cell_key: string; value: string | null }>`
      select s.cell_key, (${COMBINE[type]})::text as value from (${parts}) s group by s.cell_key`.execute(db);
    for (const r of result.rows) if (all.has(r.cell_key)) out.set(r.cell_key, r.value);
  }
  return out;
}

export interface ChildAggregate {
  child_id: number;
  child_name: string;
  child_code: string;
  /** Cell key → roll-up (one JSON object per child rather than a row per child and cell). */
  values: Record<string, string | null>;
}

/**
 * The same roll-up per direct child of a unit: the drill-down from a total. One aggregation per
 * aggregation type in use. Below the national level: over the partials of the groups below the
 * unit plus the children's own values, each assigned to its child by its unit's materialised path
 * (the path element below the parent's); grouped by child id and cell alone, names joined to the
 * (few) groups afterwards. The parent's own group (its children's own values, together) is not
 * split by child, so it is left out and those values are read as they are. From the root, the
 * children are the regions: their rows plus their own values.
 */
export async function aggregateByChild(
  db: Executor,
  formId: number,
  period: string,
  parentId: number,
  cells: readonly CellAggregation[],
): Promise<ChildAggregate[]> {
  const byType = byAggregation(cells);
  const byChild = new Map<number, ChildAggregate>();
  const parent = await db
    .selectFrom('org_unit')
    .select(['path', 'parent_id'])
    .where('id', '=', parentId)
    .executeTakeFirst();
  if (!parent) return [];
  // The path as a literal, so the planner knows how many units are below (as a join it guessed a
  // handful and chose a nested loop over millions of values).
  const childAt = parent.path.split('/').filter(Boolean).length + 2;
  const children = sql`any(array(select id from org_unit where parent_id = ${parentId}))`;
  for (const [type, keys] of byType) {
    // One cell asked for: filter on it. Otherwise every cell of the subtree is aggregated and the
    // wanted ones kept (a filter on hundreds of keys costs more per row than the aggregate).
    const only = (alias: string) =>
      keys.size === 1 ? sql`and ${sql.ref(`${alias}.cell_key`)} = ${[...keys][0]}` : sql``;
    const agg =
      parent.parent_id == null
        ? sql`
          select s.child_id, s.cell_key, (${COMBINE[type]})::text as value
          from (
            select x.region_id as child_id, x.cell_key, x.n, x.total, x.lo, x.hi from stats_value_region x
            where x.form_id = ${formId} and x.period = ${period} ${only('x')} and x.region_id = ${children}
            union all
            select unit_id, cell_key, n, total, lo, hi from (${ownValues(formId, period, children, only('v'))}) own
          ) s
          group by s.child_id, s.cell_key`
        : sql`
          with units as (
            select o.id, nullif(split_part(o.path, '/', ${childAt}), '')::bigint as child_id
            from org_unit o
            where o.path like ${under(parent.path)} and o.id <> ${parentId}
          ), parts as (
            select x.group_id as unit_id, x.cell_key, x.n, x.total, x.lo, x.hi
            from stats_value_partial x
            where x.form_id = ${formId} and x.period = ${period} ${only('x')}
              and x.group_id = any(array(select id from units))
            union all
            ${ownValues(formId, period, children, only('v'))}
          )
          select u.child_id, s.cell_key, (${COMBINE[type]})::text as value
          from parts s
          join units u on u.id = s.unit_id
          group by u.child_id, s.cell_key`;
    const result = await sql<{
      child_id: number;
      child_name: string;
      child_code: string;
      vals: ChildAggregate['values'];
    }>`
      select c.id as child_id, c.name as child_name, c.code as child_code, a.vals
      from (select child_id, json_object_agg(cell_key, value) as vals from (${agg}) g group by child_id) a
      join org_unit c on c.id = a.child_id and c.parent_id = ${parentId}`.execute(db);
    for (const { vals, ...r } of result.rows)
      for (const [key, value] of Object.entries(vals)) {
        if (!keys.has(key)) continue;
        const child = byChild.get(r.child_id) ?? { ...r, values: {} };
        child.values[key] = value;
        byChild.set(r.child_id, child);
      }
  }
  return [...byChild.values()].sort((a, b) =>
    a.child_code < b.child_code ? -1 : a.child_code > b.child_code ? 1 : 0,
  );
}
