// What the JT/T 809 superior keeps of a subordinate's reports besides positions: its 0x1402 alarms
// and its vehicles' 0x1201 terminal registrations, each with the sending link and audited.
import type { AlarmReport, VehicleLocation, VehicleRegistration } from '@jtgov/jt809';
import { type AuditContext, recordAudit, SYSTEM_CONTEXT } from '../../platform/audit/audit.service.ts';
import type { Db } from '../../platform/db/database.ts';
import { insertForwardedAlarm, upsertForwardedRegistration } from './forwarded.repository.ts';
import type { PositionInput } from './positions.repository.ts';

const SUPERIOR_AUDIT: AuditContext = { ...SYSTEM_CONTEXT, username: 'jt809-superior' };

export interface LinkRef {
  id: number;
  name: string;
  orgUnitId: number;
  orgPath: string;
}

const fromSeconds = (s: number | undefined) => (s ? new Date(s * 1000) : null);
const trim = (text: string) => text.replace(/^[\0 ]+|[\0 ]+$/g, '');

/** Stores a reported alarm once; returns false for a repeat. */
export async function storeForwardedAlarm(
  db: Db,
  link: LinkRef,
  vehicleId: number,
  report: AlarmReport,
  receivedAt: Date,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const id = await insertForwardedAlarm(trx, {
      link_id: link.id,
      vehicle_id: vehicleId,
      warn_type: report.warnType,
      warn_source: report.warnSource ?? null,
      source_platform_id: report.sourcePlatformId !== undefined ? trim(report.sourcePlatformId) : null,
      // A zero WARN_TIME (a platform that leaves it out) is taken as the time it arrived.
      warn_time: fromSeconds(report.warnTime) ?? receivedAt,
      start_time: fromSeconds(report.startTime),
      end_time: fromSeconds(report.endTime),
      info_id: report.infoId ?? 0,
      info: report.info,
      received_at: receivedAt,
    });
    if (id === undefined) return false;
    await recordAudit(trx, SUPERIOR_AUDIT, {
      action: 'vehicle.alarm.forwarded',
      objectType: 'vehicle',
      objectId: vehicleId,
      after: { alarmId: id, warnType: report.warnType, forwardedBy: link.id, linkName: link.name },
      orgUnitId: link.orgUnitId,
      orgPath: link.orgPath,
    });
    return true;
  });
}

/** Keeps the latest terminal registration a subordinate reported for its vehicle; a change is audited. */
export async function storeForwardedRegistration(
  db: Db,
  link: LinkRef,
  vehicleId: number,
  reg: VehicleRegistration,
  receivedAt: Date,
): Promise<void> {
  const row = {
    vehicle_id: vehicleId,
    link_id: link.id,
    platform_id: trim(reg.platformId),
    producer_id: trim(reg.producerId),
    terminal_model: trim(reg.terminalModel),
    imei: reg.imei !== undefined ? trim(reg.imei) : null,
    terminal_id: trim(reg.terminalId),
    sim_code: trim(reg.simCode),
    received_at: receivedAt,
  };
  await db.transaction().execute(async (trx) => {
    if (!(await upsertForwardedRegistration(trx, row))) return;
    const { vehicle_id: _, received_at: __, ...after } = row;
    await recordAudit(trx, SUPERIOR_AUDIT, {
      action: 'vehicle.registration.forwarded',
      objectType: 'vehicle',
      objectId: vehicleId,
      after: { ...after, linkName: link.name },
      orgUnitId: link.orgUnitId,
      orgPath: link.orgPath,
    });
  });
}

/** A forwarded location as a position of ours; null without a GNSS time. */
export function toPosition(vehicleId: number, g: VehicleLocation, receivedAt: Date): PositionInput | null {
  if (g.format === '2011') {
    if (g.time === null) return null;
    return {
      vehicleId,
      gnssTime: new Date(g.time),
      receivedAt,
      lat: g.lat,
      lon: g.lon,
      altitude: g.altitude,
      speed: g.speed,
      direction: g.direction,
      alarm: g.alarm,
      status: g.status,
      mileage: g.mileage,
    };
  }
  const l = g.location;
  if (!l || l.time === null) return null;
  let mileage: number | null = null;
  for (const extra of l.extras) if (extra.type === 'mileage') mileage = extra.value;
  return {
    vehicleId,
    gnssTime: new Date(l.time),
    receivedAt,
    lat: l.lat,
    lon: l.lon,
    altitude: l.altitude,
    speed: l.speed,
    direction: l.direction,
    alarm: l.alarm,
    status: l.status,
    mileage,
  };
}
