// 0x1200 UP_EXG_MSG, main-link vehicle dynamic information (JT/T 809-2011 §4.5.3; 2019 §4.5.3):
// VEHICLE_NO 21 bytes GBK, VEHICLE_COLOR u8, DATA_TYPE u16, DATA_LENGTH u32, then the sub-business
// body. Decoded here: 0x1201 registration, 0x1202 real-time location, 0x1203 automatic back-fill.
import {
  type ByteReader,
  type ByteWriter,
  DecodeFailure,
  decodeLocation,
  encodeLocation,
  keepVerbatim,
  type Location,
  readFixedText,
  writeFixedText,
} from '@jtgov/jt808';
import { type DecodeContext, deviation } from '../context.ts';
import type { Edition } from '../header.ts';
import type { BodyCodec } from './codec-types.ts';

/** 2011 GNSS_DATA, 36 bytes. Latitude and longitude are signed by status bits 2 and 3 as in JT/T 808. */
export interface Gnss2011 {
  format: '2011';
  /** 1 when the coordinates are encrypted by the map plug-in. */
  encrypt: number;
  /** ISO 8601 at +08:00; null for a zero date. */
  time: string | null;
  lon: number;
  lat: number;
  /** VEC1, satellite speed km/h. */
  speed: number;
  /** VEC2, tachograph speed km/h. */
  recorderSpeed: number;
  /** VEC3, odometer km. */
  mileage: number;
  direction: number;
  /** Metres; read as signed like JT/T 808 locations. */
  altitude: number;
  /** JT/T 808 status bits. */
  status: number;
  /** JT/T 808 alarm bits. */
  alarm: number;
}

export interface PlatformAlarm {
  /** 11 bytes: region code and platform number; zeros when not filled in. */
  platformId: string;
  alarm: number;
  verbatim?: { platformId?: Uint8Array };
}

/** 2019 GNSS_DATA: a JT/T 808-2019 0x0200 body, then the alarm states as seen by the monitoring,
 * city and province platforms. */
export interface Gnss2019 {
  format: '2019';
  encrypt: number;
  /** Null when GNSS_DATA is empty. */
  location: Location | null;
  platforms: [PlatformAlarm, PlatformAlarm, PlatformAlarm];
}

export type VehicleLocation = Gnss2011 | Gnss2019;

/** 0x1201 UP_EXG_MSG_REGISTER. */
export interface VehicleRegistration {
  type: 'registration';
  platformId: string;
  producerId: string;
  terminalModel: string;
  /** 2019 only. */
  imei?: string;
  terminalId: string;
  simCode: string;
  verbatim?: Partial<
    Record<'platformId' | 'producerId' | 'terminalModel' | 'imei' | 'terminalId' | 'simCode', Uint8Array>
  >;
}

/** 0x1202 UP_EXG_MSG_REAL_LOCATION. */
export interface RealtimeLocation {
  type: 'realtimeLocation';
  location: VehicleLocation;
}

/** 0x1203 UP_EXG_MSG_HISTORY_LOCATION: locations kept while the link was down, oldest first. */
export interface HistoryLocation {
  type: 'historyLocation';
  locations: VehicleLocation[];
}

export interface RawExchange {
  type: 'raw';
  dataType: number;
  data: Uint8Array;
}

export type ExchangeData = VehicleRegistration | RealtimeLocation | HistoryLocation | RawExchange;

export const DATA_TYPES = {
  registration: 0x1201,
  realtimeLocation: 0x1202,
  historyLocation: 0x1203,
} as const;

export interface VehicleDynamic {
  kind: 'vehicleDynamic';
  vehicleNo: string;
  /** 1 blue, 2 yellow, 3 black, 4 white, 9 other (JT/T 697.7). */
  vehicleColor: number;
  data: ExchangeData;
  verbatim?: { vehicleNo?: Uint8Array };
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad = (v: number, n = 2) => String(v).padStart(n, '0');

function readGnss2011Time(r: ByteReader, ctx: DecodeContext): string | null {
  const day = r.u8('DATE');
  const month = r.u8('DATE');
  const year = r.u16('DATE');
  const hour = r.u8('TIME');
  const minute = r.u8('TIME');
  const second = r.u8('TIME');
  if (day === 0 && month === 0 && year === 0 && hour === 0 && minute === 0 && second === 0) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const valid =
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= (month === 2 && !leap ? 28 : DAYS[month - 1]!) &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  if (!valid) {
    deviation(ctx, 'invalid-time', `GNSS time ${year}-${month}-${day} ${hour}:${minute}:${second}`);
    return null;
  }
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}+08:00`;
}

function writeGnss2011Time(w: ByteWriter, time: string | null): void {
  if (time === null) {
    w.skip(7);
    return;
  }
  const fast = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)\+08:00$/.exec(time);
  let fields: number[];
  if (fast) fields = fast.slice(1).map(Number);
  else {
    const ms = Date.parse(time);
    if (Number.isNaN(ms)) throw new RangeError(`GNSS time is not ISO 8601: ${time}`);
    const t = new Date(ms + 8 * 3600_000);
    fields = [
      t.getUTCFullYear(),
      t.getUTCMonth() + 1,
      t.getUTCDate(),
      t.getUTCHours(),
      t.getUTCMinutes(),
      t.getUTCSeconds(),
    ];
  }
  const [year, month, day, hour, minute, second] = fields as [number, number, number, number, number, number];
  w.u8(day);
  w.u8(month);
  w.u16(year);
  w.u8(hour);
  w.u8(minute);
  w.u8(second);
}

const negative = (v: number) => v < 0 || Object.is(v, -0);

function readGnss2011(r: ByteReader, ctx: DecodeContext): Gnss2011 {
  const encrypt = r.u8('ENCRYPT');
  const time = readGnss2011Time(r, ctx);
  const lonRaw = r.u32('LON');
  const latRaw = r.u32('LAT');
  const speed = r.u16('VEC1');
  const recorderSpeed = r.u16('VEC2');
  const mileage = r.u32('VEC3');
  const direction = r.u16('DIRECTION');
  const alt = r.u16('ALTITUDE');
  const status = r.u32('STATE');
  const alarm = r.u32('ALARM');
  return {
    format: '2011',
    encrypt,
    time,
    lon: status & 8 ? -lonRaw / 1e6 : lonRaw / 1e6,
    lat: status & 4 ? -latRaw / 1e6 : latRaw / 1e6,
    speed,
    recorderSpeed,
    mileage,
    direction,
    altitude: alt >= 0x8000 ? alt - 0x10000 : alt,
    status,
    alarm,
  };
}

function writeGnss2011(w: ByteWriter, g: Gnss2011): void {
  let status = g.status;
  status = negative(g.lat) ? status | 4 : status & ~4;
  status = negative(g.lon) ? status | 8 : status & ~8;
  w.u8(g.encrypt);
  writeGnss2011Time(w, g.time);
  w.u32(Math.round(Math.abs(g.lon) * 1e6));
  w.u32(Math.round(Math.abs(g.lat) * 1e6));
  w.u16(g.speed);
  w.u16(g.recorderSpeed);
  w.u32(g.mileage);
  w.u16(g.direction);
  if (!Number.isInteger(g.altitude) || g.altitude < -0x8000 || g.altitude > 0xffff)
    throw new RangeError(`altitude out of range: ${g.altitude}`);
  w.u16(g.altitude & 0xffff);
  w.u32(status >>> 0);
  w.u32(g.alarm);
}

function readGnss2019(r: ByteReader, ctx: DecodeContext): Gnss2019 {
  const encrypt = r.u8('ENCRYPT');
  const length = r.u32('GNSS_DATA length');
  let location: Location | null = null;
  if (length > 0) {
    const decoded = decodeLocation(r.view(length, 'GNSS_DATA'), { strict: ctx.strict });
    if (!decoded.ok) throw new DecodeFailure(decoded.error.code, `GNSS_DATA: ${decoded.error.message}`);
    for (const w of decoded.warnings)
      ctx.warnings.push({ code: w.code as 'invalid-time', message: `GNSS_DATA: ${w.message}` });
    location = decoded.location;
  }
  const platform = (): PlatformAlarm => {
    const p: PlatformAlarm = { platformId: '', alarm: 0 };
    p.platformId = keepVerbatim(p, 'platformId', readFixedText(r, 11, 'PLATFORM_ID'));
    p.alarm = r.u32('ALARM');
    return p;
  };
  return { format: '2019', encrypt, location, platforms: [platform(), platform(), platform()] };
}

function writeGnss2019(w: ByteWriter, g: Gnss2019): void {
  w.u8(g.encrypt);
  const body = g.location ? encodeLocation(g.location) : new Uint8Array(0);
  w.u32(body.length);
  w.put(body);
  for (const p of g.platforms) {
    writeFixedText(w, 11, { text: p.platformId, verbatim: p.verbatim?.platformId }, 'PLATFORM_ID');
    w.u32(p.alarm);
  }
}

function readVehicleLocation(r: ByteReader, ctx: DecodeContext): VehicleLocation {
  return ctx.version === '2019' ? readGnss2019(r, ctx) : readGnss2011(r, ctx);
}

function writeVehicleLocation(w: ByteWriter, g: VehicleLocation, version: Edition): void {
  if (g.format !== version) throw new RangeError(`a ${g.format} GNSS_DATA in a ${version} frame`);
  if (g.format === '2019') writeGnss2019(w, g);
  else writeGnss2011(w, g);
}

type RegistrationText = Exclude<keyof VehicleRegistration, 'type' | 'verbatim'>;

const REGISTRATION_LAYOUT: Record<Edition, readonly [RegistrationText, number][]> = {
  '2011': [
    ['platformId', 11],
    ['producerId', 11],
    ['terminalModel', 20],
    ['terminalId', 7],
    ['simCode', 12],
  ],
  '2019': [
    ['platformId', 11],
    ['producerId', 11],
    ['terminalModel', 30],
    ['imei', 15],
    ['terminalId', 30],
    ['simCode', 13],
  ],
};

function readExchangeData(r: ByteReader, dataType: number, ctx: DecodeContext): ExchangeData {
  switch (dataType) {
    case DATA_TYPES.registration: {
      const m: VehicleRegistration = {
        type: 'registration',
        platformId: '',
        producerId: '',
        terminalModel: '',
        terminalId: '',
        simCode: '',
      };
      for (const [field, width] of REGISTRATION_LAYOUT[ctx.version])
        m[field] = keepVerbatim(m, field, readFixedText(r, width, field));
      return m;
    }
    case DATA_TYPES.realtimeLocation:
      return { type: 'realtimeLocation', location: readVehicleLocation(r, ctx) };
    case DATA_TYPES.historyLocation: {
      const count = r.u8('GNSS_CNT');
      const locations: VehicleLocation[] = [];
      for (let i = 0; i < count; i++) locations.push(readVehicleLocation(r, ctx));
      return { type: 'historyLocation', locations };
    }
    default:
      return { type: 'raw', dataType, data: r.rest() };
  }
}

function writeExchangeData(w: ByteWriter, data: ExchangeData, version: Edition): void {
  switch (data.type) {
    case 'registration':
      for (const [field, width] of REGISTRATION_LAYOUT[version])
        writeFixedText(w, width, { text: data[field] ?? '', verbatim: data.verbatim?.[field] }, field);
      return;
    case 'realtimeLocation':
      writeVehicleLocation(w, data.location, version);
      return;
    case 'historyLocation':
      w.u8(data.locations.length);
      for (const g of data.locations) writeVehicleLocation(w, g, version);
      return;
    case 'raw':
      w.put(data.data);
      return;
  }
}

export const vehicleDynamicCodec: BodyCodec<VehicleDynamic> = {
  kind: 'vehicleDynamic',
  msgId: 0x1200,
  decode: (r, ctx) => {
    const m: VehicleDynamic = {
      kind: 'vehicleDynamic',
      vehicleNo: '',
      vehicleColor: 0,
      data: { type: 'raw', dataType: 0, data: new Uint8Array(0) },
    };
    m.vehicleNo = keepVerbatim(m, 'vehicleNo', readFixedText(r, 21, 'VEHICLE_NO'));
    m.vehicleColor = r.u8('VEHICLE_COLOR');
    const dataType = r.u16('DATA_TYPE');
    const dataLength = r.u32('DATA_LENGTH');
    if (dataLength !== r.remaining)
      deviation(ctx, 'length-mismatch', `DATA_LENGTH ${dataLength}, ${r.remaining} bytes follow`);
    const end = r.end;
    r.end = Math.min(end, r.pos + dataLength);
    try {
      m.data = readExchangeData(r, dataType, ctx);
      if (r.remaining > 0)
        deviation(
          ctx,
          'trailing-bytes',
          `${r.remaining} bytes after sub-business 0x${dataType.toString(16)}`,
        );
      r.pos = r.end;
    } finally {
      r.end = end;
    }
    return m;
  },
  encode: (w, m, version) => {
    writeFixedText(w, 21, { text: m.vehicleNo, verbatim: m.verbatim?.vehicleNo }, 'VEHICLE_NO');
    w.u8(m.vehicleColor);
    w.u16(m.data.type === 'raw' ? m.data.dataType : DATA_TYPES[m.data.type]);
    const lengthAt = w.skip(4);
    const start = w.length;
    writeExchangeData(w, m.data, version);
    w.patchU32(lengthAt, w.length - start);
  },
};
