import { ApiError, api, request as apiRequest } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import type {
  CellComment,
  CellHistoryEntry,
  CompletenessRow,
  DrillDown,
  InboxItem,
  LevelRate,
  ReminderEntry,
  ReportRef,
  ReportView,
  StatsForm,
  TimelineEntry,
  WorkbookUploadResult,
} from '../model/types.ts';

const reportPath = (r: ReportRef) => `/stats/forms/${r.formId}/units/${r.orgUnitId}/periods/${r.period}`;

export const statsKeys = {
  all: ['stats'] as const,
  inbox: (page: number, pageSize: number) => ['stats', 'inbox', page, pageSize] as const,
  forms: ['stats', 'forms'] as const,
  report: (r: ReportRef) => ['stats', 'report', r.formId, r.orgUnitId, r.period] as const,
  timeline: (r: ReportRef) => [...statsKeys.report(r), 'timeline'] as const,
  history: (r: ReportRef, cellKey: string) => [...statsKeys.report(r), 'history', cellKey] as const,
  drill: (r: ReportRef) => [...statsKeys.report(r), 'drill'] as const,
  completeness: (formId: number, period: string, page = 1, pageSize = 200) =>
    ['stats', 'completeness', formId, period, page, pageSize] as const,
  reminders: (formId: number, period: string) => ['stats', 'reminders', formId, period] as const,
};

export const fetchInbox = (page: number, pageSize: number) =>
  api.get<Page<InboxItem>>('/stats/inbox', { page, pageSize });
export const fetchForms = () => api.get<Page<StatsForm>>('/stats/forms', { page: 1, pageSize: 100 });
export const fetchReport = (r: ReportRef) => api.get<ReportView>(reportPath(r));
export const saveCells = (r: ReportRef, cells: { key: string; value: string | null }[]) =>
  apiRequest<ReportView>('PUT', `${reportPath(r)}/cells`, { body: { cells } });
export const fetchTimeline = (r: ReportRef) =>
  api.get<Page<TimelineEntry>>(`${reportPath(r)}/timeline`, { page: 1, pageSize: 200 });
export const fetchHistory = (r: ReportRef, cellKey: string) =>
  api.get<Page<CellHistoryEntry>>(`${reportPath(r)}/cells/${encodeURIComponent(cellKey)}/history`, {
    page: 1,
    pageSize: 50,
  });
export const addComment = (r: ReportRef, cellKey: string, body: string) =>
  api.post<CellComment>(`${reportPath(r)}/comments`, { cellKey, body });
export const act = (r: ReportRef, action: string, body: unknown = {}) =>
  api.post<ReportView>(`${reportPath(r)}/${action}`, body);
export const requestUnlock = (r: ReportRef, reason: string) =>
  api.post<ReportView>(`${reportPath(r)}/unlock-requests`, { reason });
export const decideUnlock = (r: ReportRef, grant: boolean, note?: string) =>
  api.post<ReportView>(`${reportPath(r)}/unlock-decision`, { grant, note: note || undefined });
export const fetchDrillDown = (r: ReportRef, cellKey?: string) =>
  api.get<DrillDown>(`${reportPath(r)}/drilldown`, { cellKey });

export const fetchCompleteness = (
  formId: number,
  period: string,
  page = 1,
  pageSize = 200,
  orgUnitId?: number,
) =>
  api.get<Page<CompletenessRow>>(`/stats/forms/${formId}/periods/${period}/completeness`, {
    orgUnitId,
    page,
    pageSize,
  });
export const fetchRates = (formId: number, period: string, orgUnitId?: number) =>
  api.get<{ levels: LevelRate[] }>(`/stats/forms/${formId}/periods/${period}/rates`, { orgUnitId });
export const sendReminders = (
  formId: number,
  period: string,
  body: { orgUnitIds?: number[]; escalate: boolean; note?: string },
) =>
  api.post<{ reminded: number; recipients: number }>(
    `/stats/forms/${formId}/periods/${period}/reminders`,
    body,
  );
export const fetchReminders = (formId: number, period: string) =>
  api.get<Page<ReminderEntry>>(`/stats/forms/${formId}/reminders`, { period, page: 1, pageSize: 50 });

export const workbookUrl = (r: ReportRef) => `/api${reportPath(r)}/workbook`;

// The JSON client sends JSON only; the workbook upload goes through fetch with the CSRF header.
function csrf(): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === 'jtgov_csrf') return decodeURIComponent(rest.join('='));
  }
  return null;
}

async function uploadRaw<T>(path: string, body: Blob): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = csrf();
  if (token) headers['x-csrf-token'] = token;
  headers['content-type'] = 'application/octet-stream';
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body,
    });
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : 'network error');
  }
  const text = await response.text();
  const json = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string; details?: unknown } })?.error;
    throw new ApiError(response.status, error?.code ?? 'internal', error?.message ?? '', error?.details);
  }
  return json as T;
}

export const uploadWorkbook = (r: ReportRef, file: Blob, dryRun: boolean) =>
  uploadRaw<WorkbookUploadResult>(`${reportPath(r)}/workbook?dryRun=${dryRun}`, file);
