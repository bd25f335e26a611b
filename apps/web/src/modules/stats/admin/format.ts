import type { Translate } from '../../../i18n/I18nProvider.tsx';
import { isMessageKey } from '../../../i18n/useT.ts';
import { formatPeriodId, periodOfDay, shiftPeriod } from '../model/periods.ts';

/** month, quarter, halfYear, year, or a custom statistical month such as monthE25 (26th to 25th). */
export function periodTypeLabel(t: Translate, code: string): string {
  const m = /^(month|quarter|halfYear|year)(?:E(\d{2}))?$/.exec(code);
  if (!m) return code;
  const key = `stats.admin.period-type.${m[1]}`;
  const base = isMessageKey(key) ? t(key) : code;
  return m[2] ? t('stats.admin.period-type.custom', { base, day: Number(m[2]) }) : base;
}

/** Period ids of a form's type from `back` periods before the current one to `ahead` after it, latest first. */
export function periodsAround(type: string, day: Date, back: number, ahead: number): string[] {
  const current = periodOfDay(type, day);
  if (!current) return [];
  const out: string[] = [];
  for (let i = ahead; i >= -back; i--) out.push(formatPeriodId(shiftPeriod(current, i)));
  return out;
}
