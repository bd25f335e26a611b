import { type AuditContext, recordAudit } from '../../platform/audit/audit.service.ts';
import { loadWorkingCalendar } from '../../platform/calendar/index.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, badRequest, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { notify } from '../../platform/notify/index.ts';
import { findOrgUnitInScope } from '../../platform/orgs/orgs.repository.ts';
import { LEVEL_RANK } from './chain.ts';
import { type ExpectedUnit, expectedUnits } from './expected.ts';
import { findFillWindow } from './forms.repository.ts';
import { type FillWindow, formVisible, periodOfForm, windowOf } from './forms.service.ts';
import { listReportsOfUnits, type ReportRow } from './reports.repository.ts';
import { insertReminders, listUnitUserIds, reminderCounts } from './urging.repository.ts';

export type Timeliness = 'onTime' | 'late' | 'overdue' | 'pending';

export interface GridRow {
  orgUnitId: number;
  name: string;
  code: string;
  level: string;
  kind: 'filled' | 'aggregate';
  reviewerOrgUnitId: number | null;
  state: 'notStarted' | 'draft' | 'submitted' | 'returned' | 'approved';
  submittedAt: string | null;
  approvedAt: string | null;
  timeliness: Timeliness;
  reminders: number;
  lastReminderAt: string | null;
}

function timelinessOf(report: ReportRow | undefined, window: FillWindow, now: Date): Timeliness {
  const submitted = report?.state === 'submitted' || report?.state === 'approved';
  if (submitted && report?.submitted_at)
    return window.deadline && report.submitted_at > window.deadline ? 'late' : 'onTime';
  if (submitted) return 'onTime';
  return window.deadline && now > window.deadline ? 'overdue' : 'pending';
}

/** Expected reports of a form and period under a unit of the caller's, with state and timeliness. */
export async function completenessGrid(
  db: Executor,
  actor: Actor,
  formId: number,
  periodId: string,
  orgUnitId: number | undefined,
  now: Date,
): Promise<{ rows: GridRow[]; window: FillWindow }> {
  const form = await formVisible(db, actor, formId);
  const period = periodOfForm(form, periodId);
  const scope = await findOrgUnitInScope(db, orgUnitId ?? actor.orgUnitId, actor.orgPath);
  if (!scope) throw notFound('org unit');
  const [units, configured, calendar] = await Promise.all([
    expectedUnits(db, form, period, scope.path),
    findFillWindow(db, form.id, period.id),
    loadWorkingCalendar(db),
  ]);
  const window = windowOf(form, period, calendar, configured);
  const ids = units.map((u) => u.id);
  const [reports, reminders] = await Promise.all([
    listReportsOfUnits(db, form.id, period.id, ids),
    reminderCounts(db, form.id, period.id, ids),
  ]);
  const byUnit = new Map(reports.map((r) => [r.org_unit_id, r]));
  const rows = units.map((u): GridRow => {
    const r = byUnit.get(u.id);
    const m = reminders.get(u.id);
    return {
      orgUnitId: u.id,
      name: u.name,
      code: u.code,
      level: u.level,
      kind: u.kind,
      reviewerOrgUnitId: u.reviewerId,
      state: r?.state ?? 'notStarted',
      submittedAt: r?.submitted_at?.toISOString() ?? null,
      approvedAt: r?.approved_at?.toISOString() ?? null,
      timeliness: timelinessOf(r, window, now),
      reminders: m?.count ?? 0,
      lastReminderAt: m?.last.toISOString() ?? null,
    };
  });
  return { rows, window };
}

/** Completeness (submitted ÷ expected) and on-time rate per level of the grid. */
export function ratesByLevel(rows: readonly GridRow[]) {
  const levels = new Map<string, { expected: number; submitted: number; onTime: number; approved: number }>();
  for (const r of rows) {
    const l = levels.get(r.level) ?? { expected: 0, submitted: 0, onTime: 0, approved: 0 };
    l.expected += 1;
    if (r.state === 'submitted' || r.state === 'approved') l.submitted += 1;
    if (r.timeliness === 'onTime') l.onTime += 1;
    if (r.state === 'approved') l.approved += 1;
    levels.set(r.level, l);
  }
  const ratio = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 10_000) / 10_000);
  return [...levels.entries()]
    .sort(([a], [b]) => LEVEL_RANK[b as keyof typeof LEVEL_RANK] - LEVEL_RANK[a as keyof typeof LEVEL_RANK])
    .map(([level, l]) => ({
      level,
      ...l,
      completeness: ratio(l.submitted, l.expected),
      onTimeRate: ratio(l.onTime, l.expected),
    }));
}

export interface RemindInput {
  readonly orgUnitIds?: readonly number[] | undefined;
  readonly escalate: boolean;
  readonly note?: string | undefined;
}

/**
 * 催报: reminds the units not yet submitted (all late ones under the caller, or those named) by
 * in-app message, e-mail and webhook; escalation tells the unit that reviews them instead. Every
 * reminder is logged and the batch audited.
 */
export async function sendReminders(
  trx: Executor,
  audit: AuditContext,
  actor: Actor,
  formId: number,
  periodId: string,
  input: RemindInput,
  now: Date,
): Promise<{ reminded: number; recipients: number }> {
  const { rows } = await completenessGrid(trx, actor, formId, periodId, undefined, now);
  const form = await formVisible(trx, actor, formId);
  const below = rows.filter((r) => r.orgUnitId !== actor.orgUnitId);
  const pending = below.filter((r) => r.state !== 'submitted' && r.state !== 'approved');
  let targets: GridRow[];
  if (input.orgUnitIds) {
    const wanted = new Set(input.orgUnitIds);
    targets = below.filter((r) => wanted.has(r.orgUnitId));
    if (targets.length !== wanted.size)
      throw new AppError(404, 'not_found', 'some units are not expected reporters under your unit');
    if (targets.some((r) => r.state === 'submitted' || r.state === 'approved'))
      throw badRequest('a unit that has submitted needs no reminder');
  } else targets = pending;
  let recipients = 0;
  const log = [];
  for (const target of targets) {
    const to = input.escalate ? target.reviewerOrgUnitId : target.orgUnitId;
    const userIds =
      to === null ? [] : await listUnitUserIds(trx, to, input.escalate ? 'stats.review' : 'stats.fill');
    if (userIds.length > 0)
      await notify(
        trx,
        {
          userIds,
          title: input.escalate ? `催报（上报单位逾期）：${target.name}${form.name}` : `催报：${form.name}`,
          body: `${form.code} ${form.name} · ${target.name} · ${periodId}${input.note ? ` · ${input.note}` : ''}`,
          link: `/stats/forms/${form.id}/units/${target.orgUnitId}/periods/${periodId}`,
          category: 'stats.reminder',
          channels: ['inApp', 'email', 'webhook'],
        },
        now,
      );
    recipients += userIds.length;
    log.push({
      form_id: form.id,
      period: periodId,
      org_unit_id: target.orgUnitId,
      escalated_to_org_unit_id: input.escalate ? to : null,
      recipients: userIds.length,
      note: input.note ?? null,
      sent_by: actor.userId,
      sent_by_name: actor.username,
      sent_at: now,
    });
  }
  await insertReminders(trx, log);
  await recordAudit(trx, audit, {
    action: input.escalate ? 'stats.reminder.escalate' : 'stats.reminder.send',
    objectType: 'stats_form',
    objectId: form.id,
    after: { period: periodId, units: targets.map((t) => t.orgUnitId), recipients, note: input.note ?? null },
  });
  return { reminded: targets.length, recipients };
}

export type { ExpectedUnit };
