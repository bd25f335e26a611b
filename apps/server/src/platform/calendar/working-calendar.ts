/** A calendar date, 'YYYY-MM-DD', with no time zone. */
export type CivilDate = string;

export type DayKind = 'holiday' | 'workday';

/** A day the State Council's annual notice makes special: a holiday, or a make-up workday (调休上班). */
export interface SpecialDay {
  readonly date: CivilDate;
  readonly kind: DayKind;
  readonly name: string;
}

const DAY_MS = 86_400_000;
// China Standard Time is UTC+8 all year: no daylight saving since 1991.
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Deadlines are counted a day at a time; a bound keeps a typo from looping for ages.
const MAX_WORKING_DAYS = 3_660;

/** Days since 1970-01-01 of a civil date; throws on a malformed or impossible date. */
function dayNumber(date: CivilDate): number {
  const m = CIVIL_DATE.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date)
    throw new RangeError(`not a date: ${date}`);
  return ms / DAY_MS;
}

const civilDate = (day: number): CivilDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The date on a wall calendar in Beijing at this instant. */
export const beijingDateOf = (instant: Date): CivilDate =>
  civilDate(Math.floor((instant.getTime() + BEIJING_OFFSET_MS) / DAY_MS));

/** 00:00 Beijing time of a civil date, as an instant. */
export const beijingMidnight = (date: CivilDate): Date =>
  new Date(dayNumber(date) * DAY_MS - BEIJING_OFFSET_MS);

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS)
    throw new RangeError(`working days must be an integer from 0 to ${MAX_WORKING_DAYS}, got ${n}`);
}

/**
 * Working days of mainland China: Monday to Friday, except the public holidays of the State
 * Council's annual notice, plus its make-up workdays. A year without a loaded notice falls back
 * to weekends only — `hasData(year)` says which years are exact.
 *
 * Counting follows the Civil Code's rule for periods (民法典 第二百零一条): the day an event
 * happens is not counted; counting starts the next day. So a ticket accepted on Friday at 16:00
 * with a 5-working-day limit is due by the end of the following Friday (no holidays between).
 */
export class WorkingCalendar {
  readonly #special: ReadonlyMap<CivilDate, SpecialDay>;
  readonly #years: ReadonlySet<number>;

  /** A year with at least one special day counts as loaded. */
  constructor(days: readonly SpecialDay[]) {
    const special = new Map<CivilDate, SpecialDay>();
    for (const day of days) {
      dayNumber(day.date);
      special.set(day.date, day);
    }
    this.#special = special;
    this.#years = new Set([...special.keys()].map((d) => Number(d.slice(0, 4))));
  }

  /** Whether the year's holidays are known; otherwise only weekends count as days off. */
  hasData(year: number): boolean {
    return this.#years.has(year);
  }

  special(date: CivilDate): SpecialDay | undefined {
    return this.#special.get(date);
  }

  isWorkingDay(date: CivilDate): boolean {
    const day = dayNumber(date);
    const special = this.#special.get(date);
    if (special) return special.kind === 'workday';
    // 1970-01-01 was a Thursday: (day + 4) % 7 is 0 on Sundays and 6 on Saturdays.
    const weekday = (((day + 4) % 7) + 7) % 7;
    return weekday !== 0 && weekday !== 6;
  }

  /**
   * The n-th working day after `start` (start itself is never counted, whether it is a working
   * day or not). n = 0 gives `start` back unchanged.
   */
  addWorkingDays(start: CivilDate, n: number): CivilDate {
    checkCount(n);
    let day = dayNumber(start);
    for (let left = n; left > 0; ) {
      day += 1;
      if (this.isWorkingDay(civilDate(day))) left -= 1;
    }
    return civilDate(day);
  }

  /**
   * Working days in the interval (a, b]: after a, up to and including b; negative when b is
   * before a. So `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
   */
  workingDaysBetween(a: CivilDate, b: CivilDate): number {
    const from = dayNumber(a);
    const to = dayNumber(b);
    // 0 - n rather than -n: no day between must be 0, not -0.
    if (to < from) return 0 - this.workingDaysBetween(b, a);
    let count = 0;
    for (let day = from + 1; day <= to; day += 1) if (this.isWorkingDay(civilDate(day))) count += 1;
    return count;
  }

  /**
   * The deadline `workingDays` working days after an instant: the end (23:59:59.999 Beijing time)
   * of the n-th working day after the instant's Beijing date. The period's last day ends at
   * 24:00 (民法典 第二百零三条), so whatever the hour of acceptance, the whole last day counts.
   */
  deadlineAfter(instant: Date, workingDays: number): Date {
    const last = this.addWorkingDays(beijingDateOf(instant), workingDays);
    return new Date(beijingMidnight(last).getTime() + DAY_MS - 1);
  }
}
