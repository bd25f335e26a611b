// Message header (JT/T 808-2013 §4.4.3, JT/T 808-2019 §4.4.3): id WORD, body properties WORD,
// [2019: protocol version BYTE], phone BCD[6] (2013) or BCD[10] (2019), serial WORD,
// [total WORD, index WORD when bit 13 is set].
import type { ByteReader, ByteWriter } from './bytes.ts';
import type { DecodeContext, Edition } from './context.ts';
import { readBcd, writeBcd } from './text.ts';

/** Body properties: bits 0-9 length, 10-12 encryption, 13 subpackage, 14 2019 edition, 15 reserved. */
export const BODY_LENGTH_MASK = 0x03ff;
const SUBPACKAGE_BIT = 0x2000;
const EDITION_2019_BIT = 0x4000;
const RESERVED_BIT = 0x8000;
export const MAX_BODY_LENGTH = BODY_LENGTH_MASK;

export interface Subpackage {
  /** Number of packets, from 1. */
  total: number;
  /** This packet's index, from 1. */
  index: number;
}

export interface Header {
  msgId: number;
  version: Edition;
  /** 2019 only: the protocol version byte (1 for JT/T 808-2019). */
  protocolVersion?: number;
  /** Terminal phone as its BCD digits: 12 (2013) or 20 (2019), leading zeros kept. */
  phone: string;
  serial: number;
  /** Bits 10-12: 0 plain, 1 RSA; other values reserved. */
  encryption: number;
  /** Bit 15, reserved; kept so frames re-encode unchanged. */
  reserved: boolean;
  subpackage?: Subpackage;
}

export function editionOf(properties: number): Edition {
  return properties & EDITION_2019_BIT ? '2019' : '2013';
}

export function headerLength(version: Edition, subpackage: boolean): number {
  return (version === '2019' ? 17 : 12) + (subpackage ? 4 : 0);
}

/** Reads the header; returns it with the declared body length. */
export function readHeader(r: ByteReader, ctx: DecodeContext): { header: Header; declaredLength: number } {
  const msgId = r.u16('message id');
  const properties = r.u16('body properties');
  const version = editionOf(properties);
  const protocolVersion = version === '2019' ? r.u8('protocol version') : undefined;
  const phone = readBcd(r, version === '2019' ? 10 : 6, ctx, 'phone');
  const serial = r.u16('serial');
  const header: Header = {
    msgId,
    version,
    phone,
    serial,
    encryption: (properties >>> 10) & 0x7,
    reserved: (properties & RESERVED_BIT) !== 0,
  };
  if (protocolVersion !== undefined) header.protocolVersion = protocolVersion;
  if (properties & SUBPACKAGE_BIT) {
    const total = r.u16('subpackage total');
    const index = r.u16('subpackage index');
    header.subpackage = { total, index };
  }
  return { header, declaredLength: properties & BODY_LENGTH_MASK };
}

/** Writes the header with a zero body length; returns the offset of the properties to patch. */
export function writeHeader(w: ByteWriter, header: Header): number {
  w.u16(header.msgId);
  const at = w.skip(2);
  if (header.version === '2019') w.u8(header.protocolVersion ?? 1);
  writeBcd(w, header.phone, header.version === '2019' ? 10 : 6, 'phone');
  w.u16(header.serial);
  if (header.subpackage) {
    w.u16(header.subpackage.total);
    w.u16(header.subpackage.index);
  }
  return at;
}

export function bodyProperties(header: Header, bodyLength: number): number {
  if (bodyLength > MAX_BODY_LENGTH)
    throw new RangeError(`body of ${bodyLength} bytes exceeds ${MAX_BODY_LENGTH}; send it in subpackages`);
  if (!Number.isInteger(header.encryption) || header.encryption < 0 || header.encryption > 7)
    throw new RangeError(`encryption out of range: ${header.encryption}`);
  return (
    (bodyLength |
      (header.encryption << 10) |
      (header.subpackage ? SUBPACKAGE_BIT : 0) |
      (header.version === '2019' ? EDITION_2019_BIT : 0) |
      (header.reserved ? RESERVED_BIT : 0)) >>>
    0
  );
}
