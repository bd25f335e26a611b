// Terminal registration (0x0100 → 0x8100) and authentication (0x0102) against the vehicle registry
// (JT/T 808-2013 §8.5-8.7; 2019 §8.8-8.11).
import { timingSafeEqual } from 'node:crypto';
import type { Register } from '@jtgov/jt808';
import { type AuditContext, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { findActiveVehicleByPlate, findVehicleByPhone, markRegistered } from './vehicles.repository.ts';
import { normalisePhone } from './vehicles.service.ts';

/** 0x8100 results: 0 ok, 1 vehicle already registered, 2 no such vehicle, 3 terminal already
 * registered, 4 no such terminal (JT/T 808-2013 Table 7). */
export const REGISTER_RESULT = {
  ok: 0,
  vehicleTaken: 1,
  noSuchVehicle: 2,
  terminalTaken: 3,
  noSuchTerminal: 4,
} as const;
export type RegisterResult = (typeof REGISTER_RESULT)[keyof typeof REGISTER_RESULT];

/** What a connection needs of its authenticated vehicle. */
export interface TerminalVehicle {
  id: number;
  orgUnitId: number;
  orgPath: string;
  phone: string;
}

const REASONS: Record<RegisterResult, string> = {
  0: 'registered',
  1: 'the plate belongs to a vehicle with another terminal',
  2: 'the declared plate is not the one registered for this terminal',
  3: 'another terminal is registered for this vehicle',
  4: 'no active vehicle has this terminal phone',
};

/**
 * Registers a terminal against the vehicle whose terminal phone is the header's. The plate is
 * checked unless the colour is 0 (2019: the field then holds the VIN); the terminal id is bound on
 * first registration and must match afterwards. Every attempt is audited under the vehicle's org.
 */
export async function registerTerminal(
  trx: Executor,
  ctx: AuditContext,
  headerPhone: string,
  reg: Register,
  now: Date,
): Promise<{ result: RegisterResult; authCode?: string }> {
  const phone = normalisePhone(headerPhone);
  // Terminals pad the plate like the fixed fields before it (NULs or spaces).
  const plate = reg.plate.replace(/^[\0 ]+|[\0 ]+$/g, '');
  const vehicle = await findVehicleByPhone(trx, phone);
  let result: RegisterResult = REGISTER_RESULT.ok;
  if (vehicle?.status !== 'active') {
    const owner = plate ? await findActiveVehicleByPlate(trx, plate, reg.plateColor) : undefined;
    result = owner ? REGISTER_RESULT.vehicleTaken : REGISTER_RESULT.noSuchTerminal;
  } else if (reg.plateColor !== 0 && (plate !== vehicle.plate_no || reg.plateColor !== vehicle.plate_color)) {
    result = REGISTER_RESULT.noSuchVehicle;
  } else if (vehicle.terminal_id && reg.terminalId && vehicle.terminal_id !== reg.terminalId) {
    result = REGISTER_RESULT.terminalTaken;
  }
  const ok = result === REGISTER_RESULT.ok && vehicle !== undefined;
  if (ok)
    await markRegistered(trx, vehicle.id, reg.terminalId || null, now, {
      maker: reg.manufacturer.replace(/^[\0 ]+|[\0 ]+$/g, ''),
      model: reg.model.replace(/^[\0 ]+|[\0 ]+$/g, ''),
    });
  await recordAudit(trx, ctx, {
    action: 'vehicle.terminal.register',
    objectType: 'vehicle',
    objectId: vehicle?.id ?? null,
    outcome: ok ? 'success' : 'failure',
    after: {
      terminalPhone: phone,
      terminalId: reg.terminalId,
      plateNo: plate,
      plateColor: reg.plateColor,
      result,
      reason: REASONS[result],
    },
    orgUnitId: vehicle?.org_unit_id,
    orgPath: vehicle?.org_path,
  });
  return ok && vehicle.auth_code !== null ? { result, authCode: vehicle.auth_code } : { result };
}

function sameCode(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Checks the auth code of an active vehicle's terminal. Failures are audited; successes are not —
 * a terminal authenticates at every reconnect, and the online state records it.
 */
export async function authenticateTerminal(
  trx: Executor,
  ctx: AuditContext,
  headerPhone: string,
  authCode: string,
): Promise<TerminalVehicle | null> {
  const phone = normalisePhone(headerPhone);
  const vehicle = await findVehicleByPhone(trx, phone);
  if (
    vehicle &&
    vehicle.status === 'active' &&
    vehicle.auth_code !== null &&
    sameCode(authCode, vehicle.auth_code)
  )
    return { id: vehicle.id, orgUnitId: vehicle.org_unit_id, orgPath: vehicle.org_path, phone };
  await recordAudit(trx, ctx, {
    action: 'vehicle.terminal.authenticate',
    objectType: 'vehicle',
    objectId: vehicle?.id ?? null,
    outcome: 'failure',
    after: {
      terminalPhone: phone,
      reason: vehicle ? 'wrong auth code or inactive vehicle' : 'unknown terminal',
    },
    orgUnitId: vehicle?.org_unit_id,
    orgPath: vehicle?.org_path,
  });
  return null;
}
