/**
 * Period ids as the server names them (DHIS2 style): 202611 (month), 2026Q3, 2026S1, 2026, and
 * custom statistical months such as 202611E25 (the month ending on the 25th). Only what the
 * console needs: the current period of a form's type, and stepping back.
 */
import type { MessageKey } from '../../../i18n/zh-CN.ts';

/** The console's translate function (I18nProvider), typed here so Node tests can load this file. */
type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface PeriodId {
  kind: 'month' | 'quarter' | 'halfYear' | 'year';
  year: number;
  index: number;
  /** '' or the custom suffix, e.g. 'E25'. */
  suffix: string;
}

const PER_YEAR = { month: 12, quarter: 4, halfYear: 2, year: 1 } as const;

export function parsePeriodType(type: string): { kind: PeriodId['kind']; suffix: string } | null {
  const m = /^(month|quarter|halfYear|year)(E\d{2})?$/.exec(type);
  return m ? { kind: m[1] as PeriodId['kind'], suffix: m[2] ?? '' } : null;
}

export function formatPeriodId(p: PeriodId): string {
  const body =
    p.kind === 'month'
      ? `${p.year}${String(p.index).padStart(2, '0')}`
      : p.kind === 'quarter'
        ? `${p.year}Q${p.index}`
        : p.kind === 'halfYear'
          ? `${p.year}S${p.index}`
          : `${p.year}`;
  return body + p.suffix;
}

export function parsePeriodId(id: string): PeriodId | null {
  const m = /^(\d{4})(?:(\d{2})|Q(\d)|S(\d))?(E\d{2})?$/.exec(id);
  if (!m) return null;
  const year = Number(m[1]);
  const suffix = m[5] ?? '';
  if (m[2]) return { kind: 'month', year, index: Number(m[2]), suffix };
  if (m[3]) return { kind: 'quarter', year, index: Number(m[3]), suffix };
  if (m[4]) return { kind: 'halfYear', year, index: Number(m[4]), suffix };
  return { kind: 'year', year, index: 1, suffix };
}

export function shiftPeriod(p: PeriodId, by: number): PeriodId {
  const n = PER_YEAR[p.kind];
  const flat = p.year * n + (p.index - 1) + by;
  return { ...p, year: Math.floor(flat / n), index: (flat % n) + 1 };
}

/** The period of a type that contains a calendar day (custom months end on their day: E25 → 26th starts the next). */
export function periodOfDay(type: string, day: Date): PeriodId | null {
  const t = parsePeriodType(type);
  if (!t) return null;
  let year = day.getFullYear();
  let month = day.getMonth() + 1;
  const endDay = t.suffix ? Number(t.suffix.slice(1)) : 0;
  if (endDay && day.getDate() > endDay) {
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  const index =
    t.kind === 'month'
      ? month
      : t.kind === 'quarter'
        ? Math.ceil(month / 3)
        : t.kind === 'halfYear'
          ? Math.ceil(month / 6)
          : 1;
  return { kind: t.kind, year, index, suffix: t.suffix };
}

/** The last `count` periods of a form's type that have ended before `day`, newest first. */
export function recentPeriods(type: string, day: Date, count: number): string[] {
  const current = periodOfDay(type, day);
  if (!current) return [];
  return Array.from({ length: count }, (_, i) => formatPeriodId(shiftPeriod(current, -(i + 1))));
}

export function periodLabel(t: Translate, id: string): string {
  const p = parsePeriodId(id);
  if (!p) return id;
  const params = { year: p.year, index: p.index, mm: String(p.index).padStart(2, '0') };
  const base = t(
    p.kind === 'halfYear' ? `stats.period.halfYear${p.index === 1 ? 1 : 2}` : `stats.period.${p.kind}`,
    params,
  );
  return p.suffix ? `${base}${t('stats.period.custom-end', { day: Number(p.suffix.slice(1)) })}` : base;
}
