import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PageParams } from '../../../api/types.ts';
import type { GeoBounds } from '../../../ui/map/types.ts';
import {
  bboxParam,
  fetchTrack,
  fetchVessel,
  listVessels,
  nearVessels,
  vesselColumns,
  vesselKeys,
} from '../api/vessels.ts';
import type { VesselFilters } from '../types/vessels.ts';

/** The live picture moves: the map re-reads its viewport this often. */
export const LIVE_REFRESH_MS = 10_000;

export function useVesselsInView(bounds: GeoBounds | null, filters: VesselFilters, params: PageParams) {
  const bbox = bounds ? bboxParam(bounds) : null;
  return useQuery({
    queryKey: vesselKeys.view(bbox, filters, params),
    queryFn: () => listVessels(bbox, filters, params),
    enabled: bounds !== null,
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

/** Every vessel in view as columns, for the map (the table pages through `useVesselsInView`). */
export function useVesselColumns(bounds: GeoBounds | null, filters: VesselFilters) {
  const bbox = bounds ? bboxParam(bounds) : null;
  return useQuery({
    queryKey: vesselKeys.columns(bbox, filters),
    queryFn: () => vesselColumns(bbox, filters),
    enabled: bounds !== null,
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export function useNearbyVessels(
  at: { lat: number; lon: number } | null,
  radiusNm: number,
  params: PageParams,
) {
  return useQuery({
    queryKey: vesselKeys.near(at?.lat ?? 0, at?.lon ?? 0, radiusNm, params),
    queryFn: () => nearVessels(at?.lat ?? 0, at?.lon ?? 0, radiusNm, params),
    enabled: at !== null,
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export function useVessel(mmsi: number | null) {
  return useQuery({
    queryKey: vesselKeys.detail(mmsi ?? 0),
    queryFn: () => fetchVessel(mmsi ?? 0),
    enabled: mmsi !== null,
  });
}

export function useTrack(mmsi: number | null, range: { from: string; to: string } | null) {
  return useQuery({
    queryKey: vesselKeys.track(mmsi ?? 0, range?.from ?? '', range?.to ?? ''),
    queryFn: () => fetchTrack(mmsi ?? 0, range?.from ?? '', range?.to ?? ''),
    enabled: mmsi !== null && range !== null,
  });
}
