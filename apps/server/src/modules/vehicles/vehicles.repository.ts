import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { VehicleTable, VehicleType } from './vehicles.tables.ts';

export interface VehicleRow {
  id: number;
  plate_no: string;
  plate_color: number;
  vehicle_type: VehicleType;
  operator_name: string;
  org_unit_id: number;
  org_name: string;
  org_path: string;
  terminal_phone: string | null;
  terminal_id: string | null;
  auth_code: string | null;
  forwarded_by: number | null;
  status: 'active' | 'inactive';
  registered_at: Date | null;
  created_at: Date;
  updated_at: Date;
  online: boolean | null;
  last_seen_at: Date | null;
}

const under = (scopePath: string) => `${scopePath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function selectVehicles(db: Executor) {
  return db
    .selectFrom('vehicle as v')
    .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
    .leftJoin('vehicle_state as s', 's.vehicle_id', 'v.id')
    .select([
      'v.id',
      'v.plate_no',
      'v.plate_color',
      'v.vehicle_type',
      'v.operator_name',
      'v.org_unit_id',
      'o.name as org_name',
      'o.path as org_path',
      'v.terminal_phone',
      'v.terminal_id',
      'v.auth_code',
      'v.forwarded_by',
      'v.status',
      'v.registered_at',
      'v.created_at',
      'v.updated_at',
      's.online',
      's.last_seen_at',
    ]);
}

export async function findVehicleInScope(
  db: Executor,
  id: number,
  scopePath: string,
): Promise<VehicleRow | undefined> {
  return selectVehicles(db)
    .where('v.id', '=', id)
    .where('o.path', 'like', under(scopePath))
    .executeTakeFirst();
}

export async function findVehicleByPhone(db: Executor, phone: string): Promise<VehicleRow | undefined> {
  return selectVehicles(db).where('v.terminal_phone', '=', phone).executeTakeFirst();
}

export async function findActiveVehicleByPlate(
  db: Executor,
  plateNo: string,
  plateColor: number,
): Promise<{ id: number; terminal_phone: string | null } | undefined> {
  return db
    .selectFrom('vehicle')
    .select(['id', 'terminal_phone'])
    .where('plate_no', '=', plateNo)
    .where('plate_color', '=', plateColor)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

export async function terminalPhoneTaken(db: Executor, phone: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom('vehicle').select('id').where('terminal_phone', '=', phone);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertVehicle(db: Executor, row: Insertable<VehicleTable>): Promise<number> {
  const { id } = await db.insertInto('vehicle').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateVehicle(
  db: Executor,
  id: number,
  patch: Updateable<VehicleTable>,
): Promise<void> {
  await db.updateTable('vehicle').set(patch).where('id', '=', id).execute();
}

export interface VehicleFilter {
  scopePath: string;
  q?: string | undefined;
  vehicleType?: VehicleType | undefined;
  keyVehicles?: boolean | undefined;
  status?: 'active' | 'inactive' | undefined;
  online?: boolean | undefined;
  /** true: vehicles with an open alarm (its condition still lasting, ended_at null); false: none. */
  inAlarm?: boolean | undefined;
}

export const KEY_VEHICLE_TYPES: readonly VehicleType[] = [
  'charteredCoach',
  'scheduledCoach',
  'dangerousGoods',
];

export async function listVehicles(db: Executor, f: VehicleFilter, limit: number, offset: number) {
  let q = selectVehicles(db).where('o.path', 'like', under(f.scopePath));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('v.plate_no', 'like', like),
        eb('v.operator_name', 'like', like),
        eb('v.terminal_phone', 'like', like),
      ]),
    );
  }
  if (f.vehicleType) q = q.where('v.vehicle_type', '=', f.vehicleType);
  if (f.keyVehicles === true) q = q.where('v.vehicle_type', 'in', KEY_VEHICLE_TYPES);
  if (f.keyVehicles === false) q = q.where('v.vehicle_type', 'not in', KEY_VEHICLE_TYPES);
  if (f.status) q = q.where('v.status', '=', f.status);
  if (f.online === true) q = q.where('s.online', '=', true);
  if (f.online === false)
    q = q.where((eb) => eb.or([eb('s.online', 'is', null), eb('s.online', '=', false)]));
  if (f.inAlarm !== undefined)
    q = q.where((eb) => {
      // The partial unique index on (vehicle_id, kind) where ended_at is null serves this.
      const open = eb.exists(
        eb
          .selectFrom('vehicle_alarm as a')
          .select('a.id')
          .whereRef('a.vehicle_id', '=', 'v.id')
          .where('a.ended_at', 'is', null),
      );
      return f.inAlarm ? open : eb.not(open);
    });
  const rows = await q
    .select((eb) => eb.fn.countAll<number>().over().as('total'))
    .orderBy('v.plate_no')
    .orderBy('v.id')
    .limit(limit)
    .offset(offset)
    .execute();
  const total =
    rows[0]?.total ??
    (
      await q
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  return { items: rows as VehicleRow[], total: Number(total) };
}

export async function markRegistered(
  db: Executor,
  id: number,
  terminalId: string | null,
  now: Date,
  declared: { maker: string; model: string } = { maker: '', model: '' },
): Promise<void> {
  await db
    .updateTable('vehicle')
    .set((eb) => ({
      registered_at: now,
      terminal_id: eb.fn.coalesce('terminal_id', eb.val(terminalId)),
      terminal_maker: declared.maker || null,
      terminal_model: declared.model || null,
    }))
    .where('id', '=', id)
    .execute();
}
