// Responses, link messages, subpackage re-requests, server time, text and pass-through
// (JT/T 808-2013 §8.1-8.4, §8.27, §8.62-8.63; JT/T 808-2019 §8.4-8.7, §8.26).
import type { ByteReader } from '../bytes.ts';
import type { Edition } from '../context.ts';
import { keepVerbatim, readBcdTime, readText, writeBcdTime, writeText } from '../text.ts';
import type { BodyCodec } from './codec-types.ts';

/** 0x0001 terminal / 0x8001 platform general response. Results: 0 ok, 1 failed, 2 message error,
 * 3 unsupported; 0x8001 adds 4 = alarm-handling confirmation. */
export interface TerminalResponse {
  kind: 'terminalResponse';
  replySerial: number;
  replyId: number;
  result: number;
}

export interface PlatformResponse {
  kind: 'platformResponse';
  replySerial: number;
  replyId: number;
  result: number;
}

/** 0x0002 heartbeat, 0x0003 logout, 0x0004 query server time (2019), 0x8104 query all parameters,
 * 0x8107 query attributes, 0x8201 location query, 0x8204 link check (2019): empty bodies. */
export interface Heartbeat {
  kind: 'heartbeat';
}
export interface Logout {
  kind: 'logout';
}
export interface QueryServerTime {
  kind: 'queryServerTime';
}
export interface QueryAllParameters {
  kind: 'queryAllParameters';
}
export interface QueryAttributes {
  kind: 'queryAttributes';
}
export interface LocationQuery {
  kind: 'locationQuery';
}
export interface LinkCheck {
  kind: 'linkCheck';
}

/** 0x8004 (2019): the server's time, BCD[6] in UTC. */
export interface ServerTime {
  kind: 'serverTime';
  time: string | null;
}

/** 0x8003 platform / 0x0005 terminal (2019): re-send these packets of the subpackaged message whose
 * first packet had originalSerial. The count is a BYTE in 2013 and a WORD in 2019. */
export interface PlatformFragmentRequest {
  kind: 'platformFragmentRequest';
  originalSerial: number;
  packetIds: number[];
}

export interface TerminalFragmentRequest {
  kind: 'terminalFragmentRequest';
  originalSerial: number;
  packetIds: number[];
}

/** 0x8300 text. Flag bits (2013): 0 urgent, 2 terminal display, 3 TTS, 4 advertising screen,
 * 5 CAN fault code; 2019 adds a text type BYTE (1 notice, 2 service). */
export interface TextMessage {
  kind: 'text';
  flags: number;
  /** 2019 only. */
  textType?: number;
  text: string;
  verbatim?: { text?: Uint8Array };
}

/** 0x8105 terminal control: command word and, for commands 1 and 2, ';'-separated parameters. */
export interface TerminalControl {
  kind: 'terminalControl';
  command: number;
  params?: string;
  verbatim?: { params?: Uint8Array };
}

/** 0x0900 uplink / 0x8900 downlink pass-through: type BYTE and opaque data. */
export interface UplinkPassThrough {
  kind: 'uplinkPassThrough';
  type: number;
  data: Uint8Array;
}

export interface DownlinkPassThrough {
  kind: 'downlinkPassThrough';
  type: number;
  data: Uint8Array;
}

export function emptyCodec<M extends { kind: string }>(kind: M['kind'], msgId: number): BodyCodec<M> {
  return {
    kind,
    msgId,
    decode: () => ({ kind }) as M,
    encode: () => {},
  };
}

function responseCodec<M extends TerminalResponse | PlatformResponse>(
  kind: M['kind'],
  msgId: number,
): BodyCodec<M> {
  return {
    kind,
    msgId,
    decode: (r) =>
      ({ kind, replySerial: r.u16('reply serial'), replyId: r.u16('reply id'), result: r.u8('result') }) as M,
    encode: (w, m) => {
      w.u16(m.replySerial);
      w.u16(m.replyId);
      w.u8(m.result);
    },
  };
}

export const terminalResponseCodec = responseCodec<TerminalResponse>('terminalResponse', 0x0001);
export const platformResponseCodec = responseCodec<PlatformResponse>('platformResponse', 0x8001);

function readCount(r: ByteReader, version: Edition): number {
  return version === '2019' ? r.u16('packet count') : r.u8('packet count');
}

function fragmentCodec<M extends PlatformFragmentRequest | TerminalFragmentRequest>(
  kind: M['kind'],
  msgId: number,
): BodyCodec<M> {
  return {
    kind,
    msgId,
    decode: (r, ctx) => {
      const originalSerial = r.u16('original serial');
      const count = readCount(r, ctx.version);
      const packetIds: number[] = [];
      for (let i = 0; i < count; i++) packetIds.push(r.u16('packet id'));
      return { kind, originalSerial, packetIds } as M;
    },
    encode: (w, m, version) => {
      w.u16(m.originalSerial);
      if (version === '2019') w.u16(m.packetIds.length);
      else w.u8(m.packetIds.length);
      for (const id of m.packetIds) w.u16(id);
    },
  };
}

export const platformFragmentRequestCodec = fragmentCodec<PlatformFragmentRequest>(
  'platformFragmentRequest',
  0x8003,
);
export const terminalFragmentRequestCodec = fragmentCodec<TerminalFragmentRequest>(
  'terminalFragmentRequest',
  0x0005,
);

export const serverTimeCodec: BodyCodec<ServerTime> = {
  kind: 'serverTime',
  msgId: 0x8004,
  decode: (r, ctx) => ({ kind: 'serverTime', time: readBcdTime(r, ctx, 'Z') }),
  encode: (w, m) => writeBcdTime(w, m.time, 'Z'),
};

export const textCodec: BodyCodec<TextMessage> = {
  kind: 'text',
  msgId: 0x8300,
  decode: (r, ctx) => {
    const m: TextMessage = { kind: 'text', flags: r.u8('flags'), text: '' };
    if (ctx.version === '2019') m.textType = r.u8('text type');
    m.text = keepVerbatim(m, 'text', readText(r, r.remaining, 'text'));
    return m;
  },
  encode: (w, m, version) => {
    w.u8(m.flags);
    if (version === '2019') w.u8(m.textType ?? 1);
    writeText(w, m.text, m.verbatim?.text);
  },
};

export const terminalControlCodec: BodyCodec<TerminalControl> = {
  kind: 'terminalControl',
  msgId: 0x8105,
  decode: (r) => {
    const m: TerminalControl = { kind: 'terminalControl', command: r.u8('command') };
    if (r.remaining > 0) m.params = keepVerbatim(m, 'params', readText(r, r.remaining, 'command parameters'));
    return m;
  },
  encode: (w, m) => {
    w.u8(m.command);
    if (m.params !== undefined) writeText(w, m.params, m.verbatim?.params);
  },
};

function passThroughCodec<M extends UplinkPassThrough | DownlinkPassThrough>(
  kind: M['kind'],
  msgId: number,
): BodyCodec<M> {
  return {
    kind,
    msgId,
    decode: (r) => ({ kind, type: r.u8('pass-through type'), data: r.rest() }) as M,
    encode: (w, m) => {
      w.u8(m.type);
      w.put(m.data);
    },
  };
}

export const uplinkPassThroughCodec = passThroughCodec<UplinkPassThrough>('uplinkPassThrough', 0x0900);
export const downlinkPassThroughCodec = passThroughCodec<DownlinkPassThrough>('downlinkPassThrough', 0x8900);
