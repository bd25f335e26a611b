import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

export interface OnlineChange {
  vehicleId: number;
  online: boolean;
  at: Date;
}

/**
 * Online and offline changes of many vehicles in one statement (arrays unnested server-side, so
 * the SQL text stays constant). Online records the gateway holding the vehicle; offline applies
 * only while no other gateway has taken the vehicle over. One change per vehicle.
 *
 * Rows are locked in vehicle-id order, as the position writer's latest-state upsert locks them:
 * the two commit concurrently, and two statements (onlines, then offlines) or arrival order let
 * each hold a row the other waits for — PostgreSQL then aborts one as a deadlock.
 */
export async function applyOnlineChanges(
  db: Executor,
  changes: readonly OnlineChange[],
  gatewayId: string,
): Promise<void> {
  if (changes.length === 0) return;
  await sql`
    insert into vehicle_state (vehicle_id, online, connected_at, last_seen_at, gateway_id)
    select v, o, case when o then t end, t, case when o then ${gatewayId} end from unnest(
      ${changes.map((c) => c.vehicleId)}::bigint[], ${changes.map((c) => c.online)}::boolean[],
      ${changes.map((c) => c.at.toISOString())}::timestamptz[]
    ) as u(v, o, t)
    order by v
    on conflict (vehicle_id) do update set
      online = excluded.online,
      connected_at = case when excluded.online then excluded.connected_at else vehicle_state.connected_at end,
      last_seen_at = excluded.last_seen_at,
      gateway_id = excluded.gateway_id
    where excluded.online or vehicle_state.gateway_id is null
      or vehicle_state.gateway_id = ${gatewayId}`.execute(db);
}
