import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PageParams } from '../../../api/types.ts';
import * as oversight from '../api/oversight.ts';
import { oversightKeys, type UrgeFilters } from '../api/oversight.ts';
import type { Extension, TicketFilters } from '../types.ts';

/** The board follows the cards the deadline job sets: read again every minute. */
const BOARD_REFRESH_MS = 60_000;

export function useBoardTickets(params: PageParams, filters: TicketFilters) {
  return useQuery({
    queryKey: oversightKeys.tickets(params, filters),
    queryFn: () => oversight.listTickets(params, filters),
    placeholderData: keepPreviousData,
    refetchInterval: BOARD_REFRESH_MS,
  });
}

export function useCardsByUnit() {
  return useQuery({
    queryKey: oversightKeys.byUnit(),
    queryFn: oversight.fetchCardsByUnit,
    refetchInterval: BOARD_REFRESH_MS,
  });
}

export function useUrges(params: PageParams, filters: UrgeFilters) {
  return useQuery({
    queryKey: oversightKeys.urges(params, filters),
    queryFn: () => oversight.listUrges(params, filters),
    placeholderData: keepPreviousData,
  });
}

export function usePendingExtensions(params: PageParams) {
  return useQuery({
    queryKey: oversightKeys.extensions(params),
    queryFn: () => oversight.listPendingExtensions(params),
    placeholderData: keepPreviousData,
  });
}

export function useIssueUrge() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: {
      ticketId: number;
      kind: 'urge' | 'supervision';
      demand: string;
      answerDays?: number;
    }) => oversight.issueUrge(v.ticketId, { kind: v.kind, demand: v.demand, answerDays: v.answerDays }),
    onSuccess: () => client.invalidateQueries({ queryKey: oversightKeys.all }),
  });
}

export function useDecideExtension() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { ext: Extension; approve: boolean; note?: string }) =>
      oversight.decideExtension(v.ext, v.approve, v.note),
    onSuccess: () => client.invalidateQueries({ queryKey: oversightKeys.all }),
  });
}
