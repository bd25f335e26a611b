// Registration and authentication (JT/T 808-2013 §8.5-8.7; JT/T 808-2019 §8.8-8.11).
import { keepVerbatim, readFixedText, readText, writeFixedText, writeText } from '../text.ts';
import type { BodyCodec } from './codec-types.ts';

/** Layout of the register body; 2011 and 2013 share the header, so the body length tells them apart. */
export type RegisterEdition = '2011' | '2013' | '2019';

type RegisterTextField = 'manufacturer' | 'model' | 'terminalId';

/** Field widths per edition (2011: JT/T 808-2011 §8.5; 2013: §8.5; 2019: §8.8). */
const REGISTER_WIDTHS: Record<RegisterEdition, Record<RegisterTextField, number>> = {
  '2011': { manufacturer: 5, model: 8, terminalId: 7 },
  '2013': { manufacturer: 5, model: 20, terminalId: 7 },
  '2019': { manufacturer: 11, model: 30, terminalId: 30 },
};

/** 2011 pads the model with spaces, later editions with 0x00. */
const modelFill = (edition: RegisterEdition) => (edition === '2011' ? 0x20 : 0x00);

/** Bytes before the plate in the 2013 layout; a shorter body can only be the 2011 layout. */
const REGISTER_2013_FIXED = 37;

/** 0x0100 terminal register. */
export interface Register {
  kind: 'register';
  edition: RegisterEdition;
  /** GB/T 2260 province (first two digits). */
  province: number;
  /** GB/T 2260 city/county (last four digits). */
  city: number;
  manufacturer: string;
  model: string;
  terminalId: string;
  /** 0 unplated (2019: the plate field holds the VIN), 1 blue, 2 yellow, 3 black, 4 white, 9 other. */
  plateColor: number;
  plate: string;
  /** Received bytes of text fields that were not their canonical encoding (see TextField). */
  verbatim?: Partial<Record<RegisterTextField | 'plate', Uint8Array>>;
}

/** 0x8100 register response. Results: 0 ok, 1 vehicle registered, 2 no such vehicle, 3 terminal
 * registered, 4 no such terminal. The auth code is present only when the result is 0. */
export interface RegisterResponse {
  kind: 'registerResponse';
  replySerial: number;
  result: number;
  authCode?: string;
  verbatim?: { authCode?: Uint8Array };
}

/** 0x0102 authenticate: 2013 the whole body is the code; 2019 adds its length, IMEI and software version. */
export interface Authenticate {
  kind: 'authenticate';
  authCode: string;
  /** 2019 only, BYTE[15]. */
  imei?: string;
  /** 2019 only, BYTE[20]. */
  softwareVersion?: string;
  verbatim?: Partial<Record<'authCode' | 'imei' | 'softwareVersion', Uint8Array>>;
}

export const registerCodec: BodyCodec<Register> = {
  kind: 'register',
  msgId: 0x0100,
  decode: (r, ctx) => {
    const edition: RegisterEdition =
      ctx.version === '2019' ? '2019' : r.remaining < REGISTER_2013_FIXED ? '2011' : '2013';
    const widths = REGISTER_WIDTHS[edition];
    const m: Register = {
      kind: 'register',
      edition,
      province: r.u16('province'),
      city: r.u16('city'),
      manufacturer: '',
      model: '',
      terminalId: '',
      plateColor: 0,
      plate: '',
    };
    m.manufacturer = keepVerbatim(m, 'manufacturer', readFixedText(r, widths.manufacturer, 'manufacturer'));
    m.model = keepVerbatim(m, 'model', readFixedText(r, widths.model, 'model', modelFill(edition)));
    m.terminalId = keepVerbatim(m, 'terminalId', readFixedText(r, widths.terminalId, 'terminal id'));
    m.plateColor = r.u8('plate colour');
    m.plate = keepVerbatim(m, 'plate', readText(r, r.remaining, 'plate'));
    return m;
  },
  encode: (w, m, version) => {
    if ((m.edition === '2019') !== (version === '2019'))
      throw new RangeError(`register edition ${m.edition} in a ${version} header`);
    const widths = REGISTER_WIDTHS[m.edition];
    w.u16(m.province);
    w.u16(m.city);
    const v = m.verbatim ?? {};
    writeFixedText(
      w,
      widths.manufacturer,
      { text: m.manufacturer, verbatim: v.manufacturer },
      'manufacturer',
    );
    writeFixedText(w, widths.model, { text: m.model, verbatim: v.model }, 'model', modelFill(m.edition));
    writeFixedText(w, widths.terminalId, { text: m.terminalId, verbatim: v.terminalId }, 'terminal id');
    w.u8(m.plateColor);
    writeText(w, m.plate, v.plate);
  },
};

export const registerResponseCodec: BodyCodec<RegisterResponse> = {
  kind: 'registerResponse',
  msgId: 0x8100,
  decode: (r) => {
    const replySerial = r.u16('reply serial');
    const result = r.u8('result');
    const m: RegisterResponse = { kind: 'registerResponse', replySerial, result };
    if (result === 0) m.authCode = keepVerbatim(m, 'authCode', readText(r, r.remaining, 'auth code'));
    return m;
  },
  encode: (w, m) => {
    w.u16(m.replySerial);
    w.u8(m.result);
    if (m.result === 0) writeText(w, m.authCode ?? '', m.verbatim?.authCode);
  },
};

export const authenticateCodec: BodyCodec<Authenticate> = {
  kind: 'authenticate',
  msgId: 0x0102,
  decode: (r, ctx) => {
    const m: Authenticate = { kind: 'authenticate', authCode: '' };
    if (ctx.version === '2013') {
      m.authCode = keepVerbatim(m, 'authCode', readText(r, r.remaining, 'auth code'));
      return m;
    }
    m.authCode = keepVerbatim(m, 'authCode', readText(r, r.u8('auth code length'), 'auth code'));
    m.imei = keepVerbatim(m, 'imei', readFixedText(r, 15, 'IMEI'));
    m.softwareVersion = keepVerbatim(m, 'softwareVersion', readFixedText(r, 20, 'software version'));
    return m;
  },
  encode: (w, m, version) => {
    const v = m.verbatim ?? {};
    if (version === '2013') {
      writeText(w, m.authCode, v.authCode);
      return;
    }
    const lengthAt = w.skip(1);
    const length = writeText(w, m.authCode, v.authCode);
    if (length > 0xff) throw new RangeError(`auth code longer than 255 bytes`);
    w.bytes[lengthAt] = length;
    writeFixedText(w, 15, { text: m.imei ?? '', verbatim: v.imei }, 'IMEI');
    writeFixedText(w, 20, { text: m.softwareVersion ?? '', verbatim: v.softwareVersion }, 'software version');
  },
};
