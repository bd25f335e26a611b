import type { Translate } from '../i18n/I18nProvider.tsx';
import { isMessageKey } from '../i18n/useT.ts';
import { ApiError } from './client.ts';

// For these the server's message carries the useful specifics (which rule, which field, which conflict).
const WITH_SERVER_DETAIL = new Set([
  'bad_request',
  'validation_failed',
  'conflict',
  'password_policy',
  'forbidden',
]);

/** A sentence for the user in the current locale, from any error a request can throw. */
export function describeError(t: Translate, error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const key = `error.${error.code}`;
  if (!isMessageKey(key)) return error.message;
  return WITH_SERVER_DETAIL.has(error.code) ? `${t(key)}：${error.message}` : t(key);
}
