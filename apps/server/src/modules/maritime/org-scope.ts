import type { Executor } from '../../platform/db/database.ts';
import { AppError, badRequest } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { findOrgUnitInScope } from '../../platform/orgs/orgs.repository.ts';

/** A write may file its object only under an active org unit of the caller's jurisdiction. */
export async function assertOrgInScope(trx: Executor, actor: Actor, orgUnitId: number): Promise<void> {
  const org = await findOrgUnitInScope(trx, orgUnitId, actor.orgPath);
  if (!org)
    throw new AppError(403, 'out_of_jurisdiction', `org unit ${orgUnitId} is not in your jurisdiction`);
  if (org.status !== 'active') throw badRequest(`org unit ${org.name} is ${org.status}`);
}
