// Web Mercator for the map, and fitting bounds to the chart's aspect ratio. No DOM, no ECharts.
import type { GeoBounds } from './types.ts';

const DEG = Math.PI / 180;
const MAX_LAT = 85;

/** Web Mercator in degrees of longitude, y downwards as the screen: courses and areas keep their shape. */
export const mercator = {
  project: ([lon, lat]: number[]): number[] => {
    const phi = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat ?? 0)) * DEG;
    return [lon ?? 0, -Math.log(Math.tan(Math.PI / 4 + phi / 2)) / DEG];
  },
  unproject: ([x, y]: number[]): number[] => [
    x ?? 0,
    (2 * Math.atan(Math.exp(-(y ?? 0) * DEG)) - Math.PI / 2) / DEG,
  ],
};

/**
 * ECharts stretches the bounding box over the whole chart, so the bounds are first widened (or
 * heightened) in projected space to the chart's aspect ratio: a circle stays a circle.
 */
export function aspectFit(b: GeoBounds, width: number, height: number): GeoBounds {
  if (width <= 0 || height <= 0) return b;
  const [x0, y0] = mercator.project([b.west, b.north]) as [number, number];
  const [x1, y1] = mercator.project([b.east, b.south]) as [number, number];
  let w = x1 - x0;
  let h = y1 - y0;
  if (!(w > 0 && h > 0)) return b;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  if (w / h < width / height) w = (h * width) / height;
  else h = (w * height) / width;
  const [west, north] = mercator.unproject([cx - w / 2, cy - h / 2]) as [number, number];
  const [east, south] = mercator.unproject([cx + w / 2, cy + h / 2]) as [number, number];
  return { west, south, east, north };
}
