import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as stats from '../api/stats.ts';
import { statsKeys } from '../api/stats.ts';
import type { ReportRef, ReportView } from '../model/types.ts';

export function useInbox(page: number, pageSize: number) {
  return useQuery({
    queryKey: statsKeys.inbox(page, pageSize),
    queryFn: () => stats.fetchInbox(page, pageSize),
    placeholderData: keepPreviousData,
  });
}

export function useForms() {
  return useQuery({ queryKey: statsKeys.forms, queryFn: stats.fetchForms, staleTime: 60_000 });
}

export function useReport(ref: ReportRef) {
  return useQuery({ queryKey: statsKeys.report(ref), queryFn: () => stats.fetchReport(ref) });
}

export function useTimeline(ref: ReportRef) {
  return useQuery({ queryKey: statsKeys.timeline(ref), queryFn: () => stats.fetchTimeline(ref) });
}

export function useCellHistory(ref: ReportRef, cellKey: string | null) {
  return useQuery({
    queryKey: statsKeys.history(ref, cellKey ?? ''),
    queryFn: () => stats.fetchHistory(ref, cellKey ?? ''),
    enabled: cellKey !== null,
  });
}

export function useDrillDown(ref: ReportRef, enabled: boolean) {
  return useQuery({ queryKey: statsKeys.drill(ref), queryFn: () => stats.fetchDrillDown(ref), enabled });
}

/** A write that answers with the report: the answer replaces the cached report, the rest is read again. */
function useReportWrite<V>(ref: ReportRef, run: (v: V) => Promise<ReportView>, silent = false) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    meta: silent ? { silent: true } : undefined,
    onSuccess: (view) => {
      client.setQueryData(statsKeys.report(ref), view);
      void client.invalidateQueries({ queryKey: statsKeys.timeline(ref) });
      void client.invalidateQueries({ queryKey: [...statsKeys.report(ref), 'history'] });
      void client.invalidateQueries({ queryKey: statsKeys.drill(ref) });
      void client.invalidateQueries({ queryKey: ['stats', 'inbox'] });
      void client.invalidateQueries({ queryKey: ['stats', 'completeness'] });
    },
  });
}

/** Autosave: errors are shown next to the cells, not as a toast. */
export const useSaveCells = (ref: ReportRef) =>
  useReportWrite(ref, (cells: { key: string; value: string | null }[]) => stats.saveCells(ref, cells), true);

/** Workflow actions: refusals are shown in the action bar. */
export const useReportAction = (ref: ReportRef) =>
  useReportWrite(
    ref,
    ({ action, body }: { action: string; body?: unknown }) => stats.act(ref, action, body),
    true,
  );

export const useUnlockRequest = (ref: ReportRef) =>
  useReportWrite(ref, (reason: string) => stats.requestUnlock(ref, reason));

export const useUnlockDecision = (ref: ReportRef) =>
  useReportWrite(ref, ({ grant, note }: { grant: boolean; note?: string }) =>
    stats.decideUnlock(ref, grant, note),
  );

export function useAddComment(ref: ReportRef) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ cellKey, body }: { cellKey: string; body: string }) =>
      stats.addComment(ref, cellKey, body),
    onSuccess: () => client.invalidateQueries({ queryKey: statsKeys.report(ref) }),
  });
}

export function useCompleteness(
  formId: number | undefined,
  period: string | undefined,
  page: number,
  pageSize: number,
) {
  return useQuery({
    queryKey: statsKeys.completeness(formId ?? 0, period ?? '', page, pageSize),
    queryFn: async () => {
      const [grid, rates] = await Promise.all([
        stats.fetchCompleteness(formId ?? 0, period ?? '', page, pageSize),
        stats.fetchRates(formId ?? 0, period ?? ''),
      ]);
      return { rows: grid.items, total: grid.total, levels: rates.levels };
    },
    enabled: formId !== undefined && period !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useReminderLog(formId: number | undefined, period: string | undefined) {
  return useQuery({
    queryKey: statsKeys.reminders(formId ?? 0, period ?? ''),
    queryFn: () => stats.fetchReminders(formId ?? 0, period ?? ''),
    enabled: formId !== undefined && period !== undefined,
  });
}

export function useSendReminders(formId: number, period: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { orgUnitIds?: number[]; escalate: boolean; note?: string }) =>
      stats.sendReminders(formId, period, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['stats', 'completeness'] });
      void client.invalidateQueries({ queryKey: statsKeys.reminders(formId, period) });
    },
  });
}
