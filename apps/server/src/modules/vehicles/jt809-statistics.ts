// What the JT/T 809 statistics messages (信息统计类, 2011/2019 §4.5.2) report: the superior's count of
// locations received (0x9101, sent after every so many) and a subordinate's link report over a
// period (0x9102 asks, 0x1102 answers with breaks, time down and locations lost).
import type { LinkReport } from '@jtgov/jt809';

/** The standard's example: one 0x9101 per 10,000 locations received. */
export const COUNT_NOTICE_EVERY = 10_000;
/** Outages remembered for reports; older ones are forgotten first. */
const OUTAGES_KEPT = 1_000;

const seconds = (ms: number) => Math.floor(ms / 1000);

/** The superior's side: locations received since the last 0x9101. */
export class ReceivedCounter {
  readonly every: number;
  #count = 0;
  #since: Date;

  constructor(every: number, since: Date) {
    this.every = every;
    this.#since = since;
  }

  /** Adds stored locations; returns the notice to send once `every` are reached. */
  add(stored: number, now: Date): { total: number; startTime: number; endTime: number } | null {
    this.#count += stored;
    if (this.#count < this.every) return null;
    const notice = {
      total: this.#count,
      startTime: seconds(this.#since.getTime()),
      endTime: seconds(now.getTime()),
    };
    this.#count = 0;
    this.#since = now;
    return notice;
  }
}

/** The subordinate's side: when its main link was down, for 0x1102. */
export class LinkOutages {
  readonly #outages: { from: number; to: number | null }[] = [];

  /** The logged-in main link broke. */
  down(at: Date): void {
    const last = this.#outages.at(-1);
    if (last && last.to === null) return;
    this.#outages.push({ from: at.getTime(), to: null });
    if (this.#outages.length > OUTAGES_KEPT) this.#outages.shift();
  }

  /** The main link logged in again. */
  up(at: Date): void {
    const last = this.#outages.at(-1);
    if (last && last.to === null) last.to = at.getTime();
  }

  /**
   * Breaks that began in [start, end] and the seconds the link was down within it (an outage still
   * running counts up to `now`). Nothing is lost: positions stored while down are back-filled (0x1203).
   */
  report(
    platformId: string,
    startTime: number,
    endTime: number,
    now: Date,
  ): Omit<LinkReport, 'kind' | 'dataType' | 'verbatim'> {
    const start = startTime * 1000;
    const end = endTime * 1000;
    let disconnects = 0;
    let downMs = 0;
    for (const o of this.#outages) {
      if (o.from >= start && o.from <= end) disconnects++;
      const from = Math.max(o.from, start);
      const to = Math.min(o.to ?? now.getTime(), end);
      if (to > from) downMs += to - from;
    }
    return {
      platformId,
      startTime,
      endTime,
      lostLocations: 0,
      disconnects: Math.min(disconnects, 0xff),
      disconnectedSeconds: Math.min(seconds(downMs), 0xffffffff),
    };
  }
}
