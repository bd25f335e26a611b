import type { Selectable } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { CalendarDayTable } from './calendar.tables.ts';

export type CalendarDayRow = Selectable<CalendarDayTable>;

export async function listAllDays(db: Executor): Promise<CalendarDayRow[]> {
  return db.selectFrom('calendar_day').selectAll().orderBy('date').execute();
}

export async function listDaysOfYear(db: Executor, year: number): Promise<CalendarDayRow[]> {
  return db
    .selectFrom('calendar_day')
    .selectAll()
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .orderBy('date')
    .execute();
}

export async function findDay(db: Executor, date: string): Promise<CalendarDayRow | undefined> {
  return db.selectFrom('calendar_day').selectAll().where('date', '=', date).executeTakeFirst();
}

export async function upsertDay(db: Executor, row: CalendarDayRow): Promise<CalendarDayRow> {
  return db
    .insertInto('calendar_day')
    .values(row)
    .onConflict((oc) => oc.column('date').doUpdateSet({ kind: row.kind, name: row.name, source: row.source }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteDay(db: Executor, date: string): Promise<void> {
  await db.deleteFrom('calendar_day').where('date', '=', date).execute();
}

/** Adds days, leaving any date already present as it is. */
export async function insertDays(db: Executor, rows: readonly CalendarDayRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('calendar_day')
    .values([...rows])
    .onConflict((oc) => oc.column('date').doNothing())
    .execute();
}
