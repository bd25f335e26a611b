import { type AuditContext, recordAudit } from '../audit/audit.service.ts';
import type { Executor } from '../db/database.ts';
import { notFound } from '../http/errors.ts';
import { type Actor, assertInstanceRoot } from '../identity/actor.ts';
import {
  type CalendarDayRow,
  deleteDay,
  findDay,
  insertDays,
  listAllDays,
  listDaysOfYear,
  upsertDay,
} from './calendar.repository.ts';
import { loadShippedNotices, type YearNotice } from './calendar-data.ts';
import { WorkingCalendar } from './working-calendar.ts';

export const toCalendarDayDto = (row: CalendarDayRow) => ({
  date: row.date,
  kind: row.kind,
  name: row.name,
  source: row.source,
});

/**
 * Loads each shipped notice whose year has no days yet. A year an administrator has already
 * edited is left alone, so restarts never undo an edit.
 */
export async function seedCalendar(trx: Executor, notices?: readonly YearNotice[]): Promise<number> {
  let added = 0;
  for (const notice of notices ?? (await loadShippedNotices())) {
    if ((await listDaysOfYear(trx, notice.year)).length > 0) continue;
    await insertDays(
      trx,
      notice.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name, source: notice.source })),
    );
    added += notice.days.length;
  }
  return added;
}

/** The calendar as of now; a few dozen rows a year, read whole. */
export async function loadWorkingCalendar(db: Executor): Promise<WorkingCalendar> {
  return new WorkingCalendar(await listAllDays(db));
}

export async function calendarYear(db: Executor, year: number) {
  const days = await listDaysOfYear(db, year);
  return { year, hasData: days.length > 0, days: days.map(toCalendarDayDto) };
}

export async function setCalendarDay(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  date: string,
  input: { kind: 'holiday' | 'workday'; name: string; source?: string | undefined },
) {
  assertInstanceRoot(actor, 'edit the calendar');
  const before = await findDay(trx, date);
  const row = await upsertDay(trx, {
    date,
    kind: input.kind,
    name: input.name,
    source: input.source ?? `manual (${actor.username})`,
  });
  await recordAudit(trx, ctx, {
    action: 'calendar.day.set',
    objectType: 'calendar_day',
    objectId: date,
    before: before ? toCalendarDayDto(before) : null,
    after: toCalendarDayDto(row),
  });
  return toCalendarDayDto(row);
}

export async function removeCalendarDay(trx: Executor, ctx: AuditContext, actor: Actor, date: string) {
  assertInstanceRoot(actor, 'edit the calendar');
  const before = await findDay(trx, date);
  if (!before) throw notFound(`calendar day ${date}`);
  await deleteDay(trx, date);
  await recordAudit(trx, ctx, {
    action: 'calendar.day.delete',
    objectType: 'calendar_day',
    objectId: date,
    before: toCalendarDayDto(before),
  });
}
