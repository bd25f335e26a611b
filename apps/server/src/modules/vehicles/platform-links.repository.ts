import { type Insertable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { LinkDirection, PlatformLinkTable } from './platform-links.tables.ts';

export interface PlatformLinkRow {
  id: number;
  name: string;
  direction: LinkDirection;
  org_unit_id: number;
  org_name: string;
  org_path: string;
  host: string | null;
  port: number | null;
  down_link_host: string | null;
  down_link_port: number | null;
  gnss_center_id: number;
  user_id: number;
  password_sealed: string;
  edition: '2011' | '2019';
  encrypt: boolean;
  m1: number;
  ia1: number;
  ic1: number;
  enabled: boolean;
  created_at: Date;
  updated_at: Date;
}

const selectLinks = (db: Executor) =>
  db
    .selectFrom('platform_link as l')
    .innerJoin('org_unit as o', 'o.id', 'l.org_unit_id')
    .selectAll('l')
    .select(['o.name as org_name', 'o.path as org_path']);

export async function findLink(db: Executor, id: number): Promise<PlatformLinkRow | undefined> {
  return selectLinks(db).where('l.id', '=', id).executeTakeFirst();
}

export async function linkNameTaken(db: Executor, name: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom('platform_link').select('id').where('name', '=', name);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function subordinateAccessCodeTaken(
  db: Executor,
  code: number,
  exceptId?: number,
): Promise<boolean> {
  let q = db
    .selectFrom('platform_link')
    .select('id')
    .where('direction', '=', 'subordinate')
    .where('gnss_center_id', '=', code);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function findSubordinateByAccessCode(
  db: Executor,
  gnssCenterId: number,
): Promise<PlatformLinkRow | undefined> {
  return selectLinks(db)
    .where('l.direction', '=', 'subordinate')
    .where('l.gnss_center_id', '=', gnssCenterId)
    .where('l.enabled', '=', true)
    .executeTakeFirst();
}

export async function listLinks(db: Executor, limit: number, offset: number) {
  const [items, total] = await Promise.all([
    selectLinks(db).orderBy('l.name').orderBy('l.id').limit(limit).offset(offset).execute(),
    db
      .selectFrom('platform_link')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: items as PlatformLinkRow[], total: Number(total.n) };
}

export async function listEnabledSuperiorLinks(db: Executor): Promise<PlatformLinkRow[]> {
  return selectLinks(db).where('l.direction', '=', 'superior').where('l.enabled', '=', true).execute();
}

export async function insertLink(db: Executor, row: Insertable<PlatformLinkTable>): Promise<number> {
  const { id } = await db.insertInto('platform_link').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateLink(
  db: Executor,
  id: number,
  patch: Updateable<PlatformLinkTable>,
): Promise<void> {
  await db.updateTable('platform_link').set(patch).where('id', '=', id).execute();
}

/** Where forwarding resumes: the last position in received order the superior confirmed. */
export interface PositionCursor {
  receivedAt: Date;
  vehicleId: number;
  gnssTime: Date;
}

export interface LinkCursor {
  position: PositionCursor;
  alarmId: number;
  ackedAt: Date | null;
  positionsForwarded: number;
}

/** A new superior link forwards from its creation on, not the whole history. */
export async function insertLinkState(db: Executor, linkId: number, from: Date): Promise<void> {
  const { last } = await db
    .selectFrom('vehicle_alarm')
    .select((eb) => eb.fn.coalesce(eb.fn.max('id'), eb.lit(0)).as('last'))
    .executeTakeFirstOrThrow();
  await db
    .insertInto('platform_link_state')
    .values({ link_id: linkId, position_received_at: from, alarm_id: Number(last), acked_at: null })
    .onConflict((oc) => oc.column('link_id').doNothing())
    .execute();
}

export async function findLinkCursor(db: Executor, linkId: number): Promise<LinkCursor | undefined> {
  const row = await db
    .selectFrom('platform_link_state')
    .selectAll()
    .where('link_id', '=', linkId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    position: {
      receivedAt: row.position_received_at,
      vehicleId: row.position_vehicle_id,
      gnssTime: row.position_gnss_time,
    },
    alarmId: row.alarm_id,
    ackedAt: row.acked_at,
    positionsForwarded: Number(row.positions_forwarded),
  };
}

export async function saveLinkCursor(db: Executor, linkId: number, cursor: LinkCursor): Promise<void> {
  await db
    .updateTable('platform_link_state')
    .set({
      position_received_at: cursor.position.receivedAt,
      position_vehicle_id: cursor.position.vehicleId,
      position_gnss_time: cursor.position.gnssTime,
      alarm_id: cursor.alarmId,
      acked_at: cursor.ackedAt,
      positions_forwarded: cursor.positionsForwarded,
    })
    .where('link_id', '=', linkId)
    .execute();
}

export interface ForwardRow {
  vehicle_id: number;
  gnss_time: Date;
  received_at: Date;
  lat: number;
  lon: number;
  altitude: number;
  speed: number;
  direction: number;
  alarm: number;
  status: number;
  mileage: number | null;
  plate_no: string;
  plate_color: number;
}

const under = (scopePath: string) => `${scopePath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Positions of the subtree's vehicles after the cursor, in received order (the index's order). */
export async function positionsAfter(
  db: Executor,
  scopePath: string,
  after: PositionCursor,
  limit: number,
): Promise<ForwardRow[]> {
  const { rows } = await sql<ForwardRow>`
    select p.vehicle_id, p.gnss_time, p.received_at, p.lat, p.lon, p.altitude, p.speed, p.direction,
      p.alarm, p.status, p.mileage, v.plate_no, v.plate_color
    from vehicle_position p
    join vehicle v on v.id = p.vehicle_id
    join org_unit o on o.id = v.org_unit_id
    where (p.received_at, p.vehicle_id, p.gnss_time) >
        (${after.receivedAt.toISOString()}::timestamptz, ${after.vehicleId}::bigint, ${after.gnssTime.toISOString()}::timestamptz)
      and o.path like ${under(scopePath)}
    order by p.received_at, p.vehicle_id, p.gnss_time
    limit ${limit}`.execute(db);
  return rows;
}

export interface ForwardAlarm {
  id: number;
  kind: string;
  started_at: Date;
  speed: number;
  peak_value: number | null;
  plate_no: string;
  plate_color: number;
}

/** Alarms raised in the subtree after the cursor, in id order. */
export async function alarmsAfter(
  db: Executor,
  scopePath: string,
  afterId: number,
  limit: number,
): Promise<ForwardAlarm[]> {
  return db
    .selectFrom('vehicle_alarm as a')
    .innerJoin('vehicle as v', 'v.id', 'a.vehicle_id')
    .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
    .select(['a.id', 'a.kind', 'a.started_at', 'a.speed', 'a.peak_value', 'v.plate_no', 'v.plate_color'])
    .where('a.id', '>', afterId)
    .where('o.path', 'like', under(scopePath))
    .orderBy('a.id')
    .limit(limit)
    .execute();
}

/** The active vehicle with this plate, whoever supervises it. */
export async function findVehicleIdByPlate(db: Executor, plateNo: string, plateColor: number) {
  return db
    .selectFrom('vehicle')
    .select(['id'])
    .where('plate_no', '=', plateNo)
    .where('plate_color', '=', plateColor)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

export async function insertForwardedVehicle(
  db: Executor,
  v: {
    plateNo: string;
    plateColor: number;
    orgUnitId: number;
    linkId: number;
    operatorName: string;
    now: Date;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('vehicle')
    .values({
      plate_no: v.plateNo,
      plate_color: v.plateColor,
      vehicle_type: 'other',
      operator_name: v.operatorName,
      org_unit_id: v.orgUnitId,
      terminal_phone: null,
      terminal_id: null,
      auth_code: null,
      forwarded_by: v.linkId,
      status: 'active',
      registered_at: null,
      created_at: v.now,
      updated_at: v.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
