import type { AuditContext } from '../../platform/audit/audit.service.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, badRequest, conflict } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { notify } from '../../platform/notify/index.ts';
import { historyOf, transition } from '../../platform/workflow/index.ts';
import { withComputed } from './aggregate.service.ts';
import type { ReportContext } from './report-context.ts';
import type { ReportAction } from './report-workflow.ts';
import { reportWorkflow } from './report-workflow.ts';
import {
  decideUnlock,
  findPendingUnlock,
  insertComment,
  insertSnapshot,
  insertUnlockRequest,
  listUnlockRequests,
  lockReportInScope,
  updateReport,
} from './reports.repository.ts';
import { currentEntries, ensureReportOf, subjectOf } from './reports.service.ts';
import { listReminders, listUnitUserIds } from './urging.repository.ts';

export interface ActionInput {
  readonly explanations?: Readonly<Record<string, string>>;
  readonly reason?: string;
  readonly annotations?: readonly { cellKey: string; body: string }[];
}

const ENTITY = 'stats_report';

/**
 * Takes one workflow action on a report inside the caller's transaction: the platform workflow
 * decides it (permission, guard), records history and audit; this writes what the action means
 * for the report — submission and explanations, the frozen snapshot on approval, the return
 * reason and cell annotations, the granted unlock — and tells the people concerned.
 */
export async function actOnReport(
  trx: Executor,
  audit: AuditContext,
  actor: Actor,
  loaded: ReportContext,
  action: ReportAction,
  input: ActionInput,
  now: Date,
): Promise<void> {
  const created = await ensureReportOf(trx, loaded, now);
  const report = (await lockReportInScope(trx, created.id, actor.orgPath)) ?? created;
  const ctx: ReportContext = { ...loaded, report, state: report.state };
  if (action === 'return' && !input.reason?.trim()) throw badRequest('a return needs a reason');
  const entries = await currentEntries(trx, ctx);
  const { values, computed } = withComputed(ctx.layout, entries);
  const explanations = {
    ...((report.explanations as Record<string, string> | null) ?? {}),
    ...input.explanations,
  };
  const pendingUnlock = action === 'reopen' ? await findPendingUnlock(trx, report.id) : undefined;
  const { subject, failures } = await subjectOf(
    trx,
    ctx,
    { ...values, ...computed },
    explanations,
    now,
    pendingUnlock?.requested_by ?? null,
  );
  const to = await transition(
    trx,
    { audit, actor, now },
    reportWorkflow,
    { type: ENTITY, id: report.id, state: ctx.state, orgPath: ctx.unit.path, entity: subject },
    action,
    {
      ...(input.reason && { reason: input.reason }),
      ...(action === 'submit' && failures.length > 0 && { failures, explanations }),
      ...(input.annotations?.length && { annotations: input.annotations }),
    },
  );
  switch (action) {
    case 'submit':
      await updateReport(trx, report.id, {
        state: to,
        submitted_at: now,
        submitted_by: actor.userId,
        reviewer_org_unit_id: ctx.reviewer?.id ?? null,
        explanations: JSON.stringify(explanations),
        return_reason: null,
        updated_at: now,
      });
      if (ctx.reviewer)
        await tell(
          trx,
          ctx.reviewer.id,
          'stats.review',
          ctx,
          `待审核：${ctx.unit.name}${ctx.form.name}`,
          now,
        );
      break;
    case 'withdraw':
      await updateReport(trx, report.id, { state: to, updated_at: now });
      break;
    case 'approve':
    case 'publish':
      await updateReport(trx, report.id, {
        state: to,
        approved_at: now,
        approved_by: actor.userId,
        updated_at: now,
      });
      await insertSnapshot(trx, {
        report_id: report.id,
        taken_at: now,
        taken_by: actor.userId,
        cells: { ...values, ...computed },
      });
      break;
    case 'return':
      await updateReport(trx, report.id, { state: to, return_reason: input.reason ?? null, updated_at: now });
      for (const a of input.annotations ?? []) {
        if (!ctx.layout.byKey.has(a.cellKey)) throw badRequest(`no cell ${a.cellKey}`);
        await insertComment(trx, {
          report_id: report.id,
          cell_key: a.cellKey,
          kind: 'annotation',
          body: a.body,
          author_user_id: actor.userId,
          author_username: actor.username,
          at: now,
        });
      }
      await tell(trx, ctx.unit.id, 'stats.fill', ctx, `报表被退回：${ctx.form.name}（${input.reason}）`, now);
      break;
    case 'reopen':
      if (!pendingUnlock) throw conflict('no pending unlock request');
      await decideUnlock(trx, pendingUnlock.id, {
        state: 'granted',
        decided_by: actor.userId,
        decided_at: now,
      });
      await updateReport(trx, report.id, { state: to, updated_at: now });
      await tell(trx, ctx.unit.id, 'stats.fill', ctx, `解锁申请已批准：${ctx.form.name}`, now);
      break;
  }
}

async function tell(
  trx: Executor,
  orgUnitId: number,
  permission: 'stats.fill' | 'stats.review',
  ctx: ReportContext,
  title: string,
  now: Date,
) {
  const userIds = await listUnitUserIds(trx, orgUnitId, permission);
  if (userIds.length === 0) return;
  await notify(
    trx,
    {
      userIds,
      title,
      body: `${ctx.form.code} ${ctx.form.name} · ${ctx.unit.name} · ${ctx.period.id}`,
      link: `/stats/forms/${ctx.form.id}/units/${ctx.unit.id}/periods/${ctx.period.id}`,
      category: 'stats.report',
    },
    now,
  );
}

/** An approved report's unit (or its reviewer) asks to reopen it; someone else must grant it. */
export async function requestUnlock(
  trx: Executor,
  audit: AuditContext,
  actor: Actor,
  ctx: ReportContext,
  reason: string,
  now: Date,
) {
  if (ctx.report?.state !== 'approved') throw conflict('only an approved report can be unlocked');
  if (actor.orgPath !== ctx.unit.path && actor.orgPath !== ctx.reviewer?.path)
    throw new AppError(403, 'forbidden', 'only the unit or its reviewer may ask to unlock a report');
  if (await findPendingUnlock(trx, ctx.report.id)) throw conflict('an unlock request is already pending');
  const row = await insertUnlockRequest(trx, {
    report_id: ctx.report.id,
    reason,
    state: 'pending',
    requested_by: actor.userId,
    requested_at: now,
  });
  await recordAudit(trx, audit, {
    action: 'stats.unlock.request',
    objectType: ENTITY,
    objectId: ctx.report.id,
    orgPath: ctx.unit.path,
    orgUnitId: ctx.unit.id,
    after: { requestId: row.id, reason },
  });
  await tell(
    trx,
    ctx.reviewer?.id ?? ctx.unit.id,
    'stats.review',
    ctx,
    `解锁申请：${ctx.unit.name}${ctx.form.name}`,
    now,
  );
  return row;
}

/** Refusing an unlock request; granting it is the workflow's reopen action. */
export async function refuseUnlock(
  trx: Executor,
  audit: AuditContext,
  actor: Actor,
  ctx: ReportContext,
  note: string | undefined,
  now: Date,
) {
  if (!ctx.report) throw conflict('no unlock request');
  if (!actor.permissions.has('stats.review') || actor.orgPath !== (ctx.reviewer?.path ?? ctx.unit.path))
    throw new AppError(403, 'forbidden', "only the report's reviewer decides unlock requests");
  const pending = await findPendingUnlock(trx, ctx.report.id);
  if (!pending) throw conflict('no pending unlock request');
  await decideUnlock(trx, pending.id, {
    state: 'refused',
    decided_by: actor.userId,
    decided_at: now,
    decision_note: note ?? null,
  });
  await recordAudit(trx, audit, {
    action: 'stats.unlock.refuse',
    objectType: ENTITY,
    objectId: ctx.report.id,
    orgPath: ctx.unit.path,
    orgUnitId: ctx.unit.id,
    after: { requestId: pending.id, note: note ?? null },
  });
}

/** Every action on a report, its unlock requests and the reminders sent for it, oldest first. */
export async function timeline(db: Executor, ctx: ReportContext) {
  const [events, unlocks, reminders] = await Promise.all([
    ctx.report ? historyOf(db, ENTITY, ctx.report.id, { page: 1, pageSize: 200 }) : { items: [] },
    ctx.report ? listUnlockRequests(db, ctx.report.id) : [],
    listReminders(db, ctx.form.id, ctx.period.id, ctx.unit.id),
  ]);
  const entries = [
    ...events.items.map((e) => ({
      at: e.at,
      kind: 'transition' as const,
      action: e.action,
      actor: e.actorUsername,
      fromState: e.fromState,
      toState: e.toState,
      note: e.note,
    })),
    ...unlocks.map((u) => ({
      at: u.requested_at.toISOString(),
      kind: 'unlockRequest' as const,
      action: u.state,
      actor: null,
      fromState: null,
      toState: null,
      note: { reason: u.reason, decisionNote: u.decision_note },
    })),
    ...reminders.map((r) => ({
      at: r.sent_at.toISOString(),
      kind: 'reminder' as const,
      action: r.escalated_to_org_unit_id ? 'escalate' : 'remind',
      actor: r.sent_by_name,
      fromState: null,
      toState: null,
      note: { note: r.note, recipients: r.recipients },
    })),
  ];
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}
