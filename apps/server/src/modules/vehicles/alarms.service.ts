import type { AuditContext } from '../../platform/audit/audit.service.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { availableActions, historyOf, isState, transition } from '../../platform/workflow/index.ts';
import { DEFAULT_ALARM_RULES } from './alarm-config.ts';
import {
  type AlarmFilter,
  type AlarmRow,
  findAlarmInScope,
  findAlarmSetting,
  saveAlarmState,
  upsertAlarmSetting,
} from './alarms.repository.ts';
import type { AlarmState } from './alarms.tables.ts';
import { type AlarmAction, alarmWorkflow } from './alarms.workflow.ts';
import type { VehicleType } from './vehicles.tables.ts';

export const ALARM_ENTITY = 'vehicle_alarm';

export function toAlarmDto(row: AlarmRow) {
  return {
    id: row.id,
    vehicleId: row.vehicle_id,
    plateNo: row.plate_no,
    plateColor: row.plate_color,
    vehicleType: row.vehicle_type,
    orgUnitId: row.org_unit_id,
    kind: row.kind,
    source: row.source,
    terminalBit: row.terminal_bit,
    level: row.level,
    state: row.state,
    startedAt: row.started_at.toISOString(),
    lastAt: row.last_at.toISOString(),
    endedAt: row.ended_at?.toISOString() ?? null,
    ongoing: row.ended_at === null,
    lat: row.lat,
    lon: row.lon,
    speed: row.speed,
    peakValue: row.peak_value,
    details: row.details,
    handlingNote: row.handling_note,
    updatedAt: row.updated_at.toISOString(),
  };
}

export function alarmFilterOf(
  actor: Actor,
  q: {
    kind?: string;
    state?: AlarmState;
    level?: string;
    vehicleId?: number;
    from?: string;
    to?: string;
    ongoing?: boolean;
  },
): AlarmFilter {
  const from = q.from === undefined ? undefined : new Date(q.from);
  const to = q.to === undefined ? undefined : new Date(q.to);
  if (from && to && !(from < to)) throw badRequest('from must precede to');
  return {
    scopePath: actor.orgPath,
    ...(q.kind !== undefined && { kind: q.kind }),
    ...(q.state !== undefined && { state: q.state }),
    ...(q.level !== undefined && { level: q.level }),
    ...(q.vehicleId !== undefined && { vehicleId: q.vehicleId }),
    ...(from && { from }),
    ...(to && { to }),
    ...(q.ongoing !== undefined && { open: q.ongoing }),
  };
}

export async function alarmInScope(
  db: Executor,
  actor: Actor,
  id: number,
  forUpdate = false,
): Promise<AlarmRow> {
  const row = await findAlarmInScope(db, actor.orgPath, id, forUpdate);
  if (!row) throw notFound('alarm not found');
  return row;
}

export async function alarmDetail(db: Executor, actor: Actor, id: number) {
  const row = await alarmInScope(db, actor, id);
  const history = await historyOf(db, ALARM_ENTITY, id, { page: 1, pageSize: 200 });
  const state = row.state;
  return {
    alarm: toAlarmDto(row),
    history: history.items,
    actions: isState(alarmWorkflow, state) ? availableActions(alarmWorkflow, state, actor) : [],
  };
}

/** One handling step; the note goes on the history and, when given, on the alarm. */
export async function actOnAlarm(
  trx: Executor,
  audit: AuditContext,
  actor: Actor,
  id: number,
  action: AlarmAction,
  note: string | undefined,
  now: Date,
): Promise<AlarmRow> {
  const row = await alarmInScope(trx, actor, id, true);
  const text = note?.trim() ? note.trim() : null;
  const to = await transition(
    trx,
    { audit, actor, now },
    alarmWorkflow,
    { type: ALARM_ENTITY, id, state: row.state, orgPath: row.org_path, entity: { note: text } },
    action,
    text === null ? undefined : { note: text },
  );
  await saveAlarmState(trx, id, to, text, now);
  return alarmInScope(trx, actor, id);
}

export async function alarmSettingOf(db: Executor, vehicle: { id: number; vehicle_type: VehicleType }) {
  const setting = await findAlarmSetting(db, vehicle.id);
  const speedLimit = setting?.speed_limit ?? null;
  return {
    vehicleId: vehicle.id,
    speedLimit,
    effectiveSpeedLimit: speedLimit ?? DEFAULT_ALARM_RULES.speedLimits[vehicle.vehicle_type],
  };
}

export async function changeAlarmSetting(
  trx: Executor,
  audit: AuditContext,
  vehicle: { id: number; vehicle_type: VehicleType; org_path: string; org_unit_id: number },
  speedLimit: number | null,
  now: Date,
) {
  const before = await findAlarmSetting(trx, vehicle.id);
  await upsertAlarmSetting(trx, vehicle.id, speedLimit, now);
  await recordAudit(trx, audit, {
    action: 'vehicle.alarm-setting.change',
    objectType: 'vehicle',
    objectId: vehicle.id,
    before: { speedLimit: before?.speed_limit ?? null },
    after: { speedLimit },
    orgPath: vehicle.org_path,
    orgUnitId: vehicle.org_unit_id,
  });
  return alarmSettingOf(trx, vehicle);
}
