import type { Translate } from '../../../i18n/I18nProvider.tsx';
import { isMessageKey } from '../../../i18n/useT.ts';
import type { Alarm, AlarmLevel } from '../types.ts';

export const LEVEL_COLORS: Record<AlarmLevel, string> = { low: 'blue', medium: 'orange', high: 'red' };
export const STATE_TAG_COLORS = {
  new: 'red',
  acknowledged: 'orange',
  handling: 'processing',
  closed: 'default',
};

/** A platform kind by its name; a terminal kind by its JT/T 808 bit; anything else as sent. */
export function kindText(t: Translate, kind: string): string {
  const key = `valarm.kind.${kind}`;
  if (isMessageKey(key)) return t(key);
  if (kind.startsWith('terminal.')) {
    const bit = `valarm.bit.${kind.slice(9)}`;
    return t('valarm.kind.terminal', { name: isMessageKey(bit) ? t(bit) : kind.slice(9) });
  }
  return kind;
}

/** Overspeed peaks are km/h, driving times seconds, offline minutes (the server's units). */
export function peakText(a: Alarm): string {
  if (a.peakValue === null) return '—';
  if (a.kind === 'overspeed' || a.kind === 'nightDriving' || a.kind === 'positionJump')
    return `${a.peakValue.toFixed(0)} km/h`;
  if (a.kind === 'offline') return `${a.peakValue.toFixed(0)} min`;
  if (a.kind === 'fatigue' || a.kind === 'dailyDriving') return `${(a.peakValue / 3600).toFixed(1)} h`;
  return String(a.peakValue);
}
