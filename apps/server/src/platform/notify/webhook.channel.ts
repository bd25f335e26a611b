import type { Channel } from './channel.ts';
import { SIGNATURE_HEADER, signWebhookBody } from './webhook-signature.ts';

/**
 * POSTs the notification as JSON, signed with the webhook's secret. A receiver may see a
 * delivery twice (delivery is at least once) and deduplicates by `x-jtgov-delivery`.
 * Any answer but 2xx is a failure to retry.
 */
export function createWebhookChannel(options: { timeoutMs?: number } = {}): Channel {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    name: 'webhook',
    async send(message) {
      const body = JSON.stringify({
        deliveryId: message.deliveryId,
        event: message.notification.category,
        notification: message.notification,
        recipient: { userId: message.recipient.userId, username: message.recipient.username },
      });
      if (!message.target.secret) throw new Error('webhook has no secret');
      const res = await fetch(message.target.address, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'x-jtgov-delivery': String(message.deliveryId),
          'x-jtgov-event': message.notification.category,
          [SIGNATURE_HEADER]: signWebhookBody(message.target.secret, body),
        },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.body?.cancel();
      if (!res.ok) throw new Error(`webhook answered HTTP ${res.status}`);
    },
  };
}
