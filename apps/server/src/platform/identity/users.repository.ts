import { sql, type Updateable } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { AppUserTable } from './identity.tables.ts';

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  email: string | null;
  phone: string | null;
  org_unit_id: number;
  org_name: string;
  org_path: string;
  status: 'active' | 'disabled';
  must_change_password: boolean;
  failed_attempts: number;
  locked_until: Date | null;
  totp_enabled: boolean;
  created_at: Date;
  last_login_at: Date | null;
  password_changed_at: Date;
  roles: string[];
}

const USER_COLUMNS = [
  'u.id',
  'u.username',
  'u.display_name',
  'u.email',
  'u.phone',
  'u.org_unit_id',
  'o.name as org_name',
  'o.path as org_path',
  'u.status',
  'u.must_change_password',
  'u.failed_attempts',
  'u.locked_until',
  'u.totp_enabled',
  'u.created_at',
  'u.last_login_at',
  'u.password_changed_at',
] as const;

const roleCodes = sql<string[]>`coalesce((select array_agg(r.code order by r.code) from user_role ur
  join role r on r.id = ur.role_id where ur.user_id = u.id), '{}')`;

function selectUsers(db: Executor) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('org_unit as o', 'o.id', 'u.org_unit_id')
    .select([...USER_COLUMNS, roleCodes.as('roles')]);
}

/** A user inside the jurisdiction `scopePath`, or undefined. */
export async function findUserInScope(
  db: Executor,
  id: number,
  scopePath: string,
): Promise<UserRow | undefined> {
  return selectUsers(db)
    .where('u.id', '=', id)
    .where('o.path', 'like', `${scopePath}%`)
    .executeTakeFirst() as Promise<UserRow | undefined>;
}

export interface UserFilter {
  scopePath: string;
  q?: string | undefined;
  status?: 'active' | 'disabled' | undefined;
  role?: string | undefined;
  locked?: boolean | undefined;
  now: Date;
}

// The jurisdiction as `= any(array(<subtree unit ids>))`: the planner then reads the users of
// those units from the app_user_org index (the count index-only) instead of joining every user.
function filteredUsers(db: Executor, f: UserFilter) {
  const subtree = db.selectFrom('org_unit').select('id').where('path', 'like', `${f.scopePath}%`);
  let q = db.selectFrom('app_user as u').where('u.org_unit_id', '=', sql<number>`any(array(${subtree}))`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('u.username', 'ilike', like), eb('u.display_name', 'ilike', like)]));
  }
  if (f.status) q = q.where('u.status', '=', f.status);
  if (f.locked === true) q = q.where('u.locked_until', '>', f.now);
  if (f.locked === false)
    q = q.where((eb) => eb.or([eb('u.locked_until', 'is', null), eb('u.locked_until', '<=', f.now)]));
  if (f.role) {
    const role = f.role;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_role as ur')
          .innerJoin('role as r', 'r.id', 'ur.role_id')
          .select('ur.user_id')
          .whereRef('ur.user_id', '=', 'u.id')
          .where('r.code', '=', role),
      ),
    );
  }
  return q;
}

export async function listUsers(db: Executor, f: UserFilter, limit: number, offset: number) {
  const ids = filteredUsers(db, f).select('u.id').orderBy('u.username').limit(limit).offset(offset);
  const [rows, count] = await Promise.all([
    selectUsers(db).where('u.id', 'in', ids).orderBy('u.username').execute() as Promise<UserRow[]>,
    filteredUsers(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows, total: Number(count.n) };
}

export async function findUserForLogin(db: Executor, username: string) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('org_unit as o', 'o.id', 'u.org_unit_id')
    .select([
      'u.id',
      'u.username',
      'u.password_hash',
      'u.status',
      'u.failed_attempts',
      'u.locked_until',
      'u.totp_enabled',
      'u.totp_secret',
      'u.totp_last_step',
      'u.org_unit_id',
      'o.path as org_path',
    ])
    .where('u.username', '=', username)
    .executeTakeFirst();
}

export async function findPasswordState(db: Executor, userId: number) {
  return db
    .selectFrom('app_user')
    .select(['password_hash', 'username', 'totp_secret', 'totp_enabled', 'totp_last_step'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}

export async function usernameExists(db: Executor, username: string): Promise<boolean> {
  return (
    (await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst()) !==
    undefined
  );
}

export async function insertUser(
  db: Executor,
  row: Pick<
    AppUserTable,
    | 'username'
    | 'display_name'
    | 'email'
    | 'phone'
    | 'org_unit_id'
    | 'password_hash'
    | 'must_change_password'
    | 'status'
  > & {
    password_changed_at: Date;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('app_user')
    .values({ ...row, locked_until: null, totp_secret: null, last_login_at: null, totp_last_step: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateUser(
  db: Executor,
  id: number,
  patch: Omit<Updateable<AppUserTable>, 'id' | 'username' | 'created_at'>,
): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await db.updateTable('app_user').set(patch).where('id', '=', id).execute();
}

export async function incrementFailedAttempts(db: Executor, id: number): Promise<number> {
  const row = await db
    .updateTable('app_user')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('id', '=', id)
    .returning('failed_attempts')
    .executeTakeFirstOrThrow();
  return row.failed_attempts;
}

export async function setUserRoles(db: Executor, userId: number, roleIds: readonly number[]): Promise<void> {
  await db.deleteFrom('user_role').where('user_id', '=', userId).execute();
  if (roleIds.length > 0)
    await db
      .insertInto('user_role')
      .values(roleIds.map((role_id) => ({ user_id: userId, role_id })))
      .execute();
}

export async function recentPasswordHashes(db: Executor, userId: number, n: number): Promise<string[]> {
  if (n === 0) return [];
  const rows = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(n)
    .execute();
  return rows.map((r) => r.password_hash);
}

export async function insertPasswordHistory(db: Executor, userId: number, hash: string): Promise<void> {
  await db.insertInto('password_history').values({ user_id: userId, password_hash: hash }).execute();
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Moves every user of one org unit to another (a merge); returns the ids moved. */
export async function moveUsersBetweenOrgs(db: Executor, fromId: number, toId: number): Promise<number[]> {
  const rows = await db
    .updateTable('app_user')
    .set({ org_unit_id: toId })
    .where('org_unit_id', '=', fromId)
    .returning('id')
    .execute();
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

export async function countActiveUsersInOrg(db: Executor, orgUnitId: number): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_unit_id', '=', orgUnitId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
