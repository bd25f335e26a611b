// Location extra items (JT/T 808-2013 Table 27; 2019 Table 27): id BYTE, length BYTE, value, until
// the end of the body. Items whose id is unknown, or whose length does not fit the id, are kept raw
// and skipped by their length.
import type { ByteReader, ByteWriter } from '../bytes.ts';
import { type DecodeContext, deviation } from '../context.ts';

export type LocationExtra =
  /** 0x01 odometer, km (DWORD, 1/10 km). */
  | { type: 'mileage'; value: number }
  /** 0x02 fuel, L (WORD, 1/10 L). */
  | { type: 'fuel'; value: number }
  /** 0x03 tachograph speed, km/h (WORD, 1/10 km/h). */
  | { type: 'recorderSpeed'; value: number }
  /** 0x04 id of the alarm event needing manual confirmation (WORD, from 1). */
  | { type: 'alarmEventId'; value: number }
  /** 0x05 (2019) tyre pressures, front-left first, 0xff = invalid. */
  | { type: 'tirePressure'; value: number[] }
  /** 0x06 (2019) carriage temperature, °C; sign-magnitude WORD (top bit = negative). */
  | { type: 'carriageTemperature'; value: number }
  /** 0x11 overspeed: location type 0 none, 1 circle, 2 rectangle, 3 polygon, 4 road section. */
  | { type: 'overspeed'; value: { locationType: number; areaId?: number } }
  /** 0x12 entering (direction 0) or leaving (1) an area or route. */
  | { type: 'areaAlarm'; value: { locationType: number; areaId: number; direction: number } }
  /** 0x13 road-section drive time too short (result 0) or too long (1); driveTime in s. */
  | { type: 'routeDriveTime'; value: { sectionId: number; driveTime: number; result: number } }
  /** 0x25 extended vehicle signals (see VEHICLE_SIGNAL_BITS). */
  | { type: 'vehicleSignals'; value: number }
  /** 0x2A IO status: bit 0 deep sleep, bit 1 sleep. */
  | { type: 'ioStatus'; value: number }
  /** 0x2B analog inputs: AD0 = bits 0-15, AD1 = bits 16-31. */
  | { type: 'analog'; value: { ad0: number; ad1: number } }
  /** 0x30 wireless signal strength. */
  | { type: 'signal'; value: number }
  /** 0x31 GNSS satellites in use. */
  | { type: 'satellites'; value: number }
  | { type: 'raw'; id: number; value: Uint8Array };

export const EXTRA_IDS = {
  mileage: 0x01,
  fuel: 0x02,
  recorderSpeed: 0x03,
  alarmEventId: 0x04,
  tirePressure: 0x05,
  carriageTemperature: 0x06,
  overspeed: 0x11,
  areaAlarm: 0x12,
  routeDriveTime: 0x13,
  vehicleSignals: 0x25,
  ioStatus: 0x2a,
  analog: 0x2b,
  signal: 0x30,
  satellites: 0x31,
} as const satisfies Record<Exclude<LocationExtra['type'], 'raw'>, number>;

export function extraId(item: LocationExtra): number {
  return item.type === 'raw' ? item.id : EXTRA_IDS[item.type];
}

function readExtra(r: ByteReader, id: number, length: number): LocationExtra {
  switch (id) {
    case 0x01:
      if (length === 4) return { type: 'mileage', value: r.u32() / 10 };
      break;
    case 0x02:
      if (length === 2) return { type: 'fuel', value: r.u16() / 10 };
      break;
    case 0x03:
      if (length === 2) return { type: 'recorderSpeed', value: r.u16() / 10 };
      break;
    case 0x04:
      if (length === 2) return { type: 'alarmEventId', value: r.u16() };
      break;
    case 0x05:
      return { type: 'tirePressure', value: Array.from(r.view(length)) };
    case 0x06:
      if (length === 2) {
        const v = r.u16();
        return { type: 'carriageTemperature', value: v & 0x8000 ? -(v & 0x7fff) : v };
      }
      break;
    case 0x11:
      if (length === 1) return { type: 'overspeed', value: { locationType: r.u8() } };
      if (length === 5) return { type: 'overspeed', value: { locationType: r.u8(), areaId: r.u32() } };
      break;
    case 0x12:
      if (length === 6)
        return { type: 'areaAlarm', value: { locationType: r.u8(), areaId: r.u32(), direction: r.u8() } };
      break;
    case 0x13:
      if (length === 7)
        return { type: 'routeDriveTime', value: { sectionId: r.u32(), driveTime: r.u16(), result: r.u8() } };
      break;
    case 0x25:
      if (length === 4) return { type: 'vehicleSignals', value: r.u32() };
      break;
    case 0x2a:
      if (length === 2) return { type: 'ioStatus', value: r.u16() };
      break;
    case 0x2b:
      if (length === 4) {
        const v = r.u32();
        return { type: 'analog', value: { ad0: v & 0xffff, ad1: v >>> 16 } };
      }
      break;
    case 0x30:
      if (length === 1) return { type: 'signal', value: r.u8() };
      break;
    case 0x31:
      if (length === 1) return { type: 'satellites', value: r.u8() };
      break;
  }
  return { type: 'raw', id, value: r.copy(length) };
}

/** Reads items up to r.end. A truncated item is a deviation; lenient mode drops it. */
export function readExtras(r: ByteReader, ctx: DecodeContext): LocationExtra[] {
  const items: LocationExtra[] = [];
  while (r.pos < r.end) {
    if (r.end - r.pos < 2) {
      deviation(ctx, 'truncated', 'extra item header cut short');
      r.pos = r.end;
      break;
    }
    const id = r.bytes[r.pos]!;
    const length = r.bytes[r.pos + 1]!;
    r.pos += 2;
    if (length > r.end - r.pos) {
      deviation(
        ctx,
        'truncated',
        `extra item 0x${id.toString(16)} declares ${length} bytes, ${r.end - r.pos} left`,
      );
      r.pos = r.end;
      break;
    }
    items.push(readExtra(r, id, length));
  }
  return items;
}

const tenths = (v: number) => Math.round(v * 10);

export function writeExtra(w: ByteWriter, item: LocationExtra): void {
  w.u8(extraId(item));
  const lengthAt = w.skip(1);
  const start = w.length;
  switch (item.type) {
    case 'mileage':
      w.u32(tenths(item.value));
      break;
    case 'fuel':
    case 'recorderSpeed':
      w.u16(tenths(item.value));
      break;
    case 'alarmEventId':
    case 'ioStatus':
      w.u16(item.value);
      break;
    case 'tirePressure':
      for (const p of item.value) w.u8(p);
      break;
    case 'carriageTemperature': {
      const negative = item.value < 0 || Object.is(item.value, -0);
      if (Math.abs(item.value) > 0x7fff)
        throw new RangeError(`carriage temperature out of range: ${item.value}`);
      w.u16((negative ? 0x8000 : 0) | Math.abs(item.value));
      break;
    }
    case 'overspeed':
      w.u8(item.value.locationType);
      if (item.value.areaId !== undefined) w.u32(item.value.areaId);
      break;
    case 'areaAlarm':
      w.u8(item.value.locationType);
      w.u32(item.value.areaId);
      w.u8(item.value.direction);
      break;
    case 'routeDriveTime':
      w.u32(item.value.sectionId);
      w.u16(item.value.driveTime);
      w.u8(item.value.result);
      break;
    case 'vehicleSignals':
      w.u32(item.value);
      break;
    case 'analog':
      w.u16(item.value.ad1);
      w.u16(item.value.ad0);
      break;
    case 'signal':
    case 'satellites':
      w.u8(item.value);
      break;
    case 'raw':
      w.put(item.value);
      break;
  }
  const length = w.length - start;
  if (length > 0xff) throw new RangeError(`extra item 0x${extraId(item).toString(16)} longer than 255 bytes`);
  w.bytes[lengthAt] = length;
}
