import type { DenseLayer } from '../../../ui/map/types.ts';
import type { VesselCategory, VesselColumns } from '../types/vessels.ts';
import { CATEGORY_COLORS, MOVING_KNOTS } from './vessel-style.ts';

export interface DenseLabels {
  speed: string;
  course: string;
  category: (c: VesselCategory) => string;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * The map's layer of every vessel in view: coloured by category, an arrow along the heading (or
 * course) when under way; `except` (the selected vessel, drawn on its own) is left out.
 */
export function vesselDense(c: VesselColumns, labels: DenseLabels, except: number | null = null): DenseLayer {
  const keep: number[] = [];
  for (let i = 0; i < c.mmsi.length; i++) if (c.mmsi[i] !== except) keep.push(i);
  const pick = <T>(column: readonly T[]) => keep.map((i) => column[i] as T);
  const sog = pick(c.sog);
  const cog = pick(c.cog);
  const heading = pick(c.heading);
  const category = pick(c.category);
  return {
    ids: pick(c.mmsi),
    lat: pick(c.lat),
    lon: pick(c.lon),
    rotation: keep.map((_, j) => ((sog[j] ?? 0) >= MOVING_KNOTS ? (heading[j] ?? cog[j] ?? null) : null)),
    group: category,
    colors: c.categories.map((name) => CATEGORY_COLORS[name] ?? CATEGORY_COLORS.unknown),
    tooltip: (j) => {
      const s = sog[j];
      const course = cog[j];
      const name = c.categories[category[j]!];
      return [
        `MMSI ${c.mmsi[keep[j]!]}${name ? ` · ${labels.category(name)}` : ''}`,
        `${labels.speed} ${s == null ? '—' : `${round1(s)} kn`} · ${labels.course} ${course == null ? '—' : `${round1(course)}°`}`,
      ];
    },
  };
}
