// Demo content for `npm start` in demo mode: the demo fleet in the registry (idempotent).
import { type AuditContext, recordAudit, SYSTEM_CONTEXT } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { findOrgUnitByCode } from '../../platform/orgs/orgs.repository.ts';
import { DEMO_FLEET_SIZE, demoVehicle } from './demo-fleet.ts';
import { findVehicleByPhone, insertVehicle } from './vehicles.repository.ts';
import { generateAuthCode } from './vehicles.service.ts';

const DEMO_AUDIT: AuditContext = { ...SYSTEM_CONTEXT, username: 'demo-seed' };

/** Adds the demo vehicles that are missing (by terminal phone); returns how many were added. */
export async function seedDemoFleet(trx: Executor, now: Date, size = DEMO_FLEET_SIZE): Promise<number> {
  let created = 0;
  const orgs = new Map<string, Awaited<ReturnType<typeof findOrgUnitByCode>>>();
  for (let i = 0; i < size; i++) {
    const v = demoVehicle(i);
    if (await findVehicleByPhone(trx, v.phone)) continue;
    if (!orgs.has(v.home.county)) orgs.set(v.home.county, await findOrgUnitByCode(trx, v.home.county));
    const org = orgs.get(v.home.county);
    if (!org) continue;
    const id = await insertVehicle(trx, {
      plate_no: v.plateNo,
      plate_color: v.plateColor,
      vehicle_type: v.vehicleType,
      operator_name: v.operatorName,
      org_unit_id: org.id,
      terminal_phone: v.phone,
      terminal_id: null,
      auth_code: generateAuthCode(),
      status: 'active',
      registered_at: null,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, DEMO_AUDIT, {
      action: 'vehicle.create',
      objectType: 'vehicle',
      objectId: id,
      after: {
        plateNo: v.plateNo,
        plateColor: v.plateColor,
        vehicleType: v.vehicleType,
        terminalPhone: v.phone,
      },
      orgUnitId: org.id,
      orgPath: org.path,
    });
    created++;
  }
  return created;
}
