import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

export async function registerGateway(db: Executor, id: string, host: string, now: Date): Promise<void> {
  await db
    .insertInto('vehicle_gateway')
    .values({ id, host, started_at: now, beat_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet({ host, started_at: now, beat_at: now }))
    .execute();
}

export async function beatGateway(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .insertInto('vehicle_gateway')
    .values({ id, host: '', started_at: now, beat_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet({ beat_at: now }))
    .execute();
}

export async function removeGateway(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('vehicle_gateway').where('id', '=', id).execute();
}

/**
 * Vehicles held by a gateway that stopped beating before `staleBefore` (or by one no longer
 * registered) are marked offline, and the dead gateways are forgotten. Returns the vehicles marked.
 *
 * The rows are locked in vehicle-id order first, as the online and position writers lock them: an
 * update joined to its own subquery locks them in the order of its plan (heap order), and against
 * a writer's batch over the same vehicles PostgreSQL aborts one of the two as a deadlock.
 */
export async function sweepDeadGateways(db: Executor, staleBefore: Date): Promise<number[]> {
  const marked = await sql<{ vehicle_id: number }>`
    with dead as (
      select s2.vehicle_id from vehicle_state s2
      left join vehicle_gateway g2 on g2.id = s2.gateway_id
      where s2.online and s2.gateway_id is not null and (g2.id is null or g2.beat_at < ${staleBefore.toISOString()}::timestamptz)
      order by s2.vehicle_id
      for update of s2
    )
    update vehicle_state s set online = false, gateway_id = null
    from dead
    where s.vehicle_id = dead.vehicle_id
    returning s.vehicle_id`.execute(db);
  await db.deleteFrom('vehicle_gateway').where('beat_at', '<', staleBefore).execute();
  return marked.rows.map((r) => Number(r.vehicle_id));
}
