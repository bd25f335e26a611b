import type { BodyCodec } from './codec-types.ts';
import { type VehicleDynamic, vehicleDynamicCodec } from './exchange.ts';
import {
  type EmptyLinkMessage,
  emptyCodec,
  type LoginRequest,
  type LoginResponse,
  type LogoutRequest,
  loginRequestCodec,
  loginResponseCodec,
  logoutRequestCodec,
  type MainLinkDisconnect,
  mainLinkDisconnectCodec,
  type SubLinkDisconnect,
  type SubLinkLoginRequest,
  type SubLinkLoginResponse,
  type SubLinkLogoutRequest,
  type SubordinateCloseNotice,
  type SuperiorCloseNotice,
  subLinkDisconnectCodec,
  subLinkLoginRequestCodec,
  subLinkLoginResponseCodec,
  subLinkLogoutRequestCodec,
  subordinateCloseNoticeCodec,
  superiorCloseNoticeCodec,
} from './link.ts';
import {
  type LinkReport,
  type LinkReportRequest,
  linkReportCodec,
  linkReportRequestCodec,
  type ReceivedCountNotice,
  receivedCountNoticeCodec,
  type SentCountNotice,
  sentCountNoticeCodec,
} from './statistics.ts';
import { type Warning, warningCodec } from './warning.ts';

/** A body not decoded: another business type, or an encrypted body without keys. */
export interface RawBody {
  kind: 'raw';
  data: Uint8Array;
}

export type Message =
  | LoginRequest
  | LoginResponse
  | LogoutRequest
  | MainLinkDisconnect
  | SubordinateCloseNotice
  | SubLinkLoginRequest
  | SubLinkLoginResponse
  | SubLinkLogoutRequest
  | SubLinkDisconnect
  | SuperiorCloseNotice
  | EmptyLinkMessage
  | ReceivedCountNotice
  | SentCountNotice
  | LinkReportRequest
  | LinkReport
  | VehicleDynamic
  | Warning
  | RawBody;

export type MessageKind = Exclude<Message['kind'], 'raw'>;

type CodecTable = { [K in MessageKind]: BodyCodec<Extract<Message, { kind: K }>> };

const CODECS: CodecTable = {
  loginRequest: loginRequestCodec,
  loginResponse: loginResponseCodec,
  logoutRequest: logoutRequestCodec,
  logoutResponse: emptyCodec('logoutResponse', 0x1004),
  keepAlive: emptyCodec('keepAlive', 0x1005),
  keepAliveResponse: emptyCodec('keepAliveResponse', 0x1006),
  mainLinkDisconnect: mainLinkDisconnectCodec,
  subordinateCloseNotice: subordinateCloseNoticeCodec,
  subLinkLoginRequest: subLinkLoginRequestCodec,
  subLinkLoginResponse: subLinkLoginResponseCodec,
  subLinkLogoutRequest: subLinkLogoutRequestCodec,
  subLinkLogoutResponse: emptyCodec('subLinkLogoutResponse', 0x9004),
  subLinkKeepAlive: emptyCodec('subLinkKeepAlive', 0x9005),
  subLinkKeepAliveResponse: emptyCodec('subLinkKeepAliveResponse', 0x9006),
  subLinkDisconnect: subLinkDisconnectCodec,
  superiorCloseNotice: superiorCloseNoticeCodec,
  receivedCountNotice: receivedCountNoticeCodec,
  sentCountNotice: sentCountNoticeCodec,
  linkReportRequest: linkReportRequestCodec,
  linkReport: linkReportCodec,
  vehicleDynamic: vehicleDynamicCodec,
  warning: warningCodec,
};

type AnyCodec = BodyCodec<Exclude<Message, RawBody>>;

const BY_ID = new Map<number, AnyCodec>(Object.values(CODECS).map((c) => [c.msgId, c as AnyCodec]));

export function codecById(msgId: number): AnyCodec | undefined {
  return BY_ID.get(msgId);
}

export function codecByKind(kind: MessageKind): AnyCodec {
  return CODECS[kind] as AnyCodec;
}

/** Business type of each decoded kind. */
export const MESSAGE_IDS: Readonly<Record<MessageKind, number>> = Object.fromEntries(
  Object.entries(CODECS).map(([kind, codec]) => [kind, codec.msgId]),
) as Record<MessageKind, number>;
