// Scheduled alarm work over the latest state: offline too long, and vehicles left "online" by a
// gateway process that died.
import type { Db } from '../../platform/db/database.ts';
import { type AlarmRulesConfig, DEFAULT_ALARM_RULES, levelOf } from './alarm-config.ts';
import { offlineTooLong } from './alarm-rules.ts';
import type { AlarmEvent } from './alarms.events.ts';
import { findAlarmProfiles } from './alarms.repository.ts';
import { applyAlarmOps, emptyOps, isEmptyOps, newAlarm } from './alarms.store.ts';
import { DEFAULT_HEARTBEAT_MS } from './gateway.ts';
import { sweepDeadGateways } from './gateway-registry.repository.ts';
import { findOfflineCandidates, findRecoveredOffline } from './offline.repository.ts';

const SWEEP_LIMIT = 5000;

/** Raises offline alarms for vehicles silent too long while not parked; ends those heard again. */
export async function sweepOffline(
  db: Db,
  now: Date,
  rules: AlarmRulesConfig = DEFAULT_ALARM_RULES,
): Promise<AlarmEvent[]> {
  const cutoff = new Date(now.getTime() - rules.offlineAfterS * 1000);
  const ops = emptyOps();
  for (const c of await findOfflineCandidates(db, cutoff, SWEEP_LIMIT)) {
    if (!offlineTooLong({ lastSeenAt: c.last_seen_at, speed: c.speed, status: c.status }, now, rules))
      continue;
    const since = c.last_seen_at as Date;
    const pos = { lat: c.lat ?? 0, lon: c.lon ?? 0, speed: c.speed ?? 0 };
    const minutes = Math.round((now.getTime() - since.getTime()) / 60_000);
    ops.inserts.push(
      newAlarm(c.vehicle_id, 'offline', levelOf('offline'), since, now, pos, minutes, {
        lastSeenAt: since.toISOString(),
        limitS: rules.offlineAfterS,
      }),
    );
  }
  for (const r of await findRecoveredOffline(db, cutoff)) {
    const at = r.last_seen_at as Date;
    ops.ends.push({
      vehicleId: r.vehicle_id,
      kind: 'offline',
      endedAt: at,
      lat: r.lat ?? 0,
      lon: r.lon ?? 0,
      speed: r.speed ?? 0,
    });
  }
  if (isEmptyOps(ops)) return [];
  const ids = [...new Set([...ops.inserts, ...ops.ends].map((o) => o.vehicleId))];
  return db.transaction().execute(async (trx) => {
    const profiles = new Map((await findAlarmProfiles(trx, ids)).map((p) => [p.vehicle_id, p]));
    return applyAlarmOps(trx, ops, profiles, now);
  });
}

/** Marks offline the vehicles of gateways silent for three heartbeats. */
export async function sweepGateways(
  db: Db,
  now: Date,
  heartbeatMs = DEFAULT_HEARTBEAT_MS,
): Promise<number[]> {
  return sweepDeadGateways(db, new Date(now.getTime() - 3 * heartbeatMs));
}
