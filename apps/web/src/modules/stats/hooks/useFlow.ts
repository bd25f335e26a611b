import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as flow from '../api/flow.ts';
import { flowKeys } from '../api/flow.ts';
import type { PivotRequest, SkippableLevel } from '../model/flow-types.ts';

export function useReviewSkips(formId: number | undefined) {
  return useQuery({
    queryKey: flowKeys.skips(formId ?? 0),
    queryFn: () => flow.fetchReviewSkips(formId ?? 0),
    enabled: formId !== undefined,
  });
}

/** Setting or clearing a skip changes who reviews whom: reports, inbox and completeness are read again. */
export function useChangeReviewSkip(formId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (c: {
      orgUnitId: number;
      level: SkippableLevel;
      reason?: string;
      fromPeriod?: string | null;
      untilPeriod?: string | null;
      clear?: boolean;
    }) => {
      if (c.clear) await flow.clearReviewSkip(formId, c.orgUnitId, c.level);
      else
        await flow.setReviewSkip(formId, c.orgUnitId, c.level, {
          reason: c.reason ?? '',
          fromPeriod: c.fromPeriod ?? null,
          untilPeriod: c.untilPeriod ?? null,
        });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['stats'] }),
  });
}

export function useRuleRuns(formId: number | undefined, period: string | undefined) {
  return useQuery({
    queryKey: flowKeys.runs(formId ?? 0, period ?? ''),
    queryFn: () => flow.fetchRuleRuns(formId ?? 0, period ?? ''),
    enabled: formId !== undefined && period !== undefined,
  });
}

/** A run, polled every second until it is done or failed. */
export function useRuleRun(runId: number | undefined) {
  return useQuery({
    queryKey: flowKeys.run(runId ?? 0),
    queryFn: () => flow.fetchRuleRun(runId ?? 0),
    enabled: runId !== undefined,
    refetchInterval: (q) =>
      q.state.data?.state === 'done' || q.state.data?.state === 'failed' ? false : 1000,
  });
}

export function useStartRuleRun(formId: number, period: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (orgUnitId?: number) => flow.startRuleRun(formId, period, orgUnitId),
    onSuccess: () => client.invalidateQueries({ queryKey: flowKeys.runs(formId, period) }),
  });
}

export function useRuleFailures(
  runId: number | undefined,
  done: boolean,
  filter: { importance?: 'hard' | 'soft' | undefined; orgUnitId?: number | undefined },
  page: number,
  pageSize: number,
) {
  return useQuery({
    queryKey: flowKeys.failures(runId ?? 0, { ...filter, page, pageSize }),
    queryFn: () => flow.fetchRuleFailures(runId ?? 0, filter, page, pageSize),
    enabled: runId !== undefined && done,
    placeholderData: keepPreviousData,
  });
}

export function usePivot(r: PivotRequest | null) {
  return useQuery({
    queryKey: flowKeys.pivot(r ?? ({} as PivotRequest)),
    queryFn: () => flow.fetchPivot(r as PivotRequest),
    enabled: r !== null && r.periods.length > 0,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
