import { api } from '../../../api/client.ts';
import type { Page, PageParams } from '../../../api/types.ts';
import type {
  CloseOutcome,
  Incident,
  IncidentDetail,
  IncidentFilters,
  NearbyShip,
  NearestResource,
  OpenIncidentRequest,
  TimelineEntry,
  VesselContacts,
} from '../types/incidents.ts';

export const incidentKeys = {
  all: ['maritime', 'incidents'] as const,
  list: (params: PageParams, filters: IncidentFilters) =>
    [...incidentKeys.all, 'list', params, filters] as const,
  detail: (id: number) => [...incidentKeys.all, id] as const,
  nearby: (id: number, params: PageParams) => [...incidentKeys.detail(id), 'nearby', params] as const,
  resources: (id: number) => [...incidentKeys.detail(id), 'resources'] as const,
  timeline: (id: number) => [...incidentKeys.detail(id), 'timeline'] as const,
};

const base = '/maritime/incidents';

export const listIncidents = (params: PageParams, filters: IncidentFilters) =>
  api.get<Page<Incident>>(base, { ...params, ...filters });
export const fetchIncident = (id: number) => api.get<IncidentDetail>(`${base}/${id}`);
export const openIncident = (body: OpenIncidentRequest) => api.post<IncidentDetail>(base, body);
export const fetchNearby = (id: number, params: PageParams) =>
  api.get<Page<NearbyShip>>(`${base}/${id}/nearby`, { ...params });
export const fetchNearestResources = (id: number) =>
  api.get<Page<NearestResource>>(`${base}/${id}/resources`, { page: 1, pageSize: 10 });
export const fetchTimeline = (id: number) =>
  api.get<Page<TimelineEntry>>(`${base}/${id}/timeline`, { page: 1, pageSize: 200 });
export const addLog = (id: number, text: string) => api.post<IncidentDetail>(`${base}/${id}/log`, { text });
export const activateIncident = (id: number) => api.post<IncidentDetail>(`${base}/${id}/activate`, {});
export const closeIncident = (id: number, outcome: CloseOutcome, note?: string) =>
  api.post<IncidentDetail>(`${base}/${id}/close`, { outcome, note: note || undefined });
export const cancelIncident = (id: number, note?: string) =>
  api.post<IncidentDetail>(`${base}/${id}/cancel`, { note: note || undefined });
export const taskResource = (id: number, resourceId: number) =>
  api.post<IncidentDetail>(`${base}/${id}/task`, { resourceId });
export const releaseResource = (id: number, resourceId: number) =>
  api.post<IncidentDetail>(`${base}/${id}/release`, { resourceId });
export const fetchIncidentVesselContacts = (id: number, mmsi: number) =>
  api.get<VesselContacts>(`${base}/${id}/vessels/${mmsi}/contacts`);
