// Positions as mariners read them: degrees and decimal minutes, hemisphere letters.

function dm(value: number, pos: string, neg: string, degDigits: number): string {
  const abs = Math.abs(value);
  let deg = Math.floor(abs);
  let min = Math.round((abs - deg) * 60 * 1000) / 1000;
  if (min >= 60) {
    deg += 1;
    min = 0;
  }
  return `${String(deg).padStart(degDigits, '0')}°${min.toFixed(3).padStart(6, '0')}′${value < 0 ? neg : pos}`;
}

export const formatLat = (lat: number) => dm(lat, 'N', 'S', 2);
export const formatLon = (lon: number) => dm(lon, 'E', 'W', 3);
export const formatLatLon = (p: { lat: number; lon: number }) => `${formatLat(p.lat)} ${formatLon(p.lon)}`;

/** Decimal degrees, or degrees and minutes like `31 15.5 N` / `31°15.5′N` / `-31.25`. */
export function parseCoordinate(text: string, kind: 'lat' | 'lon'): number | null {
  const s = text.trim().toUpperCase();
  const m = /^(-?\d+(?:\.\d+)?)(?:[°\s]+(\d+(?:\.\d+)?)['′]?)?\s*([NSEW])?$/.exec(s);
  if (!m) return null;
  const deg = Number(m[1]);
  const min = m[2] ? Number(m[2]) : 0;
  if (min >= 60 || (m[2] && deg < 0)) return null;
  const hemi = m[3];
  if (hemi && (kind === 'lat' ? !'NS'.includes(hemi) : !'EW'.includes(hemi))) return null;
  if (hemi && deg < 0) return null;
  let value = Math.abs(deg) + min / 60;
  if (deg < 0 || hemi === 'S' || hemi === 'W') value = -value;
  const limit = kind === 'lat' ? 90 : 180;
  return Math.abs(value) <= limit ? value : null;
}
