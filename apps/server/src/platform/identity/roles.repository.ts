import type { Executor } from '../db/database.ts';
import type { BuiltinRole } from './permissions.ts';

export async function upsertBuiltinRole(db: Executor, role: BuiltinRole): Promise<void> {
  const values = {
    code: role.code,
    name: role.name,
    description: role.description,
    permissions: [...role.permissions],
    builtin: true,
    is_admin: role.isAdmin,
  };
  await db
    .insertInto('role')
    .values(values)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet({
        name: values.name,
        description: values.description,
        permissions: values.permissions,
        is_admin: values.is_admin,
        builtin: true,
      }),
    )
    .execute();
}

export async function findRolesByCode(db: Executor, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db.selectFrom('role').select(['id', 'code', 'permissions']).where('code', 'in', codes).execute();
}

export async function listRoles(db: Executor) {
  return db.selectFrom('role').selectAll().orderBy('builtin', 'desc').orderBy('id').execute();
}

export async function roleCodeExists(db: Executor, code: string): Promise<boolean> {
  return (await db.selectFrom('role').select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function findRole(db: Executor, id: number) {
  return db.selectFrom('role').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertRole(
  db: Executor,
  row: { code: string; name: string; description: string; permissions: string[]; isAdmin: boolean },
) {
  return db
    .insertInto('role')
    .values({
      code: row.code,
      name: row.name,
      description: row.description,
      permissions: row.permissions,
      is_admin: row.isAdmin,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateRole(
  db: Executor,
  id: number,
  patch: { name?: string | undefined; description?: string | undefined; permissions?: string[] | undefined },
) {
  return db.updateTable('role').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteRole(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('role').where('id', '=', id).execute();
}

export async function countRoleMembers(db: Executor, roleId: number): Promise<number> {
  const row = await db
    .selectFrom('user_role')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role_id', '=', roleId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
