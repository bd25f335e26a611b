import type { Db } from '../../platform/db/database.ts';
import { applyOnlineChanges, type OnlineChange } from './online-state.repository.ts';

export interface OnlineWriterOptions {
  /** How long the first change of a batch waits for others. */
  readonly maxDelayMs?: number;
  /** Vehicles per batch; a batch is written at once when it reaches this. */
  readonly maxVehicles?: number;
}

interface Waiter {
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * Group commit of vehicles' online/offline state, like the position writer: changes from every
 * connection wait briefly and are committed together in one transaction, and only then do their
 * promises resolve. A login storm of thousands of terminals costs a handful of commits instead of
 * one serialised commit each. Within a batch the last change of a vehicle wins, and one batch is
 * written at a time, so a vehicle's changes land in the order they were made: a quick reconnect
 * (offline then online) cannot end up offline.
 */
export class OnlineWriter {
  readonly #db: Db;
  readonly #gatewayId: string;
  readonly #maxDelayMs: number;
  readonly #maxVehicles: number;
  #pending = new Map<number, OnlineChange>();
  #waiters: Waiter[] = [];
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> | undefined;
  /** Transactions committed since creation (a login storm should need few). */
  commits = 0;

  constructor(db: Db, gatewayId: string, options: OnlineWriterOptions = {}) {
    this.#db = db;
    this.#gatewayId = gatewayId;
    this.#maxDelayMs = options.maxDelayMs ?? 5;
    this.#maxVehicles = options.maxVehicles ?? 5000;
  }

  /** Resolves once the change (or a later one of the same vehicle) is committed. */
  set(vehicleId: number, online: boolean, at: Date): Promise<void> {
    // Re-inserted so the map keeps the order of the latest change of each vehicle.
    this.#pending.delete(vehicleId);
    this.#pending.set(vehicleId, { vehicleId, online, at });
    return new Promise<void>((resolve, reject) => {
      this.#waiters.push({ resolve, reject });
      this.#kick(this.#pending.size >= this.#maxVehicles ? 0 : this.#maxDelayMs);
    });
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
      if (this.#pending.size > 0) this.#kick(0);
    });
    this.#writing = run;
  }

  async #drain(): Promise<void> {
    while (this.#pending.size > 0) {
      // Everything pending is taken at once; more than a batch's worth is rare (a storm's peak).
      const changes = [...this.#pending.values()];
      const waiters = this.#waiters;
      this.#pending = new Map();
      this.#waiters = [];
      try {
        for (let at = 0; at < changes.length; at += this.#maxVehicles) {
          const part = changes.slice(at, at + this.#maxVehicles);
          await this.#db.transaction().execute((trx) => applyOnlineChanges(trx, part, this.#gatewayId));
          this.commits++;
        }
        for (const w of waiters) w.resolve();
      } catch (err) {
        for (const w of waiters) w.reject(err);
      }
    }
  }

  /** Writes what is pending and waits for it. */
  async flush(): Promise<void> {
    this.#kick(0);
    while (this.#writing || this.#pending.size > 0) {
      if (!this.#writing) this.#kick(0);
      await this.#writing;
    }
  }
}
