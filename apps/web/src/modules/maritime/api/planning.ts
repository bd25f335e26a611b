import { api } from '../../../api/client.ts';
import type { ComputedPlan, LeewayObject, PlanInput, PlanSummary } from '../types/planning.ts';

export const planningKeys = {
  leewayObjects: ['maritime', 'planning', 'leeway-objects'] as const,
};

export const fetchLeewayObjects = () => api.get<LeewayObject[]>('/maritime/planning/leeway-objects');
export const computePlan = (input: PlanInput) => api.post<ComputedPlan>('/maritime/planning/compute', input);
export const savePlan = (incidentId: number, input: PlanInput, name?: string) =>
  api.post<PlanSummary>(`/maritime/incidents/${incidentId}/plans`, { input, name });
