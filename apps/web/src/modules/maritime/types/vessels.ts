// Shapes of the maritime API (apps/server/src/modules/maritime/maritime.schemas.ts).

export const VESSEL_CATEGORIES = [
  'passenger',
  'cargo',
  'tanker',
  'fishing',
  'tug',
  'highSpeed',
  'sailing',
  'pleasure',
  'sar',
  'lawEnforcement',
  'military',
  'special',
  'wig',
  'other',
  'unknown',
  'sarAircraft',
  'aton',
  'baseStation',
  'distressBeacon',
] as const;
export type VesselCategory = (typeof VESSEL_CATEGORIES)[number];

export interface Localized {
  zh: string;
  en: string;
}

export interface Flag {
  mid: number;
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface VesselPosition {
  lat: number;
  lon: number;
  speed: number | null;
  course: number | null;
  heading: number | null;
  status: number | null;
  messageType: number;
  at: string;
}

export interface VesselStatic {
  name: string | null;
  callSign: string | null;
  imo: number | null;
  shipType: number | null;
  shipTypeName: Localized;
  dimensions: {
    toBow: number | null;
    toStern: number | null;
    toPort: number | null;
    toStarboard: number | null;
  };
  draught: number | null;
  destination: string | null;
  eta: string | null;
  sourceTime: string;
}

export interface Vessel {
  mmsi: number;
  kind: string;
  category: VesselCategory;
  flag: Flag | null;
  position: VesselPosition | null;
  static: VesselStatic | null;
  lastHeard: string | null;
}

export interface Nearby {
  vessel: Vessel;
  distanceNm: number;
  bearingDeg: number;
  etaMinutes: number | null;
}

export interface TrackPoint {
  at: string;
  lat: number;
  lon: number;
  speed: number | null;
  course: number | null;
  heading: number | null;
  status: number | null;
  messageType: number;
}

/** What the vessel map filters by; the server filters what it can, the rest is for the list. */
export interface VesselFilters {
  types?: VesselCategory[];
  flag?: string;
  moving?: boolean;
  q?: string;
}

/** GET /maritime/vessels/viewport: every vessel in view as parallel arrays (for the map). */
export interface VesselColumns {
  total: number;
  truncated: boolean;
  categories: VesselCategory[];
  mmsi: number[];
  lat: number[];
  lon: number[];
  cog: (number | null)[];
  sog: (number | null)[];
  heading: (number | null)[];
  /** Index into `categories`. */
  category: number[];
}
