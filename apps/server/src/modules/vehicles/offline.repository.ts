import type { Executor } from '../../platform/db/database.ts';

/** Active vehicles last heard before `cutoff` with no open offline alarm. */
export async function findOfflineCandidates(db: Executor, cutoff: Date, limit: number) {
  return db
    .selectFrom('vehicle_state as s')
    .innerJoin('vehicle as v', 'v.id', 's.vehicle_id')
    .where('v.status', '=', 'active')
    .where('s.last_seen_at', '<', cutoff)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('vehicle_alarm as a')
            .whereRef('a.vehicle_id', '=', 's.vehicle_id')
            .where('a.kind', '=', 'offline')
            .where('a.ended_at', 'is', null)
            .select('a.id'),
        ),
      ),
    )
    .select(['s.vehicle_id', 's.last_seen_at', 's.speed', 's.status', 's.lat', 's.lon'])
    .orderBy('s.vehicle_id')
    .limit(limit)
    .execute();
}

/** Open offline alarms of vehicles heard again since `cutoff` and online now. */
export async function findRecoveredOffline(db: Executor, cutoff: Date) {
  return db
    .selectFrom('vehicle_alarm as a')
    .innerJoin('vehicle_state as s', 's.vehicle_id', 'a.vehicle_id')
    .where('a.kind', '=', 'offline')
    .where('a.ended_at', 'is', null)
    .where('s.online', '=', true)
    .where('s.last_seen_at', '>=', cutoff)
    .select(['a.vehicle_id', 's.last_seen_at', 's.lat', 's.lon', 's.speed'])
    .execute();
}
