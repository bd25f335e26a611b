// A reported location as the row stored for it, or null when it has no usable time or place.
import type { DecodeOptions, Location } from '@jtgov/jt808';
import type { PositionRow } from './positions.repository.ts';

/** How the gateway decodes frames: a row needs the time as a number, not an ISO string to parse. */
export const DECODE_OPTIONS: DecodeOptions = { timeAs: 'epoch-ms' };

/** Accepted GNSS times: not older than maxAgeMs, not later than now plus maxFutureMs. */
export interface RowLimits {
  readonly maxAgeMs: number;
  readonly maxFutureMs: number;
}

/** `now` and the row's times are epoch ms; the location's time is best decoded as epoch ms too. */
export function toRow(vehicleId: number, item: Location, now: number, limits: RowLimits): PositionRow | null {
  if (item.time === null) return null;
  const gnssTime = typeof item.time === 'number' ? item.time : Date.parse(item.time);
  if (!(gnssTime >= now - limits.maxAgeMs && gnssTime <= now + limits.maxFutureMs)) return null;
  if (Math.abs(item.lat) > 90 || Math.abs(item.lon) > 180) return null;
  let mileage: number | null = null;
  for (const extra of item.extras) if (extra.type === 'mileage') mileage = extra.value;
  return {
    vehicleId,
    gnssTime,
    receivedAt: now,
    lat: item.lat,
    lon: item.lon,
    altitude: item.altitude,
    speed: item.speed,
    direction: item.direction,
    alarm: item.alarm,
    status: item.status,
    mileage,
  };
}
