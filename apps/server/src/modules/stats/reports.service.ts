import type { Static } from 'typebox';
import { type AuditContext, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, conflict, forbidden } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { availableActions } from '../../platform/workflow/index.ts';
import { driftOf, rollUp, withComputed } from './aggregate.service.ts';
import { checkStoredValue, type StoredValue } from './cell-values.ts';
import { expectedUnits } from './expected.ts';
import type { CellError } from './layout.ts';
import { formatPeriod } from './periods.ts';
import { lockReason, type ReportContext } from './report-context.ts';
import { type ReportSubject, reportWorkflow } from './report-workflow.ts';
import {
  type CommentRow,
  ensureReport,
  insertComment,
  latestSnapshot,
  listComments,
  listReportsOfUnits,
  lockReportInScope,
  type ReportWithOrg,
  updateReport,
} from './reports.repository.ts';
import type { ReportView } from './reports.schemas.ts';
import { evaluateRules, type RuleFailure, unexplained } from './rules.ts';
import type { ValueSource } from './stats.tables.ts';
import { type CellWrite, deleteValues, listValues, upsertValues } from './values.repository.ts';

export const toCommentDto = (row: CommentRow) => ({
  id: row.id,
  cellKey: row.cell_key,
  kind: row.kind,
  body: row.body,
  author: row.author_username,
  at: row.at.toISOString(),
});

/** What the report holds now: its unit's values, or for an aggregate the live roll-up below. */
export async function currentEntries(db: Executor, ctx: ReportContext): Promise<Map<string, StoredValue>> {
  if (ctx.kind === 'aggregate') return rollUp(db, ctx.form.id, ctx.period.id, ctx.unit.path, ctx.layout);
  const rows = await listValues(db, ctx.form.id, ctx.period.id, ctx.unit.id);
  return new Map(rows.map((r) => [r.cell_key, { num: r.num, txt: r.txt }]));
}

/** The reports this unit reviews for the period, and how many of them are approved. */
export async function childrenStatus(db: Executor, ctx: ReportContext) {
  if (ctx.kind !== 'aggregate') return null;
  const below = await expectedUnits(db, ctx.form, ctx.period, ctx.unit.path);
  const children = below.filter((u) => u.reviewerId === ctx.unit.id);
  const reports = await listReportsOfUnits(
    db,
    ctx.form.id,
    ctx.period.id,
    children.map((c) => c.id),
  );
  const approved = reports.filter((r) => r.state === 'approved').length;
  return { total: children.length, approved };
}

/** The guard's view of a report, built from its context and current figures. */
export async function subjectOf(
  db: Executor,
  ctx: ReportContext,
  values: Readonly<Record<string, string | null>>,
  explanations: Readonly<Record<string, string>>,
  now: Date,
  pendingUnlockBy: number | null = null,
): Promise<{
  subject: ReportSubject;
  failures: RuleFailure[];
  children: Awaited<ReturnType<typeof childrenStatus>>;
}> {
  const children = await childrenStatus(db, ctx);
  const failures = await evaluateRules(db, ctx, values);
  const pending = children && ctx.form.require_children_approved ? children.total - children.approved : 0;
  return {
    failures,
    children,
    subject: {
      unitPath: ctx.unit.path,
      reviewerPath: ctx.reviewer?.path ?? null,
      submittedBy: ctx.report?.submitted_by ?? null,
      childrenPending: pending,
      hardFailures: failures.filter((f) => f.importance === 'hard').length,
      softUnexplained: unexplained(failures, explanations).length,
      windowOpen:
        ctx.kind === 'aggregate' ||
        (now >= ctx.window.opensAt && (ctx.window.closesAt === null || now < ctx.window.closesAt)),
      pendingUnlockBy,
    },
  };
}

export async function reportView(
  db: Executor,
  actor: Actor,
  ctx: ReportContext,
  now: Date,
): Promise<Static<typeof ReportView>> {
  const entries = await currentEntries(db, ctx);
  const { values, computed } = withComputed(ctx.layout, entries);
  const explanations = (ctx.report?.explanations as Record<string, string> | null) ?? {};
  const [comments, snapshot, built] = await Promise.all([
    ctx.report ? listComments(db, ctx.report.id) : [],
    ctx.report ? latestSnapshot(db, ctx.report.id) : undefined,
    subjectOf(db, ctx, { ...values, ...computed }, explanations, now),
  ]);
  const children = built.children;
  const reason = lockReason(ctx, now);
  const overdue =
    ctx.window.deadline !== null &&
    now > ctx.window.deadline &&
    (ctx.state === 'draft' || ctx.state === 'returned');
  return {
    reportId: ctx.report?.id ?? null,
    form: {
      id: ctx.form.id,
      code: ctx.form.code,
      name: ctx.form.name,
      issuingAuthority: ctx.form.issuing_authority,
      approvingAuthority: ctx.form.approving_authority,
      approvalNo: ctx.form.approval_no,
      validUntil: ctx.form.valid_until,
    },
    orgUnit: { id: ctx.unit.id, name: ctx.unit.name, code: ctx.unit.code },
    period: {
      id: ctx.period.id,
      name: formatPeriod(ctx.period),
      start: ctx.period.start,
      end: ctx.period.end,
    },
    version: { id: ctx.version.id, versionNo: ctx.version.version_no },
    layout: ctx.layout.def as Static<typeof ReportView>['layout'],
    kind: ctx.kind,
    state: ctx.state,
    locked: reason !== null,
    lockReason: reason,
    window: {
      opensAt: ctx.window.opensAt.toISOString(),
      closesAt: ctx.window.closesAt?.toISOString() ?? null,
      deadline: ctx.window.deadline?.toISOString() ?? null,
      overdue,
    },
    reviewerOrgUnitId: ctx.reviewer?.id ?? null,
    values,
    computed,
    comments: comments.map(toCommentDto),
    returnReason: ctx.report?.return_reason ?? null,
    ruleFailures: built.failures.map((f) => ({ ...f, cells: [...f.cells] })),
    explanations,
    children,
    drift: snapshot ? driftOf(snapshot.cells, { ...values, ...computed }) : [],
    actions: availableActions(reportWorkflow, ctx.state, actor, built.subject),
  };
}

/** The report row of a context, created as a draft on first write. */
export async function ensureReportOf(trx: Executor, ctx: ReportContext, now: Date): Promise<ReportWithOrg> {
  if (ctx.report) return ctx.report;
  return ensureReport(trx, {
    form_id: ctx.form.id,
    version_id: ctx.version.id,
    org_unit_id: ctx.unit.id,
    period: ctx.period.id,
    kind: ctx.kind,
    state: 'draft',
    reviewer_org_unit_id: ctx.reviewer?.id ?? null,
    updated_at: now,
  });
}

/**
 * Saves a batch of cells (draft autosave): all or nothing, each value checked against its cell,
 * computed and shaded cells refused, only while the report is open for filling. Every change
 * goes to the cell history, marked with where it came from (`source`: online entry or an Excel
 * upload), and one audit entry lists them.
 */
export async function saveCells(
  trx: Executor,
  audit: AuditContext,
  actor: Actor,
  ctx: ReportContext,
  cells: readonly { key: string; value: unknown }[],
  now: Date,
  source: Extract<ValueSource, 'entry' | 'excel'> = 'entry',
): Promise<number> {
  if (actor.orgUnitId !== ctx.unit.id) throw forbidden("only the unit's own fillers enter its figures");
  // The report row is every writer's lock (imports take it for each report they write, workflow
  // actions for theirs): taken before the state is judged, so a save neither lands in a report
  // submitted meanwhile nor interleaves its value rows with an import's (they deadlocked).
  const created = await ensureReportOf(trx, ctx, now);
  const report = (await lockReportInScope(trx, created.id, ctx.unit.path)) ?? created;
  const locked = lockReason({ ...ctx, report, state: report.state }, now);
  if (locked) throw new AppError(409, 'conflict', `report is locked: ${locked}`, { reason: 'locked' });
  const errors: CellError[] = [];
  const writes: CellWrite[] = [];
  const clears: CellWrite[] = [];
  const seen = new Set<string>();
  for (const { key, value } of cells) {
    const cell = ctx.layout.byKey.get(key);
    if (!cell) {
      errors.push({ cellKey: key, address: null, code: 'unknownCell', message: `表中没有单元格 ${key}` });
      continue;
    }
    if (seen.has(key)) throw conflict(`cell ${key} is given twice`);
    seen.add(key);
    const checked = checkStoredValue(cell, value);
    if (!checked.ok) {
      errors.push(checked.error);
      continue;
    }
    const write = { period: ctx.period.id, orgUnitId: ctx.unit.id, cellKey: key, ...checked.value };
    (checked.value.num === null && checked.value.txt === null ? clears : writes).push(write);
  }
  if (errors.length > 0)
    throw new AppError(400, 'validation_failed', `${errors.length} cell(s) refused`, errors);
  const before = new Map(
    (await listValues(trx, ctx.form.id, ctx.period.id, ctx.unit.id)).map((r) => [r.cell_key, r.num ?? r.txt]),
  );
  const meta = {
    formId: ctx.form.id,
    userId: actor.userId,
    username: actor.username,
    at: now,
    source,
  };
  const counts = await upsertValues(trx, meta, writes);
  const deleted = await deleteValues(trx, meta, clears);
  const changes: Record<string, [string | null, string | null]> = {};
  for (const w of [...writes, ...clears]) {
    const was = before.get(w.cellKey) ?? null;
    const now_ = w.num ?? w.txt;
    if (was !== now_ && Object.keys(changes).length < 500) changes[w.cellKey] = [was, now_];
  }
  const changed = counts.inserted + counts.updated + deleted;
  if (changed > 0) {
    await updateReport(trx, report.id, { updated_at: now });
    await recordAudit(trx, audit, {
      action: 'stats.values.save',
      objectType: 'stats_report',
      objectId: report.id,
      orgPath: ctx.unit.path,
      orgUnitId: ctx.unit.id,
      after: { form: ctx.form.code, period: ctx.period.id, changed, changes },
    });
  }
  return changed;
}

export async function addComment(
  trx: Executor,
  audit: AuditContext,
  actor: Actor,
  ctx: ReportContext,
  body: { cellKey: string; body: string },
  now: Date,
  kind: 'comment' | 'annotation' = 'comment',
) {
  if (!ctx.layout.byKey.has(body.cellKey)) throw new AppError(400, 'bad_request', `no cell ${body.cellKey}`);
  const report = await ensureReportOf(trx, ctx, now);
  const row = await insertComment(trx, {
    report_id: report.id,
    cell_key: body.cellKey,
    kind,
    body: body.body,
    author_user_id: actor.userId,
    author_username: actor.username,
    at: now,
  });
  await recordAudit(trx, audit, {
    action: `stats.${kind}.create`,
    objectType: 'stats_report',
    objectId: report.id,
    orgPath: ctx.unit.path,
    orgUnitId: ctx.unit.id,
    after: { cellKey: body.cellKey, body: body.body },
  });
  return toCommentDto(row);
}
