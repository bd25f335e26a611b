import type { Translate } from '../../../i18n/I18nProvider.tsx';
import { isMessageKey } from '../../../i18n/useT.ts';
import type { GridState, InboxStatus, ReportState, Timeliness } from '../model/types.ts';

export const STATE_COLORS: Record<ReportState | GridState, string> = {
  notStarted: 'default',
  draft: 'processing',
  submitted: 'blue',
  returned: 'error',
  approved: 'success',
};

export const STATUS_COLORS: Record<InboxStatus, string> = {
  due: 'default',
  inProgress: 'processing',
  returned: 'error',
  overdue: 'volcano',
  toReview: 'purple',
};

export const TIMELINESS_COLORS: Record<Timeliness, string> = {
  onTime: 'success',
  late: 'warning',
  overdue: 'error',
  pending: 'default',
};

export const reportLink = (formId: number, orgUnitId: number, period: string) =>
  `/stats/reports/${formId}/${orgUnitId}/${period}`;

export const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/** An org level's name; the server sends the level as a plain string. */
export const levelLabel = (t: Translate, level: string): string => {
  const key = `stats.level.${level}`;
  return isMessageKey(key) ? t(key) : level;
};
