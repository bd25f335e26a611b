// The live vessel picture: the latest position and static data of every station heard, kept in
// memory and indexed by a spatial grid, fed by decoded AIS messages. Pure: time comes from the
// caller, and what should be stored is handed to a sink.
import type { AisMessage, StaticVoyageData } from '@jtgov/ais';
import { bearingDeg, boxAroundCircle, distanceNm, type LatLon } from './geo.ts';
import { type FlagState, flagOfMmsi, type MmsiKind, parseMmsi } from './mid.ts';
import { categoryOfShipType, type VesselCategory } from './ship-types.ts';
import { boxContains, cellOf, type GeoBox, SpatialGrid } from './spatial-grid.ts';

/** One position report as the picture and the track table keep it (times in ms since the epoch). */
export interface TrackPoint {
  readonly mmsi: number;
  readonly at: number;
  readonly lat: number;
  readonly lon: number;
  readonly speed: number | null;
  readonly course: number | null;
  readonly heading: number | null;
  readonly status: number | null;
  readonly messageType: number;
  readonly feedId: number | null;
}

/** Static and voyage data merged from types 5, 19, 21 and 24: each message sets what it carries. */
export interface StaticData {
  readonly mmsi: number;
  readonly name: string | null;
  readonly callSign: string | null;
  readonly imo: number | null;
  readonly shipType: number | null;
  readonly toBow: number | null;
  readonly toStern: number | null;
  readonly toPort: number | null;
  readonly toStarboard: number | null;
  readonly draught: number | null;
  readonly destination: string | null;
  readonly eta: number | null;
  readonly sourceTime: number;
}

export interface Target {
  readonly mmsi: number;
  readonly kind: MmsiKind;
  readonly flag: FlagState | null;
  readonly category: VesselCategory;
  readonly position: TrackPoint | null;
  readonly staticData: StaticData | null;
  readonly lastHeard: number;
}

export interface NearbyTarget {
  readonly target: Target;
  readonly distanceNm: number;
  /** Initial great-circle bearing from the query point to the target, degrees true. */
  readonly bearingDeg: number;
}

export interface PictureSink {
  position(point: TrackPoint): void;
  staticData(data: StaticData): void;
}

export interface PictureOptions {
  /** A target not heard for this long is dropped from the picture. */
  readonly staleMs: number;
  /** Bound on targets held; the least recently heard goes first beyond it. */
  readonly maxTargets?: number;
}

const EMPTY_STATIC = (mmsi: number, at: number): StaticData => ({
  mmsi,
  name: null,
  callSign: null,
  imo: null,
  shipType: null,
  toBow: null,
  toStern: null,
  toPort: null,
  toStarboard: null,
  draught: null,
  destination: null,
  eta: null,
  sourceTime: at,
});

const HALF_YEAR_MS = 183 * 86_400_000;

/** AIS ETA has no year: place it in the year that makes it nearest the report, or later. */
export function etaOf(m: StaticVoyageData, receivedAt: number): number | null {
  if (m.etaMonth === undefined || m.etaDay === undefined) return null;
  const year = new Date(receivedAt).getUTCFullYear();
  for (const y of [year, year + 1]) {
    const at: number = Date.UTC(y, m.etaMonth - 1, m.etaDay, m.etaHour ?? 0, m.etaMinute ?? 0);
    const back: Date = new Date(at);
    if (back.getUTCMonth() !== m.etaMonth - 1 || back.getUTCDate() !== m.etaDay) return null;
    if (at >= receivedAt - HALF_YEAR_MS) return at;
  }
  return null;
}

const textOrNull = (s: string | undefined): string | null => (s ? s : null);

function categoryOf(kind: MmsiKind, messageType: number | null, shipType: number | null): VesselCategory {
  if (kind === 'sarAircraft' || messageType === 9) return 'sarAircraft';
  if (kind === 'aton' || messageType === 21) return 'aton';
  if (kind === 'coastStation' || messageType === 4) return 'baseStation';
  if (kind === 'sart' || kind === 'mob' || kind === 'epirb') return 'distressBeacon';
  return categoryOfShipType(shipType);
}

interface MutableTarget {
  mmsi: number;
  kind: MmsiKind;
  flag: FlagState | null;
  category: VesselCategory;
  position: TrackPoint | null;
  staticData: StaticData | null;
  lastHeard: number;
  cell: number;
}

export class LivePicture {
  private readonly targets = new Map<number, MutableTarget>();
  private readonly grid = new SpatialGrid();
  private readonly staleMs: number;
  private readonly maxTargets: number;
  private readonly sink: PictureSink | undefined;

  constructor(options: PictureOptions, sink?: PictureSink) {
    this.staleMs = options.staleMs;
    this.maxTargets = Math.max(1, options.maxTargets ?? 500_000);
    this.sink = sink;
  }

  get size(): number {
    return this.targets.size;
  }

  /** Takes in one decoded message received at `receivedAt`; messages without a station are ignored. */
  accept(m: AisMessage, receivedAt: number, feedId: number | null = null): void {
    switch (m.type) {
      case 1:
      case 2:
      case 3:
      case 27:
        this.position(m, m.status, receivedAt, feedId);
        return;
      case 4:
      case 9:
      case 18:
        this.position(m, null, receivedAt, feedId);
        return;
      case 19:
        this.position(m, null, receivedAt, feedId);
        this.staticUpdate(m.mmsi, receivedAt, {
          name: textOrNull(m.shipName),
          shipType: m.shipType,
          toBow: m.toBow,
          toStern: m.toStern,
          toPort: m.toPort,
          toStarboard: m.toStarboard,
        });
        return;
      case 21:
        this.position(m, null, receivedAt, feedId);
        this.staticUpdate(m.mmsi, receivedAt, { name: textOrNull(m.name) });
        return;
      case 5:
        this.staticUpdate(m.mmsi, receivedAt, {
          name: textOrNull(m.shipName),
          callSign: textOrNull(m.callSign),
          imo: m.imoNumber || null,
          shipType: m.shipType,
          toBow: m.toBow,
          toStern: m.toStern,
          toPort: m.toPort,
          toStarboard: m.toStarboard,
          draught: m.draught || null,
          destination: textOrNull(m.destination),
          eta: etaOf(m, receivedAt),
        });
        return;
      case 24:
        if (m.part === 'A') this.staticUpdate(m.mmsi, receivedAt, { name: textOrNull(m.shipName) });
        else
          this.staticUpdate(m.mmsi, receivedAt, {
            ...(m.part === 'AB' && { name: textOrNull(m.shipName) }),
            callSign: textOrNull(m.callSign),
            shipType: m.shipType,
            ...(m.toBow !== undefined && {
              toBow: m.toBow,
              toStern: m.toStern ?? null,
              toPort: m.toPort ?? null,
              toStarboard: m.toStarboard ?? null,
            }),
          });
        return;
      default:
        return;
    }
  }

  get(mmsi: number, now: number): Target | undefined {
    const t = this.targets.get(mmsi);
    return t && this.fresh(t, now) ? snapshot(t) : undefined;
  }

  /** Targets with a position inside the box, by MMSI; `categories` empty or absent means all. */
  inBox(box: GeoBox, now: number, categories?: ReadonlySet<VesselCategory>): Target[] {
    const found: Target[] = [];
    this.forEachInBox(box, now, categories, (t) => found.push(snapshot(t)));
    return found.sort((a, b) => a.mmsi - b.mmsi);
  }

  /**
   * Visits the targets `inBox` would return, in no order and without copying them: the target is
   * the live one, to be read inside `visit` only (the viewport's bulk read of every vessel in view).
   */
  forEachInBox(
    box: GeoBox,
    now: number,
    categories: ReadonlySet<VesselCategory> | undefined,
    visit: (t: Target) => void,
  ): void {
    const any = !categories || categories.size === 0;
    for (const mmsi of this.grid.candidates(box)) {
      const t = this.targets.get(mmsi)!;
      const p = t.position!;
      if (!this.fresh(t, now) || !boxContains(box, p.lat, p.lon)) continue;
      if (!any && !categories.has(t.category)) continue;
      visit(t);
    }
  }

  /** Targets within `radiusNm` (great circle) of `center`, nearest first. */
  near(
    center: LatLon,
    radiusNm: number,
    now: number,
    categories?: ReadonlySet<VesselCategory>,
  ): NearbyTarget[] {
    const box = boxAroundCircle(center, radiusNm);
    const found: NearbyTarget[] = [];
    for (const mmsi of this.grid.candidates(box)) {
      const t = this.targets.get(mmsi)!;
      const p = t.position!;
      if (!this.fresh(t, now)) continue;
      if (categories && categories.size > 0 && !categories.has(t.category)) continue;
      const d = distanceNm(center, p);
      if (d <= radiusNm)
        found.push({ target: snapshot(t), distanceNm: d, bearingDeg: bearingDeg(center, p) });
    }
    return found.sort((a, b) => a.distanceNm - b.distanceNm || a.target.mmsi - b.target.mmsi);
  }

  /** Drops targets not heard within the stale interval; returns how many. */
  expire(now: number): number {
    let dropped = 0;
    // The map is in order of last hearing (every update re-inserts), so the stale ones lead.
    for (const t of this.targets.values()) {
      if (this.fresh(t, now)) break;
      this.drop(t);
      dropped++;
    }
    return dropped;
  }

  private fresh(t: MutableTarget, now: number): boolean {
    return t.lastHeard >= now - this.staleMs;
  }

  private drop(t: MutableTarget): void {
    if (t.cell >= 0) this.grid.remove(t.cell, t.mmsi);
    this.targets.delete(t.mmsi);
  }

  private touch(mmsi: number, at: number): MutableTarget {
    let t = this.targets.get(mmsi);
    if (t) {
      this.targets.delete(mmsi);
    } else {
      if (this.targets.size >= this.maxTargets) {
        const oldest = this.targets.values().next().value;
        if (oldest) this.drop(oldest);
      }
      const { kind } = parseMmsi(mmsi);
      t = {
        mmsi,
        kind,
        flag: flagOfMmsi(mmsi),
        category: categoryOf(kind, null, null),
        position: null,
        staticData: null,
        lastHeard: at,
        cell: -1,
      };
    }
    t.lastHeard = Math.max(t.lastHeard, at);
    this.targets.set(mmsi, t);
    return t;
  }

  private position(
    m: AisMessage & { lat?: number; lon?: number; speed?: number; course?: number; heading?: number },
    status: number | null,
    at: number,
    feedId: number | null,
  ): void {
    const t = this.touch(m.mmsi, at);
    t.category = categoryOf(t.kind, m.type, t.staticData?.shipType ?? null);
    if (m.lat === undefined || m.lon === undefined) return;
    // A report older than the one held (late delivery through a slower feed) only goes to history.
    const point: TrackPoint = {
      mmsi: m.mmsi,
      at,
      lat: m.lat,
      lon: m.lon,
      speed: m.speed ?? null,
      course: m.course ?? null,
      heading: m.heading ?? null,
      status,
      messageType: m.type,
      feedId,
    };
    this.sink?.position(point);
    if (t.position && t.position.at > at) return;
    const cell = cellOf(m.lat, m.lon);
    if (cell !== t.cell) {
      if (t.cell >= 0) this.grid.remove(t.cell, t.mmsi);
      this.grid.add(cell, t.mmsi);
      t.cell = cell;
    }
    t.position = point;
  }

  private staticUpdate(
    mmsi: number,
    at: number,
    fields: Partial<Omit<StaticData, 'mmsi' | 'sourceTime'>>,
  ): void {
    const t = this.touch(mmsi, at);
    // Late delivery (a slower feed) must not undo newer static data.
    if (t.staticData && t.staticData.sourceTime > at) return;
    const data: StaticData = { ...(t.staticData ?? EMPTY_STATIC(mmsi, at)), ...fields, sourceTime: at };
    t.staticData = data;
    if (t.position?.messageType !== 9 && t.position?.messageType !== 21 && t.position?.messageType !== 4)
      t.category = categoryOf(t.kind, null, data.shipType);
    this.sink?.staticData(data);
  }
}

function snapshot(t: Target): Target {
  return {
    mmsi: t.mmsi,
    kind: t.kind,
    flag: t.flag,
    category: t.category,
    position: t.position,
    staticData: t.staticData,
    lastHeard: t.lastHeard,
  };
}
