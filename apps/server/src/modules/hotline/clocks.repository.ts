import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { Card, ClockKind, HotlineTicketClockTable } from './hotline.tables.ts';

export type ClockRow = Selectable<HotlineTicketClockTable>;

export async function startClock(
  trx: Executor,
  row: {
    ticket_id: number;
    kind: ClockKind;
    org_unit_id: number | null;
    started_at: Date;
    due_at: Date;
    card?: Card;
  },
): Promise<void> {
  await trx
    .insertInto('hotline_ticket_clock')
    .values({ card: 'none', ...row })
    .execute();
}

/** Stops the running clock of this kind, if any, and returns it. */
export async function stopClock(trx: Executor, ticketId: number, kind: ClockKind, at: Date, card: Card) {
  return trx
    .updateTable('hotline_ticket_clock')
    .set({ stopped_at: at, card })
    .where('ticket_id', '=', ticketId)
    .where('kind', '=', kind)
    .where('stopped_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export async function runningClock(db: Executor, ticketId: number, kind: ClockKind) {
  return db
    .selectFrom('hotline_ticket_clock')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .where('kind', '=', kind)
    .where('stopped_at', 'is', null)
    .executeTakeFirst();
}

export async function lastClock(db: Executor, ticketId: number, kind: ClockKind) {
  return db
    .selectFrom('hotline_ticket_clock')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .where('kind', '=', kind)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function setClockDue(trx: Executor, id: number, due: Date): Promise<void> {
  await trx.updateTable('hotline_ticket_clock').set({ due_at: due }).where('id', '=', id).execute();
}

export async function listClocks(db: Executor, ticketId: number): Promise<ClockRow[]> {
  return db
    .selectFrom('hotline_ticket_clock')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('id')
    .execute();
}

/** Running clocks due before `limit` (the yellow boundary): the ones whose card may change. */
export async function listRunningClocksDueBefore(db: Executor, limit: Date, max: number) {
  return db
    .selectFrom('hotline_ticket_clock as k')
    .innerJoin('hotline_ticket as t', 't.id', 'k.ticket_id')
    .selectAll('k')
    .select(['t.ticket_no', 't.centre_org_id', 't.handling_org_id'])
    .where('k.stopped_at', 'is', null)
    .where('k.paused_at', 'is', null)
    .where('k.due_at', '<=', limit)
    .orderBy('k.due_at')
    .limit(max)
    .execute();
}

export async function setClockCard(trx: Executor, id: number, card: Card): Promise<void> {
  await trx.updateTable('hotline_ticket_clock').set({ card }).where('id', '=', id).execute();
}

/** The ticket's card column: the worst card of its running clocks (kept by the card job). */
export async function refreshTicketCard(trx: Executor, ticketId: number): Promise<void> {
  const rows = await trx
    .selectFrom('hotline_ticket_clock')
    .select('card')
    .where('ticket_id', '=', ticketId)
    .where('stopped_at', 'is', null)
    .execute();
  const cards = rows.map((r) => r.card);
  const card: Card = cards.includes('red') ? 'red' : cards.includes('yellow') ? 'yellow' : 'none';
  await trx.updateTable('hotline_ticket').set({ card }).where('id', '=', ticketId).execute();
}

/** Pauses the ticket's running clocks of these kinds (waiting for the citizen); returns them. */
export async function pauseClocks(trx: Executor, ticketId: number, kinds: readonly ClockKind[], at: Date) {
  return trx
    .updateTable('hotline_ticket_clock')
    .set({ paused_at: at })
    .where('ticket_id', '=', ticketId)
    .where('kind', 'in', [...kinds])
    .where('stopped_at', 'is', null)
    .where('paused_at', 'is', null)
    .returningAll()
    .execute();
}

export async function listPausedClocks(db: Executor, ticketId: number): Promise<ClockRow[]> {
  return db
    .selectFrom('hotline_ticket_clock')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .where('stopped_at', 'is', null)
    .where('paused_at', 'is not', null)
    .orderBy('id')
    .execute();
}

/** Runs a paused clock again with its deadline moved. */
export async function resumeClock(trx: Executor, id: number, due: Date, card: Card): Promise<void> {
  await trx
    .updateTable('hotline_ticket_clock')
    .set({ paused_at: null, due_at: due, card })
    .where('id', '=', id)
    .execute();
}
