import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { under } from '../../platform/orgs/orgs.repository.ts';

export interface UnitByCode {
  id: number;
  code: string;
  path: string;
}

/** Units with these codes inside the jurisdiction; codes outside it or unknown are absent. */
export async function findUnitsByCodeInScope(
  db: Executor,
  codes: readonly string[],
  scopePath: string,
): Promise<UnitByCode[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('org_unit')
    .select(['id', 'code', 'path'])
    .where(sql<boolean>`code = any(${codes})`)
    .where('path', 'like', under(scopePath))
    .execute();
}

/** Draft reports for units that get values by import and have none yet, in one statement. */
export async function ensureDraftReports(
  db: Executor,
  formId: number,
  rows: readonly { period: string; orgUnitId: number; versionId: number }[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into stats_report (form_id, version_id, org_unit_id, period, kind, state, updated_at)
    select ${formId}, version_id, org_unit_id, period, 'filled', 'draft', ${now}
    from unnest(${rows.map((r) => r.period)}::text[], ${rows.map((r) => r.orgUnitId)}::bigint[],
      ${rows.map((r) => r.versionId)}::bigint[]) as t (period, org_unit_id, version_id)
    on conflict (form_id, period, org_unit_id) do nothing`.execute(db);
}

/**
 * Locks the reports of these (period, unit) pairs of a form FOR UPDATE, in one statement, and
 * gives their states: a transition on any of them waits until the caller's transaction ends.
 */
export async function lockReportStates(
  db: Executor,
  formId: number,
  keys: readonly { period: string; orgUnitId: number }[],
): Promise<{ period: string; org_unit_id: number; state: string }[]> {
  if (keys.length === 0) return [];
  const result = await sql<{ period: string; org_unit_id: number; state: string }>`
    select r.period, r.org_unit_id, r.state
    from stats_report r
    join unnest(${keys.map((k) => k.period)}::text[], ${keys.map((k) => k.orgUnitId)}::bigint[])
      as k (period, org_unit_id) on r.period = k.period and r.org_unit_id = k.org_unit_id
    where r.form_id = ${formId}
    order by r.id
    for update of r`.execute(db);
  return result.rows;
}

export interface ExportRow {
  cell_key: string;
  period: string;
  org_code: string;
  num: string | null;
  txt: string | null;
  stored_by: string | null;
  updated_at: Date;
}

/** The values of a form for periods and a unit (or its subtree, which lies in the caller's scope). */
function exportBase(
  db: Executor,
  formId: number,
  periods: readonly string[],
  unit: { id: number; path: string },
  children: boolean,
) {
  return db
    .selectFrom('stats_value as v')
    .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
    .where('v.form_id', '=', formId)
    .where(sql<boolean>`v.period = any(${periods})`)
    .where((eb) => (children ? eb('o.path', 'like', under(unit.path)) : eb('o.id', '=', unit.id)));
}

function selectExportRows(base: ReturnType<typeof exportBase>) {
  return base
    .leftJoin('app_user as u', 'u.id', 'v.updated_by')
    .select([
      'v.cell_key',
      'v.period',
      'o.code as org_code',
      'v.num',
      'v.txt',
      'u.username as stored_by',
      'v.updated_at',
    ])
    .orderBy('o.code')
    .orderBy('v.period')
    .orderBy('v.cell_key');
}

/** Values of a form for periods and a unit (or its subtree), in a stable order, one page. */
export async function listValuesForExport(
  db: Executor,
  formId: number,
  periods: readonly string[],
  unit: { id: number; path: string },
  children: boolean,
  limit: number,
  offset: number,
): Promise<{ items: ExportRow[]; total: number }> {
  const base = exportBase(db, formId, periods, unit, children);
  const [items, count] = await Promise.all([
    selectExportRows(base).limit(limit).offset(offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export interface ExportKey {
  readonly orgCode: string;
  readonly period: string;
  readonly cellKey: string;
}

/**
 * The next page of the same values after a key (org unit code, period, cell) in that order: a
 * keyset page costs the same at any depth, where an offset rescans everything before it.
 */
export async function listValuesForExportAfter(
  db: Executor,
  formId: number,
  periods: readonly string[],
  unit: { id: number; path: string },
  children: boolean,
  after: ExportKey | null,
  limit: number,
): Promise<ExportRow[]> {
  let base = exportBase(db, formId, periods, unit, children);
  if (after)
    base = base.where(
      sql<boolean>`(o.code, v.period, v.cell_key) > (${after.orgCode}, ${after.period}, ${after.cellKey})`,
    );
  return selectExportRows(base).limit(limit).execute();
}
