import { randomInt } from 'node:crypto';
import type { Config } from '../../config.ts';
import { type AuditContext, recordAudit } from '../audit/audit.service.ts';
import type { Executor } from '../db/database.ts';
import { AppError, badRequest, conflict, notFound } from '../http/errors.ts';
import { findOrgUnitInScope } from '../orgs/orgs.repository.ts';
import type { Actor } from './actor.ts';
import { checkPasswordPolicy, describeViolations } from './password-policy.ts';
import { findRolesByCode } from './roles.repository.ts';
import { hashPassword } from './secrets.ts';
import { revokeUserSessions } from './sessions.repository.ts';
import { usersPolicy } from './users.policy.ts';
import {
  findUserInScope,
  insertPasswordHistory,
  insertUser,
  setUserRoles,
  type UserRow,
  updateUser,
  usernameExists,
} from './users.repository.ts';

export interface UserDto {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  orgUnitId: number;
  orgName: string;
  status: 'active' | 'disabled';
  roles: string[];
  locked: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export function toUserDto(row: UserRow, now: Date): UserDto {
  const locked = row.locked_until !== null && row.locked_until > now;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    phone: row.phone,
    orgUnitId: row.org_unit_id,
    orgName: row.org_name,
    status: row.status,
    roles: row.roles,
    locked,
    lockedUntil: locked ? (row.locked_until as Date).toISOString() : null,
    mustChangePassword: row.must_change_password,
    totpEnabled: row.totp_enabled,
    createdAt: row.created_at.toISOString(),
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
  };
}

/** What the audit log keeps of a user: never a hash or a secret. */
const auditView = (row: UserRow) => ({
  username: row.username,
  displayName: row.display_name,
  email: row.email,
  phone: row.phone,
  orgUnitId: row.org_unit_id,
  status: row.status,
  roles: row.roles,
});

export interface NewUser {
  username: string;
  displayName: string;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  orgUnitId: number;
  roles: string[];
  /** Omitted: a random initial password is generated and returned once. */
  password?: string | undefined;
}

/** A random password that satisfies the policy: 16 characters from four classes. */
export function generatePassword(): string {
  const sets = ['abcdefghijkmnopqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '!@#$%^&*-_=+'];
  const all = sets.join('');
  const chars = sets.map((s) => s[randomInt(s.length)] as string);
  while (chars.length < 16) chars.push(all[randomInt(all.length)] as string);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}

async function resolveRoles(trx: Executor, actor: Actor | null, codes: readonly string[]) {
  const unique = [...new Set(codes)];
  const found = await findRolesByCode(trx, unique);
  const missing = unique.filter((c) => !found.some((r) => r.code === c));
  if (missing.length > 0) throw badRequest(`unknown roles: ${missing.join(', ')}`);
  if (actor) usersPolicy.assertCanGrant(actor, found);
  return found.map((r) => r.id);
}

/**
 * Creates a user in an org unit of the actor's jurisdiction (or anywhere when `actor` is null:
 * seeding). The user must change the password at first login unless told otherwise.
 */
export async function createUser(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor | null,
  input: NewUser,
  options: { config: Config; now: Date; mustChangePassword?: boolean },
): Promise<{ user: UserRow; initialPassword: string | null }> {
  const scope = actor?.orgPath ?? '/';
  const org = await findOrgUnitInScope(trx, input.orgUnitId, scope);
  if (!org)
    throw new AppError(403, 'out_of_jurisdiction', `org unit ${input.orgUnitId} is not in your jurisdiction`);
  if (org.status !== 'active') throw badRequest(`org unit ${org.name} is ${org.status}`);
  const username = input.username.toLowerCase();
  if (await usernameExists(trx, username)) throw conflict(`username ${username} is taken`);
  const initialPassword = input.password ? null : generatePassword();
  const password = input.password ?? (initialPassword as string);
  const violations = checkPasswordPolicy(password, username, options.config.password);
  if (violations.length > 0)
    throw new AppError(400, 'password_policy', describeViolations(violations, options.config.password));
  const roleIds = await resolveRoles(trx, actor, input.roles);
  const hash = await hashPassword(password);
  const id = await insertUser(trx, {
    username,
    display_name: input.displayName,
    email: input.email ?? null,
    phone: input.phone ?? null,
    org_unit_id: input.orgUnitId,
    password_hash: hash,
    password_changed_at: options.now,
    must_change_password: options.mustChangePassword ?? true,
    status: 'active',
  });
  await insertPasswordHistory(trx, id, hash);
  await setUserRoles(trx, id, roleIds);
  const user = (await findUserInScope(trx, id, '/')) as UserRow;
  await recordAudit(trx, ctx, {
    action: 'user.create',
    objectType: 'user',
    objectId: id,
    after: auditView(user),
    orgPath: org.path,
    orgUnitId: org.id,
  });
  return { user, initialPassword };
}

async function loadTarget(trx: Executor, actor: Actor, id: number): Promise<UserRow> {
  const user = await findUserInScope(trx, id, actor.orgPath);
  if (!user) throw notFound(`user ${id}`);
  return user;
}

export interface UserPatch {
  displayName?: string | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  orgUnitId?: number | undefined;
  roles?: string[] | undefined;
  status?: 'active' | 'disabled' | undefined;
}

export async function updateUserByAdmin(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  patch: UserPatch,
  now: Date,
): Promise<UserRow> {
  const before = await loadTarget(trx, actor, id);
  if (patch.roles !== undefined || patch.status !== undefined || patch.orgUnitId !== undefined) {
    usersPolicy.assertNotSelf(actor, id, 'change the roles, status or unit of');
  }
  if (patch.orgUnitId !== undefined && patch.orgUnitId !== before.org_unit_id) {
    const org = await findOrgUnitInScope(trx, patch.orgUnitId, actor.orgPath);
    if (!org)
      throw new AppError(
        403,
        'out_of_jurisdiction',
        `org unit ${patch.orgUnitId} is not in your jurisdiction`,
      );
    if (org.status !== 'active') throw badRequest(`org unit ${org.name} is ${org.status}`);
  }
  await updateUser(trx, id, {
    ...(patch.displayName !== undefined && { display_name: patch.displayName }),
    ...(patch.email !== undefined && { email: patch.email }),
    ...(patch.phone !== undefined && { phone: patch.phone }),
    ...(patch.orgUnitId !== undefined && { org_unit_id: patch.orgUnitId }),
    ...(patch.status !== undefined && { status: patch.status }),
  });
  if (patch.roles !== undefined) await setUserRoles(trx, id, await resolveRoles(trx, actor, patch.roles));
  // Disabling or moving a user ends its sessions: its jurisdiction changed.
  if (
    patch.status === 'disabled' ||
    (patch.orgUnitId !== undefined && patch.orgUnitId !== before.org_unit_id)
  ) {
    await revokeUserSessions(trx, id, now);
  }
  const after = (await findUserInScope(trx, id, '/')) as UserRow;
  await recordAudit(trx, ctx, {
    action: 'user.update',
    objectType: 'user',
    objectId: id,
    before: auditView(before),
    after: auditView(after),
    orgPath: after.org_path,
    orgUnitId: after.org_unit_id,
  });
  return after;
}

/** Sets a new random password the user must change at next login; ends its sessions. */
export async function resetPasswordByAdmin(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  now: Date,
): Promise<string> {
  const user = await loadTarget(trx, actor, id);
  usersPolicy.assertNotSelf(actor, id, 'reset the password of');
  const password = generatePassword();
  const hash = await hashPassword(password);
  await updateUser(trx, id, {
    password_hash: hash,
    password_changed_at: now,
    must_change_password: true,
    failed_attempts: 0,
    locked_until: null,
  });
  await insertPasswordHistory(trx, id, hash);
  await revokeUserSessions(trx, id, now);
  await recordAudit(trx, ctx, {
    action: 'user.password.reset',
    objectType: 'user',
    objectId: id,
    orgPath: user.org_path,
    orgUnitId: user.org_unit_id,
  });
  return password;
}

export async function unlockUser(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  id: number,
): Promise<UserRow> {
  const user = await loadTarget(trx, actor, id);
  await updateUser(trx, id, { failed_attempts: 0, locked_until: null });
  await recordAudit(trx, ctx, {
    action: 'user.unlock',
    objectType: 'user',
    objectId: id,
    before: { lockedUntil: user.locked_until },
    orgPath: user.org_path,
    orgUnitId: user.org_unit_id,
  });
  return (await findUserInScope(trx, id, '/')) as UserRow;
}

/** Removes a user's TOTP enrolment (lost phone); the user enrols again at next login. */
export async function resetTotpByAdmin(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  id: number,
): Promise<UserRow> {
  const user = await loadTarget(trx, actor, id);
  usersPolicy.assertNotSelf(actor, id, 'reset the TOTP of');
  await updateUser(trx, id, { totp_secret: null, totp_enabled: false, totp_last_step: null });
  await recordAudit(trx, ctx, {
    action: 'user.totp.reset',
    objectType: 'user',
    objectId: id,
    orgPath: user.org_path,
    orgUnitId: user.org_unit_id,
  });
  return (await findUserInScope(trx, id, '/')) as UserRow;
}
