import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PageParams } from '../../../api/types.ts';
import * as stats from '../api/stats.ts';
import { statsKeys } from '../api/stats.ts';

export function useStatsSummary(from: string, to: string) {
  return useQuery({
    queryKey: statsKeys.summary(from, to),
    queryFn: () => stats.fetchSummary(from, to),
    placeholderData: keepPreviousData,
  });
}

export function useUnitRanking(from: string, to: string, params: PageParams) {
  return useQuery({
    queryKey: statsKeys.units(from, to, params),
    queryFn: () => stats.fetchUnits(from, to, params),
    placeholderData: keepPreviousData,
  });
}
