// Writes the outcome of alarm rules: raises, extensions and ends in one transaction with their
// audit entries and the notifications of high-level alarms; returns the events to publish once the
// transaction has committed.
import { type AuditContext, recordAudit, SYSTEM_CONTEXT } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { notify } from '../../platform/notify/index.ts';
import { type AlarmKind, type AlarmLevel, terminalBitOf } from './alarm-config.ts';
import type { AlarmEvent } from './alarms.events.ts';
import {
  type AlarmEnd,
  type AlarmExtension,
  type AlarmProfileRow,
  endAlarms,
  extendAlarms,
  findUnitUsersWith,
  insertAlarms,
  type NewAlarm,
} from './alarms.repository.ts';

export const ALARM_AUDIT: AuditContext = { ...SYSTEM_CONTEXT, username: 'vehicle-alarms' };

/** Zh-CN names of the platform rules, for notifications (terminal kinds use their bit name). */
export const ALARM_KIND_TITLES: Readonly<Record<string, string>> = {
  overspeed: '超速报警',
  fatigue: '疲劳驾驶报警',
  dailyDriving: '当日累计驾驶超时',
  nightDriving: '夜间超速行驶',
  earlyMorningOperation: '凌晨2时至5时违规运行',
  offline: '车辆离线超时',
  positionJump: '定位漂移/轨迹异常',
  'terminal.sos': '紧急报警',
  'terminal.collision': '碰撞预警',
  'terminal.rollover': '侧翻预警',
  'terminal.dangerWarning': '危险预警',
  'terminal.stolen': '车辆被盗',
};

export const alarmTitle = (kind: string): string => ALARM_KIND_TITLES[kind] ?? `终端报警 ${kind}`;

export interface AlarmOps {
  readonly inserts: NewAlarm[];
  readonly extensions: AlarmExtension[];
  readonly ends: (AlarmEnd & { lat: number; lon: number; speed: number })[];
}

export const emptyOps = (): AlarmOps => ({ inserts: [], extensions: [], ends: [] });

export const isEmptyOps = (ops: AlarmOps) =>
  ops.inserts.length === 0 && ops.extensions.length === 0 && ops.ends.length === 0;

export function newAlarm(
  vehicleId: number,
  kind: AlarmKind,
  level: AlarmLevel,
  startedAt: Date,
  at: Date,
  pos: { lat: number; lon: number; speed: number },
  peak: number | null,
  details: Record<string, unknown>,
): NewAlarm {
  const terminalBit = terminalBitOf(kind);
  return {
    vehicleId,
    kind,
    source: terminalBit === null ? 'platform' : 'terminal',
    terminalBit,
    level,
    startedAt,
    lastAt: at,
    endedAt: null,
    lat: pos.lat,
    lon: pos.lon,
    speed: pos.speed,
    peak,
    details,
  };
}

/**
 * Extensions first (they name alarms open before this batch), then ends, then inserts — so an
 * alarm ended and raised again in one batch closes the old row before the new one opens.
 */
export async function applyAlarmOps(
  trx: Executor,
  ops: AlarmOps,
  profiles: ReadonlyMap<number, AlarmProfileRow>,
  now: Date,
): Promise<AlarmEvent[]> {
  const events: AlarmEvent[] = [];
  await extendAlarms(trx, ops.extensions, now);
  const ended = await endAlarms(trx, ops.ends, now);
  const endOf = new Map(ops.ends.map((e) => [`${e.vehicleId}|${e.kind}`, e]));
  for (const row of ended) {
    const op = endOf.get(`${row.vehicle_id}|${row.kind}`);
    const profile = profiles.get(row.vehicle_id);
    await recordAudit(trx, ALARM_AUDIT, {
      action: 'vehicle.alarm.end',
      objectType: 'vehicle_alarm',
      objectId: row.id,
      after: { vehicleId: row.vehicle_id, kind: row.kind, endedAt: row.ended_at },
      orgPath: profile?.org_path ?? null,
      orgUnitId: profile?.org_unit_id ?? null,
    });
    events.push({
      type: 'ended',
      alarmId: row.id,
      vehicleId: row.vehicle_id,
      kind: row.kind,
      level: row.level as AlarmLevel,
      terminalBit: terminalBitOf(row.kind as AlarmKind),
      at: row.ended_at,
      lat: op?.lat ?? 0,
      lon: op?.lon ?? 0,
      speed: op?.speed ?? 0,
      details: {},
    });
  }
  const inserted = await insertAlarms(trx, ops.inserts, now);
  const insertOf = new Map(ops.inserts.map((a) => [`${a.vehicleId}|${a.kind}|${a.startedAt.getTime()}`, a]));
  for (const row of inserted) {
    const alarm = insertOf.get(`${row.vehicle_id}|${row.kind}|${row.started_at.getTime()}`);
    if (!alarm) continue;
    const profile = profiles.get(row.vehicle_id);
    await recordAudit(trx, ALARM_AUDIT, {
      action: 'vehicle.alarm.raise',
      objectType: 'vehicle_alarm',
      objectId: row.id,
      after: {
        vehicleId: row.vehicle_id,
        kind: row.kind,
        level: row.level,
        startedAt: row.started_at,
        endedAt: row.ended_at,
      },
      orgPath: profile?.org_path ?? null,
      orgUnitId: profile?.org_unit_id ?? null,
    });
    const base = {
      alarmId: row.id,
      vehicleId: row.vehicle_id,
      kind: row.kind,
      level: row.level,
      terminalBit: alarm.terminalBit,
      lat: alarm.lat,
      lon: alarm.lon,
      speed: alarm.speed,
      details: alarm.details,
    };
    events.push({ type: 'raised', at: row.started_at, ...base });
    if (row.ended_at) events.push({ type: 'ended', at: row.ended_at, ...base });
    if (row.level === 'high' && profile) await notifyUnit(trx, profile, row.id, row.kind, alarm, now);
  }
  return events;
}

/** A high-level alarm is told to the users of the vehicle's own unit who handle alarms. */
async function notifyUnit(
  trx: Executor,
  profile: AlarmProfileRow,
  alarmId: number,
  kind: string,
  alarm: NewAlarm,
  now: Date,
): Promise<void> {
  const userIds = await findUnitUsersWith(trx, profile.org_unit_id, 'vehicle.alarm.handle');
  if (userIds.length === 0) return;
  const at = new Date(alarm.startedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
  await notify(
    trx,
    {
      userIds,
      title: `${profile.plate_no} ${alarmTitle(kind)}`,
      body: `${profile.plate_no} 于 ${at}（北京时间）发生${alarmTitle(kind)}，位置 ${alarm.lat.toFixed(5)}, ${alarm.lon.toFixed(5)}，速度 ${alarm.speed} km/h，请及时处置。`,
      link: `/vehicles/alarms/${alarmId}`,
      category: 'vehicle.alarm.raised',
    },
    now,
  );
}
