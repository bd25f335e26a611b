import { useMemo } from 'react';
import { formatDateTime } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/useT.ts';
import { MapView } from '../../../ui/map/MapView.tsx';
import { boundsOf, type MapPoint } from '../../../ui/map/types.ts';
import type { IncidentDetail, NearbyShip, NearestResource } from '../types/incidents.ts';
import { circle } from './geodesy.ts';
import { vesselPoint } from './vessel-style.ts';

export interface IncidentMapProps {
  incident: IncidentDetail;
  nearby: readonly NearbyShip[];
  resources: readonly NearestResource[];
}

/** The distress, the radius of the ships-nearby picture, the ships in it and the nearest SAR units. */
export function IncidentMap({ incident, nearby, resources }: IncidentMapProps) {
  const { t, locale } = useI18n();
  const ring = useMemo(
    () => circle(incident.position, incident.radiusNm),
    [incident.position, incident.radiusNm],
  );
  const fit = useMemo(() => boundsOf(ring, 0.1) ?? undefined, [ring]);
  const points = useMemo<MapPoint[]>(() => {
    const labels = {
      speed: t('vessel.field.speed'),
      course: t('vessel.field.course'),
      flag: t('vessel.field.flag'),
    };
    const ships = nearby
      .map((n) => vesselPoint(n.vessel, locale, labels))
      .filter((p): p is MapPoint => p !== null);
    const units = resources
      .filter((r) => r.resource.position)
      .map((r) => ({
        id: `resource-${r.resource.id}`,
        lat: r.resource.position?.lat ?? 0,
        lon: r.resource.position?.lon ?? 0,
        color: '#722ed1',
        symbol: 'diamond' as const,
        size: 14,
        label: r.resource.name,
        tooltip: [
          r.resource.name,
          t(`incident.resource-kind.${r.resource.kind}`),
          ...(r.resource.position?.source === 'ais'
            ? [t('incident.resources.ais-position', { at: formatDateTime(r.resource.position.at) })]
            : []),
        ],
      }));
    const distress: MapPoint = {
      id: `incident-${incident.id}`,
      lat: incident.position.lat,
      lon: incident.position.lon,
      color: '#f5222d',
      symbol: 'pin',
      size: 26,
      label: incident.code,
      tooltip: [incident.code, t(`incident.nature.${incident.nature}`)],
    };
    return [...units, ...ships, distress];
  }, [incident, nearby, resources, locale, t]);
  const polygons = useMemo(() => [{ id: 'radius', ring, color: '#f5222d', fillOpacity: 0.06 }], [ring]);

  return <MapView points={points} polygons={polygons} fit={fit} height={420} testId="incident-detail-map" />;
}
