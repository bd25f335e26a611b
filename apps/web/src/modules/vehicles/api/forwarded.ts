import { api } from '../../../api/client.ts';
import type { Page, PageParams } from '../../../api/types.ts';

/** What a subordinate platform forwarded, and for which vehicle. */
interface Forwarded {
  linkId: number;
  linkName: string;
  vehicleId: number;
  plateNo: string;
  plateColor: number;
  orgUnitId: number;
  orgName: string;
  receivedAt: string;
}

/** A JT/T 809 0x1402 alarm report. */
export interface ForwardedAlarm extends Forwarded {
  id: number;
  warnType: number;
  warnSource: number | null;
  sourcePlatformId: string | null;
  warnTime: string;
  startTime: string | null;
  endTime: string | null;
  infoId: number;
  info: string;
}

/** A JT/T 809 0x1201 terminal registration. */
export interface ForwardedRegistration extends Forwarded {
  platformId: string;
  producerId: string;
  terminalModel: string;
  imei: string | null;
  terminalId: string;
  simCode: string;
}

export interface ForwardedFilters {
  linkId?: number;
  plate?: string;
  warnType?: number;
  from?: string;
  to?: string;
}

export interface SubordinateLink {
  id: number;
  name: string;
  direction: 'superior' | 'subordinate';
}

export const forwardedKeys = {
  all: ['vehicles', 'forwarded'] as const,
  alarms: (f: ForwardedFilters, p: PageParams) => [...forwardedKeys.all, 'alarms', f, p] as const,
  registrations: (f: ForwardedFilters, p: PageParams) =>
    [...forwardedKeys.all, 'registrations', f, p] as const,
  links: () => [...forwardedKeys.all, 'links'] as const,
};

export const listForwardedAlarms = (filters: ForwardedFilters, params: PageParams) =>
  api.get<Page<ForwardedAlarm>>('/vehicles/forwarded/alarms', { ...params, ...filters });

export const listForwardedRegistrations = (filters: ForwardedFilters, params: PageParams) => {
  const { warnType: _, ...rest } = filters;
  return api.get<Page<ForwardedRegistration>>('/vehicles/forwarded/registrations', { ...params, ...rest });
};

/** The links configured on this instance (instance administrators only). */
export const listPlatformLinks = () =>
  api.get<Page<SubordinateLink>>('/vehicles/platform-links', { page: 1, pageSize: 200 });
