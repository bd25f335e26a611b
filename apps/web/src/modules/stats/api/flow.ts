import { api, request as apiRequest } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import type {
  Pivot,
  PivotRequest,
  ReviewSkip,
  RuleRun,
  RuleRunFailure,
  SkippableLevel,
} from '../model/flow-types.ts';

export const flowKeys = {
  skips: (formId: number) => ['stats', 'review-skips', formId] as const,
  runs: (formId: number, period: string) => ['stats', 'rule-runs', formId, period] as const,
  run: (runId: number) => ['stats', 'rule-run', runId] as const,
  failures: (runId: number, filter: object) => ['stats', 'rule-run', runId, 'failures', filter] as const,
  pivot: (r: PivotRequest) => ['stats', 'pivot', r] as const,
};

const skipPath = (formId: number, orgUnitId: number, level: SkippableLevel) =>
  `/stats/forms/${formId}/review-skips/${orgUnitId}/${level}`;

export const fetchReviewSkips = (formId: number) =>
  api.get<Page<ReviewSkip>>(`/stats/forms/${formId}/review-skips`, { page: 1, pageSize: 200 });
export const setReviewSkip = (
  formId: number,
  orgUnitId: number,
  level: SkippableLevel,
  body: { reason: string; fromPeriod: string | null; untilPeriod: string | null },
) => apiRequest<{ reason: string }>('PUT', skipPath(formId, orgUnitId, level), { body });
export const clearReviewSkip = (formId: number, orgUnitId: number, level: SkippableLevel) =>
  api.delete<void>(skipPath(formId, orgUnitId, level));

export const startRuleRun = (formId: number, period: string, orgUnitId?: number) =>
  api.post<RuleRun>(`/stats/forms/${formId}/periods/${period}/rule-runs`, orgUnitId ? { orgUnitId } : {});
export const fetchRuleRuns = (formId: number, period: string) =>
  api.get<Page<RuleRun>>(`/stats/forms/${formId}/rule-runs`, { period, page: 1, pageSize: 10 });
export const fetchRuleRun = (runId: number) => api.get<RuleRun>(`/stats/rule-runs/${runId}`);
export const fetchRuleFailures = (
  runId: number,
  filter: { importance?: 'hard' | 'soft' | undefined; orgUnitId?: number | undefined },
  page: number,
  pageSize: number,
) => api.get<Page<RuleRunFailure>>(`/stats/rule-runs/${runId}/failures`, { ...filter, page, pageSize });

export const fetchPivot = (r: PivotRequest) =>
  api.get<Pivot>(`/stats/forms/${r.formId}/pivot`, {
    cellKeys: r.cellKeys.length > 0 ? r.cellKeys.join(',') : undefined,
    periods: r.periods.join(','),
    figure: r.figure,
    orgUnitId: r.orgUnitId,
    level: r.level,
    page: r.page,
    pageSize: r.pageSize,
  });
