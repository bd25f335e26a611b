// Great-circle geometry on a sphere of the mean Earth radius (IUGG R1 = 6,371.0088 km), in
// nautical miles (1 NM = 1,852 m exactly). The spherical error against the ellipsoid (< 0.5 %)
// is far below what a "ships within N miles" question needs.

export const EARTH_RADIUS_NM = 6_371_008.8 / 1852;

const RAD = Math.PI / 180;

export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

/** Haversine distance, NM. */
export function distanceNm(a: LatLon, b: LatLon): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_NM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Initial great-circle bearing from `a` to `b`, degrees true in [0, 360). */
export function bearingDeg(a: LatLon, b: LatLon): number {
  const φ1 = a.lat * RAD;
  const φ2 = b.lat * RAD;
  const Δλ = (b.lon - a.lon) * RAD;
  const y = Math.sin(Δλ) * Math.cos(φ2);
  const x = Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(Δλ);
  const deg = Math.atan2(y, x) / RAD;
  return (deg + 360) % 360;
}

/** Longitude brought into [-180, 180). */
export const wrapLon = (lon: number): number => ((((lon + 180) % 360) + 360) % 360) - 180;

/**
 * A box holding every point within `radiusNm` of `center`: latitudes [south, north], and
 * longitudes west→east (west > east when it crosses the antimeridian), or every longitude when
 * the circle reaches a pole. The longitude half-width asin(sin r / cos φ) is the cap's exact
 * extent on the sphere.
 */
export interface CircleBox {
  readonly south: number;
  readonly north: number;
  readonly west: number;
  readonly east: number;
  readonly allLongitudes: boolean;
}

export function boxAroundCircle(center: LatLon, radiusNm: number): CircleBox {
  const angular = radiusNm / EARTH_RADIUS_NM;
  const dLat = angular / RAD;
  const south = center.lat - dLat;
  const north = center.lat + dLat;
  if (north >= 90 || south <= -90 || angular >= Math.PI / 2) {
    return {
      south: Math.max(-90, south),
      north: Math.min(90, north),
      west: -180,
      east: 180,
      allLongitudes: true,
    };
  }
  const dLon = Math.asin(Math.min(1, Math.sin(angular) / Math.cos(center.lat * RAD))) / RAD;
  if (dLon >= 180) return { south, north, west: -180, east: 180, allLongitudes: true };
  return {
    south,
    north,
    west: wrapLon(center.lon - dLon),
    east: wrapLon(center.lon + dLon),
    allLongitudes: false,
  };
}

/** The point `distanceNm` from `from` along the great circle leaving it at `bearing` (degrees true). */
export function destinationPoint(from: LatLon, bearing: number, distance: number): LatLon {
  const δ = distance / EARTH_RADIUS_NM;
  const θ = bearing * RAD;
  const φ1 = from.lat * RAD;
  const λ1 = from.lon * RAD;
  const sinφ2 = Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(θ);
  const φ2 = Math.asin(Math.max(-1, Math.min(1, sinφ2)));
  const λ2 = λ1 + Math.atan2(Math.sin(θ) * Math.sin(δ) * Math.cos(φ1), Math.cos(δ) - Math.sin(φ1) * sinφ2);
  return { lat: φ2 / RAD, lon: wrapLon(λ2 / RAD) };
}

/** East/north offsets in NM on the azimuthal equidistant plane centred on an origin. */
export interface PlaneOffset {
  readonly east: number;
  readonly north: number;
}

/**
 * Offsets → position, exact on the azimuthal equidistant projection: distance and direction from
 * the origin are kept, so a drift of d NM towards θ lands d NM from the origin along θ.
 */
export function fromPlane(origin: LatLon, p: PlaneOffset): LatLon {
  const d = Math.hypot(p.east, p.north);
  if (d === 0) return { lat: origin.lat, lon: origin.lon };
  return destinationPoint(origin, Math.atan2(p.east, p.north) / RAD, d);
}

/** Position → offsets on the same projection (inverse of fromPlane). */
export function toPlane(origin: LatLon, p: LatLon): PlaneOffset {
  const d = distanceNm(origin, p);
  const θ = bearingDeg(origin, p) * RAD;
  return { east: d * Math.sin(θ), north: d * Math.cos(θ) };
}
