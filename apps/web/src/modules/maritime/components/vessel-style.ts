import type { Locale } from '../../../i18n/zh-CN.ts';
import type { MapPoint } from '../../../ui/map/types.ts';
import type { Vessel, VesselCategory } from '../types/vessels.ts';

/** Colours by category, close to the usual AIS display conventions. */
export const CATEGORY_COLORS: Record<VesselCategory, string> = {
  passenger: '#1677ff',
  cargo: '#52c41a',
  tanker: '#f5222d',
  fishing: '#fa8c16',
  tug: '#13c2c2',
  highSpeed: '#faad14',
  sailing: '#eb2f96',
  pleasure: '#c41d7f',
  sar: '#fa541c',
  lawEnforcement: '#2f54eb',
  military: '#595959',
  special: '#08979c',
  wig: '#d4b106',
  other: '#8c8c8c',
  unknown: '#bfbfbf',
  sarAircraft: '#722ed1',
  aton: '#a0d911',
  baseStation: '#000000',
  distressBeacon: '#ff0000',
};

/** Below this a vessel counts as stopped (knots). */
export const MOVING_KNOTS = 0.5;

export const isMoving = (v: Vessel) => (v.position?.speed ?? 0) >= MOVING_KNOTS;

export const vesselName = (v: Vessel) => v.static?.name?.trim() || String(v.mmsi);

export const flagName = (v: Vessel, locale: Locale) =>
  v.flag ? (locale === 'zh-CN' ? v.flag.nameZh : v.flag.nameEn) : null;

export const shipTypeText = (v: Vessel, locale: Locale) =>
  v.static ? (locale === 'zh-CN' ? v.static.shipTypeName.zh : v.static.shipTypeName.en) : null;

const round1 = (v: number) => Math.round(v * 10) / 10;

export interface VesselTooltipLabels {
  speed: string;
  course: string;
  flag: string;
}

export function vesselPoint(
  v: Vessel,
  locale: Locale,
  labels: VesselTooltipLabels,
  selected = false,
): MapPoint | null {
  const p = v.position;
  if (!p) return null;
  const moving = isMoving(v);
  const direction = p.heading ?? p.course;
  const flag = flagName(v, locale);
  return {
    id: String(v.mmsi),
    lat: p.lat,
    lon: p.lon,
    color: CATEGORY_COLORS[v.category],
    symbol: moving && direction !== null ? 'arrow' : 'circle',
    rotation: direction,
    size: selected ? 18 : moving ? 12 : 7,
    label: selected ? vesselName(v) : undefined,
    tooltip: [
      `${vesselName(v)} · MMSI ${v.mmsi}`,
      ...(shipTypeText(v, locale) ? [shipTypeText(v, locale) as string] : []),
      ...(flag ? [`${labels.flag} ${flag}`] : []),
      `${labels.speed} ${p.speed === null ? '—' : `${round1(p.speed)} kn`} · ${labels.course} ${p.course === null ? '—' : `${round1(p.course)}°`}`,
    ],
  };
}
