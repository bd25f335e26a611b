import { api } from '../../../api/client.ts';
import type { Page, PageParams } from '../../../api/types.ts';

/** A JT/T 809 link as the links page shows it. */
export interface PlatformLink {
  id: number;
  name: string;
  direction: 'superior' | 'subordinate';
  orgName: string;
  edition: '2011' | '2019';
  enabled: boolean;
  status: {
    running: boolean;
    connected: boolean;
    subLink: boolean;
    positionsForwarded: number;
    positionsReceived: number;
    reconnects: number;
    lastError: string | null;
  };
}

export interface TrafficHour {
  hour: string;
  framesIn: number;
  framesOut: number;
  bytesIn: number;
  bytesOut: number;
  positions: number;
  errors: number;
  reconnects: number;
}

export interface LinkReport {
  id: number;
  origin: 'requested' | 'asked';
  startTime: string;
  endTime: string;
  requestedAt: string;
  answeredAt: string | null;
  platformId: string | null;
  lostLocations: number | null;
  disconnects: number | null;
  disconnectedSeconds: number | null;
}

export const linkKeys = {
  all: ['vehicles', 'platform-links'] as const,
  list: () => [...linkKeys.all, 'list'] as const,
  traffic: (id: number) => [...linkKeys.all, id, 'traffic'] as const,
  reports: (id: number, p: PageParams) => [...linkKeys.all, id, 'reports', p] as const,
};

export const listLinks = () =>
  api.get<Page<PlatformLink>>('/vehicles/platform-links', { page: 1, pageSize: 200 });

export const linkTraffic = (id: number) =>
  api.get<{ from: string; to: string; hours: TrafficHour[] }>(`/vehicles/platform-links/${id}/traffic`);

export const listLinkReports = (id: number, params: PageParams) =>
  api.get<Page<LinkReport>>(`/vehicles/platform-links/${id}/reports`, { ...params });

export const requestLinkReport = (id: number, period: { startTime: string; endTime: string }) =>
  api.post<LinkReport>(`/vehicles/platform-links/${id}/reports`, period);
