import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PageParams } from '../../api/types.ts';
import * as hotline from './api.ts';
import { hotlineKeys } from './api.ts';
import type { RequestType, TicketFilters, TransferState } from './types.ts';

const REFERENCE_STALE_MS = 10 * 60_000;
// Tickets move under other people's hands (unit, centre, callback desk): read them afresh on every visit.
const LIVE = { staleTime: 0 } as const;

export function useTicketList(params: PageParams, filters: TicketFilters) {
  return useQuery({
    ...LIVE,
    queryKey: hotlineKeys.list(params, filters),
    queryFn: () => hotline.listTickets(params, filters),
    placeholderData: keepPreviousData,
  });
}

export function useTicket(id: number) {
  return useQuery({ ...LIVE, queryKey: hotlineKeys.detail(id), queryFn: () => hotline.fetchTicket(id) });
}

export function useTicketHistory(id: number) {
  return useQuery({ ...LIVE, queryKey: hotlineKeys.history(id), queryFn: () => hotline.fetchHistory(id) });
}

export function useReplies(id: number) {
  return useQuery({ ...LIVE, queryKey: hotlineKeys.replies(id), queryFn: () => hotline.fetchReplies(id) });
}

export function useExtensions(id: number) {
  return useQuery({
    ...LIVE,
    queryKey: hotlineKeys.extensions(id),
    queryFn: () => hotline.fetchExtensions(id),
  });
}

export function useCallerHistory(phone: string) {
  return useQuery({
    ...LIVE,
    queryKey: hotlineKeys.caller(phone),
    queryFn: () => hotline.callerHistory(phone),
    enabled: /^\d{5,20}$/.test(phone),
  });
}

export function useDuplicates(q: Record<string, string | number | undefined>) {
  const asked = Object.values(q).some((v) => v !== undefined && v !== '');
  return useQuery({
    ...LIVE,
    queryKey: hotlineKeys.duplicates(q),
    queryFn: () => hotline.findDuplicates(q),
    enabled: asked,
    placeholderData: keepPreviousData,
  });
}

export function useCategories() {
  return useQuery({
    queryKey: hotlineKeys.categories(),
    queryFn: hotline.listCategories,
    staleTime: REFERENCE_STALE_MS,
  });
}

export function useReasons() {
  return useQuery({
    queryKey: hotlineKeys.reasons(),
    queryFn: hotline.listReasons,
    staleTime: REFERENCE_STALE_MS,
  });
}

export function useKbSearch(q: string) {
  return useQuery({
    queryKey: hotlineKeys.kb(q),
    queryFn: () => hotline.searchKb(q),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useKbArticle(id: number | null) {
  return useQuery({
    queryKey: hotlineKeys.article(id ?? 0),
    queryFn: () => hotline.fetchArticle(id as number),
    enabled: id !== null,
  });
}

export function useRoutePreview(b: {
  requestType?: RequestType;
  categoryCode?: string;
  regionOrgId?: number;
}) {
  return useQuery({
    queryKey: hotlineKeys.preview(b),
    queryFn: () =>
      hotline.previewRoute({
        requestType: b.requestType as RequestType,
        categoryCode: b.categoryCode as string,
        ...(b.regionOrgId && { regionOrgId: b.regionOrgId }),
      }),
    enabled: Boolean(b.requestType && b.categoryCode),
  });
}

export function useCallbacks(params: PageParams, state: string) {
  return useQuery({
    ...LIVE,
    queryKey: hotlineKeys.callbacks(params, state),
    queryFn: () => hotline.listCallbacks(params, state),
    placeholderData: keepPreviousData,
  });
}

/** Any write on tickets: every ticket read (lists, details, queues) is read again. */
export function useHotlineMutation<V, R>(run: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: hotlineKeys.tickets() }),
  });
}

export function usePublicRegions(q: string) {
  return useQuery({
    queryKey: hotlineKeys.regions(q),
    queryFn: () => hotline.listPublicRegions(q),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: REFERENCE_STALE_MS,
  });
}

export function useCitizenRequests(id: number) {
  return useQuery({
    ...LIVE,
    queryKey: hotlineKeys.citizenRequests(id),
    queryFn: () => hotline.fetchCitizenRequests(id),
  });
}

export function useTicketUrges(params: PageParams, q: { ticketId?: number; open?: boolean }) {
  return useQuery({
    ...LIVE,
    queryKey: hotlineKeys.urges(params, q),
    queryFn: () => hotline.listTicketUrges(params, q),
    placeholderData: keepPreviousData,
  });
}

export function useTransfers(params: PageParams, state?: TransferState) {
  return useQuery({
    ...LIVE,
    queryKey: hotlineKeys.transfers(params, state),
    queryFn: () => hotline.listTransfers(params, state),
    placeholderData: keepPreviousData,
  });
}

export function useAttachmentLimits() {
  return useQuery({
    queryKey: hotlineKeys.attachmentLimits(),
    queryFn: hotline.attachmentLimits,
    staleTime: REFERENCE_STALE_MS,
  });
}
