import type { Db } from '../../platform/db/database.ts';
import { ensureMonthlyPartition, monthlyPartition } from '../../platform/db/partitions.repository.ts';
import {
  insertPositions,
  type PositionInput,
  type PositionRow,
  toPositionRow,
  upsertLatestStates,
} from './positions.repository.ts';

export interface PositionWriterOptions {
  /** How long the first row of a batch waits for others. */
  readonly maxDelayMs?: number;
  /** Rows per statement; a batch is written at once when it reaches this. */
  readonly maxRows?: number;
  /** Called with each batch once it is committed (alarm evaluation); must not throw or block. */
  readonly onCommitted?: (rows: readonly PositionRow[]) => void;
}

/** Told once the rows are committed (no error) or their batch failed (the error). */
export type WriteDone = (err?: unknown) => void;

interface Pending {
  rows: PositionRow[];
  done: WriteDone;
}

/**
 * Group commit of positions: rows from every connection wait briefly, are written in one
 * transaction (one INSERT for the rows, one upsert for the vehicles' latest state), and only then
 * are their callers told — the gateway acknowledges a location when it is told.
 * One batch is written at a time, so promises resolve in the order rows were given.
 *
 * Multi-row INSERT rather than COPY on PostgreSQL: a terminal retransmits a report whose
 * acknowledgement it missed, and `on conflict do nothing` keeps that idempotent; COPY cannot.
 */
export class PositionWriter {
  readonly #db: Db;
  readonly #maxDelayMs: number;
  readonly #maxRows: number;
  readonly #onCommitted: ((rows: readonly PositionRow[]) => void) | undefined;
  #queue: Pending[] = [];
  #queuedRows = 0;
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> | undefined;
  readonly #partitions = new Set<string>();
  /** [from, to) in ms of the months whose partition exists. */
  readonly #months: [number, number][] = [];
  /** Rows written since creation. */
  written = 0;

  constructor(db: Db, options: PositionWriterOptions = {}) {
    this.#db = db;
    this.#maxDelayMs = options.maxDelayMs ?? 5;
    this.#maxRows = options.maxRows ?? 2000;
    this.#onCommitted = options.onCommitted;
  }

  get queuedRows(): number {
    return this.#queuedRows;
  }

  /** Resolves once the rows are committed; rejects when their batch failed. */
  write(rows: readonly PositionInput[]): Promise<void> {
    return new Promise<void>((resolve, reject) =>
      this.enqueue(rows.map(toPositionRow), (err) => (err ? reject(err) : resolve())),
    );
  }

  /**
   * write() with a callback, called in order of enqueueing once the rows are committed: the
   * gateway's path, which would otherwise keep a promise and its reactions alive per report while
   * the rows wait for their batch (survivors make young-generation collections slow).
   */
  enqueue(rows: PositionRow[], done: WriteDone): void {
    if (rows.length === 0) {
      queueMicrotask(() => done());
      return;
    }
    this.#queue.push({ rows, done });
    this.#queuedRows += rows.length;
    if (this.#queuedRows >= this.#maxRows) this.#kick(0);
    else this.#kick(this.#maxDelayMs);
  }

  #kick(delay: number): void {
    if (this.#writing) return;
    if (delay === 0) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#start();
      return;
    }
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      if (!this.#writing) this.#start();
    }, delay);
  }

  #start(): void {
    const run: Promise<void> = this.#drain().finally(() => {
      if (this.#writing === run) this.#writing = undefined;
      // Rows queued after the drain loop ended and before this ran found it still writing.
      if (this.#queue.length > 0) this.#kick(0);
    });
    this.#writing = run;
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      // Taken with one splice: shift() per writer is quadratic in a queue thousands long.
      const queue = this.#queue;
      let take = 0;
      let count = 0;
      while (take < queue.length && (take === 0 || count + queue[take]!.rows.length <= this.#maxRows)) {
        count += queue[take]!.rows.length;
        take++;
      }
      const batch = queue.splice(0, take);
      this.#queuedRows -= count;
      const rows: PositionRow[] = [];
      for (const p of batch) for (const row of p.rows) rows.push(row);
      let failure: unknown;
      try {
        await this.#commit(rows);
        this.written += rows.length;
      } catch (err) {
        failure = err ?? new Error('position batch failed');
      }
      // Every caller of the batch is told in the same turn (the gateway corks a socket's replies
      // of one turn into one write); a caller's own failure is its own.
      for (const p of batch)
        try {
          p.done(failure);
        } catch {}
      if (failure !== undefined) continue;
      try {
        this.#onCommitted?.(rows);
      } catch {
        // A listener's failure is its own: the rows are committed and acknowledged.
      }
    }
  }

  async #commit(rows: PositionRow[]): Promise<void> {
    for (const row of rows) {
      const t = row.gnssTime;
      // Almost every row falls in a month already seen: a range check, no date made.
      if (this.#months.some(([from, to]) => t >= from && t < to)) continue;
      const month = new Date(t);
      const { name, from, to } = monthlyPartition('vehicle_position', month);
      if (!this.#partitions.has(name))
        this.#partitions.add(await ensureMonthlyPartition(this.#db, 'vehicle_position', month));
      this.#months.push([Date.parse(from), Date.parse(to)]);
    }
    const latest = new Map<number, PositionRow>();
    for (const row of rows) {
      const seen = latest.get(row.vehicleId);
      if (!seen || row.gnssTime > seen.gnssTime) latest.set(row.vehicleId, row);
    }
    await this.#db.transaction().execute(async (trx) => {
      await insertPositions(trx, rows);
      await upsertLatestStates(trx, [...latest.values()]);
    });
  }

  /** Writes what is queued and waits for it. */
  async flush(): Promise<void> {
    this.#kick(0);
    while (this.#writing || this.#queue.length > 0) {
      if (!this.#writing) this.#kick(0);
      await this.#writing;
    }
  }
}
