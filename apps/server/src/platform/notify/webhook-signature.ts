import { createHmac } from 'node:crypto';
import { safeEqual } from '../identity/secrets.ts';

export const SIGNATURE_HEADER = 'x-jtgov-signature';

/** `sm3=<hex HMAC-SM3 of the exact request body bytes>` under the webhook's secret. */
export const signWebhookBody = (secret: string, body: string | Buffer): string =>
  `sm3=${createHmac('sm3', secret).update(body).digest('hex')}`;

/** For receivers (and tests): constant-time check of a signature header against the raw body. */
export const verifyWebhookSignature = (
  secret: string,
  body: string | Buffer,
  header: string | undefined,
): boolean => typeof header === 'string' && safeEqual(header, signWebhookBody(secret, body));
