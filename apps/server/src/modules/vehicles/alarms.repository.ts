import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { AlarmState } from './alarms.tables.ts';
import type { VehicleType } from './vehicles.tables.ts';

const under = (scopePath: string) => `${scopePath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface AlarmProfileRow {
  vehicle_id: number;
  vehicle_type: VehicleType;
  speed_limit: number | null;
  org_unit_id: number;
  org_path: string;
  plate_no: string;
}

/** What the rules and notifications need to know about each vehicle. */
export async function findAlarmProfiles(
  db: Executor,
  vehicleIds: readonly number[],
): Promise<AlarmProfileRow[]> {
  if (vehicleIds.length === 0) return [];
  return db
    .selectFrom('vehicle as v')
    .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
    .leftJoin('vehicle_alarm_setting as s', 's.vehicle_id', 'v.id')
    .where('v.id', 'in', vehicleIds)
    .select([
      'v.id as vehicle_id',
      'v.vehicle_type',
      's.speed_limit',
      'v.org_unit_id',
      'o.path as org_path',
      'v.plate_no',
    ])
    .execute();
}

export async function findOpenAlarms(db: Executor, vehicleIds: readonly number[]) {
  if (vehicleIds.length === 0) return [];
  return db
    .selectFrom('vehicle_alarm')
    .where('vehicle_id', 'in', vehicleIds)
    .where('ended_at', 'is', null)
    .select(['id', 'vehicle_id', 'kind', 'level', 'started_at', 'peak_value'])
    .execute();
}

/** Positions of these vehicles since `since`, in time order per vehicle: the rules' replay. */
export async function findRecentFixes(db: Executor, vehicleIds: readonly number[], since: Date) {
  if (vehicleIds.length === 0) return [];
  return db
    .selectFrom('vehicle_position')
    .where('vehicle_id', 'in', vehicleIds)
    .where('gnss_time', '>=', since)
    .select(['vehicle_id', 'gnss_time', 'lat', 'lon', 'speed', 'alarm', 'status'])
    .orderBy('vehicle_id')
    .orderBy('gnss_time')
    .execute();
}

export interface NewAlarm {
  vehicleId: number;
  kind: string;
  source: 'terminal' | 'platform';
  terminalBit: number | null;
  level: 'low' | 'medium' | 'high';
  startedAt: Date;
  lastAt: Date;
  endedAt: Date | null;
  lat: number;
  lon: number;
  speed: number;
  peak: number | null;
  details: Record<string, unknown>;
}

/** Inserts alarms; one that is already open for its vehicle and kind is skipped (not returned). */
export async function insertAlarms(db: Executor, rows: readonly NewAlarm[], now: Date) {
  if (rows.length === 0) return [];
  return db
    .insertInto('vehicle_alarm')
    .values(
      rows.map((r) => ({
        vehicle_id: r.vehicleId,
        kind: r.kind,
        source: r.source,
        terminal_bit: r.terminalBit,
        level: r.level,
        started_at: r.startedAt,
        last_at: r.lastAt,
        ended_at: r.endedAt,
        lat: r.lat,
        lon: r.lon,
        speed: r.speed,
        peak_value: r.peak,
        details: JSON.stringify(r.details),
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['vehicle_id', 'kind']).where('ended_at', 'is', null).doNothing())
    .returning(['id', 'vehicle_id', 'kind', 'level', 'started_at', 'ended_at'])
    .execute();
}

export interface AlarmExtension {
  vehicleId: number;
  kind: string;
  lastAt: Date;
  peak: number | null;
  level: 'low' | 'medium' | 'high';
}

/** The open alarms go on: later last fix, higher peak, a level that only rises. One statement. */
export async function extendAlarms(db: Executor, rows: readonly AlarmExtension[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  const col = <T>(f: (r: AlarmExtension) => T) => rows.map(f);
  await sql`
    update vehicle_alarm a set
      last_at = greatest(a.last_at, t.last_at),
      peak_value = case when t.peak is null then a.peak_value else greatest(coalesce(a.peak_value, t.peak), t.peak) end,
      level = case when t.level = 'high' or a.level = 'high' then 'high'
                   when t.level = 'medium' or a.level = 'medium' then 'medium' else 'low' end,
      updated_at = ${now.toISOString()}::timestamptz
    from unnest(${col((r) => r.vehicleId)}::bigint[], ${col((r) => r.kind)}::text[],
      ${col((r) => r.lastAt.toISOString())}::timestamptz[], ${col((r) => r.peak)}::real[],
      ${col((r) => r.level)}::text[]) as t(vehicle_id, kind, last_at, peak, level)
    where a.vehicle_id = t.vehicle_id and a.kind = t.kind and a.ended_at is null`.execute(db);
}

export interface AlarmEnd {
  vehicleId: number;
  kind: string;
  endedAt: Date;
}

export async function endAlarms(db: Executor, rows: readonly AlarmEnd[], now: Date) {
  if (rows.length === 0) return [];
  const col = <T>(f: (r: AlarmEnd) => T) => rows.map(f);
  const result = await sql<{ id: number; vehicle_id: number; kind: string; level: string; ended_at: Date }>`
    update vehicle_alarm a set ended_at = greatest(a.started_at, t.ended_at),
      last_at = greatest(a.last_at, t.ended_at), updated_at = ${now.toISOString()}::timestamptz
    from unnest(${col((r) => r.vehicleId)}::bigint[], ${col((r) => r.kind)}::text[],
      ${col((r) => r.endedAt.toISOString())}::timestamptz[]) as t(vehicle_id, kind, ended_at)
    where a.vehicle_id = t.vehicle_id and a.kind = t.kind and a.ended_at is null
    returning a.id, a.vehicle_id, a.kind, a.level, a.ended_at`.execute(db);
  return result.rows.map((r) => ({ ...r, id: Number(r.id), vehicle_id: Number(r.vehicle_id) }));
}

/** Active users of the unit holding a permission: who is told of a high-level alarm. */
export async function findUnitUsersWith(
  db: Executor,
  orgUnitId: number,
  permission: string,
): Promise<number[]> {
  const rows = await db
    .selectFrom('app_user as u')
    .innerJoin('user_role as ur', 'ur.user_id', 'u.id')
    .innerJoin('role as r', 'r.id', 'ur.role_id')
    .where('u.org_unit_id', '=', orgUnitId)
    .where('u.status', '=', 'active')
    .where(sql<boolean>`${permission} = any(r.permissions)`)
    .select('u.id')
    .distinct()
    .execute();
  return rows.map((r) => r.id);
}

// ---- reads for the routes -------------------------------------------------------------------

export interface AlarmFilter {
  scopePath: string;
  kind?: string;
  state?: AlarmState;
  level?: string;
  vehicleId?: number;
  from?: Date;
  to?: Date;
  open?: boolean;
}

function scoped(db: Executor, f: AlarmFilter) {
  let q = db
    .selectFrom('vehicle_alarm as a')
    .innerJoin('vehicle as v', 'v.id', 'a.vehicle_id')
    .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
    .where('o.path', 'like', under(f.scopePath));
  if (f.kind !== undefined) q = q.where('a.kind', '=', f.kind);
  if (f.state !== undefined) q = q.where('a.state', '=', f.state);
  if (f.level !== undefined) q = q.where('a.level', '=', f.level as 'low');
  if (f.vehicleId !== undefined) q = q.where('a.vehicle_id', '=', f.vehicleId);
  if (f.from !== undefined) q = q.where('a.started_at', '>=', f.from);
  if (f.to !== undefined) q = q.where('a.started_at', '<', f.to);
  if (f.open === true) q = q.where('a.ended_at', 'is', null);
  if (f.open === false) q = q.where('a.ended_at', 'is not', null);
  return q;
}

const ALARM_COLUMNS = [
  'a.id',
  'a.vehicle_id',
  'v.plate_no',
  'v.plate_color',
  'v.vehicle_type',
  'o.id as org_unit_id',
  'o.path as org_path',
  'a.kind',
  'a.source',
  'a.terminal_bit',
  'a.level',
  'a.state',
  'a.started_at',
  'a.last_at',
  'a.ended_at',
  'a.lat',
  'a.lon',
  'a.speed',
  'a.peak_value',
  'a.details',
  'a.handling_note',
  'a.updated_at',
] as const;

export async function listAlarms(db: Executor, f: AlarmFilter, limit: number, offset: number) {
  const q = scoped(db, f);
  const rows = await q
    .select(ALARM_COLUMNS)
    .select((eb) => eb.fn.countAll<number>().over().as('total'))
    .orderBy('a.started_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  const total =
    rows[0]?.total ?? (await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  return { items: rows, total: Number(total) };
}

export type AlarmRow = Omit<Awaited<ReturnType<typeof listAlarms>>['items'][number], 'total'>;

export async function findAlarmInScope(db: Executor, scopePath: string, id: number, forUpdate = false) {
  let q = scoped(db, { scopePath }).where('a.id', '=', id).select(ALARM_COLUMNS);
  if (forUpdate) q = q.forUpdate('a');
  return q.executeTakeFirst();
}

export async function countAlarmsByKind(db: Executor, f: AlarmFilter) {
  const rows = await scoped(db, f)
    .select(['a.kind', 'a.level'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy(['a.kind', 'a.level'])
    .orderBy('a.kind')
    .orderBy('a.level')
    .execute();
  return rows.map((r) => ({ kind: r.kind, level: r.level, count: Number(r.n) }));
}

export async function saveAlarmState(
  db: Executor,
  id: number,
  state: AlarmState,
  note: string | null,
  now: Date,
): Promise<void> {
  await db
    .updateTable('vehicle_alarm')
    .set({ state, updated_at: now, ...(note !== null && { handling_note: note }) })
    .where('id', '=', id)
    .execute();
}

export async function upsertAlarmSetting(
  db: Executor,
  vehicleId: number,
  speedLimit: number | null,
  now: Date,
): Promise<void> {
  await db
    .insertInto('vehicle_alarm_setting')
    .values({ vehicle_id: vehicleId, speed_limit: speedLimit, updated_at: now })
    .onConflict((oc) => oc.column('vehicle_id').doUpdateSet({ speed_limit: speedLimit, updated_at: now }))
    .execute();
}

export async function findAlarmSetting(db: Executor, vehicleId: number) {
  return db
    .selectFrom('vehicle_alarm_setting')
    .where('vehicle_id', '=', vehicleId)
    .select(['speed_limit', 'updated_at'])
    .executeTakeFirst();
}

/** Whether the demo seed has run (its alarms carry details.demo). */
export async function demoAlarmsExist(db: Executor): Promise<boolean> {
  const row = await db
    .selectFrom('vehicle_alarm')
    .select('id')
    .where(sql<boolean>`details ->> 'demo' = 'true'`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
