import { randomInt } from 'node:crypto';
import { decodeGbk, encodeGbk } from '@jtgov/jt808';
import { type AuditContext, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { findOrgUnitInScope } from '../../platform/orgs/orgs.repository.ts';
import type { LatestPositionRow, TrackRow } from './positions.repository.ts';
import {
  findActiveVehicleByPlate,
  findVehicleInScope,
  insertVehicle,
  KEY_VEHICLE_TYPES,
  terminalPhoneTaken,
  updateVehicle,
  type VehicleRow,
} from './vehicles.repository.ts';
import type { VehicleType } from './vehicles.tables.ts';

export interface VehicleDto {
  id: number;
  plateNo: string;
  plateColor: number;
  vehicleType: VehicleType;
  keyVehicle: boolean;
  operatorName: string;
  orgUnitId: number;
  orgName: string;
  terminalPhone: string | null;
  terminalId: string | null;
  authCode: string | null;
  /** The JT/T 809 subordinate platform link the vehicle is forwarded by; null for own terminals. */
  forwardedBy: number | null;
  status: 'active' | 'inactive';
  online: boolean;
  lastSeenAt: string | null;
  registeredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toVehicleDto(row: VehicleRow): VehicleDto {
  return {
    id: row.id,
    plateNo: row.plate_no,
    plateColor: row.plate_color,
    vehicleType: row.vehicle_type,
    keyVehicle: KEY_VEHICLE_TYPES.includes(row.vehicle_type),
    operatorName: row.operator_name,
    orgUnitId: row.org_unit_id,
    orgName: row.org_name,
    terminalPhone: row.terminal_phone,
    terminalId: row.terminal_id,
    authCode: row.auth_code,
    forwardedBy: row.forwarded_by,
    status: row.status,
    online: row.online === true,
    lastSeenAt: row.last_seen_at?.toISOString() ?? null,
    registeredAt: row.registered_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toLatestPositionDto(row: LatestPositionRow) {
  return {
    vehicleId: row.vehicle_id,
    plateNo: row.plate_no,
    plateColor: row.plate_color,
    vehicleType: row.vehicle_type,
    online: row.online,
    lastSeenAt: row.last_seen_at?.toISOString() ?? null,
    gnssTime: (row.gnss_time as Date).toISOString(),
    lat: row.lat as number,
    lon: row.lon as number,
    speed: row.speed as number,
    direction: row.direction as number,
    alarm: row.alarm as number,
    status: row.status as number,
  };
}

export function toTrackPointDto(row: TrackRow) {
  return {
    gnssTime: row.gnss_time.toISOString(),
    lat: row.lat,
    lon: row.lon,
    altitude: row.altitude,
    speed: row.speed,
    direction: row.direction,
    alarm: row.alarm,
    status: row.status,
    mileage: row.mileage,
  };
}

/** The terminal phone as the registry keys it: BCD digits without the header's zero padding. */
export const normalisePhone = (digits: string): string => digits.replace(/^0+(?=.)/, '');

/** A plate goes to terminals as GBK (JT/T 808 STRING): refuse what GBK cannot carry. */
function assertGbkSafe(plateNo: string): void {
  if (decodeGbk(encodeGbk(plateNo)) !== plateNo) throw badRequest(`plate ${plateNo} is not encodable in GBK`);
}

const AUTH_CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

export function generateAuthCode(): string {
  let code = '';
  for (let i = 0; i < 16; i++) code += AUTH_CODE_CHARS[randomInt(AUTH_CODE_CHARS.length)];
  return code;
}

/** What the audit log keeps of a vehicle: never its auth code. */
const auditView = (row: VehicleRow) => ({
  plateNo: row.plate_no,
  plateColor: row.plate_color,
  vehicleType: row.vehicle_type,
  operatorName: row.operator_name,
  orgUnitId: row.org_unit_id,
  terminalPhone: row.terminal_phone,
  terminalId: row.terminal_id,
  status: row.status,
});

async function assertOrgInScope(trx: Executor, actor: Actor, orgUnitId: number): Promise<void> {
  const org = await findOrgUnitInScope(trx, orgUnitId, actor.orgPath);
  if (!org)
    throw new AppError(403, 'out_of_jurisdiction', `org unit ${orgUnitId} is not in your jurisdiction`);
  if (org.status !== 'active') throw badRequest(`org unit ${org.name} is ${org.status}`);
}

async function assertUnique(
  trx: Executor,
  v: { plateNo: string; plateColor: number; terminalPhone: string | null },
  exceptId?: number,
): Promise<void> {
  if (v.terminalPhone !== null && (await terminalPhoneTaken(trx, v.terminalPhone, exceptId)))
    throw conflict(`terminal phone ${v.terminalPhone} is already in the registry`);
  const other = await findActiveVehicleByPlate(trx, v.plateNo, v.plateColor);
  if (other && other.id !== exceptId) throw conflict(`plate ${v.plateNo} is already in the registry`);
}

export interface NewVehicle {
  plateNo: string;
  plateColor: number;
  vehicleType: VehicleType;
  operatorName: string;
  orgUnitId: number;
  terminalPhone: string;
  terminalId?: string | null | undefined;
}

export async function createVehicle(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  input: NewVehicle,
  now: Date,
): Promise<VehicleRow> {
  await assertOrgInScope(trx, actor, input.orgUnitId);
  assertGbkSafe(input.plateNo);
  const terminalPhone = normalisePhone(input.terminalPhone);
  await assertUnique(trx, { ...input, terminalPhone });
  const id = await insertVehicle(trx, {
    plate_no: input.plateNo,
    plate_color: input.plateColor,
    vehicle_type: input.vehicleType,
    operator_name: input.operatorName,
    org_unit_id: input.orgUnitId,
    terminal_phone: terminalPhone,
    terminal_id: input.terminalId ?? null,
    auth_code: generateAuthCode(),
    status: 'active',
    created_at: now,
    updated_at: now,
  });
  const row = (await findVehicleInScope(trx, id, actor.orgPath)) as VehicleRow;
  await recordAudit(trx, ctx, {
    action: 'vehicle.create',
    objectType: 'vehicle',
    objectId: id,
    after: auditView(row),
    orgUnitId: row.org_unit_id,
    orgPath: row.org_path,
  });
  return row;
}

async function vehicleInScope(trx: Executor, actor: Actor, id: number): Promise<VehicleRow> {
  const row = await findVehicleInScope(trx, id, actor.orgPath);
  if (!row) throw notFound(`vehicle ${id}`);
  return row;
}

export async function changeVehicle(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  patch: Partial<NewVehicle>,
  now: Date,
): Promise<VehicleRow> {
  const before = await vehicleInScope(trx, actor, id);
  if (patch.orgUnitId !== undefined) await assertOrgInScope(trx, actor, patch.orgUnitId);
  if (patch.plateNo !== undefined) assertGbkSafe(patch.plateNo);
  const next = {
    plateNo: patch.plateNo ?? before.plate_no,
    plateColor: patch.plateColor ?? before.plate_color,
    terminalPhone:
      patch.terminalPhone !== undefined ? normalisePhone(patch.terminalPhone) : before.terminal_phone,
  };
  if (before.status === 'active') await assertUnique(trx, next, id);
  // A new terminal must register again: its predecessor's auth code stops working.
  const newTerminal = next.terminalPhone !== before.terminal_phone;
  await updateVehicle(trx, id, {
    plate_no: next.plateNo,
    plate_color: next.plateColor,
    terminal_phone: next.terminalPhone,
    ...(patch.vehicleType !== undefined && { vehicle_type: patch.vehicleType }),
    ...(patch.operatorName !== undefined && { operator_name: patch.operatorName }),
    ...(patch.orgUnitId !== undefined && { org_unit_id: patch.orgUnitId }),
    ...(patch.terminalId !== undefined && { terminal_id: patch.terminalId }),
    ...(newTerminal && { auth_code: generateAuthCode(), registered_at: null }),
    updated_at: now,
  });
  const after = (await findVehicleInScope(trx, id, actor.orgPath)) as VehicleRow;
  await recordAudit(trx, ctx, {
    action: 'vehicle.update',
    objectType: 'vehicle',
    objectId: id,
    before: auditView(before),
    after: auditView(after),
    orgUnitId: after.org_unit_id,
    orgPath: after.org_path,
  });
  return after;
}

/** Deactivated vehicles keep their history; their terminals can no longer register or authenticate. */
export async function deactivateVehicle(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  now: Date,
): Promise<VehicleRow> {
  const before = await vehicleInScope(trx, actor, id);
  if (before.status === 'inactive') return before;
  await updateVehicle(trx, id, { status: 'inactive', updated_at: now });
  const after = (await findVehicleInScope(trx, id, actor.orgPath)) as VehicleRow;
  await recordAudit(trx, ctx, {
    action: 'vehicle.deactivate',
    objectType: 'vehicle',
    objectId: id,
    before: auditView(before),
    after: auditView(after),
    orgUnitId: after.org_unit_id,
    orgPath: after.org_path,
  });
  return after;
}

export { vehicleInScope };
