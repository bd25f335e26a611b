// A plan as a GeoJSON FeatureCollection (RFC 7946: [lon, lat], closed rings, WGS 84) for maps
// and for export to other SAR tools. `properties.role` names what each feature is.
import { destinationPoint, type LatLon } from './geo.ts';
import type { FeatureCollectionDto, PlanInput, PlanResult } from './sar-planning.schemas.ts';

type Feature = FeatureCollectionDto['features'][number];

const point = (p: LatLon, properties: Record<string, unknown>): Feature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
  properties,
});

const polygon = (ring: [number, number][], properties: Record<string, unknown>): Feature => ({
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates: [ring] },
  properties,
});

/** A circle on the sphere as a 72-gon. */
function circle(centre: LatLon, radiusNm: number): [number, number][] {
  const ring = Array.from({ length: 72 }, (_, i) => {
    const p = destinationPoint(centre, i * 5, radiusNm);
    return [p.lon, p.lat] as [number, number];
  });
  return [...ring, ring[0]!];
}

export function planGeoJson(
  input: PlanInput,
  result: PlanResult,
  meta: Record<string, unknown> = {},
): FeatureCollectionDto {
  const features: Feature[] = [point(input.lkp, { role: 'lkp', at: input.lkpAt, ...meta })];
  for (const key of ['downwind', 'left', 'right'] as const) {
    const d = result.datums[key];
    features.push(
      point(d, {
        role: 'datum',
        datum: key,
        at: input.datumAt,
        driftNm: d.driftNm,
        driftDeg: d.driftDeg,
        radiusNm: d.radiusNm,
      }),
      polygon(circle(d, d.radiusNm), { role: 'datumCircle', datum: key, radiusNm: d.radiusNm }),
    );
  }
  const area = result.searchArea;
  features.push(
    polygon(area.polygon, {
      role: 'searchArea',
      areaNm2: area.areaNm2,
      lengthNm: area.lengthNm,
      widthNm: area.widthNm,
    }),
  );
  if (result.pattern) {
    const p = result.pattern;
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: p.waypoints.map((w) => [w.lon, w.lat]) },
      properties: { role: 'pattern', pattern: p.type, trackLengthNm: p.trackLengthNm },
    });
    p.waypoints.forEach((w, index) => {
      features.push(point(w, { role: 'waypoint', index }));
    });
    features.push(polygon(p.polygon, { role: 'patternArea', pattern: p.type }));
  }
  return { type: 'FeatureCollection', features };
}
