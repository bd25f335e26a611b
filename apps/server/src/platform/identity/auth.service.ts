import { randomBytes } from 'node:crypto';
import { type AuditContext, recordAudit } from '../audit/audit.service.ts';
import type { Db, Executor } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import type { Platform } from '../http/platform.ts';
import type { Actor } from './actor.ts';
import { checkPasswordPolicy, describeViolations } from './password-policy.ts';
import { DUMMY_PASSWORD_HASH, hashPassword, newToken, type SecretBox, verifyPassword } from './secrets.ts';
import {
  findSessionCredential,
  insertSession,
  revokeSession,
  revokeUserSessions,
} from './sessions.repository.ts';
import { acceptTotp, newTotpSecret, totpUri } from './totp.ts';
import {
  findPasswordState,
  findUserForLogin,
  findUserInScope,
  incrementFailedAttempts,
  insertPasswordHistory,
  recentPasswordHashes,
  updateUser,
} from './users.repository.ts';
import { toUserDto } from './users.service.ts';

export interface LoginInput {
  username: string;
  password: string;
  totpCode?: string | undefined;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  userId: number;
}

/**
 * Checks the password (and TOTP) and opens a session. Failures are recorded and committed before
 * the error is thrown, so that the lockout counter and the audit entry survive the failed request.
 */
export async function login(
  platform: Platform,
  ctx: AuditContext,
  input: LoginInput,
  userAgent: string | null,
): Promise<LoginResult> {
  const { db, clock, config } = platform;
  const now = clock.now();
  const username = input.username.trim().toLowerCase();
  const user = await findUserForLogin(db, username);
  // Verify against a dummy hash for unknown users so response time does not reveal them.
  const passwordOk = await verifyPassword(input.password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
  const failure = async (reason: string, error: AppError, countsAsFailure: boolean): Promise<never> => {
    const lockedUntil = await db.transaction().execute(async (trx) => {
      let until: Date | null = null;
      if (user && countsAsFailure) {
        const attempts = await incrementFailedAttempts(trx, user.id);
        if (attempts >= config.lockout.threshold) {
          until = new Date(now.getTime() + config.lockout.minutes * 60_000);
          await updateUser(trx, user.id, { locked_until: until, failed_attempts: 0 });
          await revokeUserSessions(trx, user.id, now);
        }
      }
      await recordAudit(
        trx,
        { ...ctx, userId: user?.id ?? null, username },
        {
          action: 'auth.login',
          objectType: 'user',
          objectId: user?.id ?? null,
          outcome: 'failure',
          after: { reason, ...(until && { lockedUntil: until }) },
          orgPath: user?.org_path ?? '/',
          orgUnitId: user?.org_unit_id ?? null,
        },
      );
      return until;
    });
    if (lockedUntil) {
      throw new AppError(
        403,
        'account_locked',
        `too many failed attempts; locked until ${lockedUntil.toISOString()}`,
        { lockedUntil },
      );
    }
    throw error;
  };
  const badCredentials = new AppError(401, 'invalid_credentials', 'wrong username or password');
  if (!user) return failure('unknown_user', badCredentials, false);
  if (user.locked_until && user.locked_until > now) {
    return failure(
      'locked',
      new AppError(403, 'account_locked', `account locked until ${user.locked_until.toISOString()}`, {
        lockedUntil: user.locked_until,
      }),
      false,
    );
  }
  if (!passwordOk) return failure('wrong_password', badCredentials, true);
  if (user.status !== 'active')
    return failure('disabled', new AppError(403, 'account_disabled', 'account is disabled'), false);
  let totpStep: number | null = null;
  if (user.totp_enabled && user.totp_secret) {
    if (!input.totpCode) throw new AppError(401, 'totp_required', 'enter the code of your authenticator app');
    totpStep = await acceptTotp(
      platform.secretBox.open(user.totp_secret),
      input.totpCode,
      now,
      user.totp_last_step,
    );
    if (totpStep === null)
      return failure(
        'wrong_totp',
        new AppError(401, 'totp_invalid', 'wrong or reused authenticator code'),
        true,
      );
  }
  const session = newToken('jts');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + config.session.maxHours * 3_600_000);
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, {
      failed_attempts: 0,
      locked_until: null,
      last_login_at: now,
      ...(totpStep !== null && { totp_last_step: totpStep }),
    });
    await insertSession(trx, {
      id: session.hash,
      userId: user.id,
      csrfToken,
      now,
      expiresAt,
      ip: ctx.ip,
      userAgent,
    });
    await recordAudit(
      trx,
      { ...ctx, userId: user.id, username, orgUnitId: user.org_unit_id, orgPath: user.org_path },
      {
        action: 'auth.login',
        objectType: 'user',
        objectId: user.id,
        after: { sessionExpiresAt: expiresAt, via: totpStep !== null ? 'password+totp' : 'password' },
      },
    );
  });
  return { token: session.token, csrfToken, expiresAt, userId: user.id };
}

export async function logout(db: Db, ctx: AuditContext, actor: Actor, now: Date): Promise<void> {
  if (!actor.sessionId) return;
  const sessionId = actor.sessionId;
  await db.transaction().execute(async (trx) => {
    await revokeSession(trx, sessionId, now);
    await recordAudit(trx, ctx, { action: 'auth.logout', objectType: 'user', objectId: actor.userId });
  });
}

export async function csrfTokenOf(db: Executor, actor: Actor): Promise<string | null> {
  if (!actor.sessionId) return null;
  return (await findSessionCredential(db, actor.sessionId))?.csrf_token ?? null;
}

/** Changes the caller's own password: current password, policy, history; other sessions end. */
export async function changeOwnPassword(
  platform: Platform,
  ctx: AuditContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const { db, config, clock } = platform;
  const now = clock.now();
  const state = await findPasswordState(db, actor.userId);
  if (!(await verifyPassword(input.currentPassword, state.password_hash))) {
    throw new AppError(400, 'invalid_credentials', 'the current password is wrong');
  }
  const violations = checkPasswordPolicy(input.newPassword, state.username, config.password);
  if (violations.length > 0)
    throw new AppError(400, 'password_policy', describeViolations(violations, config.password));
  for (const old of [
    state.password_hash,
    ...(await recentPasswordHashes(db, actor.userId, config.password.historySize)),
  ]) {
    if (await verifyPassword(input.newPassword, old)) {
      throw new AppError(
        400,
        'password_policy',
        `password policy: must differ from the last ${config.password.historySize} passwords`,
      );
    }
  }
  const hash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, actor.userId, {
      password_hash: hash,
      password_changed_at: now,
      must_change_password: false,
    });
    await insertPasswordHistory(trx, actor.userId, hash);
    await revokeUserSessions(trx, actor.userId, now, actor.sessionId ?? undefined);
    await recordAudit(trx, ctx, {
      action: 'user.password.change',
      objectType: 'user',
      objectId: actor.userId,
    });
  });
}

/** Starts TOTP enrolment: a new secret, stored sealed and not yet enabled. */
export async function startTotpSetup(
  db: Db,
  secretBox: SecretBox,
  ctx: AuditContext,
  actor: Actor,
): Promise<{ secret: string; uri: string }> {
  const state = await findPasswordState(db, actor.userId);
  if (state.totp_enabled) throw new AppError(409, 'conflict', 'TOTP is already enabled; disable it first');
  const secret = newTotpSecret();
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, actor.userId, {
      totp_secret: secretBox.seal(secret),
      totp_enabled: false,
      totp_last_step: null,
    });
    await recordAudit(trx, ctx, { action: 'user.totp.setup', objectType: 'user', objectId: actor.userId });
  });
  return { secret, uri: totpUri(secret, actor.username) };
}

export async function confirmTotp(
  platform: Platform,
  ctx: AuditContext,
  actor: Actor,
  code: string,
): Promise<void> {
  const { db, secretBox, clock } = platform;
  const state = await findPasswordState(db, actor.userId);
  if (!state.totp_secret) throw new AppError(400, 'bad_request', 'start TOTP setup first');
  if (state.totp_enabled) throw new AppError(409, 'conflict', 'TOTP is already enabled');
  const step = await acceptTotp(secretBox.open(state.totp_secret), code, clock.now(), null);
  if (step === null) throw new AppError(400, 'totp_invalid', 'wrong authenticator code');
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, actor.userId, { totp_enabled: true, totp_last_step: step });
    await recordAudit(trx, ctx, { action: 'user.totp.enable', objectType: 'user', objectId: actor.userId });
  });
}

export async function disableOwnTotp(
  platform: Platform,
  ctx: AuditContext,
  actor: Actor,
  input: { password: string; code: string },
): Promise<void> {
  const { db, secretBox, clock, config } = platform;
  if (actor.isAdmin && config.adminTotp === 'required') {
    throw new AppError(403, 'forbidden', 'administrators must keep TOTP enabled');
  }
  const state = await findPasswordState(db, actor.userId);
  if (!state.totp_enabled || !state.totp_secret) throw new AppError(409, 'conflict', 'TOTP is not enabled');
  if (!(await verifyPassword(input.password, state.password_hash)))
    throw new AppError(400, 'invalid_credentials', 'wrong password');
  const step = await acceptTotp(
    secretBox.open(state.totp_secret),
    input.code,
    clock.now(),
    state.totp_last_step,
  );
  if (step === null) throw new AppError(400, 'totp_invalid', 'wrong or reused authenticator code');
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, actor.userId, { totp_enabled: false, totp_secret: null, totp_last_step: null });
    await recordAudit(trx, ctx, { action: 'user.totp.disable', objectType: 'user', objectId: actor.userId });
  });
}

/** The caller as the console sees it: its user record plus what the session grants. */
export async function meOf(db: Executor, actor: Actor, now: Date) {
  const row = await findUserInScope(db, actor.userId, '/');
  if (!row) throw new AppError(401, 'unauthenticated', 'user no longer exists');
  return {
    ...toUserDto(row, now),
    orgPath: row.org_path,
    permissions: [...actor.permissions].sort(),
    isAdmin: actor.isAdmin,
    restriction: actor.restriction,
  };
}

export async function updateOwnProfile(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  patch: {
    displayName?: string | undefined;
    email?: string | null | undefined;
    phone?: string | null | undefined;
  },
): Promise<void> {
  const before = await findUserInScope(trx, actor.userId, '/');
  await updateUser(trx, actor.userId, {
    ...(patch.displayName !== undefined && { display_name: patch.displayName }),
    ...(patch.email !== undefined && { email: patch.email }),
    ...(patch.phone !== undefined && { phone: patch.phone }),
  });
  await recordAudit(trx, ctx, {
    action: 'user.profile.update',
    objectType: 'user',
    objectId: actor.userId,
    before: { displayName: before?.display_name, email: before?.email, phone: before?.phone },
    after: patch,
  });
}
