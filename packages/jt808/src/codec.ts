// Frame content (header | body | checksum, unescaped) to a typed packet and back.
import { ByteReader, ByteWriter, DecodeFailure } from './bytes.ts';
import type { DecodeContext, Edition, ErrorCode, Jt808Error, Jt808Warning } from './context.ts';
import { deviation } from './context.ts';
import { escapeFrame, xorChecksum } from './frame.ts';
import {
  bodyProperties,
  type Header,
  headerLength,
  MAX_BODY_LENGTH,
  readHeader,
  writeHeader,
} from './header.ts';
import { codecById, codecByKind, type Message } from './messages/index.ts';
import { type Location, readLocation, writeLocation } from './messages/location.ts';

export interface Packet {
  header: Header;
  message: Message;
}

export interface DecodeOptions {
  /**
   * Strict (default): a bad checksum, a body length other than declared, non-BCD digits, a
   * non-calendar time, invalid GBK or bytes left over refuse the frame, so every accepted frame
   * re-encodes byte for byte. Lenient: accept them as Traccar does, listed in `warnings`.
   */
  strict?: boolean;
  /**
   * Location times (0x0200, 0x0201, 0x0704 items) as ISO 8601 strings (default) or epoch ms — for
   * a consumer that wants a number anyway, without a string built and parsed again per report.
   */
  timeAs?: 'iso' | 'epoch-ms';
}

function contextOf(version: Edition, options: DecodeOptions, warnings: Jt808Warning[]): DecodeContext {
  return { version, strict: options.strict ?? true, warnings, epochMs: options.timeAs === 'epoch-ms' };
}

export type DecodeResult =
  | { ok: true; packet: Packet; warnings: Jt808Warning[] }
  | { ok: false; error: Jt808Error };

/** Every exception inside a decoder becomes an error result: decoders never throw. */
function failureOf(err: unknown): Jt808Error {
  if (err instanceof DecodeFailure) return { code: err.code as ErrorCode, message: err.message };
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}

/** The smallest content: a 2013 header without subpackage and the checksum. */
const MIN_CONTENT = 13;

/** Decodes one frame's content as the Framer emits it. Never throws. */
export function decodeFrame(content: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  const warnings: Jt808Warning[] = [];
  try {
    return { ok: true, packet: decodeContent(content, options, warnings), warnings };
  } catch (err) {
    return { ok: false, error: failureOf(err) };
  }
}

function decodeContent(content: Uint8Array, options: DecodeOptions, warnings: Jt808Warning[]): Packet {
  if (content.length < MIN_CONTENT)
    throw new DecodeFailure('too-short', `frame of ${content.length} bytes is shorter than a header`);
  const last = content.length - 1;
  const properties = (content[2]! << 8) | content[3]!;
  const ctx = contextOf(properties & 0x4000 ? '2019' : '2013', options, warnings);
  const expected = xorChecksum(content, 0, last);
  if (expected !== content[last])
    deviation(
      ctx,
      'checksum',
      `checksum 0x${content[last]!.toString(16)}, computed 0x${expected.toString(16)}`,
    );
  const r = new ByteReader(content, 0, last);
  const { header, declaredLength } = readHeader(r, ctx);
  if (declaredLength !== r.remaining)
    deviation(ctx, 'length-mismatch', `body declares ${declaredLength} bytes, carries ${r.remaining}`);
  if (header.subpackage) {
    const { total, index } = header.subpackage;
    if (total < 1 || index < 1 || index > total)
      deviation(ctx, 'invalid-subpackage', `subpackage ${index} of ${total}`);
  }
  return { header, message: decodeBodyWith(header, r, ctx) };
}

function decodeBodyWith(header: Header, r: ByteReader, ctx: DecodeContext): Message {
  const codec = header.subpackage || header.encryption !== 0 ? undefined : codecById(header.msgId);
  if (!codec) return { kind: 'raw', data: r.rest() };
  const message = codec.decode(r, ctx);
  if (r.remaining > 0) deviation(ctx, 'trailing-bytes', `${r.remaining} bytes after the body`);
  return message;
}

/**
 * Decodes a body on its own — for a message reassembled from subpackages, whose header is the first
 * packet's. Never throws.
 */
export function decodeBody(
  header: Header,
  body: Uint8Array,
  options: DecodeOptions = {},
): { ok: true; message: Message; warnings: Jt808Warning[] } | { ok: false; error: Jt808Error } {
  const warnings: Jt808Warning[] = [];
  const ctx = contextOf(header.version, options, warnings);
  try {
    const plain: Header = { ...header, subpackage: undefined };
    return { ok: true, message: decodeBodyWith(plain, new ByteReader(body), ctx), warnings };
  } catch (err) {
    return { ok: false, error: failureOf(err) };
  }
}

/** Encodes a message body alone. Throws RangeError on values the layout cannot hold. */
export function encodeBody(packet: Packet): Uint8Array {
  const w = new ByteWriter(64);
  writeBody(w, packet);
  return w.result();
}

function writeBody(w: ByteWriter, { header, message }: Packet): void {
  if (message.kind === 'raw') {
    w.put(message.data);
    return;
  }
  const codec = codecByKind(message.kind);
  if (codec.msgId !== header.msgId)
    throw new RangeError(
      `a ${message.kind} message has id 0x${codec.msgId.toString(16)}, not 0x${header.msgId.toString(16)}`,
    );
  codec.encode(w, message, header.version);
}

/** Header, body and checksum, unescaped. Throws RangeError on values the layout cannot hold. */
export function encodeContent(packet: Packet): Uint8Array {
  const w = new ByteWriter(headerLength(packet.header.version, !!packet.header.subpackage) + 64);
  const propertiesAt = writeHeader(w, packet.header);
  const bodyStart = w.length;
  writeBody(w, packet);
  w.patchU16(propertiesAt, bodyProperties(packet.header, w.length - bodyStart));
  w.u8(xorChecksum(w.bytes, 0, w.length));
  return w.result();
}

/** A complete frame: flags, escaped content. Throws RangeError on values the layout cannot hold. */
export function encodePacket(packet: Packet): Uint8Array {
  return escapeFrame(encodeContent(packet));
}

/**
 * A 0x0200 body on its own (28-byte base and extra items) — as JT/T 809-2019 carries it inside
 * 0x1202/0x1203. Never throws.
 */
export function decodeLocation(
  body: Uint8Array,
  options: DecodeOptions = {},
): { ok: true; location: Location; warnings: Jt808Warning[] } | { ok: false; error: Jt808Error } {
  const warnings: Jt808Warning[] = [];
  const ctx = contextOf('2019', options, warnings);
  try {
    return { ok: true, location: readLocation(new ByteReader(body), ctx), warnings };
  } catch (err) {
    return { ok: false, error: failureOf(err) };
  }
}

/** Encodes a 0x0200 body on its own. Throws RangeError on values the layout cannot hold. */
export function encodeLocation(location: Location): Uint8Array {
  const w = new ByteWriter(64);
  writeLocation(w, location);
  return w.result();
}

/**
 * Splits a message whose body exceeds maxBody into subpackages (JT/T 808-2013 §4.4.3): consecutive
 * serials from the header's, total and index from 1. A body that fits returns the packet unchanged.
 */
export function splitPacket(packet: Packet, maxBody = MAX_BODY_LENGTH): Packet[] {
  if (maxBody < 1 || maxBody > MAX_BODY_LENGTH) throw new RangeError(`maxBody must be 1-${MAX_BODY_LENGTH}`);
  const body = encodeBody(packet);
  if (body.length <= maxBody) return [packet];
  const total = Math.ceil(body.length / maxBody);
  if (total > 0xffff) throw new RangeError(`${total} subpackages exceed a WORD`);
  return Array.from({ length: total }, (_, i) => ({
    header: {
      ...packet.header,
      serial: (packet.header.serial + i) & 0xffff,
      subpackage: { total, index: i + 1 },
    },
    message: { kind: 'raw', data: body.subarray(i * maxBody, (i + 1) * maxBody) },
  }));
}
