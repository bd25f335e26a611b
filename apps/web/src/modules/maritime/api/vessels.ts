import { api } from '../../../api/client.ts';
import type { Page, PageParams } from '../../../api/types.ts';
import type { GeoBounds } from '../../../ui/map/types.ts';
import type {
  Nearby,
  TrackPoint,
  Vessel,
  VesselCategory,
  VesselColumns,
  VesselFilters,
} from '../types/vessels.ts';

export const vesselKeys = {
  all: ['maritime', 'vessels'] as const,
  view: (bbox: string | null, filters: VesselFilters, params: PageParams) =>
    [...vesselKeys.all, 'view', bbox, filters, params] as const,
  columns: (bbox: string | null, filters: VesselFilters) =>
    [...vesselKeys.all, 'columns', bbox, filters] as const,
  near: (lat: number, lon: number, radiusNm: number, params: PageParams) =>
    [...vesselKeys.all, 'near', lat, lon, radiusNm, params] as const,
  detail: (mmsi: number) => [...vesselKeys.all, 'detail', mmsi] as const,
  track: (mmsi: number, from: string, to: string) => [...vesselKeys.all, 'track', mmsi, from, to] as const,
};

/** west,south,east,north to 3 decimals: the server's bbox and a stable query key. */
export const bboxParam = (b: GeoBounds) =>
  [b.west, b.south, b.east, b.north].map((v) => v.toFixed(3)).join(',');

const typeParam = (types: readonly VesselCategory[] | undefined) =>
  types && types.length > 0 ? types.join(',') : undefined;

const filterParams = (bbox: string | null, filters: VesselFilters) => ({
  bbox: bbox ?? undefined,
  type: typeParam(filters.types),
  flag: filters.flag,
  moving: filters.moving,
  q: filters.q,
});

export const listVessels = (bbox: string | null, filters: VesselFilters, params: PageParams) =>
  api.get<Page<Vessel>>('/maritime/vessels', { ...params, ...filterParams(bbox, filters) });

/** Every vessel in view (up to the server's cap), for the map. */
export const vesselColumns = (bbox: string | null, filters: VesselFilters) =>
  api.get<VesselColumns>('/maritime/vessels/viewport', filterParams(bbox, filters));

export const nearVessels = (lat: number, lon: number, radiusNm: number, params: PageParams) =>
  api.get<Page<Nearby>>('/maritime/vessels/near', { ...params, lat, lon, radiusNm });

export const fetchVessel = (mmsi: number) => api.get<Vessel>(`/maritime/vessels/${mmsi}`);

export const fetchTrack = (mmsi: number, from: string, to: string) =>
  api.get<Page<TrackPoint>>(`/maritime/vessels/${mmsi}/track`, { from, to, pageSize: 5000 });
