import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PageParams } from '../../../api/types.ts';
import {
  linkKeys,
  linkTraffic,
  listLinkReports,
  listLinks,
  requestLinkReport,
} from '../api/platform-links.ts';

/** Link state changes by itself: the list and the traffic are read again every 10 s. */
const REFRESH_MS = 10_000;

export function usePlatformLinks() {
  return useQuery({ queryKey: linkKeys.list(), queryFn: listLinks, refetchInterval: REFRESH_MS });
}

export function useLinkTraffic(id: number | null) {
  return useQuery({
    queryKey: linkKeys.traffic(id ?? 0),
    queryFn: () => linkTraffic(id as number),
    enabled: id !== null,
    refetchInterval: REFRESH_MS,
  });
}

export function useLinkReports(id: number | null, params: PageParams) {
  return useQuery({
    queryKey: linkKeys.reports(id ?? 0, params),
    queryFn: () => listLinkReports(id as number, params),
    enabled: id !== null,
    placeholderData: keepPreviousData,
  });
}

export function useRequestLinkReport(id: number | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (period: { startTime: string; endTime: string }) => requestLinkReport(id as number, period),
    onSuccess: () => client.invalidateQueries({ queryKey: linkKeys.all }),
  });
}
