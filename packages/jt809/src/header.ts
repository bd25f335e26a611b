// Header (JT/T 809-2011 §5.2.2; 2019 §5.2.2): MSG_LENGTH u32 (the whole unescaped packet, flags
// and CRC included), MSG_SN u32, MSG_ID u16, MSG_GNSSCENTERID u32, VERSION_FLAG 3 bytes,
// ENCRYPT_FLAG u8, ENCRYPT_KEY u32, and in 2019 TIME u64 (UTC seconds): 22 or 30 bytes.
import { type ByteReader, type ByteWriter, DecodeFailure } from '@jtgov/jt808';

export type Edition = '2011' | '2019';

export const HEADER_LENGTH: Readonly<Record<Edition, number>> = { '2011': 22, '2019': 30 };

/** Flags (2) and CRC (2) around header and body. */
export const FRAMING_BYTES = 4;

export interface Header {
  /** Business type (0x1001 login, 0x1200 vehicle dynamic information, …). */
  msgId: number;
  version: Edition;
  /** MSG_SN. */
  serial: number;
  /** The subordinate platform's access code, assigned by the superior. */
  gnssCenterId: number;
  /** VERSION_FLAG, e.g. [1, 2, 15] for v1.2.15. */
  protocolVersion: [number, number, number];
  /** 0 plain, 1 body encrypted with ENCRYPT_KEY. */
  encryptFlag: number;
  encryptKey: number;
  /** 2019 only: sending time, UTC seconds since 1970. */
  time?: number;
}

/** Plausible 2019 TIME values: 2010-01-01 to 2100-01-01. */
const TIME_MIN = 1_262_304_000;
const TIME_MAX = 4_102_444_800;

/**
 * Nothing in the header names its edition; both ends are configured alike. Without configuration a
 * frame is taken as 2019 when bytes 22-29 read as a plausible UTC time with a zero high word.
 */
export function guessEdition(content: Uint8Array): Edition {
  if (content.length < HEADER_LENGTH['2019'] + 2) return '2011';
  if (content[22] !== 0 || content[23] !== 0 || content[24] !== 0 || content[25] !== 0) return '2011';
  const t = content[26]! * 0x1000000 + ((content[27]! << 16) | (content[28]! << 8) | content[29]!);
  return t >= TIME_MIN && t < TIME_MAX ? '2019' : '2011';
}

export function readHeader(r: ByteReader, version: Edition): { header: Header; declaredLength: number } {
  const declaredLength = r.u32('MSG_LENGTH');
  const header: Header = {
    msgId: 0,
    version,
    serial: r.u32('MSG_SN'),
    gnssCenterId: 0,
    protocolVersion: [0, 0, 0],
    encryptFlag: 0,
    encryptKey: 0,
  };
  header.msgId = r.u16('MSG_ID');
  header.gnssCenterId = r.u32('MSG_GNSSCENTERID');
  header.protocolVersion = [r.u8('VERSION_FLAG'), r.u8('VERSION_FLAG'), r.u8('VERSION_FLAG')];
  header.encryptFlag = r.u8('ENCRYPT_FLAG');
  header.encryptKey = r.u32('ENCRYPT_KEY');
  if (version === '2019') {
    const high = r.u32('TIME');
    const low = r.u32('TIME');
    // Seconds beyond 2^53 cannot be held exactly; no real clock sends them.
    if (high >= 0x200000) throw new DecodeFailure('invalid-time', `TIME high word 0x${high.toString(16)}`);
    header.time = high * 0x100000000 + low;
  }
  return { header, declaredLength };
}

/** Writes the header with MSG_LENGTH zero; returns its offset to patch. */
export function writeHeader(w: ByteWriter, header: Header): number {
  const at = w.skip(4);
  w.u32(header.serial);
  w.u16(header.msgId);
  w.u32(header.gnssCenterId);
  for (const part of header.protocolVersion) w.u8(part);
  w.u8(header.encryptFlag);
  w.u32(header.encryptKey);
  if (header.version === '2019') {
    const time = header.time ?? 0;
    if (!Number.isSafeInteger(time) || time < 0) throw new RangeError(`TIME out of range: ${time}`);
    w.u32(Math.floor(time / 0x100000000));
    w.u32(time % 0x100000000);
  }
  return at;
}
