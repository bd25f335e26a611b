import type { FastifyInstance, FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/audit.service.ts';
import { AppError } from '../http/errors.ts';
import type { Platform } from '../http/platform.ts';
import type { Actor, RouteAuth } from './actor.ts';
import { CredentialCache } from './credential-cache.ts';
import { isPermission, type Permission } from './permissions.ts';
import { safeEqual, sm3Hex } from './secrets.ts';
import {
  type CredentialRow,
  findSessionCredential,
  findTokenCredential,
  revokeSession,
  touchSession,
  touchToken,
} from './sessions.repository.ts';

export const SESSION_COOKIE = 'jtgov_session';
export const CSRF_COOKIE = 'jtgov_csrf';
export const CSRF_HEADER = 'x-csrf-token';

// last_seen_at / last_used_at are written at most this often, so a read costs no write; the idle
// timeout is therefore exact to within this interval.
const TOUCH_INTERVAL_MS = 60_000;
// An API token's use is audited when its last_used_at is refreshed, at most this often.
const TOKEN_AUDIT_INTERVAL_MS = 5 * 60_000;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Credential = { kind: 'session' | 'token'; token: string };

function credentialOf(request: FastifyRequest): Credential | null {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1])
      throw new AppError(401, 'unauthenticated', 'Authorization header must be "Bearer <token>"');
    // A session token may be used as a bearer token too (the login response returns it for API use).
    return { kind: match[1].startsWith('jtk_') ? 'token' : 'session', token: match[1] };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? { kind: 'session', token: cookie } : null;
}

function toActor(row: CredentialRow, via: 'session' | 'token', platform: Platform): Actor {
  const { config, clock } = platform;
  const maxAgeMs = config.password.maxAgeDays * 86_400_000;
  const passwordExpired =
    maxAgeMs > 0 && clock.now().getTime() - row.password_changed_at.getTime() > maxAgeMs;
  let restriction: Actor['restriction'] = null;
  if (row.must_change_password || passwordExpired) restriction = 'password_change_required';
  else if (row.is_admin && !row.totp_enabled && config.adminTotp === 'required')
    restriction = 'totp_enrolment_required';
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    orgUnitId: row.org_unit_id,
    orgPath: row.org_path,
    permissions: new Set(row.permissions.filter(isPermission)),
    isAdmin: row.is_admin,
    via,
    sessionId: via === 'session' ? String(row.id) : null,
    tokenId: via === 'token' ? Number(row.id) : null,
    restriction,
  };
}

const expired = (message: string) => new AppError(401, 'session_expired', message);

async function authenticate(
  platform: Platform,
  cache: CredentialCache,
  request: FastifyRequest,
  cred: Credential,
): Promise<Actor> {
  const { db, clock, config } = platform;
  const now = clock.now();
  const hash = sm3Hex(cred.token);
  let row = cache.get(hash, now.getTime());
  if (!row) {
    row =
      cred.kind === 'session' ? await findSessionCredential(db, hash) : await findTokenCredential(db, hash);
    if (!row) throw new AppError(401, 'unauthenticated', 'unknown or revoked credential');
    cache.set(hash, row, now.getTime());
  }
  if (row.revoked_at) throw expired('credential was revoked or logged out');
  if (row.user_status !== 'active') throw new AppError(401, 'account_disabled', 'account is disabled');
  if (row.expires_at && row.expires_at <= now) throw expired('credential has expired');
  const actor = toActor(row, cred.kind, platform);
  if (cred.kind === 'session') {
    const idleMs = now.getTime() - (row.last_seen_at as Date).getTime();
    if (idleMs > config.session.idleMinutes * 60_000) {
      await revokeSession(db, hash, now);
      throw expired(`session idle for more than ${config.session.idleMinutes} minutes`);
    }
    if (idleMs > TOUCH_INTERVAL_MS) {
      await touchSession(db, hash, now);
      row.last_seen_at = now;
    }
  } else {
    const sinceUse = row.last_used_at ? now.getTime() - row.last_used_at.getTime() : Number.POSITIVE_INFINITY;
    if (sinceUse > TOUCH_INTERVAL_MS) {
      await db.transaction().execute(async (trx) => {
        await touchToken(trx, Number(row.id), now);
        row.last_used_at = now;
        if (sinceUse > TOKEN_AUDIT_INTERVAL_MS) {
          await recordAudit(
            trx,
            {
              userId: actor.userId,
              username: actor.username,
              orgUnitId: actor.orgUnitId,
              orgPath: actor.orgPath,
              ip: request.ip,
              requestId: request.id,
            },
            { action: 'auth.token.use', objectType: 'api_token', objectId: row.id },
          );
        }
      });
    }
  }
  // CSRF: a cookie-borne session must echo its token on unsafe methods; bearer requests carry no
  // ambient credential and need no such check.
  if (!request.headers.authorization && UNSAFE_METHODS.has(request.method)) {
    const given = request.headers[CSRF_HEADER];
    if (typeof given !== 'string' || !row.csrf_token || !safeEqual(given, row.csrf_token)) {
      throw new AppError(403, 'csrf_failed', `missing or wrong ${CSRF_HEADER} header`);
    }
  }
  return actor;
}

function authorize(actor: Actor, auth: Exclude<RouteAuth, 'public'>): void {
  if (auth === 'self') return;
  if (actor.restriction === 'password_change_required') {
    throw new AppError(403, 'password_change_required', 'the password must be changed first');
  }
  if (actor.restriction === 'totp_enrolment_required') {
    throw new AppError(
      403,
      'totp_enrolment_required',
      'administrators must enrol a TOTP authenticator first',
    );
  }
  if (auth !== 'authenticated' && !actor.permissions.has(auth as Permission)) {
    throw new AppError(403, 'forbidden', `permission ${auth} required`);
  }
}

/** Resolves the caller of every request and enforces the route's `config.auth` (default: authenticated). */
export function installAuth(app: FastifyInstance): void {
  const cache = new CredentialCache();
  app.decorateRequest('actor', null);
  app.addHook('onResponse', async (request) => {
    if (UNSAFE_METHODS.has(request.method) && request.routeOptions.config.credentialWrites) cache.clear();
  });
  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const auth = request.routeOptions.config.auth ?? 'authenticated';
    const cred = credentialOf(request);
    if (auth === 'public') {
      // Public routes still see a valid caller (e.g. the session endpoint) but never fail on a stale one.
      if (cred) request.actor = await authenticate(app.platform, cache, request, cred).catch(() => null);
      return;
    }
    if (!cred) throw new AppError(401, 'unauthenticated', 'authentication required');
    request.actor = await authenticate(app.platform, cache, request, cred);
    authorize(request.actor, auth);
  });
}

/** The actor of a session token just issued (the login response), without request checks. */
export async function actorOfNewSession(platform: Platform, token: string): Promise<Actor> {
  const row = await findSessionCredential(platform.db, sm3Hex(token));
  if (!row) throw new AppError(401, 'unauthenticated', 'session not found');
  return toActor(row, 'session', platform);
}
