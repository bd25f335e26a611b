import type { VehicleFilters } from '../types.ts';

/** The list's filters as the server's: "in alarm" is a vehicle with an open alarm, filtered in SQL. */
export const vehicleListQuery = (filters: VehicleFilters) => ({
  q: filters.q,
  vehicleType: filters.type && filters.type !== 'keyVehicles' ? filters.type : undefined,
  keyVehicles: filters.type === 'keyVehicles' ? true : undefined,
  online: filters.state === 'online' ? true : filters.state === 'offline' ? false : undefined,
  inAlarm: filters.state === 'alarm' ? true : undefined,
  status: 'active' as const,
});
