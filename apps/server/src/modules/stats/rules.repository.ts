import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { StatsRuleTable } from './stats.tables.ts';

export type RuleRow = Selectable<StatsRuleTable>;

export async function insertRule(db: Executor, row: Insertable<StatsRuleTable>): Promise<RuleRow> {
  return db.insertInto('stats_rule').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function listRules(db: Executor, formId: number, activeOnly: boolean): Promise<RuleRow[]> {
  let q = db.selectFrom('stats_rule').selectAll().where('form_id', '=', formId);
  if (activeOnly) q = q.where('active', '=', true);
  return q.orderBy('code').execute();
}
