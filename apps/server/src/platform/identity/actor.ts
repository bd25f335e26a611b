import type { FastifyRequest } from 'fastify';
import type { AuditContext } from '../audit/audit.service.ts';
import { AppError, forbidden } from '../http/errors.ts';
import type { Permission } from './permissions.ts';

/** The authenticated caller of a request: a user acting for one org unit. */
export interface Actor {
  readonly userId: number;
  readonly username: string;
  readonly displayName: string;
  readonly orgUnitId: number;
  /** Materialised path of the org unit: the caller's jurisdiction is every path under it. */
  readonly orgPath: string;
  readonly permissions: ReadonlySet<Permission>;
  readonly isAdmin: boolean;
  readonly via: 'session' | 'token';
  readonly sessionId: string | null;
  readonly tokenId: number | null;
  /** Set while the user may only change the password or enrol TOTP. */
  readonly restriction: 'password_change_required' | 'totp_enrolment_required' | null;
}

/**
 * Who may call a route: 'public' (anyone), 'self' (any authenticated user, even one that must
 * still change the password or enrol TOTP), 'authenticated', or a permission.
 */
export type RouteAuth = 'public' | 'self' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError(401, 'unauthenticated', 'authentication required');
  return request.actor;
}

export function auditContextOf(request: FastifyRequest): AuditContext {
  const actor = request.actor;
  return {
    userId: actor?.userId ?? null,
    username: actor?.username ?? null,
    orgUnitId: actor?.orgUnitId ?? null,
    orgPath: actor?.orgPath ?? null,
    ip: request.ip,
    requestId: request.id,
  };
}

export const hasPermission = (actor: Actor, permission: Permission): boolean =>
  actor.permissions.has(permission);

/** True when `path` lies in the subtree rooted at `scopePath` (both materialised paths). */
export const inJurisdiction = (actor: Actor, path: string): boolean => path.startsWith(actor.orgPath);

/**
 * Instance-wide things (role definitions, the calendar, jobs, the whole audit chain) belong to no
 * org unit, so only callers acting for the root of the tree (path '/<id>/') change or prove them.
 */
export function assertInstanceRoot(actor: Actor, what: string): void {
  if (!/^\/\d+\/$/.test(actor.orgPath)) throw forbidden(`only the root of the organisation tree may ${what}`);
}
