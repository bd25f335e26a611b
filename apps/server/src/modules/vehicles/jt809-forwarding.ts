// What an uplink sends for a stored position (0x1202/0x1203 GNSS_DATA, 2011 or 2019 layout), for
// a stored alarm (0x1402) and for a vehicle's terminal registration (0x1201).
import { encodeGbk, type Location } from '@jtgov/jt808';
import {
  type AlarmReport,
  type Edition,
  type VehicleDynamic,
  type VehicleLocation,
  type VehicleRegistration,
  WARN_TYPES,
} from '@jtgov/jt809';
import type { ForwardRegistration } from './forwarded.repository.ts';
import type { ForwardAlarm, ForwardRow } from './platform-links.repository.ts';

const beijing = (d: Date) => `${new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

export function toVehicleLocation(row: ForwardRow, edition: Edition): VehicleLocation {
  const time = beijing(row.gnss_time);
  if (edition === '2011')
    return {
      format: '2011',
      encrypt: 0,
      time,
      lon: row.lon,
      lat: row.lat,
      speed: Math.round(row.speed),
      recorderSpeed: Math.round(row.speed),
      mileage: Math.round(row.mileage ?? 0),
      direction: row.direction,
      altitude: row.altitude,
      status: Number(row.status),
      alarm: Number(row.alarm),
    };
  const location: Location = {
    alarm: Number(row.alarm),
    status: Number(row.status),
    lat: row.lat,
    lon: row.lon,
    altitude: row.altitude,
    speed: Math.round(row.speed * 10) / 10,
    direction: row.direction,
    time,
    extras: row.mileage === null ? [] : [{ type: 'mileage', value: Math.round(row.mileage * 10) / 10 }],
  };
  const none = { platformId: '', alarm: 0 };
  return { format: '2019', encrypt: 0, location, platforms: [none, { ...none }, { ...none }] };
}

/** WARN_TYPE of an alarm kind (platform rules and JT/T 808 terminal bits). */
const WARN_TYPE_OF: Record<string, number> = {
  overspeed: WARN_TYPES.overspeed,
  'terminal.overspeed': WARN_TYPES.overspeed,
  fatigue: WARN_TYPES.fatigue,
  'terminal.fatigue': WARN_TYPES.fatigue,
  dailyDriving: WARN_TYPES.drivingTooLong,
  'terminal.drivingTimeout': WARN_TYPES.drivingTooLong,
  'terminal.sos': WARN_TYPES.emergency,
  'terminal.illegalMovement': WARN_TYPES.moved,
  'terminal.routeDeviation': WARN_TYPES.offRoute,
};

/** 0x1402 of an alarm: WARN_SRC 3 (this government platform) for its rules, 1 for terminal alarms. */
export function toAlarmReport(a: ForwardAlarm, edition: Edition): AlarmReport {
  const warnType = WARN_TYPE_OF[a.kind] ?? WARN_TYPES.other;
  const warnTime = Math.floor(a.started_at.getTime() / 1000);
  const info = `${a.kind}${a.peak_value !== null ? ` ${a.peak_value}` : ''} ${Math.round(a.speed)} km/h`;
  if (edition === '2011')
    return {
      type: 'alarmReport',
      warnSource: a.kind.startsWith('terminal.') ? 1 : 3,
      warnType,
      warnTime,
      infoId: a.id >>> 0,
      info,
    };
  return {
    type: 'alarmReport',
    sourcePlatformId: '',
    warnType,
    warnTime,
    startTime: warnTime,
    endTime: 0,
    vehicleNo: a.plate_no,
    vehicleColor: a.plate_color,
    destinationPlatformId: '',
    lineId: 0,
    info,
  };
}

/** The longest start of `text` whose GBK encoding fits in `bytes` (fixed-width 0x1201 fields). */
export function fitGbk(text: string, bytes: number): string {
  let out = text;
  while (out.length > 0 && encodeGbk(out).length > bytes) out = out.slice(0, -1);
  return out;
}

/**
 * 0x1201 of a registered vehicle: the producer and model its terminal declared in 0x0100, its
 * terminal id and SIM (the terminal phone). PLATFORM_ID is left empty (zeros), as for 0x1402.
 */
export function toRegistration(r: ForwardRegistration, edition: Edition): VehicleRegistration {
  const wide = edition === '2019';
  return {
    type: 'registration',
    platformId: '',
    producerId: fitGbk(r.terminal_maker ?? '', 11),
    terminalModel: fitGbk(r.terminal_model ?? '', wide ? 30 : 20),
    ...(wide && { imei: '' }),
    terminalId: fitGbk(r.terminal_id ?? '', wide ? 30 : 7),
    simCode: fitGbk(r.terminal_phone ?? '', wide ? 13 : 12),
  };
}

/** 0x1203 carries 1 to 5 locations (GNSS_CNT, JT/T 809-2011 §4.5.3.2.3). */
const HISTORY_MAX = 5;

/**
 * Positions stored before `since` (the login: they waited while the link was down) go as 0x1203 in
 * groups per vehicle; the rest as 0x1202, in order.
 */
export function toForwardMessages(
  rows: readonly ForwardRow[],
  since: Date,
  edition: Edition,
): VehicleDynamic[] {
  const out: VehicleDynamic[] = [];
  const backlog = new Map<number, ForwardRow[]>();
  const flush = (group: ForwardRow[]) => {
    const first = group[0]!;
    out.push({
      kind: 'vehicleDynamic',
      vehicleNo: first.plate_no,
      vehicleColor: first.plate_color,
      data: { type: 'historyLocation', locations: group.map((r) => toVehicleLocation(r, edition)) },
    });
  };
  for (const row of rows) {
    if (row.received_at < since) {
      const id = Number(row.vehicle_id);
      const group = backlog.get(id) ?? [];
      group.push(row);
      if (group.length === HISTORY_MAX) {
        flush(group);
        backlog.delete(id);
      } else backlog.set(id, group);
      continue;
    }
    out.push({
      kind: 'vehicleDynamic',
      vehicleNo: row.plate_no,
      vehicleColor: row.plate_color,
      data: { type: 'realtimeLocation', location: toVehicleLocation(row, edition) },
    });
  }
  for (const group of backlog.values()) flush(group);
  return out;
}
