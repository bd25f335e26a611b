// Frame content (header | body | CRC, unescaped) to a typed packet and back.
import { ByteReader, ByteWriter, DecodeFailure } from '@jtgov/jt808';
import { type DecodeContext, deviation, failureOf, type Jt809Error, type Jt809Warning } from './context.ts';
import { crc16 } from './crc.ts';
import { cryptBody, type EncryptionKeys } from './encryption.ts';
import { escapeFrame } from './frame.ts';
import {
  type Edition,
  FRAMING_BYTES,
  guessEdition,
  HEADER_LENGTH,
  type Header,
  readHeader,
  writeHeader,
} from './header.ts';
import { codecById, codecByKind, type Message } from './messages/index.ts';

export interface Packet {
  header: Header;
  message: Message;
}

export interface DecodeOptions {
  /** Strict (default): a CRC or length mismatch, a bad time or leftover bytes refuse the frame, so
   * every accepted frame re-encodes byte for byte. Lenient: accepted and listed in `warnings`. */
  strict?: boolean;
  /** The link's edition; by default guessed per frame (see guessEdition). */
  version?: Edition;
  /** M1/IA1/IC1 agreed with the peer; without them an encrypted body stays raw. */
  keys?: EncryptionKeys;
}

export type DecodeResult =
  | { ok: true; packet: Packet; warnings: Jt809Warning[] }
  | { ok: false; error: Jt809Error };

/** Decodes one frame's content as the Framer emits it. Never throws. */
export function decodeFrame(content: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  const warnings: Jt809Warning[] = [];
  try {
    return { ok: true, packet: decodeContent(content, options, warnings), warnings };
  } catch (err) {
    return { ok: false, error: failureOf(err) };
  }
}

function decodeContent(content: Uint8Array, options: DecodeOptions, warnings: Jt809Warning[]): Packet {
  const version = options.version ?? guessEdition(content);
  const ctx: DecodeContext = { version, strict: options.strict ?? true, warnings };
  if (content.length < HEADER_LENGTH[version] + 2)
    throw new DecodeFailure(
      'too-short',
      `frame of ${content.length} bytes is shorter than a ${version} header`,
    );
  const crcAt = content.length - 2;
  const expected = crc16(content, 0, crcAt);
  const actual = (content[crcAt]! << 8) | content[crcAt + 1]!;
  if (expected !== actual)
    deviation(ctx, 'crc', `CRC 0x${actual.toString(16)}, computed 0x${expected.toString(16)}`);
  const r = new ByteReader(content, 0, crcAt);
  const { header, declaredLength } = readHeader(r, version);
  // MSG_LENGTH counts the whole unescaped packet: both flags, header, body and CRC.
  if (declaredLength !== content.length + 2)
    deviation(ctx, 'length-mismatch', `MSG_LENGTH ${declaredLength}, packet of ${content.length + 2} bytes`);
  let body = r.view(r.remaining);
  if (header.encryptFlag !== 0) {
    if (!options.keys) return { header, message: { kind: 'raw', data: body.slice() } };
    body = cryptBody(body, header.encryptKey, options.keys);
  }
  const codec = codecById(header.msgId);
  if (!codec) return { header, message: { kind: 'raw', data: body.slice() } };
  const br = new ByteReader(body);
  const message = codec.decode(br, ctx);
  if (br.remaining > 0) deviation(ctx, 'trailing-bytes', `${br.remaining} bytes after the body`);
  return { header, message };
}

/** Header, body (encrypted when the header says so) and CRC, unescaped. Throws RangeError on
 * values the layout cannot hold, or an encrypted header without keys for a decoded message. */
export function encodeContent(packet: Packet, keys?: EncryptionKeys): Uint8Array {
  const { header, message } = packet;
  const w = new ByteWriter(HEADER_LENGTH[header.version] + 64);
  const lengthAt = writeHeader(w, header);
  const bodyStart = w.length;
  if (message.kind === 'raw') w.put(message.data);
  else {
    const codec = codecByKind(message.kind);
    if (codec.msgId !== header.msgId)
      throw new RangeError(
        `a ${message.kind} message has id 0x${codec.msgId.toString(16)}, not 0x${header.msgId.toString(16)}`,
      );
    codec.encode(w, message, header.version);
    if (header.encryptFlag !== 0) {
      if (!keys) throw new RangeError('an encrypted header needs the M1/IA1/IC1 keys');
      w.bytes.set(cryptBody(w.bytes.subarray(bodyStart, w.length), header.encryptKey, keys), bodyStart);
    }
  }
  w.patchU32(lengthAt, w.length + FRAMING_BYTES);
  w.u16(crc16(w.bytes, 0, w.length));
  return w.result();
}

/** A complete frame: flags and escaped content. */
export function encodePacket(packet: Packet, keys?: EncryptionKeys): Uint8Array {
  return escapeFrame(encodeContent(packet, keys));
}
