import type { MapPoint } from '../../../ui/map/types.ts';
import type { LatestPosition, StateFilter } from '../types.ts';

/** The map's three states; an alarm outranks online. */
export const STATE_COLORS: Record<StateFilter, string> = {
  online: '#52c41a',
  offline: '#8c8c8c',
  alarm: '#f5222d',
};

export const stateOf = (online: boolean, inAlarm: boolean): StateFilter =>
  inAlarm ? 'alarm' : online ? 'online' : 'offline';

/** Below this a vehicle counts as parked (km/h): GNSS speed drifts by a few. */
const MOVING_KMH = 5;

export interface PointLabels {
  state: string;
  speed: string;
  direction: string;
  type: string;
  at: string;
}

export function vehiclePoint(
  p: LatestPosition,
  inAlarm: boolean,
  labels: PointLabels,
  selected: boolean,
): MapPoint {
  const state = stateOf(p.online, inAlarm);
  const moving = p.speed >= MOVING_KMH;
  return {
    id: String(p.vehicleId),
    lat: p.lat,
    lon: p.lon,
    color: STATE_COLORS[state],
    symbol: moving ? 'arrow' : 'circle',
    rotation: p.direction,
    size: selected ? 18 : moving ? 13 : 8,
    label: p.plateNo,
    tooltip: [
      `${p.plateNo} · ${labels.type}`,
      labels.state,
      `${labels.speed} ${p.speed.toFixed(1)} km/h · ${labels.direction} ${p.direction}°`,
      labels.at,
    ],
  };
}
