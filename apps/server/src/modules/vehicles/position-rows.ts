// A reported location as the row stored for it, or null when it has no usable time or place.
import type { Location } from '@jtgov/jt808';
import type { PositionInput } from './positions.repository.ts';

/** Accepted GNSS times: not older than maxAgeMs, not later than now plus maxFutureMs. */
export interface RowLimits {
  readonly maxAgeMs: number;
  readonly maxFutureMs: number;
}

export function toRow(vehicleId: number, item: Location, now: Date, limits: RowLimits): PositionInput | null {
  if (item.time === null) return null;
  const gnssTime = new Date(item.time);
  const t = gnssTime.getTime();
  if (!(t >= now.getTime() - limits.maxAgeMs && t <= now.getTime() + limits.maxFutureMs)) return null;
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
