/**
 * Reporting periods (报告期): calendar months, quarters, half-years and years with DHIS2 ids, plus
 * custom statistical periods that end on a fixed day of their last month.
 *
 * Ids, DHIS2-compatible for calendar periods (DHIS2 Monthly/Quarterly/SixMonthly/Yearly):
 *   month    202611      quarter   2026Q3      half-year   2026S1      year   2026
 * Custom periods append `E` and the two-digit end day, and are named after the month they end in:
 *   202611E25  = 2026-10-26 … 2026-11-25   (the transport monthly report, 上月26日至本月25日)
 *   2026Q1E25  = 2025-12-26 … 2026-03-25   2026S2E25 = 2026-06-26 … 2026-12-25
 *   2026E25    = 2025-12-26 … 2026-12-25
 * The end day is 1–28 so every month has it. Period type codes: 'month', 'quarter', 'halfYear',
 * 'year', and for custom types the kind followed by `E` and the end day, e.g. 'monthE25'.
 *
 * Dates are civil dates on the Beijing calendar ('YYYY-MM-DD', no time zone); turn an instant into
 * one with `beijingDateOf` (platform/calendar). Parsers return a result and never throw; the other
 * functions take already-valid values and throw RangeError on a malformed civil date.
 */

export type CivilDate = string;
export type PeriodKind = 'month' | 'quarter' | 'halfYear' | 'year';

export interface PeriodType {
  readonly kind: PeriodKind;
  /** null for calendar periods; 1–28 for a custom period ending on that day of its last month. */
  readonly endDay: number | null;
}

export interface Period {
  readonly id: string;
  readonly type: PeriodType;
  /** The year of the period's last month (a custom year 2026E25 starts in 2025). */
  readonly year: number;
  /** 1-based position within the year: month 1–12, quarter 1–4, half 1–2, year 1. */
  readonly index: number;
  /** First and last day, both inclusive. */
  readonly start: CivilDate;
  readonly end: CivilDate;
}

export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: string };

const MONTHS_PER: Record<PeriodKind, number> = { month: 1, quarter: 3, halfYear: 6, year: 12 };
const PER_YEAR: Record<PeriodKind, number> = { month: 12, quarter: 4, halfYear: 2, year: 1 };
const KINDS: readonly PeriodKind[] = ['month', 'quarter', 'halfYear', 'year'];
export const MIN_YEAR = 1000;
export const MAX_YEAR = 9999;
const DAY_MS = 86_400_000;
const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// More periods than this in one listing is a caller's mistake (a century of months is 1,200).
const MAX_LISTED = 5_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function toDay(date: CivilDate): number {
  const m = CIVIL_DATE.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date)
    throw new RangeError(`not a date: ${date}`);
  return ms / DAY_MS;
}

const fromDay = (day: number): CivilDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** True for a real 'YYYY-MM-DD' date. */
export function isCivilDate(value: string): boolean {
  try {
    toDay(value);
    return true;
  } catch {
    return false;
  }
}

/** Day `day` of month `month` (1-based, may run past 12 or below 1) of `year`. */
const civil = (year: number, month: number, day: number): CivilDate =>
  new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);

const lastDayOfMonth = (year: number, month: number): CivilDate => civil(year, month + 1, 0);

const addDays = (date: CivilDate, days: number): CivilDate => fromDay(toDay(date) + days);

export function periodTypeCode(type: PeriodType): string {
  return type.endDay === null ? type.kind : `${type.kind}E${pad(type.endDay)}`;
}

export function parsePeriodType(code: string): ParseResult<PeriodType> {
  const m = /^(month|quarter|halfYear|year)(?:E(\d{2}))?$/.exec(code);
  if (!m) return { ok: false, error: `unknown period type: ${JSON.stringify(code)}` };
  const kind = m[1] as PeriodKind;
  if (m[2] === undefined) return { ok: true, value: { kind, endDay: null } };
  const endDay = Number(m[2]);
  if (endDay < 1 || endDay > 28) return { ok: false, error: `end day must be 01–28, got ${m[2]}` };
  return { ok: true, value: { kind, endDay } };
}

/** Builds a period from its type, year and index; the index must be in range for the type. */
export function makePeriod(type: PeriodType, year: number, index: number): Period {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw new RangeError(`year ${year}`);
  if (!Number.isInteger(index) || index < 1 || index > PER_YEAR[type.kind])
    throw new RangeError(`${type.kind} index ${index}`);
  const span = MONTHS_PER[type.kind];
  const lastMonth = index * span;
  const firstMonth = lastMonth - span + 1;
  const start =
    type.endDay === null ? civil(year, firstMonth, 1) : civil(year, firstMonth - 1, type.endDay + 1);
  const end = type.endDay === null ? lastDayOfMonth(year, lastMonth) : civil(year, lastMonth, type.endDay);
  return { id: periodId(type, year, index), type, year, index, start, end };
}

function periodId(type: PeriodType, year: number, index: number): string {
  const base =
    type.kind === 'month'
      ? `${year}${pad(index)}`
      : type.kind === 'quarter'
        ? `${year}Q${index}`
        : type.kind === 'halfYear'
          ? `${year}S${index}`
          : `${year}`;
  return type.endDay === null ? base : `${base}E${pad(type.endDay)}`;
}

/** Parses a period id such as 202611, 2026Q3, 2026S1, 2026 or 202611E25. */
export function parsePeriod(id: string): ParseResult<Period> {
  if (typeof id !== 'string') return { ok: false, error: 'period id must be a string' };
  const m = /^(\d{4})(?:(\d{2})|Q(\d)|S(\d))?(?:E(\d{2}))?$/.exec(id);
  if (!m) return { ok: false, error: `not a period id: ${JSON.stringify(id.slice(0, 40))}` };
  const year = Number(m[1]);
  if (year < MIN_YEAR) return { ok: false, error: `year before ${MIN_YEAR}: ${m[1]}` };
  const kind: PeriodKind =
    m[2] !== undefined ? 'month' : m[3] !== undefined ? 'quarter' : m[4] !== undefined ? 'halfYear' : 'year';
  const index = Number(m[2] ?? m[3] ?? m[4] ?? 1);
  if (index < 1 || index > PER_YEAR[kind]) return { ok: false, error: `no ${kind} ${index} in a year` };
  let endDay: number | null = null;
  if (m[5] !== undefined) {
    endDay = Number(m[5]);
    if (endDay < 1 || endDay > 28) return { ok: false, error: `end day must be 01–28, got ${m[5]}` };
  }
  return { ok: true, value: makePeriod({ kind, endDay }, year, index) };
}

/** The period of this type that contains the date. */
export function periodOf(type: PeriodType, date: CivilDate): Period {
  toDay(date);
  let year = Number(date.slice(0, 4));
  let month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  // After the end day a custom period belongs to the next month's period.
  if (type.endDay !== null && day > type.endDay) {
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  if (year > MAX_YEAR) throw new RangeError(`date ${date} falls in a period after ${MAX_YEAR}`);
  return makePeriod(type, year, Math.ceil(month / MONTHS_PER[type.kind]));
}

/** The period `n` periods after (negative: before) this one, of the same type. */
export function shiftPeriod(period: Period, n: number): Period {
  const perYear = PER_YEAR[period.type.kind];
  const ordinal = period.year * perYear + (period.index - 1) + n;
  return makePeriod(period.type, Math.floor(ordinal / perYear), (ordinal % perYear) + 1);
}

export const nextPeriod = (period: Period): Period => shiftPeriod(period, 1);
export const previousPeriod = (period: Period): Period => shiftPeriod(period, -1);

/** 同比: the same period of the year `years` before (default 1). */
export const samePeriodLastYear = (period: Period, years = 1): Period =>
  shiftPeriod(period, -years * PER_YEAR[period.type.kind]);

/** Negative if a is earlier, 0 if the same period, positive if later; both of one type. */
export const comparePeriods = (a: Period, b: Period): number =>
  a.year * PER_YEAR[a.type.kind] + a.index - (b.year * PER_YEAR[b.type.kind] + b.index);

/** Every period of the type overlapping the inclusive date range, earliest first. */
export function periodsOverlapping(type: PeriodType, from: CivilDate, to: CivilDate): Period[] {
  if (toDay(from) > toDay(to)) return [];
  const out: Period[] = [];
  for (let p = periodOf(type, from); p.start <= to; p = nextPeriod(p)) {
    out.push(p);
    if (out.length > MAX_LISTED) throw new RangeError(`more than ${MAX_LISTED} periods in ${from}…${to}`);
    if (p.year === MAX_YEAR && p.index === PER_YEAR[type.kind]) break;
  }
  return out;
}

/** Days in the period (a custom month has as many days as the month before its end). */
export const periodDays = (period: Period): number => toDay(period.end) - toDay(period.start) + 1;

/** True if the date lies in the period. */
export const periodContains = (period: Period, date: CivilDate): boolean =>
  toDay(date) >= toDay(period.start) && toDay(date) <= toDay(period.end);

export type Locale = 'zh-CN' | 'en-US';
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const zhMonthDay = (date: CivilDate) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** A period's name for people: 2026年11月, 2026年第3季度, 2026年上半年, 2026年; or in English. */
export function formatPeriod(period: Period, locale: Locale = 'zh-CN'): string {
  const { kind } = period.type;
  const { year, index } = period;
  let name: string;
  if (locale === 'zh-CN') {
    name =
      kind === 'month'
        ? `${year}年${index}月`
        : kind === 'quarter'
          ? `${year}年第${index}季度`
          : kind === 'halfYear'
            ? `${year}年${index === 1 ? '上' : '下'}半年`
            : `${year}年`;
    return period.type.endDay === null
      ? name
      : `${name}（${zhMonthDay(period.start)}至${zhMonthDay(period.end)}）`;
  }
  name =
    kind === 'month'
      ? `${EN_MONTHS[index - 1]} ${year}`
      : kind === 'quarter'
        ? `${year} Q${index}`
        : kind === 'halfYear'
          ? `${year} H${index}`
          : `${year}`;
  return period.type.endDay === null ? name : `${name} (${period.start} to ${period.end})`;
}

/** Every period type code accepted, for schemas: calendar kinds; custom ones match `kindEdd`. */
export const PERIOD_KINDS = KINDS;

/** Adds days to a civil date (for fill windows measured from a period's end). */
export const addDaysToDate = addDays;
