import { api } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import type {
  ComputedPlan,
  FeatureCollection,
  LeewayObject,
  PlanInput,
  PlanSummary,
  SavedPlan,
} from '../types/planning.ts';

export const planningKeys = {
  leewayObjects: ['maritime', 'planning', 'leeway-objects'] as const,
  latest: (incidentId: number) => ['maritime', 'incidents', incidentId, 'plans', 'latest'] as const,
};

export const fetchLeewayObjects = () => api.get<LeewayObject[]>('/maritime/planning/leeway-objects');
export const computePlan = (input: PlanInput) => api.post<ComputedPlan>('/maritime/planning/compute', input);
export const savePlan = (incidentId: number, input: PlanInput, name?: string) =>
  api.post<PlanSummary>(`/maritime/incidents/${incidentId}/plans`, { input, name });

/** An incident's newest saved plan with its GeoJSON, or null when none was saved yet. */
export async function fetchLatestPlan(
  incidentId: number,
): Promise<{ plan: SavedPlan; geojson: FeatureCollection } | null> {
  const base = `/maritime/incidents/${incidentId}/plans`;
  const newest = (await api.get<Page<PlanSummary>>(base, { page: 1, pageSize: 1 })).items[0];
  if (!newest) return null;
  const [plan, geojson] = await Promise.all([
    api.get<SavedPlan>(`${base}/${newest.id}`),
    api.get<FeatureCollection>(`${base}/${newest.id}/geojson`),
  ]);
  return { plan, geojson };
}
