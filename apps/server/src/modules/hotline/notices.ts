import type { Executor } from '../../platform/db/database.ts';
import { notify } from '../../platform/notify/notify.service.ts';

/** Active users of these org units: the handling unit's staff, or the centre's. */
export async function activeUserIdsAt(db: Executor, orgIds: readonly number[]): Promise<number[]> {
  if (orgIds.length === 0) return [];
  const rows = await db
    .selectFrom('app_user')
    .select('id')
    .where('org_unit_id', 'in', orgIds)
    .where('status', '=', 'active')
    .execute();
  return rows.map((r) => r.id);
}

/** In-app notice to the staff of units about one ticket, inside the caller's transaction. */
export async function noticeUnits(
  trx: Executor,
  orgIds: readonly number[],
  notice: { ticketId: number; ticketNo: string; title: string; body: string; category: string },
  now: Date,
): Promise<void> {
  const userIds = await activeUserIdsAt(trx, orgIds);
  if (userIds.length === 0) return;
  await notify(
    trx,
    {
      userIds,
      title: notice.title,
      body: notice.body,
      link: `/hotline/tickets/${notice.ticketId}`,
      category: notice.category,
    },
    now,
  );
}
