// The JSON shape of a decoded packet, as `jtgov jt809 decode` prints it.
import { locationToJson, toHex } from '@jtgov/jt808';
import type { Packet } from './codec.ts';
import type { Jt809Warning } from './context.ts';
import type { Edition } from './header.ts';
import { DATA_TYPES, type VehicleLocation } from './messages/exchange.ts';

export interface PacketJson {
  msgId: number;
  version: Edition;
  serial: number;
  gnssCenterId: number;
  encrypted?: boolean;
  body: Record<string, unknown>;
  warnings?: Jt809Warning[];
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

function vehicleLocationToJson(g: VehicleLocation): unknown {
  if (g.format === '2011') return plain(g);
  return {
    format: g.format,
    encrypt: g.encrypt,
    location: g.location && locationToJson(g.location),
    platforms: plain(g.platforms),
  };
}

export function packetToJson(packet: Packet, warnings: readonly Jt809Warning[] = []): PacketJson {
  const { header, message } = packet;
  let body: Record<string, unknown>;
  if (message.kind === 'vehicleDynamic') {
    const { data } = message;
    body = {
      vehicleNo: message.vehicleNo,
      vehicleColor: message.vehicleColor,
      dataType: data.type === 'raw' ? data.dataType : DATA_TYPES[data.type],
      data:
        data.type === 'realtimeLocation'
          ? { type: data.type, location: vehicleLocationToJson(data.location) }
          : data.type === 'historyLocation'
            ? { type: data.type, locations: data.locations.map(vehicleLocationToJson) }
            : plain(data),
    };
  } else body = plain(message) as Record<string, unknown>;
  const out: PacketJson = {
    msgId: header.msgId,
    version: header.version,
    serial: header.serial,
    gnssCenterId: header.gnssCenterId,
    body,
  };
  if (header.encryptFlag !== 0) out.encrypted = true;
  if (warnings.length > 0) out.warnings = [...warnings];
  return out;
}
