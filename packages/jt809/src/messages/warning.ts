// 0x1400 UP_WARN_MSG, main-link alarm interaction (JT/T 809-2011 §4.5.5; 2019 §4.5.5). 2011: VEHICLE_NO
// 21 bytes, VEHICLE_COLOR u8, DATA_TYPE u16, DATA_LENGTH u32, data; 2019 names the vehicle inside the
// data instead: DATA_TYPE u16, DATA_LENGTH u32, data. Decoded here: 0x1402 UP_WARN_MSG_ADPT_INFO.
import {
  type ByteReader,
  type ByteWriter,
  DecodeFailure,
  keepVerbatim,
  readFixedText,
  readText,
  writeFixedText,
  writeText,
} from '@jtgov/jt808';
import { type DecodeContext, deviation } from '../context.ts';
import type { Edition } from '../header.ts';
import type { BodyCodec } from './codec-types.ts';

/** WARN_TYPE (JT/T 809-2011 Table 43): 1 overspeed, 2 fatigue, 3 emergency, 4/5 entering/leaving an
 * area, 6 road blocked, 7 dangerous road, 8 out of bounds, 9 theft, 10 robbery, 11 off route,
 * 12 moved, 13 driving too long, 14 other. */
export const WARN_TYPES = {
  overspeed: 0x0001,
  fatigue: 0x0002,
  emergency: 0x0003,
  enterArea: 0x0004,
  leaveArea: 0x0005,
  roadBlocked: 0x0006,
  dangerousRoad: 0x0007,
  outOfBounds: 0x0008,
  theft: 0x0009,
  robbery: 0x000a,
  offRoute: 0x000b,
  moved: 0x000c,
  drivingTooLong: 0x000d,
  other: 0x000e,
} as const;

/** 0x1402 UP_WARN_MSG_ADPT_INFO: an alarm the subordinate reports; the superior does not answer. */
export interface AlarmReport {
  type: 'alarmReport';
  /** 2011 WARN_SRC: 1 terminal, 2 enterprise platform, 3 government platform, 9 other. */
  warnSource?: number;
  /** 2019 SOURCE_PLATFORM_ID, 11 bytes: region code and platform number of who raised it. */
  sourcePlatformId?: string;
  warnType: number;
  /** UTC seconds. */
  warnTime: number;
  /** 2011 INFO_ID. */
  infoId?: number;
  /** 2019: the event's start and end (UTC seconds), vehicle, the platform alarmed about, route. */
  startTime?: number;
  endTime?: number;
  vehicleNo?: string;
  vehicleColor?: number;
  destinationPlatformId?: string;
  lineId?: number;
  /** INFO_CONTENT, GBK. */
  info: string;
  verbatim?: Partial<Record<'sourcePlatformId' | 'vehicleNo' | 'destinationPlatformId' | 'info', Uint8Array>>;
}

export interface RawWarning {
  type: 'raw';
  dataType: number;
  data: Uint8Array;
}

export type WarningData = AlarmReport | RawWarning;

export const WARNING_DATA_TYPES = { alarmReport: 0x1402 } as const;

export interface Warning {
  kind: 'warning';
  /** 2011 only (2019 carries the vehicle in the data). */
  vehicleNo?: string;
  vehicleColor?: number;
  data: WarningData;
  verbatim?: { vehicleNo?: Uint8Array };
}

function readTime(r: ByteReader, what: string): number {
  const high = r.u32(what);
  const low = r.u32(what);
  if (high >= 0x200000) throw new DecodeFailure('invalid-time', `${what} high word 0x${high.toString(16)}`);
  return high * 0x100000000 + low;
}

function writeTime(w: ByteWriter, seconds: number, what: string): void {
  if (!Number.isSafeInteger(seconds) || seconds < 0) throw new RangeError(`${what} out of range: ${seconds}`);
  w.u32(Math.floor(seconds / 0x100000000));
  w.u32(seconds % 0x100000000);
}

function readAlarmReport(r: ByteReader, version: Edition): AlarmReport {
  const m: AlarmReport = { type: 'alarmReport', warnType: 0, warnTime: 0, info: '' };
  if (version === '2011') m.warnSource = r.u8('WARN_SRC');
  else m.sourcePlatformId = keepVerbatim(m, 'sourcePlatformId', readFixedText(r, 11, 'SOURCE_PLATFORM_ID'));
  m.warnType = r.u16('WARN_TYPE');
  m.warnTime = readTime(r, 'WARN_TIME');
  if (version === '2011') m.infoId = r.u32('INFO_ID');
  else {
    m.startTime = readTime(r, 'START_TIME');
    m.endTime = readTime(r, 'END_TIME');
    m.vehicleNo = keepVerbatim(m, 'vehicleNo', readFixedText(r, 21, 'VEHICLE_NO'));
    m.vehicleColor = r.u8('VEHICLE_COLOR');
    m.destinationPlatformId = keepVerbatim(
      m,
      'destinationPlatformId',
      readFixedText(r, 11, 'DESTINATION_PLATFORM_ID'),
    );
    m.lineId = r.u32('DRV_LINE_ID');
  }
  const length = r.u32('INFO_LENGTH');
  m.info = keepVerbatim(m, 'info', readText(r, length, 'INFO_CONTENT'));
  return m;
}

function writeAlarmReport(w: ByteWriter, m: AlarmReport, version: Edition): void {
  if (version === '2011') w.u8(m.warnSource ?? 0);
  else
    writeFixedText(
      w,
      11,
      { text: m.sourcePlatformId ?? '', verbatim: m.verbatim?.sourcePlatformId },
      'SOURCE_PLATFORM_ID',
    );
  w.u16(m.warnType);
  writeTime(w, m.warnTime, 'WARN_TIME');
  if (version === '2011') w.u32(m.infoId ?? 0);
  else {
    writeTime(w, m.startTime ?? 0, 'START_TIME');
    writeTime(w, m.endTime ?? 0, 'END_TIME');
    writeFixedText(w, 21, { text: m.vehicleNo ?? '', verbatim: m.verbatim?.vehicleNo }, 'VEHICLE_NO');
    w.u8(m.vehicleColor ?? 0);
    writeFixedText(
      w,
      11,
      { text: m.destinationPlatformId ?? '', verbatim: m.verbatim?.destinationPlatformId },
      'DESTINATION_PLATFORM_ID',
    );
    w.u32(m.lineId ?? 0);
  }
  const lengthAt = w.skip(4);
  w.patchU32(lengthAt, writeText(w, m.info, m.verbatim?.info));
}

function readWarningData(r: ByteReader, dataType: number, ctx: DecodeContext): WarningData {
  if (dataType === WARNING_DATA_TYPES.alarmReport) return readAlarmReport(r, ctx.version);
  return { type: 'raw', dataType, data: r.rest() };
}

export const warningCodec: BodyCodec<Warning> = {
  kind: 'warning',
  msgId: 0x1400,
  decode: (r, ctx) => {
    const m: Warning = { kind: 'warning', data: { type: 'raw', dataType: 0, data: new Uint8Array(0) } };
    if (ctx.version === '2011') {
      m.vehicleNo = keepVerbatim(m, 'vehicleNo', readFixedText(r, 21, 'VEHICLE_NO'));
      m.vehicleColor = r.u8('VEHICLE_COLOR');
    }
    const dataType = r.u16('DATA_TYPE');
    const dataLength = r.u32('DATA_LENGTH');
    if (dataLength !== r.remaining)
      deviation(ctx, 'length-mismatch', `DATA_LENGTH ${dataLength}, ${r.remaining} bytes follow`);
    const end = r.end;
    r.end = Math.min(end, r.pos + dataLength);
    try {
      m.data = readWarningData(r, dataType, ctx);
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
    if (version === '2011') {
      writeFixedText(w, 21, { text: m.vehicleNo ?? '', verbatim: m.verbatim?.vehicleNo }, 'VEHICLE_NO');
      w.u8(m.vehicleColor ?? 0);
    }
    w.u16(m.data.type === 'raw' ? m.data.dataType : WARNING_DATA_TYPES[m.data.type]);
    const lengthAt = w.skip(4);
    const start = w.length;
    if (m.data.type === 'raw') w.put(m.data.data);
    else writeAlarmReport(w, m.data, version);
    w.patchU32(lengthAt, w.length - start);
  },
};
