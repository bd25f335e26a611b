import type { SecretBox } from '../identity/secrets.ts';
import type { JobHandler } from '../jobs/job-worker.ts';
import type { Channel, OutboundMessage } from './channel.ts';
import { findDeliveryToSend, findWebhook, recordDeliveryAttempt } from './notify.repository.ts';

export const DELIVER_JOB = 'notify.deliver';

export interface DeliverPayload {
  readonly deliveryId: number;
}

const isDeliverPayload = (p: unknown): p is DeliverPayload =>
  typeof p === 'object' && p !== null && Number.isInteger((p as DeliverPayload).deliveryId);

/**
 * The job that sends one delivery. A failed send is recorded on the delivery and rethrown, so the
 * job queue retries it with backoff; the delivery turns dead with the job. A delivery that can
 * never succeed (channel not configured, webhook gone) turns dead at once without a retry.
 */
export function deliveryHandler(deps: {
  channels: ReadonlyMap<string, Channel>;
  secretBox: SecretBox;
}): JobHandler {
  return async (payload, ctx) => {
    if (!isDeliverPayload(payload)) throw new Error(`${DELIVER_JOB}: bad payload`);
    const d = await findDeliveryToSend(ctx.db, payload.deliveryId);
    if (!d || d.status === 'sent' || d.status === 'dead') return;
    const giveUp = (error: string) =>
      recordDeliveryAttempt(ctx.db, d.id, { status: 'dead', error, sentAt: null });

    const channel = deps.channels.get(d.channel);
    if (!channel) return giveUp(`channel ${d.channel} is not configured on this instance`);
    let target: OutboundMessage['target'] = { address: d.target };
    if (d.channel === 'webhook') {
      const webhook = await findWebhook(ctx.db, Number(d.target));
      if (!webhook?.enabled) return giveUp('webhook removed or disabled');
      target = { address: webhook.url, secret: deps.secretBox.open(webhook.secret) };
    }
    const message: OutboundMessage = {
      deliveryId: d.id,
      notification: {
        id: d.notificationId,
        title: d.title,
        body: d.body,
        link: d.link,
        category: d.category,
        createdAt: d.createdAt.toISOString(),
      },
      recipient: { userId: d.userId, username: d.username, displayName: d.displayName },
      target,
    };
    try {
      await channel.send(message);
    } catch (err) {
      const error = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
      const status = ctx.attempt >= ctx.maxAttempts ? 'dead' : 'failed';
      await recordDeliveryAttempt(ctx.db, d.id, { status, error, sentAt: null });
      throw err;
    }
    await recordDeliveryAttempt(ctx.db, d.id, { status: 'sent', error: null, sentAt: ctx.now });
  };
}
