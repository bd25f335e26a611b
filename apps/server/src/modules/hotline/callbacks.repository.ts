import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { under } from '../../platform/orgs/orgs.repository.ts';
import type { HotlineCallbackTable, Satisfaction } from './hotline.tables.ts';

export type CallbackRow = Selectable<HotlineCallbackTable>;

export async function insertCallback(trx: Executor, row: Insertable<HotlineCallbackTable>): Promise<void> {
  await trx
    .insertInto('hotline_callback')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

function selectCallbacks(db: Executor) {
  return db
    .selectFrom('hotline_callback as b')
    .innerJoin('hotline_ticket as t', 't.id', 'b.ticket_id')
    .innerJoin('hotline_ticket as c', 'c.id', 'b.caller_ticket_id')
    .selectAll('b')
    .select(['t.ticket_no', 'c.ticket_no as caller_ticket_no', 'c.requester_phone', 'c.requester_name']);
}

export type CallbackView = CallbackRow & {
  ticket_no: string;
  caller_ticket_no: string;
  requester_phone: string | null;
  requester_name: string | null;
};

/** The callback queue of tickets owned by centres in the caller's area, due first. */
export async function listCallbacks(
  db: Executor,
  f: { scopePath: string; state?: CallbackRow['state'] | undefined; ticketId?: number | undefined },
  limit: number,
  offset: number,
) {
  let q = selectCallbacks(db).where(
    sql<boolean>`exists (select 1 from org_unit co where co.id = t.centre_org_id and co.path like ${under(f.scopePath)})`,
  );
  if (f.state) q = q.where('b.state', '=', f.state);
  if (f.ticketId) q = q.where('b.ticket_id', '=', f.ticketId);
  const [items, count] = await Promise.all([
    q.orderBy('b.due_at').orderBy('b.id').limit(limit).offset(offset).execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: items as CallbackView[], total: Number(count.n) };
}

export async function findCallback(db: Executor, id: number): Promise<CallbackView | undefined> {
  return selectCallbacks(db).where('b.id', '=', id).executeTakeFirst() as Promise<CallbackView | undefined>;
}

export async function completeCallback(
  trx: Executor,
  id: number,
  patch: { satisfaction: Satisfaction; note: string | null; agent_user_id: number | null; done_at: Date },
): Promise<void> {
  await trx
    .updateTable('hotline_callback')
    .set({ ...patch, state: 'done' })
    .where('id', '=', id)
    .execute();
}

export async function callbacksOfRound(
  db: Executor,
  ticketId: number,
  round: number,
): Promise<CallbackRow[]> {
  return db
    .selectFrom('hotline_callback')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .where('round', '=', round)
    .execute();
}

export async function cancelPendingCallbacksOf(trx: Executor, callerTicketId: number): Promise<void> {
  await trx
    .updateTable('hotline_callback')
    .set({ state: 'cancelled' })
    .where('caller_ticket_id', '=', callerTicketId)
    .where('state', '=', 'pending')
    .execute();
}

/** Tickets in a final state whose last change is older than their type's quiet period. */
export async function listArchivable(db: Executor, now: Date, limit: number) {
  return db
    .selectFrom('hotline_ticket as t')
    .innerJoin('hotline_type_profile as p', 'p.request_type', 't.request_type')
    .select(['t.id'])
    .where('t.state', 'in', ['closed', 'callback_done', 'not_accepted', 'cancelled'])
    .where(sql<boolean>`t.updated_at < ${now}::timestamptz - make_interval(days => p.archive_after_days)`)
    .orderBy('t.id')
    .limit(limit)
    .execute();
}

export async function mergedInto(db: Executor, ticketId: number) {
  return db
    .selectFrom('hotline_ticket')
    .select(['id', 'ticket_no', 'request_type'])
    .where('merged_into_id', '=', ticketId)
    .where('state', '=', 'merged')
    .orderBy('id')
    .execute();
}
