import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

/** Everything the auth hook needs about a credential, in one query. */
export interface CredentialRow {
  id: string | number;
  user_id: number;
  csrf_token: string | null;
  last_seen_at: Date | null;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
  username: string;
  display_name: string;
  org_unit_id: number;
  user_status: 'active' | 'disabled';
  must_change_password: boolean;
  password_changed_at: Date;
  totp_enabled: boolean;
  org_path: string;
  permissions: string[];
  is_admin: boolean;
}

const userColumns = sql`
  u.username, u.display_name, u.org_unit_id, u.status as user_status, u.must_change_password,
  u.password_changed_at, u.totp_enabled, o.path as org_path,
  coalesce((select array_agg(distinct p.permission) from user_role ur join role r on r.id = ur.role_id
            cross join unnest(r.permissions) as p(permission) where ur.user_id = u.id), '{}') as permissions,
  exists (select 1 from user_role ur join role r on r.id = ur.role_id where ur.user_id = u.id and r.is_admin) as is_admin`;

export async function findSessionCredential(
  db: Executor,
  sessionId: string,
): Promise<CredentialRow | undefined> {
  const { rows } = await sql<CredentialRow>`
    select s.id, s.user_id, s.csrf_token, s.last_seen_at, null as last_used_at, s.expires_at, s.revoked_at, ${userColumns}
    from user_session s join app_user u on u.id = s.user_id join org_unit o on o.id = u.org_unit_id
    where s.id = ${sessionId}`.execute(db);
  return rows[0];
}

export async function findTokenCredential(
  db: Executor,
  tokenHash: string,
): Promise<CredentialRow | undefined> {
  const { rows } = await sql<CredentialRow>`
    select t.id, t.user_id, null as csrf_token, null as last_seen_at, t.last_used_at, t.expires_at, t.revoked_at, ${userColumns}
    from api_token t join app_user u on u.id = t.user_id join org_unit o on o.id = u.org_unit_id
    where t.token_hash = ${tokenHash}`.execute(db);
  return rows[0];
}

export async function insertSession(
  db: Executor,
  row: {
    id: string;
    userId: number;
    csrfToken: string;
    now: Date;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db
    .insertInto('user_session')
    .values({
      id: row.id,
      user_id: row.userId,
      csrf_token: row.csrfToken,
      created_at: row.now,
      last_seen_at: row.now,
      expires_at: row.expiresAt,
      ip: row.ip,
      user_agent: row.userAgent,
      revoked_at: null,
    })
    .execute();
}

export async function touchSession(db: Executor, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('user_session').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

export async function revokeSession(db: Executor, sessionId: string, now: Date): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ revoked_at: now })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Ends every session of a user except `keep` (after a password change, a lock or a disable). */
export async function revokeUserSessions(
  db: Executor,
  userId: number,
  now: Date,
  keep?: string,
): Promise<void> {
  let q = db
    .updateTable('user_session')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (keep) q = q.where('id', '!=', keep);
  await q.execute();
}

export async function touchToken(db: Executor, tokenId: number, now: Date): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', tokenId).execute();
}

/** Ends every session of the users of an org unit (its jurisdiction is about to change). */
export async function revokeSessionsOfOrgUsers(db: Executor, orgUnitId: number, now: Date): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ revoked_at: now })
    .where('revoked_at', 'is', null)
    .where('user_id', 'in', (eb) =>
      eb.selectFrom('app_user').select('app_user.id').where('app_user.org_unit_id', '=', orgUnitId),
    )
    .execute();
}
