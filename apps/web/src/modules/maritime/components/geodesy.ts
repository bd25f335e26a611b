import type { LatLon } from '../../../ui/map/types.ts';

const R_NM = 3440.065;
const DEG = Math.PI / 180;

/** The point `distanceNm` from `from` along the great circle starting at `bearingDeg` (true). */
export function destination(from: LatLon, bearingDeg: number, distanceNm: number): LatLon {
  const d = distanceNm / R_NM;
  const b = bearingDeg * DEG;
  const lat1 = from.lat * DEG;
  const lon1 = from.lon * DEG;
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
  const lon2 =
    lon1 +
    Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
  return { lat: lat2 / DEG, lon: ((lon2 / DEG + 540) % 360) - 180 };
}

/** A circle of `radiusNm` around `center` as a ring of `steps` points. */
export function circle(center: LatLon, radiusNm: number, steps = 72): LatLon[] {
  return Array.from({ length: steps }, (_, i) => destination(center, (360 * i) / steps, radiusNm));
}
