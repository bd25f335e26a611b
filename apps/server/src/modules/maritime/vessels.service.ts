// Queries of the live picture and the track history. The AIS picture is not partitioned by the
// organisation tree: every user holding maritime.read sees every vessel (ships are not
// administered by an org unit, and a rescue centre must see all ships near a distress).
import type { Executor } from '../../platform/db/database.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import { offsetOf, type PageResult, pageOf } from '../../platform/http/pagination.ts';
import type { StaticData, Target, TrackPoint } from './live-picture.ts';
import {
  countTrack,
  findLatestTrackPoint,
  findVesselStatic,
  listTrack,
  type VesselStaticRow,
  type VesselTrackRow,
} from './maritime.repository.ts';
import { MOVING_KNOTS, type VesselDto } from './maritime.schemas.ts';
import type { MaritimeRuntime } from './maritime-runtime.ts';
import { flagOfMmsi, parseMmsi } from './mid.ts';
import { categoryOfShipType, shipTypeName, type VesselCategory } from './ship-types.ts';
import type { GeoBox } from './spatial-grid.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const toPositionDto = (p: TrackPoint) => ({
  lat: p.lat,
  lon: p.lon,
  speed: p.speed,
  course: p.course,
  heading: p.heading,
  status: p.status,
  messageType: p.messageType,
  at: new Date(p.at).toISOString(),
});

const toStaticDto = (s: StaticData) => ({
  name: s.name,
  callSign: s.callSign,
  imo: s.imo,
  shipType: s.shipType,
  shipTypeName: shipTypeName(s.shipType),
  dimensions: { toBow: s.toBow, toStern: s.toStern, toPort: s.toPort, toStarboard: s.toStarboard },
  draught: s.draught,
  destination: s.destination,
  eta: iso(s.eta),
  sourceTime: new Date(s.sourceTime).toISOString(),
});

export function toVesselDto(t: Target): VesselDto {
  return {
    mmsi: t.mmsi,
    kind: t.kind,
    category: t.category,
    flag: t.flag,
    position: t.position ? toPositionDto(t.position) : null,
    static: t.staticData ? toStaticDto(t.staticData) : null,
    lastHeard: new Date(t.lastHeard).toISOString(),
  };
}

const staticOfRow = (r: VesselStaticRow): StaticData => ({
  mmsi: r.mmsi,
  name: r.name,
  callSign: r.call_sign,
  imo: r.imo,
  shipType: r.ship_type,
  toBow: r.to_bow,
  toStern: r.to_stern,
  toPort: r.to_port,
  toStarboard: r.to_starboard,
  draught: r.draught,
  destination: r.destination,
  eta: r.eta?.getTime() ?? null,
  sourceTime: r.source_time.getTime(),
});

const pointOfRow = (r: VesselTrackRow): TrackPoint => ({
  mmsi: r.mmsi,
  at: r.at.getTime(),
  lat: r.lat,
  lon: r.lon,
  speed: r.speed,
  course: r.course,
  heading: r.heading,
  status: r.status,
  messageType: r.message_type,
  feedId: r.feed_id,
});

export const toTrackPointDto = (r: VesselTrackRow) => toPositionDto(pointOfRow(r));

export function categoriesOf(type: string | undefined): ReadonlySet<VesselCategory> | undefined {
  return type ? new Set(type.split(',') as VesselCategory[]) : undefined;
}

/** `west,south,east,north`; the whole globe when absent. */
export function parseBbox(bbox: string | undefined): GeoBox {
  if (!bbox) return { south: -90, north: 90, west: -180, east: 180 };
  const [west, south, east, north] = bbox.split(',').map(Number) as [number, number, number, number];
  if (south > north || south < -90 || north > 90 || Math.abs(west) > 180 || Math.abs(east) > 180)
    throw badRequest('bbox: expected west,south,east,north with -180 ≤ lon ≤ 180, -90 ≤ south ≤ north ≤ 90');
  return { south, north, west, east };
}

export interface VesselFilter {
  flag?: string;
  moving?: boolean;
  q?: string;
}

export function matchesFilter(t: Target, f: VesselFilter, text: string | undefined): boolean {
  if (f.flag && t.flag?.code !== f.flag) return false;
  if (f.moving !== undefined && (t.position?.speed ?? 0) >= MOVING_KNOTS !== f.moving) return false;
  if (text === undefined) return true;
  const s = t.staticData;
  return [String(t.mmsi), s?.name ?? '', s?.callSign ?? '', String(s?.imo ?? '')].some((field) =>
    field.toLowerCase().includes(text),
  );
}

export function listVessels(
  runtime: MaritimeRuntime,
  q: VesselFilter & { bbox?: string; type?: string; page: number; pageSize: number },
): PageResult<VesselDto> {
  const text = q.q?.trim().toLowerCase() || undefined;
  const found = runtime.picture
    .inBox(parseBbox(q.bbox), runtime.now(), categoriesOf(q.type))
    .filter((t) => matchesFilter(t, q, text));
  const one = pageOf(found, q);
  return { ...one, items: one.items.map(toVesselDto) };
}

/** Slowest speed at which an ETA means anything (knots). */
const MIN_ETA_SPEED = 0.1;

export function nearVessels(
  runtime: MaritimeRuntime,
  q: { lat: number; lon: number; radiusNm: number; type?: string; page: number; pageSize: number },
) {
  const found = runtime.picture.near(
    { lat: q.lat, lon: q.lon },
    q.radiusNm,
    runtime.now(),
    categoriesOf(q.type),
  );
  const one = pageOf(found, q);
  return {
    ...one,
    items: one.items.map((n) => {
      const speed = n.target.position?.speed ?? null;
      return {
        vessel: toVesselDto(n.target),
        distanceNm: n.distanceNm,
        bearingDeg: n.bearingDeg,
        etaMinutes: speed !== null && speed >= MIN_ETA_SPEED ? (n.distanceNm / speed) * 60 : null,
      };
    }),
  };
}

/** The live target, or, for one out of the picture, what the database last stored about it. */
export async function vesselDetail(db: Executor, runtime: MaritimeRuntime, mmsi: number): Promise<VesselDto> {
  const live = runtime.picture.get(mmsi, runtime.now());
  if (live) return toVesselDto(live);
  const [staticRow, latest] = await Promise.all([findVesselStatic(db, mmsi), findLatestTrackPoint(db, mmsi)]);
  if (!staticRow && !latest) throw notFound(`vessel ${mmsi}`);
  const { kind } = parseMmsi(mmsi);
  return {
    mmsi,
    kind,
    category: categoryOfShipType(staticRow?.ship_type),
    flag: flagOfMmsi(mmsi),
    position: latest ? toPositionDto(pointOfRow(latest)) : null,
    static: staticRow ? toStaticDto(staticOfRow(staticRow)) : null,
    lastHeard: null,
  };
}

/** Positions in [from, to); what this process has received but not yet written is written first. */
export async function vesselTrack(
  db: Executor,
  runtime: MaritimeRuntime,
  mmsi: number,
  q: { from: string; to: string; page: number; pageSize: number },
) {
  const from = new Date(q.from);
  const to = new Date(q.to);
  if (!(from < to)) throw badRequest('from must be before to');
  await runtime.writer.flush();
  const [rows, total] = await Promise.all([
    listTrack(db, mmsi, from, to, q.pageSize, offsetOf(q)),
    countTrack(db, mmsi, from, to),
  ]);
  return { items: rows.map(toTrackPointDto), total, page: q.page, pageSize: q.pageSize };
}
