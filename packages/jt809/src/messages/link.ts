// Link management (JT/T 809-2011 §4.5.1-4.5.2; 2019 §4.5): the subordinate logs in on the main link
// (it is the TCP client) and the superior opens the sub link back to DOWN_LINK_IP:PORT with the
// VERIFY_CODE it returned in 0x1002.
import { keepVerbatim, readFixedText, writeFixedText } from '@jtgov/jt808';
import type { BodyCodec } from './codec-types.ts';

/** 0x1001 UP_CONNECT_REQ. */
export interface LoginRequest {
  kind: 'loginRequest';
  userId: number;
  /** 8 bytes. */
  password: string;
  /** 2019 only: the subordinate's access code repeated in the body. */
  gnssCenterId?: number;
  /** 32 bytes, NUL-padded. */
  downLinkIp: string;
  downLinkPort: number;
  verbatim?: Partial<Record<'password' | 'downLinkIp', Uint8Array>>;
}

/** 0x1002 UP_CONNECT_RSP. Results: 0 ok, 1 IP refused, 2 access code wrong, 3 user not registered,
 * 4 password wrong, 5 resources busy, 6 other. */
export interface LoginResponse {
  kind: 'loginResponse';
  result: number;
  verifyCode: number;
}

/** 0x1003 UP_DISCONNECT_REQ. */
export interface LogoutRequest {
  kind: 'logoutRequest';
  userId: number;
  password: string;
  verbatim?: { password?: Uint8Array };
}

/** 0x1007 UP_DISCONNECT_INFORM (sent on the sub link): 0 main link broken, 1 other. */
export interface MainLinkDisconnect {
  kind: 'mainLinkDisconnect';
  errorCode: number;
}

/** 0x1008 UP_CLOSELINK_INFORM: 0 gateway restart, 1 other. */
export interface SubordinateCloseNotice {
  kind: 'subordinateCloseNotice';
  reasonCode: number;
}

/** 0x9001 DOWN_CONNECT_REQ and 0x9003 DOWN_DISCONNECT_REQ carry the VERIFY_CODE of 0x1002. */
export interface SubLinkLoginRequest {
  kind: 'subLinkLoginRequest';
  verifyCode: number;
}

/** 0x9002 DOWN_CONNECT_RSP: 0 ok, 1 VERIFY_CODE wrong, 2 resources busy, 3 other. */
export interface SubLinkLoginResponse {
  kind: 'subLinkLoginResponse';
  result: number;
}

export interface SubLinkLogoutRequest {
  kind: 'subLinkLogoutRequest';
  verifyCode: number;
}

/** 0x9007 DOWN_DISCONNECT_INFORM (sent on the main link): 0 cannot reach the sub-link address,
 * 1 sub link broken, 2 other. */
export interface SubLinkDisconnect {
  kind: 'subLinkDisconnect';
  errorCode: number;
}

/** 0x9008 DOWN_CLOSELINK_INFORM: 0 gateway restart, 1 other. */
export interface SuperiorCloseNotice {
  kind: 'superiorCloseNotice';
  reasonCode: number;
}

/** Empty bodies: 0x1004 logout response, 0x1005/0x1006 main-link keep-alive request/response,
 * 0x9004 sub-link logout response, 0x9005/0x9006 sub-link keep-alive request/response. */
export type EmptyLinkMessage =
  | { kind: 'logoutResponse' }
  | { kind: 'keepAlive' }
  | { kind: 'keepAliveResponse' }
  | { kind: 'subLinkLogoutResponse' }
  | { kind: 'subLinkKeepAlive' }
  | { kind: 'subLinkKeepAliveResponse' };

export function emptyCodec<M extends EmptyLinkMessage>(kind: M['kind'], msgId: number): BodyCodec<M> {
  return { kind, msgId, decode: () => ({ kind }) as M, encode: () => {} };
}

/** A body of one numeric field. */
function singleCodec<M extends { kind: string }, F extends Exclude<keyof M, 'kind'> & string>(
  kind: M['kind'],
  msgId: number,
  field: F,
  width: 1 | 4,
): BodyCodec<M> {
  return {
    kind,
    msgId,
    decode: (r) => ({ kind, [field]: width === 1 ? r.u8(field) : r.u32(field) }) as M,
    encode: (w, m) => {
      const v = m[field] as number;
      if (width === 1) w.u8(v);
      else w.u32(v);
    },
  };
}

export const loginRequestCodec: BodyCodec<LoginRequest> = {
  kind: 'loginRequest',
  msgId: 0x1001,
  decode: (r, ctx) => {
    const m: LoginRequest = {
      kind: 'loginRequest',
      userId: r.u32('USERID'),
      password: '',
      downLinkIp: '',
      downLinkPort: 0,
    };
    m.password = keepVerbatim(m, 'password', readFixedText(r, 8, 'PASSWORD'));
    if (ctx.version === '2019') m.gnssCenterId = r.u32('MSG_GNSSCENTERID');
    m.downLinkIp = keepVerbatim(m, 'downLinkIp', readFixedText(r, 32, 'DOWN_LINK_IP'));
    m.downLinkPort = r.u16('DOWN_LINK_PORT');
    return m;
  },
  encode: (w, m, version) => {
    w.u32(m.userId);
    writeFixedText(w, 8, { text: m.password, verbatim: m.verbatim?.password }, 'PASSWORD');
    if (version === '2019') w.u32(m.gnssCenterId ?? 0);
    writeFixedText(w, 32, { text: m.downLinkIp, verbatim: m.verbatim?.downLinkIp }, 'DOWN_LINK_IP');
    w.u16(m.downLinkPort);
  },
};

export const loginResponseCodec: BodyCodec<LoginResponse> = {
  kind: 'loginResponse',
  msgId: 0x1002,
  decode: (r) => ({ kind: 'loginResponse', result: r.u8('RESULT'), verifyCode: r.u32('VERIFY_CODE') }),
  encode: (w, m) => {
    w.u8(m.result);
    w.u32(m.verifyCode);
  },
};

export const logoutRequestCodec: BodyCodec<LogoutRequest> = {
  kind: 'logoutRequest',
  msgId: 0x1003,
  decode: (r) => {
    const m: LogoutRequest = { kind: 'logoutRequest', userId: r.u32('USERID'), password: '' };
    m.password = keepVerbatim(m, 'password', readFixedText(r, 8, 'PASSWORD'));
    return m;
  },
  encode: (w, m) => {
    w.u32(m.userId);
    writeFixedText(w, 8, { text: m.password, verbatim: m.verbatim?.password }, 'PASSWORD');
  },
};

export const mainLinkDisconnectCodec = singleCodec<MainLinkDisconnect, 'errorCode'>(
  'mainLinkDisconnect',
  0x1007,
  'errorCode',
  1,
);
export const subordinateCloseNoticeCodec = singleCodec<SubordinateCloseNotice, 'reasonCode'>(
  'subordinateCloseNotice',
  0x1008,
  'reasonCode',
  1,
);
export const subLinkLoginRequestCodec = singleCodec<SubLinkLoginRequest, 'verifyCode'>(
  'subLinkLoginRequest',
  0x9001,
  'verifyCode',
  4,
);
export const subLinkLoginResponseCodec = singleCodec<SubLinkLoginResponse, 'result'>(
  'subLinkLoginResponse',
  0x9002,
  'result',
  1,
);
export const subLinkLogoutRequestCodec = singleCodec<SubLinkLogoutRequest, 'verifyCode'>(
  'subLinkLogoutRequest',
  0x9003,
  'verifyCode',
  4,
);
export const subLinkDisconnectCodec = singleCodec<SubLinkDisconnect, 'errorCode'>(
  'subLinkDisconnect',
  0x9007,
  'errorCode',
  1,
);
export const superiorCloseNoticeCodec = singleCodec<SuperiorCloseNotice, 'reasonCode'>(
  'superiorCloseNotice',
  0x9008,
  'reasonCode',
  1,
);
