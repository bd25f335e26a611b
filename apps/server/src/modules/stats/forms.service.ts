import type { Static } from 'typebox';
import { type AuditContext, recordAudit } from '../../platform/audit/audit.service.ts';
import { beijingMidnight, type WorkingCalendar } from '../../platform/calendar/index.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { findOrgUnitInScope } from '../../platform/orgs/orgs.repository.ts';
import { type ChainForm, chainProblem } from './chain.ts';
import {
  type FillWindowRow,
  type FormWithOwner,
  findFormById,
  insertForm,
  insertObligation,
  insertVersion,
  listIndicators,
  listVersions,
  type ObligationRow,
  updateForm,
  upsertFillWindow,
  upsertIndicators,
  type VersionRow,
} from './forms.repository.ts';
import type { AddObligationBody, AddVersionBody, CreateFormBody, UpdateFormBody } from './forms.schemas.ts';
import { type CompiledLayout, compileLayout, type LayoutDef } from './layout.ts';
import { addDaysToDate, type Period, parsePeriod, parsePeriodType, periodTypeCode } from './periods.ts';
import { listReportedPeriods } from './reports.repository.ts';

export const toFormDto = (row: FormWithOwner) => ({
  id: row.id,
  code: row.code,
  name: row.name,
  issuingAuthority: row.issuing_authority,
  approvingAuthority: row.approving_authority,
  approvalNo: row.approval_no,
  validUntil: row.valid_until,
  periodType: row.period_type,
  fillingLevels: row.filling_levels,
  chainLevels: row.chain_levels,
  requireChildrenApproved: row.require_children_approved,
  fillOpenDays: row.fill_open_days,
  deadlineWorkingDays: row.deadline_working_days,
  owningLevel: row.owning_level,
  ownerOrgUnitId: row.owner_org_unit_id,
  ownerName: row.owner_name,
  status: row.status,
});

export const toVersionDto = (row: VersionRow) => ({
  id: row.id,
  versionNo: row.version_no,
  effectiveFrom: row.effective_from,
  createdAt: row.created_at.toISOString(),
});

export const toObligationDto = (row: ObligationRow & { org_name: string }) => ({
  id: row.id,
  orgUnitId: row.org_unit_id,
  orgName: row.org_name,
  includeSubtree: row.include_subtree,
  validFrom: row.valid_from,
  validTo: row.valid_to,
});

/**
 * The form's chain for one period: only the review skips whose range holds the period apply, so
 * each period is reviewed along the chain in force for it.
 */
export function chainFormOf(form: FormWithOwner, period: Period): ChainForm {
  const startOf = (id: string) => periodOfForm(form, id).start;
  const review_skips = (form.review_skips ?? []).filter(
    (s) =>
      (s.from === null || startOf(s.from) <= period.start) &&
      (s.until === null || period.start <= startOf(s.until)),
  );
  return { ...form, owner_path: form.owner_path, review_skips };
}

/** A form the caller deals with: owned at or above its unit, or below it. */
export async function formVisible(db: Executor, actor: Actor, formId: number): Promise<FormWithOwner> {
  const form = await findFormById(db, formId);
  if (!form || !(actor.orgPath.startsWith(form.owner_path) || form.owner_path.startsWith(actor.orgPath)))
    throw notFound('form');
  return form;
}

/** Form definitions are changed by the owning unit or a unit above it (the instance root). */
export function assertManages(actor: Actor, form: FormWithOwner): void {
  if (!form.owner_path.startsWith(actor.orgPath))
    throw forbidden('only the unit that owns the form, or one above it, may change its definition');
}

export function compileOrThrow(def: LayoutDef): CompiledLayout {
  const compiled = compileLayout(def);
  if (!compiled.ok)
    throw new AppError(400, 'validation_failed', `invalid form layout: ${compiled.error}`, compiled.errors);
  return compiled.value;
}

/** A period id of the form's period type, parsed. */
export function periodOfForm(form: Pick<FormWithOwner, 'period_type'>, id: string): Period {
  const parsed = parsePeriod(id);
  if (!parsed.ok) throw badRequest(parsed.error);
  if (periodTypeCode(parsed.value.type) !== form.period_type)
    throw badRequest(`period ${id} is not a ${form.period_type} period`);
  return parsed.value;
}

const indicatorRows = (formId: number, layout: CompiledLayout) =>
  layout.rows.map(({ indicator: i }) => ({
    form_id: formId,
    code: i.code,
    name: i.name,
    unit: i.unit,
    value_type: i.valueType,
    decimals: i.decimals,
    aggregation: i.aggregation,
  }));

export async function createForm(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  body: Static<typeof CreateFormBody>,
  now: Date,
): Promise<FormWithOwner> {
  const owner = await findOrgUnitInScope(trx, actor.orgUnitId, actor.orgPath);
  if (!owner) throw notFound('org unit');
  const type = parsePeriodType(body.periodType);
  if (!type.ok) throw badRequest(type.error);
  const levels = {
    filling_levels: body.fillingLevels,
    chain_levels: body.chainLevels,
    owning_level: owner.level,
  };
  const problem = chainProblem(levels);
  if (problem) throw badRequest(problem);
  const layout = compileOrThrow(body.layout);
  const first = periodOfForm({ period_type: body.periodType }, body.firstPeriod);
  const form = await insertForm(trx, {
    code: body.code,
    name: body.name,
    issuing_authority: body.issuingAuthority,
    approving_authority: body.approvingAuthority,
    approval_no: body.approvalNo,
    valid_until: body.validUntil,
    period_type: body.periodType,
    ...levels,
    owner_org_unit_id: owner.id,
    require_children_approved: body.requireChildrenApproved,
    fill_open_days: body.fillOpenDays,
    deadline_working_days: body.deadlineWorkingDays,
    status: 'active',
    updated_at: now,
  }).catch((err: { code?: string }) => {
    if (err.code === '23505') throw conflict(`form ${body.code} already exists`);
    throw err;
  });
  await insertVersion(trx, {
    form_id: form.id,
    effective_from: first.start,
    layout: body.layout,
    created_by: actor.userId,
  });
  await upsertIndicators(trx, indicatorRows(form.id, layout));
  await recordAudit(trx, ctx, {
    action: 'stats.form.create',
    objectType: 'stats_form',
    objectId: form.id,
    after: {
      ...toFormDto({ ...form, owner_path: owner.path, owner_name: owner.name }),
      cells: layout.cells.length,
    },
  });
  return (await findFormById(trx, form.id)) as FormWithOwner;
}

export async function changeForm(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  formId: number,
  body: Static<typeof UpdateFormBody>,
  now: Date,
): Promise<FormWithOwner> {
  const form = await formVisible(trx, actor, formId);
  assertManages(actor, form);
  await updateForm(trx, formId, {
    name: body.name,
    issuing_authority: body.issuingAuthority,
    approving_authority: body.approvingAuthority,
    approval_no: body.approvalNo,
    valid_until: body.validUntil,
    require_children_approved: body.requireChildrenApproved,
    fill_open_days: body.fillOpenDays,
    deadline_working_days: body.deadlineWorkingDays,
    status: body.status,
    updated_at: now,
  });
  const after = (await findFormById(trx, formId)) as FormWithOwner;
  await recordAudit(trx, ctx, {
    action: 'stats.form.update',
    objectType: 'stats_form',
    objectId: formId,
    before: toFormDto(form),
    after: toFormDto(after),
  });
  return after;
}

/**
 * A new layout from a period on. Versions are immutable per period: a new one must start after
 * the last version and after every period already reported with the old one.
 */
export async function addVersion(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  formId: number,
  body: Static<typeof AddVersionBody>,
): Promise<VersionRow> {
  const form = await formVisible(trx, actor, formId);
  assertManages(actor, form);
  const layout = compileOrThrow(body.layout);
  const from = periodOfForm(form, body.fromPeriod);
  const versions = await listVersions(trx, formId);
  const last = versions.at(-1);
  if (last && last.effective_from >= from.start)
    throw conflict(
      `version ${last.version_no} is in force from ${last.effective_from}: a new one must start later`,
    );
  for (const period of await listReportedPeriods(trx, formId)) {
    const p = parsePeriod(period);
    if (p.ok && p.value.start >= from.start)
      throw conflict(
        `period ${period} is already reported with the version in force: start the new one later`,
      );
  }
  const version = await insertVersion(trx, {
    form_id: formId,
    effective_from: from.start,
    layout: body.layout,
    created_by: actor.userId,
  });
  await upsertIndicators(trx, indicatorRows(formId, layout));
  await recordAudit(trx, ctx, {
    action: 'stats.form.version',
    objectType: 'stats_form',
    objectId: formId,
    after: { versionNo: version.version_no, effectiveFrom: from.start, cells: layout.cells.length },
  });
  return version;
}

export async function formDetail(db: Executor, actor: Actor, formId: number) {
  const form = await formVisible(db, actor, formId);
  const [versions, indicators] = await Promise.all([listVersions(db, formId), listIndicators(db, formId)]);
  return {
    form: toFormDto(form),
    versions: versions.map(toVersionDto),
    indicators: indicators.map((i) => ({
      code: i.code,
      name: i.name,
      unit: i.unit,
      valueType: i.value_type,
      decimals: i.decimals,
      aggregation: i.aggregation,
    })),
  };
}

export async function addObligation(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  formId: number,
  body: Static<typeof AddObligationBody>,
) {
  const form = await formVisible(trx, actor, formId);
  const unit = await findOrgUnitInScope(trx, body.orgUnitId, actor.orgPath);
  if (!unit)
    throw new AppError(403, 'out_of_jurisdiction', `org unit ${body.orgUnitId} is not in your jurisdiction`);
  if (!unit.path.startsWith(form.owner_path)) throw badRequest('the unit is outside the reach of the form');
  // Assigning units is done by the owner or, for its own subtree, any unit below it holding stats.manage.
  if (body.validTo !== null && body.validTo <= body.validFrom)
    throw badRequest('validTo must be after validFrom');
  const row = await insertObligation(trx, {
    form_id: formId,
    org_unit_id: unit.id,
    include_subtree: body.includeSubtree,
    valid_from: body.validFrom,
    valid_to: body.validTo,
  });
  await recordAudit(trx, ctx, {
    action: 'stats.obligation.create',
    objectType: 'stats_form',
    objectId: formId,
    orgPath: unit.path,
    orgUnitId: unit.id,
    after: toObligationDto({ ...row, org_name: unit.name }),
  });
  return toObligationDto({ ...row, org_name: unit.name });
}

/** The fill window of a period: configured for it, or derived from the form's rule. */
export function windowOf(
  form: Pick<FormWithOwner, 'fill_open_days' | 'deadline_working_days'>,
  period: Period,
  calendar: WorkingCalendar,
  configured: FillWindowRow | undefined,
) {
  if (configured)
    return {
      period: period.id,
      opensAt: configured.opens_at,
      closesAt: configured.closes_at,
      deadline: configured.deadline as Date | null,
      configured: true,
    };
  const opensAt = beijingMidnight(addDaysToDate(period.end, 1 + form.fill_open_days));
  const deadline =
    form.deadline_working_days === null
      ? null
      : calendar.deadlineAfter(beijingMidnight(period.end), form.deadline_working_days);
  return { period: period.id, opensAt, closesAt: null as Date | null, deadline, configured: false };
}

export type FillWindow = ReturnType<typeof windowOf>;

export const toWindowDto = (w: FillWindow) => ({
  period: w.period,
  opensAt: w.opensAt.toISOString(),
  closesAt: w.closesAt?.toISOString() ?? null,
  deadline: w.deadline?.toISOString() ?? null,
  configured: w.configured,
});

export async function setFillWindow(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  formId: number,
  periodId: string,
  body: { opensAt: string; closesAt: string | null; deadline: string },
) {
  const form = await formVisible(trx, actor, formId);
  assertManages(actor, form);
  const period = periodOfForm(form, periodId);
  const row = await upsertFillWindow(trx, {
    form_id: formId,
    period: period.id,
    opens_at: new Date(body.opensAt),
    closes_at: body.closesAt === null ? null : new Date(body.closesAt),
    deadline: new Date(body.deadline),
  });
  if (row.closes_at && row.closes_at <= row.opens_at)
    throw badRequest('the window must close after it opens');
  await recordAudit(trx, ctx, {
    action: 'stats.window.set',
    objectType: 'stats_form',
    objectId: formId,
    after: { period: period.id, opensAt: body.opensAt, closesAt: body.closesAt, deadline: body.deadline },
  });
  return row;
}
