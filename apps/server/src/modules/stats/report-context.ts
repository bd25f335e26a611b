import { loadWorkingCalendar } from '../../platform/calendar/index.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, badRequest, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { findOrgUnitInScope, idsOnPath, type OrgUnitRow } from '../../platform/orgs/orgs.repository.ts';
import { type ChainUnit, reportKindOf, reviewerOf } from './chain.ts';
import {
  type FormWithOwner,
  findFillWindow,
  findVersion,
  listExpectedFillers,
  listUnitsByIds,
  type VersionRow,
  versionInForce,
} from './forms.repository.ts';
import { chainFormOf, type FillWindow, formVisible, periodOfForm, windowOf } from './forms.service.ts';
import type { CompiledLayout, LayoutDef } from './layout.ts';
import { compileLayout } from './layout.ts';
import type { Period } from './periods.ts';
import { findReport, type ReportWithOrg } from './reports.repository.ts';
import type { ReportKind, ReportState } from './stats.tables.ts';

/** Everything a report of (form, unit, period) is judged by. */
export interface ReportContext {
  readonly form: FormWithOwner;
  readonly unit: OrgUnitRow;
  readonly period: Period;
  readonly kind: ReportKind;
  readonly version: VersionRow;
  readonly layout: CompiledLayout;
  readonly report: ReportWithOrg | undefined;
  readonly state: ReportState;
  readonly window: FillWindow;
  readonly reviewer: ChainUnit | null;
}

// Versions never change once stored, so a compiled layout can be kept for the process's life.
const compiled = new Map<number, CompiledLayout>();

export function layoutOfVersion(version: VersionRow): CompiledLayout {
  let layout = compiled.get(version.id);
  if (!layout) {
    const result = compileLayout(version.layout as LayoutDef);
    if (!result.ok)
      throw new Error(`stored layout of version ${version.id} does not compile: ${result.error}`);
    layout = result.value;
    if (compiled.size > 1000) compiled.clear();
    compiled.set(version.id, layout);
  }
  return layout;
}

export async function versionFor(db: Executor, form: FormWithOwner, period: Period): Promise<VersionRow> {
  const version = await versionInForce(db, form.id, period.start);
  if (!version) throw badRequest(`form ${form.code} has no version in force for ${period.id}`);
  return version;
}

/** The unit's reviewer for a period of the form: its nearest ancestor at a review level. */
export async function reviewerOfUnit(db: Executor, form: FormWithOwner, unit: ChainUnit, period: Period) {
  const ancestors = (await listUnitsByIds(db, idsOnPath(unit.path))) as ChainUnit[];
  return reviewerOf(chainFormOf(form, period), unit, ancestors);
}

/**
 * A submitted report keeps the reviewer it was sent to, though a skip set since then would pass
 * its period to another: it waits in that reviewer's inbox.
 */
async function reviewerOfReport(
  db: Executor,
  form: FormWithOwner,
  unit: ChainUnit,
  period: Period,
  report: ReportWithOrg | undefined,
): Promise<ChainUnit | null> {
  if (report?.state === 'submitted' && report.reviewer_org_unit_id !== null) {
    const [stored] = await listUnitsByIds(db, [report.reviewer_org_unit_id]);
    if (stored) return stored as ChainUnit;
  }
  return reviewerOfUnit(db, form, unit, period);
}

/**
 * Resolves a report address: the form must be visible, the unit in the caller's jurisdiction
 * and reached by the form, a filling unit under an obligation for the period.
 */
export async function loadReportContext(
  db: Executor,
  actor: Actor,
  formId: number,
  orgUnitId: number,
  periodId: string,
): Promise<ReportContext> {
  const form = await formVisible(db, actor, formId);
  const unit = await findOrgUnitInScope(db, orgUnitId, actor.orgPath);
  if (!unit) throw notFound('org unit');
  const period = periodOfForm(form, periodId);
  const kind = reportKindOf(chainFormOf(form, period), unit);
  if (!kind) throw notFound(`report of ${form.code} for this unit`);
  if (kind === 'filled') {
    const expected = await listExpectedFillers(db, form, period.start, unit.path);
    if (!expected.some((u) => u.id === unit.id))
      throw new AppError(
        404,
        'not_found',
        `${unit.name} has no obligation to fill ${form.code} for ${period.id}`,
      );
  }
  const [version, report, configured, calendar] = await Promise.all([
    versionFor(db, form, period),
    findReport(db, form.id, unit.id, period.id),
    findFillWindow(db, form.id, period.id),
    loadWorkingCalendar(db),
  ]);
  const reportVersion = report ? await versionById(db, report.version_id, version) : version;
  return {
    form,
    unit,
    period,
    kind,
    version: reportVersion,
    layout: layoutOfVersion(reportVersion),
    report,
    state: report?.state ?? 'draft',
    window: windowOf(form, period, calendar, configured),
    reviewer: await reviewerOfReport(db, form, unit, period, report),
  };
}

async function versionById(db: Executor, id: number, inForce: VersionRow): Promise<VersionRow> {
  if (id === inForce.id) return inForce;
  return (await findVersion(db, id)) ?? inForce;
}

/** Why cells of the report cannot be changed now, or null when they can. */
export function lockReason(ctx: ReportContext, now: Date): string | null {
  if (ctx.kind === 'aggregate') return 'aggregate reports are computed from the units below';
  if (ctx.state === 'submitted') return 'the report is submitted and waits for review';
  if (ctx.state === 'approved') return 'the report is approved; request an unlock to change it';
  if (now < ctx.window.opensAt) return `filling opens at ${ctx.window.opensAt.toISOString()}`;
  if (ctx.window.closesAt && now >= ctx.window.closesAt)
    return `filling closed at ${ctx.window.closesAt.toISOString()}`;
  return null;
}
