import { type AuditContext, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { findCurrentCategory } from './categories.repository.ts';
import type { RequestType } from './hotline.tables.ts';
import { deactivateRule, findRuleInScope, insertRule, type RuleRow } from './routing.repository.ts';
import { orgInScope } from './tickets.service.ts';

export const toRuleDto = (r: RuleRow) => ({
  id: r.id,
  ownerOrgId: r.owner_org_id,
  ownerName: r.owner_name,
  requestType: r.request_type,
  categoryPrefix: r.category_prefix,
  regionOrgId: r.region_org_id,
  regionName: r.region_name,
  handlingOrgId: r.handling_org_id,
  handlingName: r.handling_name,
  priority: r.priority,
});

export interface NewRule {
  requestType?: RequestType | undefined;
  categoryPrefix?: string | undefined;
  regionOrgId?: number | undefined;
  handlingOrgId: number;
  priority?: number | undefined;
}

/** A rule of the caller's unit; its region and handling unit lie in the caller's area. */
export async function createRule(trx: Executor, ctx: AuditContext, actor: Actor, input: NewRule, now: Date) {
  await orgInScope(trx, actor.orgPath, input.handlingOrgId);
  if (input.regionOrgId !== undefined) await orgInScope(trx, actor.orgPath, input.regionOrgId);
  if (input.categoryPrefix !== undefined && input.categoryPrefix.length > 2) {
    if (!(await findCurrentCategory(trx, input.categoryPrefix)))
      throw badRequest(`unknown category ${input.categoryPrefix}`);
  }
  const id = await insertRule(trx, {
    owner_org_id: actor.orgUnitId,
    request_type: input.requestType ?? null,
    category_prefix: input.categoryPrefix ?? null,
    region_org_id: input.regionOrgId ?? null,
    handling_org_id: input.handlingOrgId,
    priority: input.priority ?? 0,
    created_at: now,
  });
  const row = (await findRuleInScope(trx, id, actor.orgPath)) as RuleRow;
  await recordAudit(trx, ctx, {
    action: 'hotline.rule.create',
    objectType: 'hotline_routing_rule',
    objectId: id,
    after: toRuleDto(row),
  });
  return row;
}

export async function removeRule(trx: Executor, ctx: AuditContext, actor: Actor, id: number) {
  const row = await findRuleInScope(trx, id, actor.orgPath);
  if (!row?.active) throw notFound(`routing rule ${id}`);
  await deactivateRule(trx, id);
  await recordAudit(trx, ctx, {
    action: 'hotline.rule.delete',
    objectType: 'hotline_routing_rule',
    objectId: id,
    before: toRuleDto(row),
  });
}
