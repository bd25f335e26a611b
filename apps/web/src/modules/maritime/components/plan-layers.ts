import type { Translate } from '../../../i18n/I18nProvider.tsx';
import {
  boundsOf,
  type GeoBounds,
  type MapLayers,
  type MapPoint,
  type MapPolygon,
} from '../../../ui/map/types.ts';
import type { PlanInput, PlanResult, Ring } from '../types/planning.ts';
import { circle } from './geodesy.ts';

const fromRing = (ring: Ring) => ring.map(([lon, lat]) => ({ lat, lon }));

/** LKP, datums and their circles, the search area and the pattern, as map layers. */
export function planLayers(
  input: PlanInput,
  r: PlanResult,
  t: Translate,
): MapLayers & { fit: GeoBounds | undefined } {
  const { downwind, left, right } = r.datums;
  const datum = (id: string, d: typeof downwind, color: string): MapPoint => ({
    id,
    lat: d.lat,
    lon: d.lon,
    color,
    symbol: 'circle',
    size: id === 'datum-downwind' ? 10 : 7,
    label: id === 'datum-downwind' ? t('planning.map.datum') : undefined,
    tooltip: [`${t('planning.map.datum')} ${id.slice(6)}`, `R ${d.radiusNm.toFixed(2)} NM`],
  });
  const points: MapPoint[] = [
    {
      id: 'lkp',
      lat: input.lkp.lat,
      lon: input.lkp.lon,
      color: '#000000',
      symbol: 'rect',
      size: 9,
      label: t('planning.map.lkp'),
      tooltip: [t('planning.lkp')],
    },
    datum('datum-left', left, '#fa8c16'),
    datum('datum-right', right, '#fa8c16'),
    datum('datum-downwind', downwind, '#f5222d'),
  ];
  const polygons: MapPolygon[] = [
    {
      id: 'area',
      ring: fromRing(r.searchArea.polygon),
      color: '#1677ff',
      fillOpacity: 0.12,
      tooltip: [t('planning.area')],
    },
    ...[left, right].map((d, i) => ({
      id: `circle-${i}`,
      ring: circle(d, d.radiusNm),
      color: '#fa8c16',
      fillOpacity: 0.04,
    })),
  ];
  const lines = [
    { id: 'drift', path: [input.lkp, downwind], color: '#595959', width: 1.5, dashed: true },
    ...(r.pattern && r.pattern.waypoints.length > 1
      ? [
          {
            id: 'pattern',
            path: r.pattern.waypoints,
            color: '#cf1322',
            width: 2,
            tooltip: [t(`planning.pattern.${r.pattern.type}`)],
          },
        ]
      : []),
  ];
  const fit =
    boundsOf([...fromRing(r.searchArea.polygon), input.lkp, ...(r.pattern?.waypoints ?? [])], 0.05) ??
    undefined;
  return { points, polygons, lines, fit };
}
