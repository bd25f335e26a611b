import type { Part, Platform } from '../http/platform.ts';
import type { JobHandlers } from '../jobs/job-worker.ts';
import type { Channel } from './channel.ts';
import { DELIVER_JOB, deliveryHandler } from './delivery.ts';
import { createEmailChannel } from './email.channel.ts';
import { notifyMigrations } from './migrations/index.ts';
import { notifyRoutes } from './notify.routes.ts';
import { createWebhookChannel } from './webhook.channel.ts';

/** The external channels this instance is configured for: e-mail only with SMTP_URL set. */
export function configuredChannels(platform: Platform): Map<string, Channel> {
  const { smtpUrl, mailFrom } = platform.config;
  const channels: Channel[] = [createWebhookChannel()];
  if (smtpUrl) channels.push(createEmailChannel({ smtpUrl, from: mailFrom }));
  return new Map(channels.map((c) => [c.name, c]));
}

const jobs = (platform: Platform): JobHandlers => ({
  [DELIVER_JOB]: deliveryHandler({ channels: configuredChannels(platform), secretBox: platform.secretBox }),
});

export const notifyPart: Part = { name: 'notify', migrations: notifyMigrations, routes: notifyRoutes, jobs };

export type { Channel, OutboundMessage } from './channel.ts';
export { type NotifyChannel, type NotifyInput, notify, registerWebhook } from './notify.service.ts';
export { SIGNATURE_HEADER, signWebhookBody, verifyWebhookSignature } from './webhook-signature.ts';
