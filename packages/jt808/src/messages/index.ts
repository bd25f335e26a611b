import type { BodyCodec } from './codec-types.ts';
import {
  type DownlinkPassThrough,
  downlinkPassThroughCodec,
  emptyCodec,
  type Heartbeat,
  type LinkCheck,
  type LocationQuery,
  type Logout,
  type PlatformFragmentRequest,
  type PlatformResponse,
  platformFragmentRequestCodec,
  platformResponseCodec,
  type QueryAllParameters,
  type QueryAttributes,
  type QueryServerTime,
  type ServerTime,
  serverTimeCodec,
  type TerminalControl,
  type TerminalFragmentRequest,
  type TerminalResponse,
  type TextMessage,
  terminalControlCodec,
  terminalFragmentRequestCodec,
  terminalResponseCodec,
  textCodec,
  type UplinkPassThrough,
  uplinkPassThroughCodec,
} from './general.ts';
import {
  type AlarmConfirm,
  alarmConfirmCodec,
  type LocationBatch,
  type LocationQueryResponse,
  type LocationReport,
  locationBatchCodec,
  locationCodec,
  locationQueryResponseCodec,
  type TrackingControl,
  trackingCodec,
} from './location.ts';
import {
  type Attributes,
  attributesCodec,
  type ParametersReply,
  parametersReplyCodec,
  type QueryParameters,
  queryParametersCodec,
  type SetParameters,
  setParametersCodec,
} from './parameters.ts';
import {
  type Authenticate,
  authenticateCodec,
  type Register,
  type RegisterResponse,
  registerCodec,
  registerResponseCodec,
} from './registration.ts';

/** A body not decoded: an unknown id, an encrypted body, or one packet of a subpackaged message. */
export interface RawBody {
  kind: 'raw';
  data: Uint8Array;
}

export type UplinkMessage =
  | TerminalResponse
  | Heartbeat
  | Logout
  | QueryServerTime
  | TerminalFragmentRequest
  | Register
  | Authenticate
  | ParametersReply
  | Attributes
  | LocationReport
  | LocationQueryResponse
  | LocationBatch
  | UplinkPassThrough;

export type DownlinkMessage =
  | PlatformResponse
  | PlatformFragmentRequest
  | ServerTime
  | RegisterResponse
  | SetParameters
  | QueryAllParameters
  | TerminalControl
  | QueryParameters
  | QueryAttributes
  | LocationQuery
  | TrackingControl
  | AlarmConfirm
  | LinkCheck
  | TextMessage
  | DownlinkPassThrough;

export type Message = UplinkMessage | DownlinkMessage | RawBody;
export type MessageKind = Exclude<Message['kind'], 'raw'>;

type CodecTable = { [K in MessageKind]: BodyCodec<Extract<Message, { kind: K }>> };

const CODECS: CodecTable = {
  terminalResponse: terminalResponseCodec,
  heartbeat: emptyCodec<Heartbeat>('heartbeat', 0x0002),
  logout: emptyCodec<Logout>('logout', 0x0003),
  queryServerTime: emptyCodec<QueryServerTime>('queryServerTime', 0x0004),
  terminalFragmentRequest: terminalFragmentRequestCodec,
  register: registerCodec,
  authenticate: authenticateCodec,
  parameters: parametersReplyCodec,
  attributes: attributesCodec,
  location: locationCodec,
  locationQueryResponse: locationQueryResponseCodec,
  locationBatch: locationBatchCodec,
  uplinkPassThrough: uplinkPassThroughCodec,
  platformResponse: platformResponseCodec,
  platformFragmentRequest: platformFragmentRequestCodec,
  serverTime: serverTimeCodec,
  registerResponse: registerResponseCodec,
  setParameters: setParametersCodec,
  queryAllParameters: emptyCodec<QueryAllParameters>('queryAllParameters', 0x8104),
  terminalControl: terminalControlCodec,
  queryParameters: queryParametersCodec,
  queryAttributes: emptyCodec<QueryAttributes>('queryAttributes', 0x8107),
  locationQuery: emptyCodec<LocationQuery>('locationQuery', 0x8201),
  tracking: trackingCodec,
  alarmConfirm: alarmConfirmCodec,
  linkCheck: emptyCodec<LinkCheck>('linkCheck', 0x8204),
  text: textCodec,
  downlinkPassThrough: downlinkPassThroughCodec,
};

type AnyCodec = BodyCodec<Exclude<Message, RawBody>>;

const BY_ID = new Map<number, AnyCodec>(Object.values(CODECS).map((c) => [c.msgId, c as AnyCodec]));

export function codecById(msgId: number): AnyCodec | undefined {
  return BY_ID.get(msgId);
}

export function codecByKind(kind: MessageKind): AnyCodec {
  return CODECS[kind] as AnyCodec;
}

/** Message id of each decoded kind. */
export const MESSAGE_IDS: Readonly<Record<MessageKind, number>> = Object.fromEntries(
  Object.entries(CODECS).map(([kind, codec]) => [kind, codec.msgId]),
) as Record<MessageKind, number>;
