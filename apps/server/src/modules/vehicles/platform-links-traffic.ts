// What the JT/T 809 links carry, counted in memory per link and hour; the runtime adds the counts to
// platform_link_traffic every few seconds and when it closes, so several processes sum into a row.

export interface TrafficCounts {
  framesIn: number;
  framesOut: number;
  bytesIn: number;
  bytesOut: number;
  /** Superior links: positions the superior confirmed; subordinate links: positions stored. */
  positions: number;
  /** Frames that could not be framed or decoded. */
  errors: number;
  /** Times the main link broke. */
  reconnects: number;
}

export type CountTraffic = (count: Partial<TrafficCounts>) => void;

export interface TrafficHour extends TrafficCounts {
  linkId: number;
  hour: Date;
}

const HOUR_MS = 3_600_000;
export const hourOf = (at: Date): Date => new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);

export class LinkTraffic {
  readonly #now: () => Date;
  #hours = new Map<string, TrafficHour>();

  constructor(now: () => Date) {
    this.#now = now;
  }

  /** The counter of one link. */
  meter(linkId: number): CountTraffic {
    return (count) => this.add(linkId, count);
  }

  add(linkId: number, count: Partial<TrafficCounts>, hour = hourOf(this.#now())): void {
    const key = `${linkId}@${hour.getTime()}`;
    let row = this.#hours.get(key);
    if (!row) {
      row = {
        linkId,
        hour,
        framesIn: 0,
        framesOut: 0,
        bytesIn: 0,
        bytesOut: 0,
        positions: 0,
        errors: 0,
        reconnects: 0,
      };
      this.#hours.set(key, row);
    }
    for (const [field, n] of Object.entries(count) as [keyof TrafficCounts, number][]) row[field] += n;
  }

  /** The counts so far, forgotten here: the caller stores them (or gives them back with `restore`). */
  take(): TrafficHour[] {
    const rows = [...this.#hours.values()];
    this.#hours = new Map();
    return rows;
  }

  /** Counts that could not be stored, added back for the next attempt. */
  restore(rows: readonly TrafficHour[]): void {
    for (const { linkId, hour, ...counts } of rows) this.add(linkId, counts, hour);
  }
}
