// @jtgov/jt809 — JT/T 809 (2011/2019) inter-platform codec: bytes in, typed packets out, and back.
// Pure: no I/O.
export {
  type DecodeOptions,
  type DecodeResult,
  decodeFrame,
  encodeContent,
  encodePacket,
  type Packet,
} from './codec.ts';
export type { ErrorCode, Jt809Error, Jt809Warning } from './context.ts';
export { crc16 } from './crc.ts';
export { cryptBody, type EncryptionKeys } from './encryption.ts';
export {
  DEFAULT_MAX_FRAME_LENGTH,
  escapeFrame,
  Framer,
  type FramerEvent,
  type FramerOptions,
} from './frame.ts';
export { type Edition, guessEdition, HEADER_LENGTH, type Header } from './header.ts';
export { type PacketJson, packetToJson } from './json.ts';
export type * from './messages/exchange.ts';
export { DATA_TYPES } from './messages/exchange.ts';
export { MESSAGE_IDS, type Message, type MessageKind, type RawBody } from './messages/index.ts';
export type * from './messages/link.ts';
export type * from './messages/statistics.ts';
export type * from './messages/warning.ts';
export { WARN_TYPES, WARNING_DATA_TYPES } from './messages/warning.ts';
