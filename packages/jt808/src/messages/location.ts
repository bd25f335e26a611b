// Location report and its relatives (JT/T 808-2013 §8.18-8.22, §8.45; JT/T 808-2019 §8.21-8.25, §8.51).
import type { ByteReader, ByteWriter } from '../bytes.ts';
import { type DecodeContext, deviation } from '../context.ts';
import { readBcdTime, readBcdTimeMs, writeBcdTime } from '../text.ts';
import type { BodyCodec } from './codec-types.ts';
import { type LocationExtra, readExtras, writeExtra } from './extras.ts';

const SOUTH = 1 << 2;
const WEST = 1 << 3;

/**
 * The 28-byte location base and its extra items. Latitude and longitude are signed degrees, the sign
 * coming from status bits 2 (south) and 3 (west); a south/west zero decodes to -0 so it re-encodes.
 */
export interface Location {
  /** Alarm DWORD (see ALARM_BITS). */
  alarm: number;
  /** Status DWORD (see describeStatus). */
  status: number;
  lat: number;
  lon: number;
  /** Metres. The standard says WORD; read as signed like Traccar, for sites below sea level. */
  altitude: number;
  /** km/h (WORD, 1/10 km/h). */
  speed: number;
  /** Degrees 0-359 clockwise from north. */
  direction: number;
  /**
   * ISO 8601 at +08:00, or epoch ms when decoded with `timeAs: 'epoch-ms'`; null when the terminal
   * sent zeros (no fix yet).
   */
  time: string | number | null;
  extras: LocationExtra[];
}

/** 0x0200 location report. */
export interface LocationReport extends Location {
  kind: 'location';
}

/** 0x0201 reply to 0x8201. */
export interface LocationQueryResponse {
  kind: 'locationQueryResponse';
  replySerial: number;
  location: Location;
}

/** 0x0704 batch: type 0 normal batch, 1 blind-area back-fill. */
export interface LocationBatch {
  kind: 'locationBatch';
  batchType: number;
  items: Location[];
}

/** 0x8202 temporary tracking: interval s (0 stops tracking), validity s. */
export interface TrackingControl {
  kind: 'tracking';
  interval: number;
  validity: number;
}

/** 0x8203 manual alarm confirmation: serial of the alarm message (0 = all), alarm bits confirmed. */
export interface AlarmConfirm {
  kind: 'alarmConfirm';
  alarmSerial: number;
  alarmType: number;
}

/** Reads the 28-byte base and the extras up to r.end; with `kind`, as a 0x0200 report. */
function readFields(r: ByteReader, ctx: DecodeContext, kind: 'location'): LocationReport;
function readFields(r: ByteReader, ctx: DecodeContext): Location;
function readFields(r: ByteReader, ctx: DecodeContext, kind?: 'location'): Location | LocationReport {
  r.need(28, 'location base');
  const b = r.bytes;
  const p = r.pos;
  const alarm = b[p]! * 0x1000000 + ((b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!);
  const status = b[p + 4]! * 0x1000000 + ((b[p + 5]! << 16) | (b[p + 6]! << 8) | b[p + 7]!);
  const latRaw = b[p + 8]! * 0x1000000 + ((b[p + 9]! << 16) | (b[p + 10]! << 8) | b[p + 11]!);
  const lonRaw = b[p + 12]! * 0x1000000 + ((b[p + 13]! << 16) | (b[p + 14]! << 8) | b[p + 15]!);
  const altRaw = (b[p + 16]! << 8) | b[p + 17]!;
  const speedRaw = (b[p + 18]! << 8) | b[p + 19]!;
  const direction = (b[p + 20]! << 8) | b[p + 21]!;
  r.pos = p + 22;
  const time = ctx.epochMs ? readBcdTimeMs(r, ctx, '+08:00') : readBcdTime(r, ctx, '+08:00');
  const lat = status & SOUTH ? -latRaw / 1e6 : latRaw / 1e6;
  const lon = status & WEST ? -lonRaw / 1e6 : lonRaw / 1e6;
  const altitude = altRaw >= 0x8000 ? altRaw - 0x10000 : altRaw;
  const speed = speedRaw / 10;
  const extras = readExtras(r, ctx);
  return kind
    ? { kind, alarm, status, lat, lon, altitude, speed, direction, time, extras }
    : { alarm, status, lat, lon, altitude, speed, direction, time, extras };
}

export function readLocation(r: ByteReader, ctx: DecodeContext): Location {
  return readFields(r, ctx);
}

const negative = (v: number) => v < 0 || Object.is(v, -0);

export function writeLocation(w: ByteWriter, m: Location): void {
  let status = m.status;
  status = negative(m.lat) ? status | SOUTH : status & ~SOUTH;
  status = negative(m.lon) ? status | WEST : status & ~WEST;
  w.u32(m.alarm);
  w.u32(status >>> 0);
  w.u32(Math.round(Math.abs(m.lat) * 1e6));
  w.u32(Math.round(Math.abs(m.lon) * 1e6));
  if (!Number.isInteger(m.altitude) || m.altitude < -0x8000 || m.altitude > 0xffff)
    throw new RangeError(`altitude out of range: ${m.altitude}`);
  w.u16(m.altitude & 0xffff);
  w.u16(Math.round(m.speed * 10));
  w.u16(m.direction);
  writeBcdTime(w, m.time, '+08:00');
  for (const item of m.extras) writeExtra(w, item);
}

export const locationCodec: BodyCodec<LocationReport> = {
  kind: 'location',
  msgId: 0x0200,
  decode: (r, ctx) => readFields(r, ctx, 'location'),
  encode: (w, m) => writeLocation(w, m),
};

export const locationQueryResponseCodec: BodyCodec<LocationQueryResponse> = {
  kind: 'locationQueryResponse',
  msgId: 0x0201,
  decode: (r, ctx) => ({
    kind: 'locationQueryResponse',
    replySerial: r.u16('reply serial'),
    location: readLocation(r, ctx),
  }),
  encode: (w, m) => {
    w.u16(m.replySerial);
    writeLocation(w, m.location);
  },
};

export const locationBatchCodec: BodyCodec<LocationBatch> = {
  kind: 'locationBatch',
  msgId: 0x0704,
  decode: (r, ctx) => {
    // count WORD, type BYTE, then (length WORD, 0x0200 body) items: AIP's "0,1,2" offsets are wrong.
    const count = r.u16('item count');
    const batchType = r.u8('batch type');
    const items: Location[] = [];
    const end = r.end;
    while (items.length < count && r.pos < end) {
      const length = r.u16('item length');
      r.need(length, 'batch item');
      r.end = r.pos + length;
      try {
        items.push(readLocation(r, ctx));
      } finally {
        r.end = end;
      }
    }
    if (items.length !== count)
      deviation(ctx, 'count-mismatch', `batch declares ${count} items, carries ${items.length}`);
    return { kind: 'locationBatch', batchType, items };
  },
  encode: (w, m) => {
    w.u16(m.items.length);
    w.u8(m.batchType);
    for (const item of m.items) {
      const lengthAt = w.skip(2);
      const start = w.length;
      writeLocation(w, item);
      w.patchU16(lengthAt, w.length - start);
    }
  },
};

export const trackingCodec: BodyCodec<TrackingControl> = {
  kind: 'tracking',
  msgId: 0x8202,
  decode: (r) => ({ kind: 'tracking', interval: r.u16('interval'), validity: r.u32('validity') }),
  encode: (w, m) => {
    w.u16(m.interval);
    w.u32(m.validity);
  },
};

export const alarmConfirmCodec: BodyCodec<AlarmConfirm> = {
  kind: 'alarmConfirm',
  msgId: 0x8203,
  decode: (r) => ({
    kind: 'alarmConfirm',
    alarmSerial: r.u16('alarm serial'),
    alarmType: r.u32('alarm type'),
  }),
  encode: (w, m) => {
    w.u16(m.alarmSerial);
    w.u32(m.alarmType);
  },
};
