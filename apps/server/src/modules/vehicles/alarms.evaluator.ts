// Runs the alarm rules over positions after they are durable: the gateway hands each committed
// batch here and acknowledges terminals without waiting. Rule state lives in memory per vehicle;
// a vehicle seen for the first time (after a start, or after its state was dropped) is rebuilt by
// replaying its last day of stored positions and marking the alarms the store holds open.
import type { Db } from '../../platform/db/database.ts';
import type { Clock } from '../../platform/http/platform.ts';
import {
  type AlarmKind,
  type AlarmLevel,
  type AlarmRulesConfig,
  DEFAULT_ALARM_RULES,
} from './alarm-config.ts';
import {
  evaluate,
  type Fix,
  newRuleState,
  type RuleState,
  restoreOpen,
  type VehicleProfile,
} from './alarm-rules.ts';
import { AlarmEvents } from './alarms.events.ts';
import {
  type AlarmProfileRow,
  findAlarmProfiles,
  findOpenAlarms,
  findRecentFixes,
} from './alarms.repository.ts';
import { type AlarmOps, applyAlarmOps, emptyOps, isEmptyOps, newAlarm } from './alarms.store.ts';
import type { PositionRow } from './positions.repository.ts';
import type { SpeedZoneIndex } from './speed-zones.index.ts';
import { SpeedZoneSource } from './speed-zones.source.ts';

export interface AlarmEvaluatorOptions {
  readonly rules?: Partial<AlarmRulesConfig>;
  /** Rows waiting for evaluation beyond which a batch is dropped (its vehicles are rebuilt later). */
  readonly maxQueuedRows?: number;
  readonly log?: (details: object, message: string) => void;
  /** How often the road-class speed zones are checked for changes made by other processes. */
  readonly zoneRefreshMs?: number;
}

interface VehicleRules {
  readonly profile: VehicleProfile;
  readonly row: AlarmProfileRow;
  readonly state: RuleState;
}

const REPLAY_MS = 24 * 3600_000 + 30 * 60_000;
const REBUILD_CHUNK = 50;
/** Kinds not judged per position: their open alarms are left to their own job. */
const NOT_PER_POSITION = new Set<string>(['offline']);

export class AlarmEvaluator {
  readonly events: AlarmEvents;
  readonly #db: Db;
  readonly #clock: Clock;
  readonly #rules: AlarmRulesConfig;
  readonly #maxQueued: number;
  readonly #log: (details: object, message: string) => void;
  readonly #vehicles = new Map<number, VehicleRules>();
  readonly #zones: SpeedZoneSource;
  /** Vehicles whose settings are re-read before their next positions are judged. */
  readonly #stale = new Set<number>();
  #queue: PositionRow[][] = [];
  #queuedRows = 0;
  #running: Promise<void> | undefined;
  /** Positions evaluated, and batches dropped because evaluation fell behind or failed. */
  evaluated = 0;
  dropped = 0;

  constructor(db: Db, clock: Clock, options: AlarmEvaluatorOptions = {}) {
    this.#db = db;
    this.#clock = clock;
    this.#rules = { ...DEFAULT_ALARM_RULES, ...options.rules };
    this.#maxQueued = options.maxQueuedRows ?? 200_000;
    this.#log = options.log ?? (() => {});
    this.#zones = new SpeedZoneSource(db, options.zoneRefreshMs);
    this.events = new AlarmEvents((err) => this.#log({ err: String(err) }, 'alarm sink failed'));
  }

  /** Takes a committed batch; returns at once. */
  submit(rows: readonly PositionRow[]): void {
    if (rows.length === 0) return;
    if (this.#queuedRows + rows.length > this.#maxQueued) {
      this.#forget(rows);
      this.dropped++;
      this.#log(
        { rows: rows.length },
        'alarm evaluation behind: batch dropped, its vehicles will be rebuilt',
      );
      return;
    }
    this.#queue.push([...rows]);
    this.#queuedRows += rows.length;
    this.#running ??= this.#drain().finally(() => {
      this.#running = undefined;
    });
  }

  /** Resolves when everything submitted has been evaluated and written. */
  async flush(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /** Re-reads a vehicle's type and speed limit before its next positions; its rule state stays. */
  refreshVehicle(vehicleId: number): void {
    if (this.#vehicles.has(vehicleId)) this.#stale.add(vehicleId);
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0).flat();
      this.#queuedRows = 0;
      try {
        await this.#evaluateBatch(batch);
        this.evaluated += batch.length;
      } catch (err) {
        this.#forget(batch);
        this.dropped++;
        this.#log(
          { err: String(err), rows: batch.length },
          'alarm evaluation failed: its vehicles will be rebuilt',
        );
      }
    }
  }

  #forget(rows: readonly PositionRow[]): void {
    for (const r of rows) this.#vehicles.delete(r.vehicleId);
  }

  async #evaluateBatch(batch: PositionRow[]): Promise<void> {
    const byVehicle = new Map<number, PositionRow[]>();
    for (const row of batch) {
      const list = byVehicle.get(row.vehicleId);
      if (list) list.push(row);
      else byVehicle.set(row.vehicleId, [row]);
    }
    for (const list of byVehicle.values()) list.sort((a, b) => a.gnssTime - b.gnssTime);
    const stale = [...byVehicle.keys()].filter((id) => this.#stale.has(id));
    if (stale.length > 0) {
      for (const id of stale) this.#stale.delete(id);
      const rows = new Map((await findAlarmProfiles(this.#db, stale)).map((r) => [r.vehicle_id, r]));
      for (const id of stale) {
        const row = rows.get(id);
        const current = this.#vehicles.get(id);
        if (!row || !current) this.#vehicles.delete(id);
        else
          this.#vehicles.set(id, {
            row,
            state: current.state,
            profile: { vehicleType: row.vehicle_type, speedLimit: row.speed_limit },
          });
      }
    }
    const missing = [...byVehicle.keys()].filter((id) => !this.#vehicles.has(id));
    // A day of 30-second reports is ~3,000 rows a vehicle: rebuild a few dozen vehicles at a time.
    for (let i = 0; i < missing.length; i += REBUILD_CHUNK) {
      const chunk = missing.slice(i, i + REBUILD_CHUNK);
      await this.#rebuild(chunk, (id) => byVehicle.get(id)![0]!.gnssTime);
    }

    const zones = await this.#zones.current();
    const ops = emptyOps();
    const profiles = new Map<number, AlarmProfileRow>();
    for (const [vehicleId, rows] of byVehicle) {
      const v = this.#vehicles.get(vehicleId);
      if (!v) continue; // not in the registry any more
      profiles.set(vehicleId, v.row);
      collectOps(
        ops,
        vehicleId,
        v,
        rows.map((r) => toFix(r, r.gnssTime)),
        this.#rules,
        zones,
      );
    }
    if (isEmptyOps(ops)) return;
    const now = this.#clock.now();
    const events = await this.#db.transaction().execute((trx) => applyAlarmOps(trx, ops, profiles, now));
    this.events.emit(events);
  }

  /** Replays each vehicle's stored positions before `before(id)` and marks its open alarms. */
  async #rebuild(vehicleIds: number[], before: (id: number) => number): Promise<void> {
    const earliest = Math.min(...vehicleIds.map(before));
    const [profiles, open, fixes, zones] = await Promise.all([
      findAlarmProfiles(this.#db, vehicleIds),
      findOpenAlarms(this.#db, vehicleIds),
      findRecentFixes(this.#db, vehicleIds, new Date(earliest - REPLAY_MS)),
      this.#zones.current(),
    ]);
    for (const row of profiles) {
      const profile: VehicleProfile = { vehicleType: row.vehicle_type, speedLimit: row.speed_limit };
      const state = newRuleState();
      const limit = before(row.vehicle_id);
      for (const f of fixes) {
        if (f.vehicle_id !== row.vehicle_id || f.gnss_time.getTime() >= limit) continue;
        if (f.gnss_time.getTime() < limit - REPLAY_MS) continue;
        evaluate(state, profile, toFix(f, f.gnss_time.getTime()), this.#rules, zones);
      }
      restoreOpen(
        state,
        open
          .filter((a) => a.vehicle_id === row.vehicle_id && !NOT_PER_POSITION.has(a.kind))
          .map((a) => ({
            kind: a.kind as AlarmKind,
            startedAt: a.started_at,
            peak: a.peak_value,
            level: a.level as AlarmLevel,
          })),
      );
      this.#vehicles.set(row.vehicle_id, { profile, row, state });
    }
  }
}

const toFix = (
  r: { lat: number; lon: number; speed: number; alarm: number; status: number },
  time: number,
): Fix => ({
  time,
  lat: r.lat,
  lon: r.lon,
  speed: r.speed,
  alarm: Number(r.alarm),
  status: Number(r.status),
});

/**
 * Turns the rules' events for one vehicle's fixes into writes: a raise and what follows it in the
 * same batch become one insert; updates of alarms opened earlier become one extension each; every
 * alarm still open after the batch is extended to its last fix.
 */
export function collectOps(
  ops: AlarmOps,
  vehicleId: number,
  v: { profile: VehicleProfile; state: RuleState },
  fixes: readonly Fix[],
  rules: AlarmRulesConfig,
  zones: SpeedZoneIndex | null = null,
): void {
  /** The write each alarm touched in this batch goes into: a new row, or an extension. */
  const current = new Map<
    string,
    { lastAt: Date; peak: number | null; level: AlarmLevel; endedAt?: Date | null }
  >();
  let lastFix: Fix | null = null;
  for (const fix of fixes) {
    const events = evaluate(v.state, v.profile, fix, rules, zones);
    if (v.state.last === fix) lastFix = fix;
    for (const e of events) {
      const open = current.get(e.kind);
      if (e.type === 'raise') {
        const alarm = newAlarm(vehicleId, e.kind, e.level, e.startedAt, e.at, e.fix, e.value, e.details);
        ops.inserts.push(alarm);
        current.set(e.kind, alarm);
      } else if (e.type === 'update') {
        if (open) Object.assign(open, { lastAt: e.at, peak: e.value, level: e.level });
        else {
          const ext = { vehicleId, kind: e.kind, lastAt: e.at, peak: e.value, level: e.level };
          ops.extensions.push(ext);
          current.set(e.kind, ext);
        }
      } else {
        // An alarm raised in this batch is inserted already ended; one opened before is ended.
        if (open && 'endedAt' in open) open.endedAt = e.at;
        else
          ops.ends.push({
            vehicleId,
            kind: e.kind,
            endedAt: e.at,
            lat: fix.lat,
            lon: fix.lon,
            speed: fix.speed,
          });
        current.delete(e.kind);
      }
    }
  }
  if (!lastFix) return;
  for (const [kind, active] of v.state.active) {
    const open = current.get(kind);
    if (open) open.lastAt = new Date(lastFix.time);
    else
      ops.extensions.push({
        vehicleId,
        kind,
        lastAt: new Date(lastFix.time),
        peak: active.peak,
        level: active.level,
      });
  }
}
