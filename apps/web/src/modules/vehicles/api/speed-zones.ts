import { api } from '../../../api/client.ts';
import type { Page, PageParams } from '../../../api/types.ts';

export const ROAD_CLASSES = [
  'expressway',
  'nationalRoad',
  'provincialRoad',
  'countyRoad',
  'townshipRoad',
  'urbanRoad',
  'other',
] as const;
export type RoadClass = (typeof ROAD_CLASSES)[number];

export const ZONE_VEHICLE_TYPES = [
  'scheduledCoach',
  'charteredCoach',
  'dangerousGoods',
  'heavyFreight',
  'other',
] as const;
export type ZoneVehicleType = (typeof ZONE_VEHICLE_TYPES)[number];

/** A road-class speed zone: a polygon, or a corridor of `widthM` around a centre line. */
export interface SpeedZone {
  id: number;
  orgUnitId: number;
  orgName: string;
  name: string;
  roadClass: RoadClass;
  shape: 'polygon' | 'corridor';
  coordinates: [number, number][];
  widthM: number | null;
  speedLimits: Partial<Record<ZoneVehicleType, number>>;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export type SpeedZoneInput = Pick<
  SpeedZone,
  'name' | 'roadClass' | 'shape' | 'coordinates' | 'speedLimits' | 'enabled'
> & { orgUnitId: number; widthM?: number | null };

export interface SpeedZoneFilters {
  roadClass?: RoadClass;
  q?: string;
}

export const zoneKeys = {
  all: ['vehicles', 'speed-zones'] as const,
  list: (f: SpeedZoneFilters, p: PageParams) => [...zoneKeys.all, 'list', f, p] as const,
};

export const listZones = (filters: SpeedZoneFilters, params: PageParams) =>
  api.get<Page<SpeedZone>>('/vehicles/speed-zones', { ...params, ...filters });

export const createZone = (input: SpeedZoneInput) => api.post<SpeedZone>('/vehicles/speed-zones', input);

export const updateZone = (id: number, input: Partial<Omit<SpeedZoneInput, 'orgUnitId'>>) =>
  api.patch<SpeedZone>(`/vehicles/speed-zones/${id}`, input);

export const deleteZone = (id: number) => api.delete<{ ok: true }>(`/vehicles/speed-zones/${id}`);
