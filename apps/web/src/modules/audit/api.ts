import { api } from '../../api/client.ts';
import type { Page, PageParams } from '../../api/types.ts';
import type { AuditDayStats, AuditEntry, AuditFilters, ChainVerification } from './types.ts';

export const auditKeys = {
  all: ['audit'] as const,
  list: (params: PageParams, filters: AuditFilters) => [...auditKeys.all, 'list', params, filters] as const,
  stats: (from: string, to: string) => [...auditKeys.all, 'stats', from, to] as const,
};

export const listAudit = (params: PageParams, filters: AuditFilters) =>
  api.get<Page<AuditEntry>>('/audit', { ...params, ...filters });

export const verifyAuditChain = () => api.post<ChainVerification>('/audit/verify');

export const fetchAuditStats = (from: string, to: string) =>
  api.get<{ days: AuditDayStats[] }>('/audit/stats', { from, to });
