// Road-class speed zones in memory for the alarm rules: which configured zone (a polygon, or a
// corridor around a road's centre line) a fix lies in, and its limit for the vehicle's type. A grid
// of 0.1° cells holds each zone under every cell its bounding box touches, so a fix looks at the few
// zones of its own cell, then at their boxes, and only then at the exact shape. Pure; rebuilt
// whenever the zones change.
import type { VehicleType } from './vehicles.tables.ts';

/** 高速公路, 国道, 省道, 县道, 乡道, 城市道路, other. */
export const ROAD_CLASSES = [
  'expressway',
  'nationalRoad',
  'provincialRoad',
  'countyRoad',
  'townshipRoad',
  'urbanRoad',
  'other',
] as const;
export type RoadClass = (typeof ROAD_CLASSES)[number];

export type ZoneShape = 'polygon' | 'corridor';

export interface SpeedZone {
  id: number;
  name: string;
  roadClass: RoadClass;
  shape: ZoneShape;
  /** [lon, lat] vertices: the ring of a polygon (closing vertex optional) or a corridor's line. */
  coordinates: readonly (readonly [number, number])[];
  /** Corridor only: full width in metres (the line ± half of it). */
  widthM: number | null;
  /** km/h per vehicle type; a type not listed keeps its own limit inside the zone. */
  speedLimits: Readonly<Partial<Record<VehicleType, number>>>;
}

/** A zone's limit for one vehicle type, with the alarm detail that names it (built once). */
export interface ZoneLimit {
  readonly limit: number;
  readonly details: Readonly<Record<string, unknown>>;
}

interface Indexed {
  readonly zone: SpeedZone;
  readonly minLon: number;
  readonly maxLon: number;
  readonly minLat: number;
  readonly maxLat: number;
  readonly limits: Readonly<Partial<Record<VehicleType, ZoneLimit>>>;
}

const CELL = 0.1;
/** Zones covering more cells than this are kept in one list every fix checks. */
const MAX_CELLS = 40_000;
const M_PER_DEG_LAT = 111_320;
const cellKey = (x: number, y: number) => x * 4096 + y;
const cellOf = (deg: number) => Math.floor(deg / CELL);

export class SpeedZoneIndex {
  readonly size: number;
  readonly #cells = new Map<number, Indexed[]>();
  readonly #wide: Indexed[] = [];

  constructor(zones: readonly SpeedZone[]) {
    this.size = zones.length;
    for (const zone of zones) {
      const entry = indexed(zone);
      if (!entry) continue;
      const x0 = cellOf(entry.minLon + 180);
      const x1 = cellOf(entry.maxLon + 180);
      const y0 = cellOf(entry.minLat + 90);
      const y1 = cellOf(entry.maxLat + 90);
      if ((x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS) {
        this.#wide.push(entry);
        continue;
      }
      for (let x = x0; x <= x1; x++)
        for (let y = y0; y <= y1; y++) {
          const key = cellKey(x, y);
          const list = this.#cells.get(key);
          if (list) list.push(entry);
          else this.#cells.set(key, [entry]);
        }
    }
  }

  /** The lowest limit for this type among the zones the point lies in; null outside every zone. */
  limitAt(lat: number, lon: number, type: VehicleType): ZoneLimit | null {
    if (this.size === 0) return null;
    let best: ZoneLimit | null = null;
    const list = this.#cells.get(cellKey(cellOf(lon + 180), cellOf(lat + 90)));
    if (list) best = lowest(list, lat, lon, type, best);
    if (this.#wide.length > 0) best = lowest(this.#wide, lat, lon, type, best);
    return best;
  }
}

function lowest(
  list: readonly Indexed[],
  lat: number,
  lon: number,
  type: VehicleType,
  best: ZoneLimit | null,
) {
  for (const e of list) {
    const limit = e.limits[type];
    if (!limit || (best && best.limit <= limit.limit)) continue;
    if (lon < e.minLon || lon > e.maxLon || lat < e.minLat || lat > e.maxLat) continue;
    if (contains(e.zone, lat, lon)) best = limit;
  }
  return best;
}

function indexed(zone: SpeedZone): Indexed | null {
  const pts = zone.coordinates;
  if (pts.length < (zone.shape === 'polygon' ? 3 : 2)) return null;
  let minLon = Infinity;
  let maxLon = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const [lon, lat] of pts) {
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  if (zone.shape === 'corridor') {
    // Widen the box by half the width (in degrees at the box's widest latitude).
    const half = (zone.widthM ?? 0) / 2;
    const dLat = half / M_PER_DEG_LAT;
    const cos = Math.cos((Math.max(Math.abs(minLat), Math.abs(maxLat)) * Math.PI) / 180);
    const dLon = half / (M_PER_DEG_LAT * Math.max(cos, 0.01));
    minLon -= dLon;
    maxLon += dLon;
    minLat -= dLat;
    maxLat += dLat;
  }
  const limits: Partial<Record<VehicleType, ZoneLimit>> = {};
  for (const [type, limit] of Object.entries(zone.speedLimits) as [VehicleType, number][])
    limits[type] = Object.freeze({
      limit,
      details: Object.freeze({ limit, zoneId: zone.id, zoneName: zone.name, roadClass: zone.roadClass }),
    });
  return { zone, minLon, maxLon, minLat, maxLat, limits };
}

/** Whether a point lies in the zone's exact shape. */
export function contains(zone: SpeedZone, lat: number, lon: number): boolean {
  return zone.shape === 'polygon'
    ? inPolygon(zone.coordinates, lat, lon)
    : distanceToLineM(zone.coordinates, lat, lon) <= (zone.widthM ?? 0) / 2;
}

/** Even-odd ray casting over [lon, lat] vertices. */
function inPolygon(ring: readonly (readonly [number, number])[], lat: number, lon: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Shortest distance in metres from the point to the polyline, on a local equirectangular plane. */
export function distanceToLineM(
  line: readonly (readonly [number, number])[],
  lat: number,
  lon: number,
): number {
  const kx = M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180);
  const ky = M_PER_DEG_LAT;
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    const ax = (line[i - 1]![0] - lon) * kx;
    const ay = (line[i - 1]![1] - lat) * ky;
    const bx = (line[i]![0] - lon) * kx;
    const by = (line[i]![1] - lat) * ky;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    // The point is the origin: project it onto the segment a→b.
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
    const px = ax + t * dx;
    const py = ay + t * dy;
    best = Math.min(best, Math.sqrt(px * px + py * py));
  }
  return best;
}

export const EMPTY_ZONES = new SpeedZoneIndex([]);
