import type { LatestPosition, Vehicle, VehicleFilters, VehicleType } from '../types.ts';

/** One row of the vehicle list (the registry's page, filtered on the server). */
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

/** A row of the registry's page; `listedInAlarm`: the page was asked for vehicles in alarm. */
export function registryRow(
  v: Vehicle,
  alarmed: ReadonlySet<number>,
  positions: ReadonlyMap<number, LatestPosition>,
  listedInAlarm = false,
): VehicleRow {
  return {
    id: v.id,
    plateNo: v.plateNo,
    vehicleType: v.vehicleType,
    online: v.online,
    inAlarm: listedInAlarm || alarmed.has(v.id),
    speed: positions.get(v.id)?.speed ?? null,
    lastSeenAt: v.lastSeenAt,
  };
}
