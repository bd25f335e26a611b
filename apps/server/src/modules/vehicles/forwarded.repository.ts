import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type {
  VehicleForwardedAlarmTable,
  VehicleForwardedRegistrationTable,
} from './platform-links.tables.ts';

/** Stores a reported alarm; a repeat (the subordinate resending what was not confirmed) is skipped. */
export async function insertForwardedAlarm(
  db: Executor,
  row: Insertable<VehicleForwardedAlarmTable>,
): Promise<number | undefined> {
  const inserted = await db
    .insertInto('vehicle_forwarded_alarm')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['link_id', 'vehicle_id', 'warn_type', 'warn_time', 'info_id']).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return inserted?.id;
}

/**
 * The latest registration reported for a vehicle replaces the one before; returns false when it
 * changed nothing (a subordinate sends its vehicles' registrations again at every link login).
 */
export async function upsertForwardedRegistration(
  db: Executor,
  row: Insertable<VehicleForwardedRegistrationTable>,
): Promise<boolean> {
  const { vehicle_id: _, ...rest } = row;
  const changed = await db
    .insertInto('vehicle_forwarded_registration')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('vehicle_id')
        .doUpdateSet(rest)
        .where(
          sql<boolean>`(vehicle_forwarded_registration.link_id, vehicle_forwarded_registration.platform_id,
            vehicle_forwarded_registration.producer_id, vehicle_forwarded_registration.terminal_model,
            vehicle_forwarded_registration.imei, vehicle_forwarded_registration.terminal_id,
            vehicle_forwarded_registration.sim_code)
            is distinct from (excluded.link_id, excluded.platform_id, excluded.producer_id,
            excluded.terminal_model, excluded.imei, excluded.terminal_id, excluded.sim_code)`,
        ),
    )
    .returning('vehicle_id')
    .executeTakeFirst();
  return changed !== undefined;
}

export interface RegistrationCursor {
  registeredAt: Date;
  vehicleId: number;
}

export interface ForwardRegistration {
  id: number;
  plate_no: string;
  plate_color: number;
  terminal_phone: string | null;
  terminal_id: string | null;
  terminal_maker: string | null;
  terminal_model: string | null;
  registered_at: Date;
}

const under = (scopePath: string) => `${scopePath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Vehicles of the jurisdiction whose own terminal registered after the cursor, in registration
 * order (a re-registration moves a vehicle to the end). Vehicles forwarded to us are not included.
 */
export async function registrationsAfter(
  db: Executor,
  scopePath: string,
  after: RegistrationCursor,
  limit: number,
): Promise<ForwardRegistration[]> {
  // Compared at the millisecond the cursor (a JS Date) holds, or a microsecond would repeat forever.
  const at = sql<Date>`date_trunc('milliseconds', v.registered_at)`;
  const rows = await db
    .selectFrom('vehicle as v')
    .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
    .select([
      'v.id',
      'v.plate_no',
      'v.plate_color',
      'v.terminal_phone',
      'v.terminal_id',
      'v.terminal_maker',
      'v.terminal_model',
    ])
    .select(at.as('registered_at'))
    .where('o.path', 'like', under(scopePath))
    .where('v.status', '=', 'active')
    .where('v.forwarded_by', 'is', null)
    .where('v.registered_at', 'is not', null)
    .where((eb) =>
      eb.or([
        eb(at, '>', after.registeredAt),
        eb.and([eb(at, '=', after.registeredAt), eb('v.id', '>', after.vehicleId)]),
      ]),
    )
    .orderBy(at)
    .orderBy('v.id')
    .limit(limit)
    .execute();
  return rows as ForwardRegistration[];
}
