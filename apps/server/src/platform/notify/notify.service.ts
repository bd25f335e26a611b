import { type AuditContext, recordAudit } from '../audit/audit.service.ts';
import type { Executor } from '../db/database.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { offsetOf, type PageQuery } from '../http/pagination.ts';
import type { Actor } from '../identity/actor.ts';
import type { SecretBox } from '../identity/secrets.ts';
import { enqueue } from '../jobs/jobs.service.ts';
import { DELIVER_JOB, type DeliverPayload } from './delivery.ts';
import {
  countUnread,
  findEmailTargets,
  findUserNotification,
  findWebhookTargets,
  insertDeliveries,
  insertNotifications,
  insertWebhook,
  listUserNotifications,
  markAllRead,
  markNotificationRead,
  type NotificationRow,
} from './notify.repository.ts';
import type { ExternalChannel } from './notify.tables.ts';

export type NotifyChannel = 'inApp' | ExternalChannel;

export interface NotifyInput {
  readonly userIds: readonly number[];
  readonly title: string;
  readonly body: string;
  readonly link?: string | null;
  /** e.g. hotline.ticket.assigned; webhooks subscribe by category. */
  readonly category: string;
  /** Default: in-app only. */
  readonly channels?: readonly NotifyChannel[];
}

/** A few retries over about an hour and a half (backoff 10 s doubling), then the delivery is dead. */
const DELIVERY_MAX_ATTEMPTS = 10;

/**
 * Notifies users inside the caller's transaction: one notification row per user, and one
 * delivery (with its job) per external channel and target, so nothing is sent unless the write
 * that caused it commits, and delivery survives restarts. Without 'inApp' the row is still kept,
 * as the record of what was sent, but arrives already read.
 */
export async function notify(trx: Executor, input: NotifyInput, now = new Date()): Promise<number[]> {
  const channels = new Set(input.channels ?? ['inApp']);
  const userIds = [...new Set(input.userIds)];
  const rows = await insertNotifications(
    trx,
    userIds.map((userId) => ({
      userId,
      title: input.title,
      body: input.body,
      link: input.link ?? null,
      category: input.category,
      readAt: channels.has('inApp') ? null : now,
    })),
  );
  const ids = rows.map((r) => r.id);
  const deliveries = [
    ...(channels.has('email') ? await findEmailTargets(trx, ids) : []).map((t) => ({
      ...t,
      channel: 'email' as const,
    })),
    ...(channels.has('webhook') ? await findWebhookTargets(trx, ids) : []).map((t) => ({
      ...t,
      channel: 'webhook' as const,
    })),
  ];
  for (const deliveryId of await insertDeliveries(trx, deliveries)) {
    const payload: DeliverPayload = { deliveryId };
    await enqueue(trx, DELIVER_JOB, payload, {
      uniqueKey: `${DELIVER_JOB}:${deliveryId}`,
      maxAttempts: DELIVERY_MAX_ATTEMPTS,
    });
  }
  return ids;
}

export const toNotificationDto = (row: NotificationRow) => ({
  id: row.id,
  title: row.title,
  body: row.body,
  link: row.link,
  category: row.category,
  createdAt: row.created_at.toISOString(),
  readAt: row.read_at?.toISOString() ?? null,
});

export async function myNotifications(
  db: Executor,
  actor: Actor,
  filter: { unread: boolean },
  page: PageQuery,
) {
  const result = await listUserNotifications(db, actor.userId, filter, page.pageSize, offsetOf(page));
  return {
    items: result.items.map(toNotificationDto),
    total: result.total,
    page: page.page,
    pageSize: page.pageSize,
  };
}

export const myUnreadCount = async (db: Executor, actor: Actor) => ({
  count: await countUnread(db, actor.userId),
});

/** Marks one of the caller's notifications read; reading it again changes (and audits) nothing. */
export async function readNotification(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  now: Date,
) {
  const row = await findUserNotification(trx, actor.userId, id);
  if (!row) throw notFound(`notification ${id}`);
  if (row.read_at) return toNotificationDto(row);
  await markNotificationRead(trx, actor.userId, id, now);
  await recordAudit(trx, ctx, { action: 'notification.read', objectType: 'notification', objectId: id });
  return toNotificationDto({ ...row, read_at: now });
}

export async function readAllNotifications(trx: Executor, ctx: AuditContext, actor: Actor, now: Date) {
  const count = await markAllRead(trx, actor.userId, now);
  if (count > 0) {
    await recordAudit(trx, ctx, {
      action: 'notification.read_all',
      objectType: 'notification',
      objectId: null,
      after: { count },
    });
  }
  return { count };
}

/** Registers an org unit's webhook; its secret is sealed at rest. Management routes come later. */
export async function registerWebhook(
  trx: Executor,
  ctx: AuditContext,
  secretBox: SecretBox,
  input: { orgUnitId: number; url: string; secret: string; events: readonly string[] },
): Promise<number> {
  if (!/^https?:\/\//.test(input.url)) throw badRequest('webhook URL must be http(s)');
  if (input.secret.length < 16) throw badRequest('webhook secret must have at least 16 characters');
  const id = await insertWebhook(trx, {
    orgUnitId: input.orgUnitId,
    url: input.url,
    sealedSecret: secretBox.seal(input.secret),
    events: [...input.events],
  });
  await recordAudit(trx, ctx, {
    action: 'webhook.create',
    objectType: 'webhook',
    objectId: id,
    after: { orgUnitId: input.orgUnitId, url: input.url, events: input.events },
  });
  return id;
}
