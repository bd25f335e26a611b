import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { HotlineCitizenRequestTable } from './hotline.tables.ts';
import { findTicketByNo, lockTicket } from './tickets.repository.ts';

export type CitizenRequestRow = Selectable<HotlineCitizenRequestTable>;

export async function insertCitizenRequest(
  trx: Executor,
  row: Insertable<HotlineCitizenRequestTable>,
): Promise<CitizenRequestRow> {
  return trx.insertInto('hotline_citizen_request').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The question the ticket waits on, if any. */
export async function findOpenCitizenRequest(db: Executor, ticketId: number) {
  return db
    .selectFrom('hotline_citizen_request')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .where('answered_at', 'is', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function settleCitizenRequest(
  trx: Executor,
  id: number,
  patch: Updateable<HotlineCitizenRequestTable>,
): Promise<CitizenRequestRow> {
  return trx
    .updateTable('hotline_citizen_request')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listCitizenRequests(db: Executor, ticketId: number): Promise<CitizenRequestRow[]> {
  return db
    .selectFrom('hotline_citizen_request')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('id')
    .execute();
}

/** Unscoped, for the public answer (checked by query code next): the ticket, locked. */
export async function lockTicketByNo(trx: Executor, ticketNo: string) {
  const row = await findTicketByNo(trx, ticketNo);
  if (!row) return undefined;
  await lockTicket(trx, row.id);
  return findTicketByNo(trx, ticketNo);
}
