import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { HotlineReplyTable } from './hotline.tables.ts';

export type ReplyRow = Selectable<HotlineReplyTable>;

export async function insertReply(trx: Executor, row: Insertable<HotlineReplyTable>): Promise<ReplyRow> {
  return trx.insertInto('hotline_reply').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Newest first. */
export async function listRepliesOf(db: Executor, ticketId: number): Promise<ReplyRow[]> {
  return db
    .selectFrom('hotline_reply')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('id', 'desc')
    .execute();
}

export async function reviewLatestReply(
  trx: Executor,
  ticketId: number,
  patch: {
    review: 'approved' | 'rejected';
    reviewed_by: number | null;
    reviewed_at: Date;
    review_note: string | null;
  },
): Promise<ReplyRow | undefined> {
  const latest = await trx
    .selectFrom('hotline_reply')
    .select('id')
    .where('ticket_id', '=', ticketId)
    .where('review', '=', 'pending')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest) return undefined;
  return trx
    .updateTable('hotline_reply')
    .set(patch)
    .where('id', '=', latest.id)
    .returningAll()
    .executeTakeFirst();
}
