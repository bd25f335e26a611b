import type { Translate } from '../../../i18n/I18nProvider.tsx';
import type { IncidentState } from '../types/incidents.ts';

export const STATE_COLORS: Record<IncidentState, string> = {
  open: 'red',
  active: 'orange',
  closed: 'default',
};

export function formatEta(t: Translate, minutes: number | null): string {
  if (minutes === null) return t('incident.nearby.stopped');
  const m = Math.round(minutes);
  if (m < 60) return t('incident.minutes', { minutes: m });
  return t('incident.hours-minutes', { hours: Math.floor(m / 60), minutes: m % 60 });
}

export const formatNm = (nm: number) => `${nm < 10 ? nm.toFixed(2) : nm.toFixed(1)} NM`;
export const formatBearing = (deg: number) => `${String(Math.round(deg) % 360).padStart(3, '0')}°`;
