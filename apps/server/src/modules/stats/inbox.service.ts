import { beijingDateOf, loadWorkingCalendar } from '../../platform/calendar/index.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { findOrgUnitInScope } from '../../platform/orgs/orgs.repository.ts';
import { reportKindOf } from './chain.ts';
import { expectedUnits } from './expected.ts';
import { findFillWindow, findFormById, listVisibleForms } from './forms.repository.ts';
import { chainFormOf, windowOf } from './forms.service.ts';
import { formatPeriod, parsePeriod, parsePeriodType, periodOf, shiftPeriod } from './periods.ts';
import { listAwaitingReview, listReportsOfUnit } from './reports.repository.ts';
import type { ReportKind, ReportState } from './stats.tables.ts';

export interface InboxItem {
  formId: number;
  formCode: string;
  formName: string;
  orgUnitId: number;
  orgName: string;
  period: string;
  periodName: string;
  kind: ReportKind;
  state: ReportState;
  status: 'due' | 'inProgress' | 'returned' | 'overdue' | 'toReview';
  deadline: string | null;
}

// Periods looked back on for work still open: a year of months, or the last few of longer types.
const LOOK_BACK = 12;

/**
 * The caller's to-do list: for its own unit, every period of every form it fills or aggregates
 * whose window has opened and that is not yet submitted (due, in progress, returned, overdue);
 * and, for reviewers, the reports waiting for the unit's review.
 */
export async function inbox(db: Executor, actor: Actor, now: Date): Promise<InboxItem[]> {
  const { items: forms } = await listVisibleForms(db, actor.orgPath, 200, 0);
  const unit = await findOrgUnitInScope(db, actor.orgUnitId, actor.orgPath);
  if (!unit) return [];
  const calendar = await loadWorkingCalendar(db);
  const today = beijingDateOf(now);
  const out: InboxItem[] = [];
  for (const form of forms) {
    if (form.status !== 'active' || !actor.permissions.has('stats.fill')) continue;
    const type = parsePeriodType(form.period_type);
    if (!type.ok) continue;
    const reports = new Map(
      (await listReportsOfUnit(db, actor.orgUnitId, [form.id])).map((r) => [r.period, r]),
    );
    const current = periodOf(type.value, today);
    for (let back = 0; back <= LOOK_BACK; back++) {
      const period = shiftPeriod(current, -back);
      const kind = reportKindOf(chainFormOf(form, period), unit);
      if (!kind) continue;
      const window = windowOf(form, period, calendar, await findFillWindow(db, form.id, period.id));
      if (window.opensAt > now) continue;
      const report = reports.get(period.id);
      const state = report?.state ?? 'draft';
      if (state === 'submitted' || state === 'approved') continue;
      const expected = await expectedUnits(db, form, period, actor.orgPath);
      if (!expected.some((u) => u.id === actor.orgUnitId)) continue;
      const overdue = window.deadline !== null && now > window.deadline;
      out.push({
        formId: form.id,
        formCode: form.code,
        formName: form.name,
        orgUnitId: actor.orgUnitId,
        orgName: unit.name,
        period: period.id,
        periodName: formatPeriod(period),
        kind,
        state,
        status: overdue ? 'overdue' : state === 'returned' ? 'returned' : report ? 'inProgress' : 'due',
        deadline: window.deadline?.toISOString() ?? null,
      });
    }
  }
  if (actor.permissions.has('stats.review')) {
    for (const r of await listAwaitingReview(db, actor.orgUnitId)) {
      const form = await findFormById(db, r.form_id);
      const period = parsePeriod(r.period);
      if (!form || !period.ok) continue;
      out.push({
        formId: form.id,
        formCode: form.code,
        formName: form.name,
        orgUnitId: r.org_unit_id,
        orgName: r.org_name,
        period: r.period,
        periodName: formatPeriod(period.value),
        kind: r.kind,
        state: r.state,
        status: 'toReview',
        deadline: null,
      });
    }
  }
  return out;
}
