import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PageParams } from '../../../api/types.ts';
import * as incidents from '../api/incidents.ts';
import { incidentKeys } from '../api/incidents.ts';
import type { IncidentDetail, IncidentFilters, OpenIncidentRequest } from '../types/incidents.ts';
import { LIVE_REFRESH_MS } from './useVessels.ts';

export function useIncidentList(params: PageParams, filters: IncidentFilters) {
  return useQuery({
    queryKey: incidentKeys.list(params, filters),
    queryFn: () => incidents.listIncidents(params, filters),
    placeholderData: keepPreviousData,
  });
}

export function useIncident(id: number) {
  return useQuery({ queryKey: incidentKeys.detail(id), queryFn: () => incidents.fetchIncident(id) });
}

export function useNearbyShips(id: number, params: PageParams) {
  return useQuery({
    queryKey: incidentKeys.nearby(id, params),
    queryFn: () => incidents.fetchNearby(id, params),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export function useNearestResources(id: number) {
  return useQuery({
    queryKey: incidentKeys.resources(id),
    queryFn: () => incidents.fetchNearestResources(id),
    // Rescue vessels with an MMSI move with the live picture.
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export function useTimeline(id: number) {
  return useQuery({ queryKey: incidentKeys.timeline(id), queryFn: () => incidents.fetchTimeline(id) });
}

export function useOpenIncident() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenIncidentRequest) => incidents.openIncident(body),
    onSuccess: () => client.invalidateQueries({ queryKey: incidentKeys.all }),
  });
}

/** Any change to an incident: its detail, timeline, resources and the list are read again. */
export function useIncidentAction<V>(id: number, run: (v: V) => Promise<IncidentDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (detail) => {
      client.setQueryData(incidentKeys.detail(id), detail);
      void client.invalidateQueries({ queryKey: incidentKeys.all });
    },
  });
}
