import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { under } from '../../platform/orgs/orgs.repository.ts';
import type { StatsReminderTable } from './stats.tables.ts';

export type ReminderRow = Selectable<StatsReminderTable>;

/** Active users of a unit holding a permission through one of their roles. */
export async function listUnitUserIds(
  db: Executor,
  orgUnitId: number,
  permission: string,
): Promise<number[]> {
  const rows = await db
    .selectFrom('app_user as u')
    .select('u.id')
    .where('u.org_unit_id', '=', orgUnitId)
    .where('u.status', '=', 'active')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('user_role as ur')
          .innerJoin('role as r', 'r.id', 'ur.role_id')
          .select('ur.user_id')
          .whereRef('ur.user_id', '=', 'u.id')
          .where(sql<boolean>`${permission} = any(r.permissions)`),
      ),
    )
    .orderBy('u.id')
    .execute();
  return rows.map((r) => r.id);
}

export async function insertReminders(
  db: Executor,
  rows: readonly Insertable<StatsReminderTable>[],
): Promise<void> {
  if (rows.length > 0) await db.insertInto('stats_reminder').values(rows).execute();
}

export async function listReminders(
  db: Executor,
  formId: number,
  period: string,
  orgUnitId: number,
): Promise<ReminderRow[]> {
  return db
    .selectFrom('stats_reminder')
    .selectAll()
    .where('form_id', '=', formId)
    .where('period', '=', period)
    .where('org_unit_id', '=', orgUnitId)
    .orderBy('id')
    .execute();
}

export type ReminderLogRow = ReminderRow & { org_name: string };

/** The 催报 log of a form and period inside a jurisdiction, newest first. */
export async function listReminderLog(
  db: Executor,
  formId: number,
  period: string | undefined,
  scopePath: string,
  limit: number,
  offset: number,
): Promise<{ items: ReminderLogRow[]; total: number }> {
  let base = db
    .selectFrom('stats_reminder as m')
    .innerJoin('org_unit as o', 'o.id', 'm.org_unit_id')
    .where('m.form_id', '=', formId)
    .where('o.path', 'like', under(scopePath));
  if (period) base = base.where('m.period', '=', period);
  const [items, count] = await Promise.all([
    base
      .selectAll('m')
      .select('o.name as org_name')
      .orderBy('m.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** How many reminders each unit got for a form and period, and when the last one went. */
export async function reminderCounts(
  db: Executor,
  formId: number,
  period: string,
  orgUnitIds: readonly number[],
): Promise<Map<number, { count: number; last: Date }>> {
  if (orgUnitIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('stats_reminder')
    .select([
      'org_unit_id',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.max('sent_at').as('last'),
    ])
    .where('form_id', '=', formId)
    .where('period', '=', period)
    .where(sql<boolean>`org_unit_id = any(${orgUnitIds})`)
    .groupBy('org_unit_id')
    .execute();
  return new Map(rows.map((r) => [r.org_unit_id, { count: Number(r.n), last: r.last as Date }]));
}
