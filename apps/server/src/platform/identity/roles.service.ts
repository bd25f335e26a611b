import { type AuditContext, recordAudit } from '../audit/audit.service.ts';
import type { Executor } from '../db/database.ts';
import { badRequest, conflict, forbidden, notFound } from '../http/errors.ts';
import { type Actor, assertInstanceRoot } from './actor.ts';
import { isPermission } from './permissions.ts';
import {
  countRoleMembers,
  deleteRole,
  findRole,
  insertRole,
  listRoles,
  roleCodeExists,
  updateRole,
} from './roles.repository.ts';
import { usersPolicy } from './users.policy.ts';

type RoleRow = NonNullable<Awaited<ReturnType<typeof findRole>>>;

export const toRoleDto = (row: RoleRow, memberCount: number) => ({
  id: row.id,
  code: row.code,
  name: row.name,
  description: row.description,
  permissions: row.permissions,
  builtin: row.builtin,
  isAdmin: row.is_admin,
  memberCount,
});

export async function listRoleDtos(db: Executor) {
  const rows = await listRoles(db);
  return Promise.all(rows.map(async (r) => toRoleDto(r, await countRoleMembers(db, r.id))));
}

function checkPermissions(actor: Actor, code: string, permissions: readonly string[]): void {
  assertInstanceRoot(actor, 'define roles');
  const unknown = permissions.filter((p) => !isPermission(p));
  if (unknown.length > 0) throw badRequest(`unknown permissions: ${unknown.join(', ')}`);
  usersPolicy.assertCanGrant(actor, [{ code, permissions }]);
}

export async function createRole(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  input: { code: string; name: string; description: string; permissions: string[] },
) {
  checkPermissions(actor, input.code, input.permissions);
  if (await roleCodeExists(trx, input.code)) throw conflict(`role ${input.code} exists`);
  const row = await insertRole(trx, {
    ...input,
    permissions: [...new Set(input.permissions)],
    isAdmin: false,
  });
  await recordAudit(trx, ctx, { action: 'role.create', objectType: 'role', objectId: row.id, after: input });
  return toRoleDto(row, 0);
}

async function loadEditable(trx: Executor, id: number): Promise<RoleRow> {
  const role = await findRole(trx, id);
  if (!role) throw notFound(`role ${id}`);
  if (role.builtin) throw forbidden('built-in roles cannot be changed');
  return role;
}

export async function editRole(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  patch: { name?: string | undefined; description?: string | undefined; permissions?: string[] | undefined },
) {
  assertInstanceRoot(actor, 'define roles');
  const before = await loadEditable(trx, id);
  if (patch.permissions) checkPermissions(actor, before.code, patch.permissions);
  const row = await updateRole(trx, id, {
    ...patch,
    ...(patch.permissions && { permissions: [...new Set(patch.permissions)] }),
  });
  await recordAudit(trx, ctx, {
    action: 'role.update',
    objectType: 'role',
    objectId: id,
    before: { name: before.name, description: before.description, permissions: before.permissions },
    after: { name: row.name, description: row.description, permissions: row.permissions },
  });
  return toRoleDto(row, await countRoleMembers(trx, id));
}

export async function removeRole(trx: Executor, ctx: AuditContext, actor: Actor, id: number): Promise<void> {
  assertInstanceRoot(actor, 'define roles');
  const role = await loadEditable(trx, id);
  const members = await countRoleMembers(trx, id);
  if (members > 0) throw conflict(`role ${role.code} still has ${members} members`);
  await deleteRole(trx, id);
  await recordAudit(trx, ctx, {
    action: 'role.delete',
    objectType: 'role',
    objectId: id,
    before: { code: role.code, name: role.name, permissions: role.permissions },
  });
}
