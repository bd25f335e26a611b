// @jtgov/jt808 — JT/T 808 (2011/2013/2019) codec: bytes in, typed packets out, and back. Pure: no I/O.
export { ByteReader, ByteWriter, bytesEqual, DecodeFailure, fromHex, toHex } from './bytes.ts';
export {
  type DecodeOptions,
  type DecodeResult,
  decodeBody,
  decodeFrame,
  decodeLocation,
  encodeBody,
  encodeContent,
  encodeLocation,
  encodePacket,
  type Packet,
  splitPacket,
} from './codec.ts';
export type { Edition, ErrorCode, Jt808Error, Jt808Warning } from './context.ts';
export {
  DEFAULT_MAX_FRAME_LENGTH,
  escapeFrame,
  Framer,
  type FramerEvent,
  type FramerOptions,
  xorChecksum,
} from './frame.ts';
export { type Header, MAX_BODY_LENGTH, type Subpackage } from './header.ts';
export { bodyToJson, extrasToJson, locationToJson, type PacketJson, packetToJson } from './json.ts';
export { EXTRA_IDS, extraId, type LocationExtra } from './messages/extras.ts';
export type * from './messages/general.ts';
export {
  type DownlinkMessage,
  MESSAGE_IDS,
  type Message,
  type MessageKind,
  type RawBody,
  type UplinkMessage,
} from './messages/index.ts';
export type * from './messages/location.ts';
export type { Attributes, ParametersReply, QueryParameters, SetParameters } from './messages/parameters.ts';
export { PARAMETER_TYPES, type Parameter } from './messages/parameters.ts';
export type { Authenticate, Register, RegisterEdition, RegisterResponse } from './messages/registration.ts';
export {
  type IncompleteMessage,
  Reassembler,
  type ReassemblerOptions,
  type ReassemblyResult,
} from './reassembly.ts';
export {
  ALARM_BITS,
  ALARMS_CLEARED_ON_ACK,
  type AlarmName,
  alarmMask,
  alarmNames,
  describeIoStatus,
  describeStatus,
  type LoadState,
  type LocationStatus,
  VEHICLE_SIGNAL_BITS,
  type VehicleSignal,
  vehicleSignalNames,
} from './status.ts';
export {
  decodeGbk,
  encodeGbk,
  keepVerbatim,
  readFixedText,
  readText,
  type TextField,
  type TimeZoneSuffix,
  writeFixedText,
  writeText,
} from './text.ts';
