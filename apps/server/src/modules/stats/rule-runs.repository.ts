import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { under } from '../../platform/orgs/orgs.repository.ts';
import type { StatsRuleFailureTable, StatsRuleRunTable } from './flow.tables.ts';

export type RuleRunRow = Selectable<StatsRuleRunTable>;
export type RuleRunWithScope = RuleRunRow & { scope_name: string; scope_path: string };
export type RuleFailureRow = Selectable<StatsRuleFailureTable> & { org_name: string; org_code: string };

const runsWithScope = (db: Executor) =>
  db
    .selectFrom('stats_rule_run as r')
    .innerJoin('org_unit as o', 'o.id', 'r.scope_org_unit_id')
    .selectAll('r')
    .select(['o.name as scope_name', 'o.path as scope_path']);

export async function insertRuleRun(db: Executor, row: Insertable<StatsRuleRunTable>): Promise<RuleRunRow> {
  return db.insertInto('stats_rule_run').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateRuleRun(db: Executor, id: number, patch: Updateable<StatsRuleRunTable>) {
  await db.updateTable('stats_rule_run').set(patch).where('id', '=', id).execute();
}

/** Adds a chunk's progress and failure counts to the run (chunks commit one by one). */
export async function addRuleRunProgress(
  db: Executor,
  id: number,
  units: number,
  hard: number,
  soft: number,
): Promise<void> {
  await db
    .updateTable('stats_rule_run')
    .set((eb) => ({
      units_done: eb('units_done', '+', units),
      hard_failures: eb('hard_failures', '+', hard),
      soft_failures: eb('soft_failures', '+', soft),
    }))
    .where('id', '=', id)
    .execute();
}

export async function findRuleRun(db: Executor, id: number): Promise<RuleRunWithScope | undefined> {
  return runsWithScope(db).where('r.id', '=', id).executeTakeFirst();
}

/** A run whose scope is inside the caller's jurisdiction. */
export async function findRuleRunInScope(
  db: Executor,
  id: number,
  scopePath: string,
): Promise<RuleRunWithScope | undefined> {
  return runsWithScope(db)
    .where('r.id', '=', id)
    .where('o.path', 'like', under(scopePath))
    .executeTakeFirst();
}

export async function listRuleRuns(
  db: Executor,
  formId: number,
  scopePath: string,
  period: string | undefined,
  limit: number,
  offset: number,
): Promise<{ items: RuleRunWithScope[]; total: number }> {
  let base = db
    .selectFrom('stats_rule_run as r')
    .innerJoin('org_unit as o', 'o.id', 'r.scope_org_unit_id')
    .where('r.form_id', '=', formId)
    .where('o.path', 'like', under(scopePath));
  if (period !== undefined) base = base.where('r.period', '=', period);
  const [items, count] = await Promise.all([
    base
      .selectAll('r')
      .select(['o.name as scope_name', 'o.path as scope_path'])
      .orderBy('r.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function deleteRuleFailures(db: Executor, runId: number): Promise<void> {
  await db.deleteFrom('stats_rule_failure').where('run_id', '=', runId).execute();
}

export async function insertRuleFailures(
  db: Executor,
  rows: readonly Insertable<StatsRuleFailureTable>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('stats_rule_failure')
      .values(rows.slice(i, i + 1000))
      .execute();
}

export interface FailureFilter {
  readonly importance?: 'hard' | 'soft' | undefined;
  readonly orgUnitId?: number | undefined;
  readonly ruleCode?: string | undefined;
}

/** A run's failures on units inside the caller's jurisdiction, by unit path then rule. */
export async function listRuleFailures(
  db: Executor,
  runId: number,
  scopePath: string,
  filter: FailureFilter,
  limit: number,
  offset: number,
): Promise<{ items: RuleFailureRow[]; total: number }> {
  let base = db
    .selectFrom('stats_rule_failure as f')
    .innerJoin('org_unit as o', 'o.id', 'f.org_unit_id')
    .where('f.run_id', '=', runId)
    .where('o.path', 'like', under(scopePath));
  if (filter.importance) base = base.where('f.importance', '=', filter.importance);
  if (filter.orgUnitId !== undefined) base = base.where('f.org_unit_id', '=', filter.orgUnitId);
  if (filter.ruleCode) base = base.where('f.rule_code', '=', filter.ruleCode);
  const [items, count] = await Promise.all([
    base
      .selectAll('f')
      .select(['o.name as org_name', 'o.code as org_code'])
      .orderBy('o.path')
      .orderBy('f.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** The values of many units of one form and period (a batch rule run's chunk). */
export async function listValuesOfUnits(
  db: Executor,
  formId: number,
  period: string,
  orgUnitIds: readonly number[],
): Promise<{ org_unit_id: number; cell_key: string; num: string | null; txt: string | null }[]> {
  if (orgUnitIds.length === 0) return [];
  return db
    .selectFrom('stats_value')
    .select(['org_unit_id', 'cell_key', 'num', 'txt'])
    .where('form_id', '=', formId)
    .where('period', '=', period)
    .where(sql<boolean>`org_unit_id = any(${orgUnitIds})`)
    .execute();
}
