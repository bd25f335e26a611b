// The JSON shape of a decoded packet, as `jtgov jt808 decode` prints it: header fields at the top,
// the body without its discriminant, locations with named extras, bytes as hex.
import { toHex } from './bytes.ts';
import type { Packet } from './codec.ts';
import type { Edition, Jt808Warning } from './context.ts';
import { extraId, type LocationExtra } from './messages/extras.ts';
import type { Location } from './messages/location.ts';

export interface PacketJson {
  msgId: number;
  version: Edition;
  phone: string;
  serial: number;
  subpackage?: { total: number; index: number };
  body: Record<string, unknown>;
  warnings?: Jt808Warning[];
}

/** Extras named by the output contract; every other item is keyed by its id ("0x25"). */
const NAMED_EXTRAS = new Set<LocationExtra['type']>([
  'mileage',
  'fuel',
  'recorderSpeed',
  'signal',
  'satellites',
]);

export function extrasToJson(extras: readonly LocationExtra[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const item of extras) {
    const key = NAMED_EXTRAS.has(item.type) ? item.type : `0x${extraId(item).toString(16).padStart(2, '0')}`;
    out[key] = item.value instanceof Uint8Array ? toHex(item.value) : item.value;
  }
  return out;
}

export function locationToJson(location: Location): Record<string, unknown> {
  return {
    alarm: location.alarm,
    status: location.status,
    lat: location.lat,
    lon: location.lon,
    altitude: location.altitude,
    speed: location.speed,
    direction: location.direction,
    time: location.time,
    extras: extrasToJson(location.extras),
  };
}

function plain(value: unknown): unknown {
  if (value instanceof Uint8Array) return toHex(value);
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (k !== 'verbatim' && k !== 'kind') out[k] = plain(v);
    return out;
  }
  return value;
}

export function bodyToJson(packet: Packet): Record<string, unknown> {
  const m = packet.message;
  switch (m.kind) {
    case 'location':
      return locationToJson(m);
    case 'locationQueryResponse':
      return { replySerial: m.replySerial, location: locationToJson(m.location) };
    case 'locationBatch':
      return { batchType: m.batchType, items: m.items.map(locationToJson) };
    default:
      return plain(m) as Record<string, unknown>;
  }
}

export function packetToJson(packet: Packet, warnings: readonly Jt808Warning[] = []): PacketJson {
  const { header } = packet;
  const out: PacketJson = {
    msgId: header.msgId,
    version: header.version,
    phone: header.phone,
    serial: header.serial,
    body: bodyToJson(packet),
  };
  if (header.subpackage) out.subpackage = { ...header.subpackage };
  if (warnings.length > 0) out.warnings = [...warnings];
  return out;
}
