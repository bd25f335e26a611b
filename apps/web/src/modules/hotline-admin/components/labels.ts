import type { Translate } from '../../../i18n/I18nProvider.tsx';
import { isMessageKey } from '../../../i18n/useT.ts';

/** A label for a code the server sends (domain, channel, request type, level); the code if unknown. */
export function labelOf(
  t: Translate,
  group: 'domain' | 'channel' | 'type' | 'level' | 'state',
  code: string,
  fallback = code,
) {
  const key = `hla.${group}.${code}`;
  return isMessageKey(key) ? t(key) : fallback;
}

/** A rate as the server sends it (a fraction, null when nothing was counted) as a percentage. */
export const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(2)}%`);

/** Today in Beijing as YYYY-MM-DD (the server counts days in Beijing time). */
export const beijingToday = (now = Date.now()) => new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);

export const shiftDay = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
