import { ApiError, api, request } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import type { LayoutDef } from '../model/types.ts';
import type {
  FillWindow,
  FormAdmin,
  FormDetail,
  FormFilter,
  FormListItem,
  ImportStrategy,
  ImportSummary,
  Obligation,
  Rule,
  RuleCheck,
  VersionLayout,
} from './types.ts';

const formPath = (formId: number) => `/stats/forms/${formId}`;

export const adminKeys = {
  list: (filter: FormFilter, page: number, pageSize: number) =>
    ['stats', 'admin', 'forms', filter, page, pageSize] as const,
  form: (formId: number) => ['stats', 'admin', 'form', formId] as const,
  version: (formId: number, versionId: number) =>
    ['stats', 'admin', 'form', formId, 'version', versionId] as const,
  obligations: (formId: number) => ['stats', 'admin', 'form', formId, 'obligations'] as const,
  rules: (formId: number) => ['stats', 'admin', 'form', formId, 'rules'] as const,
  windows: (formId: number) => ['stats', 'admin', 'form', formId, 'windows'] as const,
  window: (formId: number, period: string) => ['stats', 'admin', 'form', formId, 'windows', period] as const,
};

export const fetchFormPage = (filter: FormFilter, page: number, pageSize: number) =>
  api.get<Page<FormListItem>>('/stats/forms', { ...filter, page, pageSize });
export const fetchFormDetail = (formId: number) => api.get<FormDetail>(formPath(formId));
export const fetchVersion = (formId: number, versionId: number) =>
  api.get<VersionLayout>(`${formPath(formId)}/versions/${versionId}`);
export const addVersion = (formId: number, fromPeriod: string, layout: LayoutDef) =>
  api.post<VersionLayout['version']>(`${formPath(formId)}/versions`, { fromPeriod, layout });

export const fetchObligations = (formId: number) =>
  api.get<Page<Obligation>>(`${formPath(formId)}/obligations`, { page: 1, pageSize: 200 });
export const addObligation = (
  formId: number,
  body: { orgUnitId: number; includeSubtree: boolean; validFrom: string; validTo: string | null },
) => api.post<Obligation>(`${formPath(formId)}/obligations`, body);
export const endObligation = (formId: number, obligationId: number, validTo: string) =>
  api.post<Obligation>(`${formPath(formId)}/obligations/${obligationId}/end`, { validTo });

export const fetchWindows = (formId: number) =>
  api.get<Page<Omit<FillWindow, 'configured'>>>(`${formPath(formId)}/windows`, { page: 1, pageSize: 50 });
export const fetchWindow = (formId: number, period: string) =>
  api.get<FillWindow>(`${formPath(formId)}/windows/${period}`);
export const setWindow = (
  formId: number,
  period: string,
  body: { opensAt: string; closesAt: string | null; deadline: string },
) => request<FillWindow>('PUT', `${formPath(formId)}/windows/${period}`, { body });

export const fetchRules = (formId: number) =>
  api.get<Page<Rule>>(`${formPath(formId)}/rules`, { page: 1, pageSize: 200 });
export type RuleInput = Pick<Rule, 'name' | 'expression' | 'importance' | 'missingValues'> & {
  message: string | null;
};
export const addRule = (formId: number, body: RuleInput & { code: string }) =>
  api.post<Rule>(`${formPath(formId)}/rules`, { ...body, message: body.message ?? undefined });
export const changeRule = (formId: number, ruleId: number, body: Partial<RuleInput & { active: boolean }>) =>
  api.patch<Rule>(`${formPath(formId)}/rules/${ruleId}`, body);
export const checkRule = (formId: number, expression: string, message?: string) =>
  api.post<RuleCheck>(`${formPath(formId)}/rules/check`, { expression, message: message || undefined });

function csrf(): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === 'jtgov_csrf') return decodeURIComponent(rest.join('='));
  }
  return null;
}

/**
 * A dataValueSets import: the file's text as it is, JSON or CSV (the JSON client only sends
 * objects it built itself, so this goes through fetch with the CSRF header).
 */
export async function importDataValues(
  text: string,
  format: 'json' | 'csv',
  options: { dryRun: boolean; importStrategy: ImportStrategy; dataSet?: string },
): Promise<ImportSummary> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': format === 'csv' ? 'text/csv' : 'application/json',
  };
  const token = csrf();
  if (token) headers['x-csrf-token'] = token;
  const query = new URLSearchParams({
    dryRun: String(options.dryRun),
    importStrategy: options.importStrategy,
  });
  if (options.dataSet) query.set('dataSet', options.dataSet);
  let response: Response;
  try {
    response = await fetch(`/api/stats/dataValueSets?${query}`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: text,
    });
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : 'network error');
  }
  const body = await response.text();
  const json = body ? (JSON.parse(body) as unknown) : undefined;
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string; details?: unknown } })?.error;
    throw new ApiError(response.status, error?.code ?? 'internal', error?.message ?? '', error?.details);
  }
  return json as ImportSummary;
}

/** The export's address: the browser downloads it with the session cookie. */
export const exportUrl = (q: {
  dataSet: string;
  period: string;
  orgUnit: string;
  children: boolean;
  format: 'json' | 'csv';
}) =>
  `/api/stats/dataValueSets/download?${new URLSearchParams({
    dataSet: q.dataSet,
    period: q.period,
    orgUnit: q.orgUnit,
    children: String(q.children),
    format: q.format,
  })}`;

export type FormPatch = Partial<
  Pick<
    FormAdmin,
    | 'name'
    | 'issuingAuthority'
    | 'approvingAuthority'
    | 'approvalNo'
    | 'validUntil'
    | 'requireChildrenApproved'
    | 'fillOpenDays'
    | 'deadlineWorkingDays'
    | 'status'
  >
>;
export const changeForm = (formId: number, body: FormPatch) => api.patch<FormAdmin>(formPath(formId), body);
