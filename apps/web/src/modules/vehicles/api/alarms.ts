import { api } from '../../../api/client.ts';
import type { Page, PageParams } from '../../../api/types.ts';
import type { Alarm, AlarmAction, AlarmCounts, AlarmDetail, AlarmFilters } from '../types.ts';

export const alarmKeys = {
  all: ['vehicles', 'alarms'] as const,
  list: (filters: AlarmFilters, params: PageParams) => [...alarmKeys.all, 'list', filters, params] as const,
  ongoing: () => [...alarmKeys.all, 'ongoing'] as const,
  counts: (filters: AlarmFilters) => [...alarmKeys.all, 'counts', filters] as const,
  detail: (id: number) => [...alarmKeys.all, 'detail', id] as const,
};

export const listAlarms = (filters: AlarmFilters, params: PageParams, ongoing?: boolean) =>
  api.get<Page<Alarm>>('/vehicles/alarms', { ...params, ...filters, ongoing });

export const fetchAlarmCounts = (filters: AlarmFilters) =>
  api.get<AlarmCounts>('/vehicles/alarms/counts', {
    state: filters.state,
    from: filters.from,
    to: filters.to,
  });

export const fetchAlarm = (id: number) => api.get<AlarmDetail>(`/vehicles/alarms/${id}`);

export const actOnAlarm = (id: number, action: AlarmAction, note?: string) =>
  api.post<Alarm>(`/vehicles/alarms/${id}/${action}`, note ? { note } : {});
