import type { ColumnType, Generated } from 'kysely';

export type ExternalChannel = 'email' | 'webhook';
export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'dead';

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  title: string;
  body: string;
  /** A console path to the subject, e.g. /hotline/tickets/12. */
  link: string | null;
  /** What the notification is about, e.g. hotline.ticket.assigned; webhooks subscribe by it. */
  category: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  read_at: Date | null;
}

/** One notification sent out on one external channel to one target, retried by the job queue. */
export interface NotificationDeliveryTable {
  id: Generated<number>;
  notification_id: number;
  channel: ExternalChannel;
  /** The e-mail address, or the webhook id. */
  target: string;
  status: Generated<DeliveryStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  sent_at: Date | null;
}

/** An org unit's endpoint for notifications about users in its subtree. */
export interface WebhookTable {
  id: Generated<number>;
  org_unit_id: number;
  url: string;
  /** The HMAC-SM3 key, sealed with the instance key (SecretBox). */
  secret: string;
  /** Categories delivered; '*' for all. */
  events: string[];
  enabled: Generated<boolean>;
}

export interface NotifyTables {
  notification: NotificationTable;
  notification_delivery: NotificationDeliveryTable;
  webhook: WebhookTable;
}
