import type { Selectable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { ObligationRow } from './forms.repository.ts';
import type { RuleRow } from './rules.repository.ts';
import type { StatsFillWindowTable, StatsRuleTable } from './stats.tables.ts';

/** An obligation of a form with its unit's path and name, for scope checks and the answer. */
export async function findObligation(
  db: Executor,
  formId: number,
  id: number,
): Promise<(ObligationRow & { org_name: string; org_path: string }) | undefined> {
  return db
    .selectFrom('stats_obligation as b')
    .innerJoin('org_unit as o', 'o.id', 'b.org_unit_id')
    .selectAll('b')
    .select(['o.name as org_name', 'o.path as org_path'])
    .where('b.form_id', '=', formId)
    .where('b.id', '=', id)
    .executeTakeFirst();
}

export async function setObligationEnd(db: Executor, id: number, validTo: string): Promise<ObligationRow> {
  return db
    .updateTable('stats_obligation')
    .set({ valid_to: validTo })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findRule(db: Executor, formId: number, id: number): Promise<RuleRow | undefined> {
  return db
    .selectFrom('stats_rule')
    .selectAll()
    .where('form_id', '=', formId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateRule(
  db: Executor,
  id: number,
  patch: Updateable<StatsRuleTable>,
): Promise<RuleRow> {
  return db
    .updateTable('stats_rule')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Fill windows set for single periods of a form, latest period first. */
export async function listFillWindows(
  db: Executor,
  formId: number,
  limit: number,
  offset: number,
): Promise<{ items: Selectable<StatsFillWindowTable>[]; total: number }> {
  const [items, count] = await Promise.all([
    db
      .selectFrom('stats_fill_window')
      .selectAll()
      .where('form_id', '=', formId)
      .orderBy('period', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom('stats_fill_window')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('form_id', '=', formId)
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
