// Every vessel in a viewport at once, as parallel arrays: the map draws the whole picture in view
// (tens of thousands of dots), while the paged list (`listVessels`) feeds the table. Same filters
// and the same visibility as the list: one AIS picture for every holder of maritime.read.
import type { LivePicture, Target } from './live-picture.ts';
import { VIEWPORT_CAP, type ViewportDto } from './maritime.schemas.ts';
import { VESSEL_CATEGORIES, type VesselCategory } from './ship-types.ts';
import { categoriesOf, matchesFilter, parseBbox, type VesselFilter } from './vessels.service.ts';

const CATEGORY_INDEX = new Map<VesselCategory, number>(VESSEL_CATEGORIES.map((c, i) => [c, i]));
const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/** What it reads of the maritime runtime. */
export interface PictureSource {
  readonly picture: LivePicture;
  now(): number;
}

export function vesselViewport(
  runtime: PictureSource,
  q: VesselFilter & { bbox?: string; type?: string; limit?: number },
): ViewportDto {
  const text = q.q?.trim().toLowerCase() || undefined;
  const limit = Math.min(q.limit ?? VIEWPORT_CAP, VIEWPORT_CAP);
  const found: Target[] = [];
  runtime.picture.forEachInBox(parseBbox(q.bbox), runtime.now(), categoriesOf(q.type), (t) => {
    if (matchesFilter(t, q, text)) found.push(t);
  });
  found.sort((a, b) => a.mmsi - b.mmsi);
  const n = Math.min(found.length, limit);
  const out: ViewportDto = {
    total: found.length,
    truncated: found.length > limit,
    categories: [...VESSEL_CATEGORIES],
    mmsi: new Array(n),
    lat: new Array(n),
    lon: new Array(n),
    cog: new Array(n),
    sog: new Array(n),
    heading: new Array(n),
    category: new Array(n),
  };
  for (let i = 0; i < n; i++) {
    const t = found[i]!;
    const p = t.position!;
    out.mmsi[i] = t.mmsi;
    out.lat[i] = round5(p.lat);
    out.lon[i] = round5(p.lon);
    out.cog[i] = p.course;
    out.sog[i] = p.speed;
    out.heading[i] = p.heading;
    out.category[i] = CATEGORY_INDEX.get(t.category) ?? 0;
  }
  return out;
}
