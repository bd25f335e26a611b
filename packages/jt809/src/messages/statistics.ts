// Statistics messages (信息统计类; JT/T 809-2011 §4.5.2, 2019 §4.5.2 and Table 73).
//
// 0x9101 DOWN_TOTAL_RECV_BACK_MSG (sub link, superior → subordinate, unanswered): how many locations
// the superior received between START_TIME and END_TIME, sent after every so many (the standard's
// example: each 10,000). Same 20-byte body in both editions.
// 0x1101 UP_MANAGE_TOTAL_RECV_BACK_MSG (2019, main link): the subordinate's count of locations sent,
// same layout.
// 0x9102 DOWN_MANAGE_MSG_REQ (2019, sub link) asks a subordinate for its link connection and location
// transfer report over a period; it answers 0x1102 UP_MANAGE_MSG_RSP on the main link. Both bodies
// start with DATA_TYPE (the message's own id) and DATA_LENGTH like the 0x1200 family; SmallChi/JT809
// `JT809_0x1102Test` is the byte layout (PLATFORM_ID 11, START_TIME u64, END_TIME u64,
// LOSE_DYNAMIC_SUM u32, DISCONNECT_NUM u8, DISCONNECT_TIME u32 seconds).
import {
  type ByteReader,
  type ByteWriter,
  DecodeFailure,
  keepVerbatim,
  readFixedText,
  writeFixedText,
} from '@jtgov/jt808';
import { type DecodeContext, deviation } from '../context.ts';
import type { BodyCodec } from './codec-types.ts';

/** 0x9101 and 0x1101: a count of locations over a period (UTC seconds). */
export interface LocationCount {
  /** DYNAMIC_INFO_TOTAL. */
  total: number;
  startTime: number;
  endTime: number;
}

export interface ReceivedCountNotice extends LocationCount {
  kind: 'receivedCountNotice';
}

export interface SentCountNotice extends LocationCount {
  kind: 'sentCountNotice';
}

/** 0x9102: report on the period from startTime to endTime (UTC seconds). */
export interface LinkReportRequest {
  kind: 'linkReportRequest';
  /** PLATFORM_ID, 11 bytes: the platform asked about. */
  platformId: string;
  startTime: number;
  endTime: number;
  /** DATA_TYPE when it is not 0x9102 (kept so the frame re-encodes). */
  dataType?: number;
  verbatim?: { platformId?: Uint8Array };
}

/** 0x1102: the answer to 0x9102. */
export interface LinkReport {
  kind: 'linkReport';
  platformId: string;
  startTime: number;
  endTime: number;
  /** LOSE_DYNAMIC_SUM: locations lost in the period. */
  lostLocations: number;
  /** DISCONNECT_NUM: link breaks in the period. */
  disconnects: number;
  /** DISCONNECT_TIME: seconds the link was down in the period. */
  disconnectedSeconds: number;
  dataType?: number;
  verbatim?: { platformId?: Uint8Array };
}

/** Seconds beyond 2^53 cannot be held exactly; no real clock sends them. */
function readUtc(r: ByteReader, field: string): number {
  const high = r.u32(field);
  const low = r.u32(field);
  if (high >= 0x200000) throw new DecodeFailure('invalid-time', `${field} high word 0x${high.toString(16)}`);
  return high * 0x100000000 + low;
}

function writeUtc(w: ByteWriter, value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${field} out of range: ${value}`);
  w.u32(Math.floor(value / 0x100000000));
  w.u32(value % 0x100000000);
}

function countCodec<M extends ReceivedCountNotice | SentCountNotice>(
  kind: M['kind'],
  msgId: number,
): BodyCodec<M> {
  return {
    kind,
    msgId,
    decode: (r) =>
      ({
        kind,
        total: r.u32('DYNAMIC_INFO_TOTAL'),
        startTime: readUtc(r, 'START_TIME'),
        endTime: readUtc(r, 'END_TIME'),
      }) as M,
    encode: (w, m) => {
      w.u32(m.total);
      writeUtc(w, m.startTime, 'START_TIME');
      writeUtc(w, m.endTime, 'END_TIME');
    },
  };
}

export const receivedCountNoticeCodec = countCodec<ReceivedCountNotice>('receivedCountNotice', 0x9101);
export const sentCountNoticeCodec = countCodec<SentCountNotice>('sentCountNotice', 0x1101);

/** DATA_TYPE and DATA_LENGTH around a body read by `read`, which must use up exactly DATA_LENGTH. */
function readWrapped<T>(
  r: ByteReader,
  ctx: DecodeContext,
  msgId: number,
  read: () => T,
): { value: T; dataType?: number } {
  const dataType = r.u16('DATA_TYPE');
  const dataLength = r.u32('DATA_LENGTH');
  if (dataLength !== r.remaining)
    deviation(ctx, 'length-mismatch', `DATA_LENGTH ${dataLength}, ${r.remaining} bytes follow`);
  const end = r.end;
  r.end = Math.min(end, r.pos + dataLength);
  try {
    const value = read();
    if (r.remaining > 0)
      deviation(ctx, 'trailing-bytes', `${r.remaining} bytes after 0x${msgId.toString(16)}`);
    r.pos = r.end;
    return dataType === msgId ? { value } : { value, dataType };
  } finally {
    r.end = end;
  }
}

function writeWrapped(w: ByteWriter, dataType: number, write: () => void): void {
  w.u16(dataType);
  const lengthAt = w.skip(4);
  const start = w.length;
  write();
  w.patchU32(lengthAt, w.length - start);
}

export const linkReportRequestCodec: BodyCodec<LinkReportRequest> = {
  kind: 'linkReportRequest',
  msgId: 0x9102,
  decode: (r, ctx) => {
    const m: LinkReportRequest = { kind: 'linkReportRequest', platformId: '', startTime: 0, endTime: 0 };
    const { dataType } = readWrapped(r, ctx, 0x9102, () => {
      m.platformId = keepVerbatim(m, 'platformId', readFixedText(r, 11, 'PLATFORM_ID'));
      m.startTime = readUtc(r, 'START_TIME');
      m.endTime = readUtc(r, 'END_TIME');
    });
    if (dataType !== undefined) m.dataType = dataType;
    return m;
  },
  encode: (w, m) =>
    writeWrapped(w, m.dataType ?? 0x9102, () => {
      writeFixedText(w, 11, { text: m.platformId, verbatim: m.verbatim?.platformId }, 'PLATFORM_ID');
      writeUtc(w, m.startTime, 'START_TIME');
      writeUtc(w, m.endTime, 'END_TIME');
    }),
};

export const linkReportCodec: BodyCodec<LinkReport> = {
  kind: 'linkReport',
  msgId: 0x1102,
  decode: (r, ctx) => {
    const m: LinkReport = {
      kind: 'linkReport',
      platformId: '',
      startTime: 0,
      endTime: 0,
      lostLocations: 0,
      disconnects: 0,
      disconnectedSeconds: 0,
    };
    const { dataType } = readWrapped(r, ctx, 0x1102, () => {
      m.platformId = keepVerbatim(m, 'platformId', readFixedText(r, 11, 'PLATFORM_ID'));
      m.startTime = readUtc(r, 'START_TIME');
      m.endTime = readUtc(r, 'END_TIME');
      m.lostLocations = r.u32('LOSE_DYNAMIC_SUM');
      m.disconnects = r.u8('DISCONNECT_NUM');
      m.disconnectedSeconds = r.u32('DISCONNECT_TIME');
    });
    if (dataType !== undefined) m.dataType = dataType;
    return m;
  },
  encode: (w, m) =>
    writeWrapped(w, m.dataType ?? 0x1102, () => {
      writeFixedText(w, 11, { text: m.platformId, verbatim: m.verbatim?.platformId }, 'PLATFORM_ID');
      writeUtc(w, m.startTime, 'START_TIME');
      writeUtc(w, m.endTime, 'END_TIME');
      w.u32(m.lostLocations);
      w.u8(m.disconnects);
      w.u32(m.disconnectedSeconds);
    }),
};
