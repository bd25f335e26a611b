// Lists of what subordinate platforms forwarded over JT/T 809 (0x1402 alarms, 0x1201 registrations),
// scoped in SQL to the caller's jurisdiction through the vehicle's org unit.
import type { Executor } from '../../platform/db/database.ts';

export interface ForwardedFilter {
  scopePath: string;
  linkId?: number;
  /** Plate number prefix, e.g. 苏A. */
  plate?: string;
  warnType?: number;
  from?: Date;
  to?: Date;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function scopedAlarms(db: Executor, f: ForwardedFilter) {
  let q = db
    .selectFrom('vehicle_forwarded_alarm as fa')
    .innerJoin('vehicle as v', 'v.id', 'fa.vehicle_id')
    .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
    .innerJoin('platform_link as l', 'l.id', 'fa.link_id')
    .where('o.path', 'like', `${escapeLike(f.scopePath)}%`);
  if (f.linkId !== undefined) q = q.where('fa.link_id', '=', f.linkId);
  if (f.plate !== undefined) q = q.where('v.plate_no', 'like', `${escapeLike(f.plate)}%`);
  if (f.warnType !== undefined) q = q.where('fa.warn_type', '=', f.warnType);
  if (f.from !== undefined) q = q.where('fa.warn_time', '>=', f.from);
  if (f.to !== undefined) q = q.where('fa.warn_time', '<', f.to);
  return q;
}

/** Newest first (by the time the subordinate says the alarm happened). */
export async function listForwardedAlarms(db: Executor, f: ForwardedFilter, limit: number, offset: number) {
  const q = scopedAlarms(db, f);
  const rows = await q
    .select([
      'fa.id',
      'fa.link_id',
      'l.name as link_name',
      'fa.vehicle_id',
      'v.plate_no',
      'v.plate_color',
      'o.id as org_unit_id',
      'o.name as org_name',
      'fa.warn_type',
      'fa.warn_source',
      'fa.source_platform_id',
      'fa.warn_time',
      'fa.start_time',
      'fa.end_time',
      'fa.info_id',
      'fa.info',
      'fa.received_at',
    ])
    .select((eb) => eb.fn.countAll<number>().over().as('total'))
    .orderBy('fa.warn_time', 'desc')
    .orderBy('fa.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  const total =
    rows[0]?.total ?? (await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  return { items: rows, total: Number(total) };
}

export type ForwardedAlarmRow = Omit<
  Awaited<ReturnType<typeof listForwardedAlarms>>['items'][number],
  'total'
>;

function scopedRegistrations(db: Executor, f: ForwardedFilter) {
  let q = db
    .selectFrom('vehicle_forwarded_registration as fr')
    .innerJoin('vehicle as v', 'v.id', 'fr.vehicle_id')
    .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
    .innerJoin('platform_link as l', 'l.id', 'fr.link_id')
    .where('o.path', 'like', `${escapeLike(f.scopePath)}%`);
  if (f.linkId !== undefined) q = q.where('fr.link_id', '=', f.linkId);
  if (f.plate !== undefined) q = q.where('v.plate_no', 'like', `${escapeLike(f.plate)}%`);
  if (f.from !== undefined) q = q.where('fr.received_at', '>=', f.from);
  if (f.to !== undefined) q = q.where('fr.received_at', '<', f.to);
  return q;
}

/** Latest received first. */
export async function listForwardedRegistrations(
  db: Executor,
  f: ForwardedFilter,
  limit: number,
  offset: number,
) {
  const q = scopedRegistrations(db, f);
  const rows = await q
    .select([
      'fr.vehicle_id',
      'fr.link_id',
      'l.name as link_name',
      'v.plate_no',
      'v.plate_color',
      'o.id as org_unit_id',
      'o.name as org_name',
      'fr.platform_id',
      'fr.producer_id',
      'fr.terminal_model',
      'fr.imei',
      'fr.terminal_id',
      'fr.sim_code',
      'fr.received_at',
    ])
    .select((eb) => eb.fn.countAll<number>().over().as('total'))
    .orderBy('fr.received_at', 'desc')
    .orderBy('fr.vehicle_id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  const total =
    rows[0]?.total ?? (await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  return { items: rows, total: Number(total) };
}

export type ForwardedRegistrationRow = Omit<
  Awaited<ReturnType<typeof listForwardedRegistrations>>['items'][number],
  'total'
>;
