/** What a channel is given to send: the notification, its recipient, and where to. */
export interface OutboundMessage {
  readonly deliveryId: number;
  readonly notification: {
    readonly id: number;
    readonly title: string;
    readonly body: string;
    readonly link: string | null;
    readonly category: string;
    readonly createdAt: string;
  };
  readonly recipient: { readonly userId: number; readonly username: string; readonly displayName: string };
  /** An e-mail address, or a webhook URL with its (opened) secret. */
  readonly target: { readonly address: string; readonly secret?: string };
}

/**
 * A way out for notifications. `send` resolves once the far end has accepted the message and
 * throws otherwise; the job queue retries. SMS or WeChat channels plug in here later.
 */
export interface Channel {
  readonly name: string;
  send(message: OutboundMessage): Promise<void>;
}
