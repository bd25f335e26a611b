import { api, buildQuery } from '../../../api/client.ts';
import type { Page, PageParams } from '../../../api/types.ts';
import type { StatsSummary, UnitPerformance } from '../types.ts';

export const statsKeys = {
  all: ['hotline-admin', 'stats'] as const,
  summary: (from: string, to: string) => [...statsKeys.all, 'summary', from, to] as const,
  units: (from: string, to: string, params: PageParams) =>
    [...statsKeys.all, 'units', from, to, params] as const,
};

export const fetchSummary = (from: string, to: string) =>
  api.get<StatsSummary>('/hotline/stats/summary', { from, to });
export const fetchUnits = (from: string, to: string, params: PageParams) =>
  api.get<Page<UnitPerformance>>('/hotline/stats/units', { from, to, ...params });
/** A plain link: the browser downloads the workbook with the session cookie. */
export const exportUrl = (from: string, to: string) =>
  `/api/hotline/stats/export.xlsx${buildQuery({ from, to })}`;
