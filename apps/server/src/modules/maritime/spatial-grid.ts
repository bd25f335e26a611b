// A fixed grid of 1° cells over the globe, each holding the MMSIs whose latest position lies in
// it. Chosen over an R-tree because targets move all the time (a class A ship reports every 2-10 s
// under way): a move here is one set delete and one set add, while a tree would rebalance on every
// report. A viewport or radius query visits only the cells its box covers; even the busiest
// anchorages hold a few thousand targets per cell, which a scan filters in well under a millisecond.
import type { CircleBox } from './geo.ts';

const CELL_DEG = 1;
const COLS = 360 / CELL_DEG;
const ROWS = 180 / CELL_DEG;

const rowOf = (lat: number) => Math.min(ROWS - 1, Math.max(0, Math.floor((lat + 90) / CELL_DEG)));
const colOf = (lon: number) => Math.min(COLS - 1, Math.max(0, Math.floor((lon + 180) / CELL_DEG)));

export const cellOf = (lat: number, lon: number): number => rowOf(lat) * COLS + colOf(lon);

/** South/north latitudes and west→east longitudes; west > east crosses the antimeridian. */
export interface GeoBox {
  readonly south: number;
  readonly north: number;
  readonly west: number;
  readonly east: number;
}

export function boxContains(box: GeoBox | CircleBox, lat: number, lon: number): boolean {
  if (lat < box.south || lat > box.north) return false;
  if ('allLongitudes' in box && box.allLongitudes) return true;
  return box.west <= box.east ? lon >= box.west && lon <= box.east : lon >= box.west || lon <= box.east;
}

/** Column ranges of a box; two when it crosses the antimeridian, merged when they would overlap. */
function columnRanges(box: GeoBox | CircleBox): Array<[number, number]> {
  if ('allLongitudes' in box && box.allLongitudes) return [[0, COLS - 1]];
  if (box.west <= box.east) return [[colOf(box.west), colOf(box.east)]];
  const west = colOf(box.west);
  const east = colOf(box.east);
  return east >= west
    ? [[0, COLS - 1]]
    : [
        [west, COLS - 1],
        [0, east],
      ];
}

export class SpatialGrid {
  private readonly cells = new Map<number, Set<number>>();

  add(cell: number, mmsi: number): void {
    let members = this.cells.get(cell);
    if (!members) {
      members = new Set();
      this.cells.set(cell, members);
    }
    members.add(mmsi);
  }

  remove(cell: number, mmsi: number): void {
    const members = this.cells.get(cell);
    if (!members) return;
    members.delete(mmsi);
    if (members.size === 0) this.cells.delete(cell);
  }

  /** Every MMSI in a cell the box touches (a superset: the caller tests each exactly). */
  *candidates(box: GeoBox | CircleBox): Generator<number> {
    const colRanges = columnRanges(box);
    for (let row = rowOf(box.south); row <= rowOf(box.north); row++) {
      for (const [from, to] of colRanges) {
        for (let col = from; col <= to; col++) {
          const members = this.cells.get(row * COLS + col);
          if (members) yield* members;
        }
      }
    }
  }
}
