import { api } from '../../../api/client.ts';
import type { Page, PageParams } from '../../../api/types.ts';
import type { GeoBounds } from '../../../ui/map/types.ts';
import type { LatestPosition, TrackPoint, Vehicle, VehicleFilters } from '../types.ts';
import { vehicleListQuery } from './vehicle-query.ts';

export const vehicleKeys = {
  all: ['vehicles'] as const,
  positions: (bbox: string | null) => [...vehicleKeys.all, 'positions', bbox] as const,
  list: (filters: VehicleFilters, params: PageParams) =>
    [...vehicleKeys.all, 'list', filters, params] as const,
  detail: (id: number) => [...vehicleKeys.all, 'detail', id] as const,
  track: (id: number, from: string, to: string) => [...vehicleKeys.all, 'track', id, from, to] as const,
};

/** minLon,minLat,maxLon,maxLat to 3 decimals: the server's bbox and a stable query key. */
export const bboxParam = (b: GeoBounds) =>
  [b.west, b.south, b.east, b.north].map((v) => v.toFixed(3)).join(',');

export const listPositions = (bbox: string | null, params: PageParams) =>
  api.get<Page<LatestPosition>>('/vehicles/positions', { ...params, bbox: bbox ?? undefined });

export const listVehicles = (filters: VehicleFilters, params: PageParams) =>
  api.get<Page<Vehicle>>('/vehicles', { ...params, ...vehicleListQuery(filters) });

export const fetchVehicle = (id: number) => api.get<Vehicle>(`/vehicles/${id}`);

export const fetchTrack = (id: number, from: string, to: string) =>
  api.get<Page<TrackPoint>>(`/vehicles/${id}/track`, { from, to, pageSize: 5000 });
