import { type Selectable, sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { PageResult } from '../http/pagination.ts';
import type { DeliveryStatus, ExternalChannel, NotificationTable } from './notify.tables.ts';

export type NotificationRow = Selectable<NotificationTable>;

export async function insertNotifications(
  db: Executor,
  rows: readonly {
    userId: number;
    title: string;
    body: string;
    link: string | null;
    category: string;
    readAt: Date | null;
  }[],
): Promise<NotificationRow[]> {
  if (rows.length === 0) return [];
  return db
    .insertInto('notification')
    .values(
      rows.map((r) => ({
        user_id: r.userId,
        title: r.title,
        body: r.body,
        link: r.link,
        category: r.category,
        read_at: r.readAt,
      })),
    )
    .returningAll()
    .execute();
}

/** E-mail addresses of the active recipients of these notifications that have one. */
export async function findEmailTargets(
  db: Executor,
  notificationIds: readonly number[],
): Promise<{ notificationId: number; target: string }[]> {
  if (notificationIds.length === 0) return [];
  return db
    .selectFrom('notification as n')
    .innerJoin('app_user as u', 'u.id', 'n.user_id')
    .select(['n.id as notificationId', 'u.email as target'])
    .where('n.id', 'in', [...notificationIds])
    .where('u.status', '=', 'active')
    .where('u.email', 'is not', null)
    .$narrowType<{ target: string }>()
    .execute();
}

/**
 * Enabled webhooks subscribed to each notification's category whose org unit is the
 * recipient's own or an ancestor of it (its path a prefix of the recipient's org path).
 */
export async function findWebhookTargets(
  db: Executor,
  notificationIds: readonly number[],
): Promise<{ notificationId: number; target: string }[]> {
  if (notificationIds.length === 0) return [];
  return db
    .selectFrom('notification as n')
    .innerJoin('app_user as u', 'u.id', 'n.user_id')
    .innerJoin('org_unit as uo', 'uo.id', 'u.org_unit_id')
    .innerJoin('webhook as w', (join) =>
      join.on('w.enabled', '=', true).on(sql<boolean>`w.events && array[n.category, '*']`),
    )
    .innerJoin('org_unit as wo', 'wo.id', 'w.org_unit_id')
    .select(['n.id as notificationId', sql<string>`w.id::text`.as('target')])
    .where('n.id', 'in', [...notificationIds])
    .where(sql<boolean>`starts_with(uo.path, wo.path)`)
    .orderBy('n.id')
    .orderBy('w.id')
    .execute();
}

export async function insertDeliveries(
  db: Executor,
  rows: readonly { notificationId: number; channel: ExternalChannel; target: string }[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insertInto('notification_delivery')
    .values(rows.map((r) => ({ notification_id: r.notificationId, channel: r.channel, target: r.target })))
    .returning('id')
    .execute();
  return inserted.map((r) => r.id);
}

/** A delivery with what sending it needs: the notification and its recipient. */
export async function findDeliveryToSend(db: Executor, id: number) {
  return db
    .selectFrom('notification_delivery as d')
    .innerJoin('notification as n', 'n.id', 'd.notification_id')
    .innerJoin('app_user as u', 'u.id', 'n.user_id')
    .select([
      'd.id',
      'd.channel',
      'd.target',
      'd.status',
      'n.id as notificationId',
      'n.title',
      'n.body',
      'n.link',
      'n.category',
      'n.created_at as createdAt',
      'u.id as userId',
      'u.username',
      'u.display_name as displayName',
    ])
    .where('d.id', '=', id)
    .executeTakeFirst();
}

export async function recordDeliveryAttempt(
  db: Executor,
  id: number,
  outcome: { status: DeliveryStatus; error: string | null; sentAt: Date | null },
): Promise<void> {
  await db
    .updateTable('notification_delivery')
    .set((eb) => ({
      status: outcome.status,
      attempts: eb('attempts', '+', 1),
      last_error: outcome.error,
      sent_at: outcome.sentAt,
    }))
    .where('id', '=', id)
    .execute();
}

export async function findWebhook(db: Executor, id: number) {
  return db.selectFrom('webhook').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertWebhook(
  db: Executor,
  row: { orgUnitId: number; url: string; sealedSecret: string; events: string[] },
): Promise<number> {
  const inserted = await db
    .insertInto('webhook')
    .values({ org_unit_id: row.orgUnitId, url: row.url, secret: row.sealedSecret, events: row.events })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function listUserNotifications(
  db: Executor,
  userId: number,
  filter: { unread: boolean },
  limit: number,
  offset: number,
): Promise<Omit<PageResult<NotificationRow>, 'page' | 'pageSize'>> {
  let q = db.selectFrom('notification').where('user_id', '=', userId);
  if (filter.unread) q = q.where('read_at', 'is', null);
  const [items, count] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function countUnread(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findUserNotification(
  db: Executor,
  userId: number,
  id: number,
): Promise<NotificationRow | undefined> {
  return db
    .selectFrom('notification')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function markNotificationRead(
  db: Executor,
  userId: number,
  id: number,
  now: Date,
): Promise<void> {
  await db
    .updateTable('notification')
    .set({ read_at: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}

export async function markAllRead(db: Executor, userId: number, now: Date): Promise<number> {
  const rows = await db
    .updateTable('notification')
    .set({ read_at: now })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length;
}
