import type { Alarm, LatestPosition, Vehicle, VehicleFilters, VehicleType } from '../types.ts';

/** One row of the vehicle list, from the registry or (for "in alarm") from the open alarms. */
export interface VehicleRow {
  id: number;
  plateNo: string;
  vehicleType: VehicleType;
  online: boolean;
  inAlarm: boolean;
  speed: number | null;
  lastSeenAt: string | null;
}

const KEY_TYPES = new Set<string>(['charteredCoach', 'scheduledCoach', 'dangerousGoods']);

export function matchesType(vehicleType: string, type: VehicleFilters['type']): boolean {
  if (!type) return true;
  return type === 'keyVehicles' ? KEY_TYPES.has(vehicleType) : vehicleType === type;
}

const matchesPlate = (plateNo: string, q: string | undefined) =>
  !q || plateNo.toLowerCase().includes(q.trim().toLowerCase());

/** The map's page of positions, filtered as the list is. */
export function matchesPosition(p: LatestPosition, inAlarm: boolean, f: VehicleFilters): boolean {
  if (f.state === 'alarm' && !inAlarm) return false;
  if (f.state === 'online' && !p.online) return false;
  if (f.state === 'offline' && p.online) return false;
  return matchesType(p.vehicleType, f.type) && matchesPlate(p.plateNo, f.q);
}

export function registryRow(
  v: Vehicle,
  alarmed: ReadonlySet<number>,
  positions: ReadonlyMap<number, LatestPosition>,
): VehicleRow {
  return {
    id: v.id,
    plateNo: v.plateNo,
    vehicleType: v.vehicleType,
    online: v.online,
    inAlarm: alarmed.has(v.id),
    speed: positions.get(v.id)?.speed ?? null,
    lastSeenAt: v.lastSeenAt,
  };
}

/** The vehicles of the open alarms, once each, filtered by type and plate. */
export function alarmRows(
  alarms: readonly Alarm[],
  positions: ReadonlyMap<number, LatestPosition>,
  f: VehicleFilters,
): VehicleRow[] {
  const rows = new Map<number, VehicleRow>();
  for (const a of alarms) {
    if (rows.has(a.vehicleId) || !matchesType(a.vehicleType, f.type) || !matchesPlate(a.plateNo, f.q))
      continue;
    const p = positions.get(a.vehicleId);
    rows.set(a.vehicleId, {
      id: a.vehicleId,
      plateNo: a.plateNo,
      vehicleType: a.vehicleType as VehicleType,
      online: p?.online ?? false,
      inAlarm: true,
      speed: p?.speed ?? null,
      lastSeenAt: p?.lastSeenAt ?? null,
    });
  }
  return [...rows.values()];
}
