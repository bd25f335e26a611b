// The map primitive's vocabulary: plain data in degrees, nothing of ECharts leaks out.

export interface LatLon {
  lat: number;
  lon: number;
}

/** west > east never happens here: the console's seas do not cross the antimeridian. */
export interface GeoBounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** `arrow` points along `rotation` (degrees true, clockwise from north); the others ignore it. */
export type PointSymbol = 'arrow' | 'circle' | 'diamond' | 'pin' | 'triangle' | 'rect';

export interface MapPoint extends LatLon {
  id: string;
  color: string;
  symbol?: PointSymbol;
  rotation?: number | null;
  /** pixels; 10 by default. */
  size?: number;
  /** Lines of plain text, shown on hover. */
  tooltip?: readonly string[];
  /** A short text drawn next to the point. */
  label?: string;
}

export interface MapLine {
  id: string;
  path: readonly LatLon[];
  color: string;
  width?: number;
  dashed?: boolean;
  tooltip?: readonly string[];
}

export interface MapPolygon {
  id: string;
  /** The outer ring; it is closed by the map. */
  ring: readonly LatLon[];
  color: string;
  /** 0..1; 0.15 by default. */
  fillOpacity?: number;
  tooltip?: readonly string[];
}

/**
 * Many points at once (a whole vessel picture, tens of thousands), as parallel arrays: drawn by
 * ECharts' large scatter, one series per colour group. A point with a rotation is an arrow while
 * its group is small enough for per-point symbols, a dot otherwise.
 */
export interface DenseLayer {
  /** Reported by `onPointClick` as a string, like a MapPoint's id. */
  ids: readonly number[];
  lat: readonly number[];
  lon: readonly number[];
  /** degrees true; null: no direction (a dot). */
  rotation: readonly (number | null)[];
  /** Index into `colors`. */
  group: readonly number[];
  colors: readonly string[];
  /** Lines of plain text for the point at an index, shown on hover. */
  tooltip?: (index: number) => readonly string[];
}

export interface MapLayers {
  points?: readonly MapPoint[];
  dense?: DenseLayer;
  lines?: readonly MapLine[];
  polygons?: readonly MapPolygon[];
}

/** The coastal waters of China: Bohai and Yellow Sea in the north to the South China Sea coast. */
export const CHINA_SEAS: GeoBounds = { west: 108, south: 16, east: 129, north: 41 };

export function boundsOf(positions: readonly LatLon[], marginDeg = 0.2): GeoBounds | null {
  if (positions.length === 0) return null;
  let west = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (const p of positions) {
    west = Math.min(west, p.lon);
    east = Math.max(east, p.lon);
    south = Math.min(south, p.lat);
    north = Math.max(north, p.lat);
  }
  return {
    west: west - marginDeg,
    east: east + marginDeg,
    south: Math.max(-85, south - marginDeg),
    north: Math.min(85, north + marginDeg),
  };
}
