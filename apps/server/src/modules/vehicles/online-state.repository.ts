import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

export interface OnlineChange {
  vehicleId: number;
  online: boolean;
  at: Date;
}

/**
 * Online and offline changes of many vehicles in two statements (arrays unnested server-side, so
 * the SQL text stays constant). Online records the gateway holding the vehicle; offline applies
 * only while no other gateway has taken the vehicle over. One change per vehicle.
 */
export async function applyOnlineChanges(
  db: Executor,
  changes: readonly OnlineChange[],
  gatewayId: string,
): Promise<void> {
  const on = changes.filter((c) => c.online);
  const off = changes.filter((c) => !c.online);
  if (on.length > 0)
    await sql`
      insert into vehicle_state (vehicle_id, online, connected_at, last_seen_at, gateway_id)
      select v, true, t, t, ${gatewayId} from unnest(
        ${on.map((c) => c.vehicleId)}::bigint[], ${on.map((c) => c.at.toISOString())}::timestamptz[]
      ) as u(v, t)
      on conflict (vehicle_id) do update set
        online = true, connected_at = excluded.connected_at, last_seen_at = excluded.last_seen_at,
        gateway_id = excluded.gateway_id`.execute(db);
  if (off.length > 0)
    await sql`
      insert into vehicle_state (vehicle_id, online, connected_at, last_seen_at, gateway_id)
      select v, false, null, t, null from unnest(
        ${off.map((c) => c.vehicleId)}::bigint[], ${off.map((c) => c.at.toISOString())}::timestamptz[]
      ) as u(v, t)
      on conflict (vehicle_id) do update set
        online = false, last_seen_at = excluded.last_seen_at, gateway_id = null
      where vehicle_state.gateway_id is null or vehicle_state.gateway_id = ${gatewayId}`.execute(db);
}
