import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PageParams } from '../../../api/types.ts';
import { actOnAlarm, alarmKeys, fetchAlarm, fetchAlarmCounts, listAlarms } from '../api/alarms.ts';
import type { AlarmAction, AlarmFilters } from '../types.ts';
import { LIVE_REFRESH_MS } from './useVehicles.ts';

export function useAlarmList(filters: AlarmFilters, params: PageParams) {
  return useQuery({
    queryKey: alarmKeys.list(filters, params),
    queryFn: () => listAlarms(filters, params),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export function useAlarmCounts(filters: AlarmFilters) {
  return useQuery({
    queryKey: alarmKeys.counts(filters),
    queryFn: () => fetchAlarmCounts(filters),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export function useAlarm(id: number | null) {
  return useQuery({
    queryKey: alarmKeys.detail(id ?? 0),
    queryFn: () => fetchAlarm(id ?? 0),
    enabled: id !== null,
  });
}

/** An action moves the alarm along its workflow; the board, counts and detail are read again. */
export function useAlarmAction(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { action: AlarmAction; note?: string }) => actOnAlarm(id, v.action, v.note),
    onSuccess: () => client.invalidateQueries({ queryKey: alarmKeys.all }),
  });
}
