import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { incidentKeys } from '../api/incidents.ts';
import { computePlan, fetchLatestPlan, fetchLeewayObjects, planningKeys, savePlan } from '../api/planning.ts';
import type { PlanInput } from '../types/planning.ts';

export function useLeewayObjects() {
  return useQuery({
    queryKey: planningKeys.leewayObjects,
    queryFn: fetchLeewayObjects,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The incident's newest saved plan (null: none yet); read again after a save. */
export function useLatestPlan(incidentId: number) {
  return useQuery({ queryKey: planningKeys.latest(incidentId), queryFn: () => fetchLatestPlan(incidentId) });
}

/** Computing saves nothing: a mutation only because the input is a body. */
export function useComputePlan() {
  return useMutation({ mutationFn: computePlan });
}

export function useSavePlan(incidentId: number | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PlanInput) => savePlan(incidentId ?? 0, input),
    onSuccess: () => {
      if (incidentId !== null) void client.invalidateQueries({ queryKey: incidentKeys.detail(incidentId) });
    },
  });
}
