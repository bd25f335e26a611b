import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PageParams } from '../../../api/types.ts';
import type { GeoBounds } from '../../../ui/map/types.ts';
import { alarmKeys, listAlarms } from '../api/alarms.ts';
import {
  bboxParam,
  fetchTrack,
  fetchVehicle,
  listPositions,
  listVehicles,
  vehicleKeys,
} from '../api/vehicles.ts';
import type { VehicleFilters } from '../types.ts';

/** Vehicles report every few seconds while driving: the live picture re-reads this often. */
export const LIVE_REFRESH_MS = 3_000;

// The server's largest page: the map shows at most this many vehicles in view.
export const MAP_PAGE: PageParams = { page: 1, pageSize: 200 };

export function usePositionsInView(bounds: GeoBounds | null) {
  const bbox = bounds ? bboxParam(bounds) : null;
  return useQuery({
    queryKey: vehicleKeys.positions(bbox),
    queryFn: () => listPositions(bbox, MAP_PAGE),
    enabled: bounds !== null,
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

/** Alarms whose condition still holds: the vehicles "in alarm" on the map and in the list. */
export function useOngoingAlarms() {
  return useQuery({
    queryKey: alarmKeys.ongoing(),
    queryFn: () => listAlarms({}, MAP_PAGE, true),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export function useVehicleList(filters: VehicleFilters, params: PageParams, enabled: boolean) {
  return useQuery({
    queryKey: vehicleKeys.list(filters, params),
    queryFn: () => listVehicles(filters, params),
    enabled,
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export function useVehicle(id: number | null) {
  return useQuery({
    queryKey: vehicleKeys.detail(id ?? 0),
    queryFn: () => fetchVehicle(id ?? 0),
    enabled: id !== null,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export function useTrack(id: number | null, range: { from: string; to: string } | null) {
  return useQuery({
    queryKey: vehicleKeys.track(id ?? 0, range?.from ?? '', range?.to ?? ''),
    queryFn: () => fetchTrack(id ?? 0, range?.from ?? '', range?.to ?? ''),
    enabled: id !== null && range !== null,
  });
}
