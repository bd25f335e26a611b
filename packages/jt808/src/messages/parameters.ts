// Terminal parameters and attributes (JT/T 808-2013 §8.8-8.14, Table 10; JT/T 808-2019 §8.12-8.18).
import type { ByteReader, ByteWriter } from '../bytes.ts';
import { bytesEqual } from '../bytes.ts';
import {
  decodeGbk,
  encodeGbk,
  keepVerbatim,
  readBcd,
  readFixedText,
  readText,
  writeBcd,
  writeFixedText,
  writeText,
} from '../text.ts';
import type { BodyCodec } from './codec-types.ts';

type ParameterType = 'byte' | 'word' | 'dword' | 'string';

/** Value types of the standard parameter ids (JT/T 808-2013 Table 10; 2019 Table 13). Ids not listed
 * here, and listed ids whose length does not fit their type, keep their value as raw bytes. */
export const PARAMETER_TYPES: ReadonlyMap<number, ParameterType> = new Map<number, ParameterType>([
  ...[0x0001, 0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x0007].map((id) => [id, 'dword'] as const),
  ...[0x0010, 0x0011, 0x0012, 0x0013, 0x0014, 0x0015, 0x0016, 0x0017, 0x001a, 0x001d].map(
    (id) => [id, 'string'] as const,
  ),
  ...[0x0023, 0x0024, 0x0025, 0x0026].map((id) => [id, 'string'] as const),
  ...[0x0018, 0x0019, 0x001b, 0x001c].map((id) => [id, 'dword'] as const),
  ...[0x0020, 0x0021, 0x0022, 0x0027, 0x0028, 0x0029, 0x002c, 0x002d, 0x002e, 0x002f, 0x0030].map(
    (id) => [id, 'dword'] as const,
  ),
  [0x0031, 'word'],
  ...[0x0040, 0x0041, 0x0042, 0x0043, 0x0044, 0x0048, 0x0049].map((id) => [id, 'string'] as const),
  ...[0x0045, 0x0046, 0x0047].map((id) => [id, 'dword'] as const),
  ...[0x0050, 0x0051, 0x0052, 0x0053, 0x0054, 0x0055, 0x0056, 0x0057, 0x0058, 0x0059, 0x005a].map(
    (id) => [id, 'dword'] as const,
  ),
  ...[0x005b, 0x005c, 0x005d, 0x005e].map((id) => [id, 'word'] as const),
  ...[0x0064, 0x0065, 0x0070, 0x0071, 0x0072, 0x0073, 0x0074, 0x0080].map((id) => [id, 'dword'] as const),
  [0x0081, 'word'],
  [0x0082, 'word'],
  [0x0083, 'string'],
  [0x0084, 'byte'],
  ...[0x0090, 0x0091, 0x0092, 0x0094].map((id) => [id, 'byte'] as const),
  [0x0093, 'dword'],
  [0x0095, 'dword'],
  [0x0100, 'dword'],
  [0x0101, 'word'],
  [0x0102, 'dword'],
  [0x0103, 'word'],
]);

const WIDTH: Record<Exclude<ParameterType, 'string'>, number> = { byte: 1, word: 2, dword: 4 };

/** One parameter: numbers for BYTE/WORD/DWORD ids, text for STRING ids, raw bytes otherwise.
 * Multi-valued parameters repeat the same id. */
export interface Parameter {
  id: number;
  value: number | string | Uint8Array;
}

/** 0x8103 set parameters (count BYTE, items of id DWORD, length BYTE, value). */
export interface SetParameters {
  kind: 'setParameters';
  params: Parameter[];
}

/** 0x0104 reply to 0x8104/0x8106. */
export interface ParametersReply {
  kind: 'parameters';
  replySerial: number;
  params: Parameter[];
}

/** 0x8106 query given parameters. */
export interface QueryParameters {
  kind: 'queryParameters';
  ids: number[];
}

/** 0x0107 attributes reply. */
export interface Attributes {
  kind: 'attributes';
  /** Bit 0 passenger, 1 dangerous goods, 2 freight, 3 taxi, 6 video, 7 integrated/split, 8 trailer (2019). */
  terminalType: number;
  manufacturer: string;
  model: string;
  terminalId: string;
  /** SIM ICCID, BCD[10]. */
  iccid: string;
  hardwareVersion: string;
  firmwareVersion: string;
  /** Bit 0 GPS, 1 BeiDou, 2 GLONASS, 3 Galileo. */
  gnssAttributes: number;
  /** Bit 0 GPRS, 1 CDMA, 2 TD-SCDMA, 3 WCDMA, 4 CDMA2000, 5 TD-LTE, 7 other. */
  commAttributes: number;
  verbatim?: Partial<
    Record<'manufacturer' | 'model' | 'terminalId' | 'hardwareVersion' | 'firmwareVersion', Uint8Array>
  >;
}

function readParameters(r: ByteReader): Parameter[] {
  const count = r.u8('parameter count');
  const params: Parameter[] = [];
  for (let i = 0; i < count; i++) {
    const id = r.u32('parameter id');
    const length = r.u8('parameter length');
    const raw = r.view(length, `parameter 0x${id.toString(16)}`);
    params.push({ id, value: parameterValue(id, raw) });
  }
  return params;
}

function parameterValue(id: number, raw: Uint8Array): Parameter['value'] {
  const type = PARAMETER_TYPES.get(id);
  if (type === 'string') {
    const text = decodeGbk(raw);
    return bytesEqual(encodeGbk(text), raw) ? text : raw.slice();
  }
  if (type && raw.length === WIDTH[type]) {
    let v = 0;
    for (const b of raw) v = v * 256 + b;
    return v;
  }
  return raw.slice();
}

function writeParameters(w: ByteWriter, params: readonly Parameter[]): void {
  w.u8(params.length);
  for (const { id, value } of params) {
    w.u32(id);
    const lengthAt = w.skip(1);
    let length: number;
    if (typeof value === 'string') length = writeText(w, value);
    else if (value instanceof Uint8Array) {
      w.put(value);
      length = value.length;
    } else {
      const type = PARAMETER_TYPES.get(id);
      if (!type || type === 'string') throw new RangeError(`parameter 0x${id.toString(16)} is not numeric`);
      length = WIDTH[type];
      if (type === 'byte') w.u8(value);
      else if (type === 'word') w.u16(value);
      else w.u32(value);
    }
    if (length > 0xff) throw new RangeError(`parameter 0x${id.toString(16)} longer than 255 bytes`);
    w.bytes[lengthAt] = length;
  }
}

export const setParametersCodec: BodyCodec<SetParameters> = {
  kind: 'setParameters',
  msgId: 0x8103,
  decode: (r) => ({ kind: 'setParameters', params: readParameters(r) }),
  encode: (w, m) => writeParameters(w, m.params),
};

export const parametersReplyCodec: BodyCodec<ParametersReply> = {
  kind: 'parameters',
  msgId: 0x0104,
  decode: (r) => ({ kind: 'parameters', replySerial: r.u16('reply serial'), params: readParameters(r) }),
  encode: (w, m) => {
    w.u16(m.replySerial);
    writeParameters(w, m.params);
  },
};

export const queryParametersCodec: BodyCodec<QueryParameters> = {
  kind: 'queryParameters',
  msgId: 0x8106,
  decode: (r) => {
    const count = r.u8('parameter count');
    const ids: number[] = [];
    for (let i = 0; i < count; i++) ids.push(r.u32('parameter id'));
    return { kind: 'queryParameters', ids };
  },
  encode: (w, m) => {
    w.u8(m.ids.length);
    for (const id of m.ids) w.u32(id);
  },
};

export const attributesCodec: BodyCodec<Attributes> = {
  kind: 'attributes',
  msgId: 0x0107,
  decode: (r, ctx) => {
    const wide = ctx.version === '2019';
    const terminalType = r.u16('terminal type');
    const manufacturer = readFixedText(r, 5, 'manufacturer');
    const model = readFixedText(r, wide ? 30 : 20, 'model');
    const terminalId = readFixedText(r, wide ? 30 : 7, 'terminal id');
    const iccid = readBcd(r, 10, ctx, 'ICCID');
    const hardwareVersion = readText(r, r.u8('hardware version length'), 'hardware version');
    const firmwareVersion = readText(r, r.u8('firmware version length'), 'firmware version');
    const m: Attributes = {
      kind: 'attributes',
      terminalType,
      manufacturer: '',
      model: '',
      terminalId: '',
      iccid,
      hardwareVersion: '',
      firmwareVersion: '',
      gnssAttributes: r.u8('GNSS attributes'),
      commAttributes: r.u8('communication attributes'),
    };
    m.manufacturer = keepVerbatim(m, 'manufacturer', manufacturer);
    m.model = keepVerbatim(m, 'model', model);
    m.terminalId = keepVerbatim(m, 'terminalId', terminalId);
    m.hardwareVersion = keepVerbatim(m, 'hardwareVersion', hardwareVersion);
    m.firmwareVersion = keepVerbatim(m, 'firmwareVersion', firmwareVersion);
    return m;
  },
  encode: (w, m, version) => {
    const wide = version === '2019';
    const v = m.verbatim ?? {};
    w.u16(m.terminalType);
    writeFixedText(w, 5, { text: m.manufacturer, verbatim: v.manufacturer }, 'manufacturer');
    writeFixedText(w, wide ? 30 : 20, { text: m.model, verbatim: v.model }, 'model');
    writeFixedText(w, wide ? 30 : 7, { text: m.terminalId, verbatim: v.terminalId }, 'terminal id');
    writeBcd(w, m.iccid, 10, 'ICCID');
    for (const [text, verbatim] of [
      [m.hardwareVersion, v.hardwareVersion],
      [m.firmwareVersion, v.firmwareVersion],
    ] as const) {
      const lengthAt = w.skip(1);
      const length = writeText(w, text, verbatim);
      if (length > 0xff) throw new RangeError('version longer than 255 bytes');
      w.bytes[lengthAt] = length;
    }
    w.u8(m.gnssAttributes);
    w.u8(m.commAttributes);
  },
};
