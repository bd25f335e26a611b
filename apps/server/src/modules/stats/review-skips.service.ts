import { type AuditContext, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, badRequest, forbidden, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { findOrgUnitInScope } from '../../platform/orgs/orgs.repository.ts';
import type { OrgLevel } from '../../platform/orgs/orgs.tables.ts';
import { LEVEL_RANK } from './chain.ts';
import type { FormWithOwner } from './forms.repository.ts';
import { formVisible, periodOfForm } from './forms.service.ts';
import { comparePeriods } from './periods.ts';
import { deleteReviewSkip, type ReviewSkipWithOrg, upsertReviewSkip } from './review-skips.repository.ts';

type SkippableLevel = Exclude<OrgLevel, 'ministry'>;

export const toReviewSkipDto = (row: ReviewSkipWithOrg) => ({
  orgUnitId: row.org_unit_id,
  orgName: row.org_name,
  orgCode: row.org_code,
  orgLevel: row.org_level,
  level: row.level,
  reason: row.reason,
  fromPeriod: row.from_period,
  untilPeriod: row.until_period,
  createdAt: row.created_at.toISOString(),
  createdBy: row.created_by,
});

/**
 * Who may skip which level where: the unit is in the caller's jurisdiction and reached by the
 * form; the level is one of the form's review levels below the owning one, at or above the unit;
 * and the caller's unit sits above that level (a city does not excuse itself from reviewing:
 * the province or the form's owner decides it).
 */
async function checkedSkip(
  db: Executor,
  actor: Actor,
  formId: number,
  orgUnitId: number,
  level: SkippableLevel,
): Promise<{ form: FormWithOwner; unit: { id: number; path: string; level: OrgLevel; name: string } }> {
  const form = await formVisible(db, actor, formId);
  const unit = await findOrgUnitInScope(db, orgUnitId, actor.orgPath);
  if (!unit)
    throw new AppError(403, 'out_of_jurisdiction', `org unit ${orgUnitId} is not in your jurisdiction`);
  if (!unit.path.startsWith(form.owner_path)) throw badRequest('the unit is outside the reach of the form');
  if (!form.chain_levels.includes(level)) throw badRequest(`${level} is not a review level of ${form.code}`);
  if (LEVEL_RANK[level] <= LEVEL_RANK[form.owning_level])
    throw badRequest('the owning level publishes the form and cannot be skipped');
  if (LEVEL_RANK[level] > LEVEL_RANK[unit.level])
    throw badRequest(`${level} is below ${unit.name}: only a level at or above the unit can be skipped`);
  const callerLevel = unit.path === actor.orgPath ? unit.level : await levelOfCaller(db, actor);
  if (LEVEL_RANK[callerLevel] >= LEVEL_RANK[level])
    throw forbidden(`skipping the ${level} level is decided above it`);
  return { form, unit };
}

async function levelOfCaller(db: Executor, actor: Actor): Promise<OrgLevel> {
  const own = await findOrgUnitInScope(db, actor.orgUnitId, actor.orgPath);
  if (!own) throw notFound('org unit');
  return own.level;
}

export async function setReviewSkip(
  trx: Executor,
  audit: AuditContext,
  actor: Actor,
  formId: number,
  orgUnitId: number,
  level: SkippableLevel,
  body: { reason: string; fromPeriod?: string | null; untilPeriod?: string | null },
  now: Date,
): Promise<{ created: boolean }> {
  const { form, unit } = await checkedSkip(trx, actor, formId, orgUnitId, level);
  const { reason } = body;
  const from = body.fromPeriod ? periodOfForm(form, body.fromPeriod) : null;
  const until = body.untilPeriod ? periodOfForm(form, body.untilPeriod) : null;
  if (from && until && comparePeriods(from, until) > 0)
    throw badRequest(`the skip ends (${until.id}) before it starts (${from.id})`);
  const result = await upsertReviewSkip(trx, {
    form_id: form.id,
    org_unit_id: unit.id,
    level,
    reason,
    from_period: from?.id ?? null,
    until_period: until?.id ?? null,
    created_by: actor.userId,
    created_at: now,
  });
  await recordAudit(trx, audit, {
    action: 'stats.reviewSkip.set',
    objectType: 'stats_form',
    objectId: form.id,
    orgPath: unit.path,
    orgUnitId: unit.id,
    after: {
      orgUnitId: unit.id,
      level,
      reason,
      fromPeriod: from?.id ?? null,
      untilPeriod: until?.id ?? null,
    },
  });
  return result;
}

export async function clearReviewSkip(
  trx: Executor,
  audit: AuditContext,
  actor: Actor,
  formId: number,
  orgUnitId: number,
  level: SkippableLevel,
): Promise<void> {
  const { form, unit } = await checkedSkip(trx, actor, formId, orgUnitId, level);
  const gone = await deleteReviewSkip(trx, form.id, unit.id, level);
  if (!gone) throw notFound('review skip');
  await recordAudit(trx, audit, {
    action: 'stats.reviewSkip.clear',
    objectType: 'stats_form',
    objectId: form.id,
    orgPath: unit.path,
    orgUnitId: unit.id,
    before: {
      orgUnitId: unit.id,
      level,
      reason: gone.reason,
      fromPeriod: gone.from_period,
      untilPeriod: gone.until_period,
    },
  });
}
