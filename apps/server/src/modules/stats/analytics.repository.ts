import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { under } from '../../platform/orgs/orgs.repository.ts';
import type { OrgLevel } from '../../platform/orgs/orgs.tables.ts';
import type { AggregationType } from './stats.tables.ts';

export interface PivotUnitRow {
  id: number;
  name: string;
  code: string;
  level: string;
  path: string;
}

/**
 * The pivot's row units, one page: the active direct children of the scope unit, or its active
 * authorities at one level (every one inside the scope, which the caller's jurisdiction bounds).
 */
export async function listPivotUnits(
  db: Executor,
  scope: { id: number; path: string },
  level: OrgLevel | undefined,
  limit: number,
  offset: number,
): Promise<{ items: PivotUnitRow[]; total: number }> {
  let base = db
    .selectFrom('org_unit as o')
    .where('o.status', '=', 'active')
    .where('o.path', 'like', under(scope.path));
  base =
    level === undefined
      ? base.where('o.parent_id', '=', scope.id)
      : base.where('o.level', '=', level).where('o.kind', '=', 'authority');
  const [items, count] = await Promise.all([
    base
      .select(['o.id', 'o.name', 'o.code', 'o.level', 'o.path'])
      .orderBy('o.code')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export interface PivotValueRow {
  unit_id: number;
  period: string;
  cell_key: string;
  value: string | null;
}

const FUNCTION: Readonly<Record<Exclude<AggregationType, 'none'>, string>> = {
  sum: 'sum',
  average: 'avg',
  min: 'min',
  max: 'max',
  count: 'count',
};

/**
 * The working figures: each row unit's roll-up over its subtree, per period and cell, by the
 * cells' aggregation type (one grouped scan per type in use). Each value is assigned to the row
 * units whose path it lies under.
 */
export async function aggregatePivot(
  db: Executor,
  formId: number,
  units: readonly { id: number; path: string }[],
  periods: readonly string[],
  cellKeys: readonly string[],
  aggregation: AggregationType,
): Promise<PivotValueRow[]> {
  if (units.length === 0 || cellKeys.length === 0 || aggregation === 'none') return [];
  const ids = units.map((u) => u.id);
  const result = await sql<PivotValueRow>`
    with rows as (select id, path from org_unit where id = any(${ids})),
    members as (
      select r.id as row_id, o.id as unit_id
      from rows r join org_unit o on o.path like r.path || '%'
    )
    select m.row_id as unit_id, v.period, v.cell_key, ${sql.raw(FUNCTION[aggregation])}(v.num)::text as value
    from stats_value v join members m on m.unit_id = v.org_unit_id
    where v.form_id = ${formId} and v.period = any(${periods}) and v.cell_key = any(${cellKeys})
      and v.org_unit_id = any(array(select unit_id from members))
    group by m.row_id, v.period, v.cell_key`.execute(db);
  return result.rows;
}

/**
 * The published figures: what each unit's last approval froze (its latest snapshot), per period
 * and cell; nothing for a report never approved.
 */
export async function publishedPivot(
  db: Executor,
  formId: number,
  unitIds: readonly number[],
  periods: readonly string[],
  cellKeys: readonly string[],
): Promise<PivotValueRow[]> {
  if (unitIds.length === 0 || cellKeys.length === 0) return [];
  const result = await sql<PivotValueRow>`
    with latest as (
      select distinct on (r.org_unit_id, r.period) r.org_unit_id, r.period, s.cells
      from stats_report r join stats_snapshot s on s.report_id = r.id
      where r.form_id = ${formId} and r.org_unit_id = any(${unitIds}) and r.period = any(${periods})
      order by r.org_unit_id, r.period, s.id desc
    )
    select l.org_unit_id as unit_id, l.period, k.key as cell_key, l.cells ->> k.key as value
    from latest l cross join unnest(${cellKeys}::text[]) as k(key)`.execute(db);
  return result.rows;
}
