import { type AuditContext, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { enqueue } from '../../platform/jobs/index.ts';
import { findOrgUnitInScope } from '../../platform/orgs/orgs.repository.ts';
import { rollUp, withComputed } from './aggregate.service.ts';
import type { StoredValue } from './cell-values.ts';
import { expectedUnits } from './expected.ts';
import { type FormWithOwner, findFormByCode, findFormById, versionInForce } from './forms.repository.ts';
import { formVisible, periodOfForm } from './forms.service.ts';
import { type LookupValue, mapLookup, type OperandRef, operandId } from './formula/evaluator.ts';
import { requiredOperands, runRules } from './formula/rules.ts';
import { type CompiledLayout, findCell } from './layout.ts';
import type { Period } from './periods.ts';
import { layoutOfVersion } from './report-context.ts';
import {
  addRuleRunProgress,
  deleteRuleFailures,
  findRuleRun,
  insertRuleFailures,
  insertRuleRun,
  listValuesOfUnits,
  type RuleRunRow,
  type RuleRunWithScope,
  updateRuleRun,
} from './rule-runs.repository.ts';
import { listRules } from './rules.repository.ts';
import { expandAll, operandPeriod } from './rules.ts';

export const RULE_RUN_JOB = 'stats.ruleRun';
/** Units evaluated per transaction: progress is visible after each chunk. */
const CHUNK = 200;

export const toRuleRunDto = (r: RuleRunWithScope) => ({
  id: r.id,
  formId: r.form_id,
  period: r.period,
  scopeOrgUnitId: r.scope_org_unit_id,
  scopeName: r.scope_name,
  state: r.state,
  unitsTotal: r.units_total,
  unitsDone: r.units_done,
  hardFailures: r.hard_failures,
  softFailures: r.soft_failures,
  error: r.error,
  requestedAt: r.requested_at.toISOString(),
  finishedAt: r.finished_at?.toISOString() ?? null,
});

/** Queues a batch run of the form's audit formulas for one period over a subtree of the caller's. */
export async function startRuleRun(
  trx: Executor,
  audit: AuditContext,
  actor: Actor,
  formId: number,
  periodId: string,
  orgUnitId: number | undefined,
  now: Date,
): Promise<RuleRunRow> {
  const form = await formVisible(trx, actor, formId);
  const period = periodOfForm(form, periodId);
  const scope = await findOrgUnitInScope(trx, orgUnitId ?? actor.orgUnitId, actor.orgPath);
  if (!scope) throw notFound('org unit');
  const run = await insertRuleRun(trx, {
    form_id: form.id,
    period: period.id,
    scope_org_unit_id: scope.id,
    state: 'queued',
    error: null,
    requested_by: actor.userId,
    requested_at: now,
    finished_at: null,
  });
  await enqueue(
    trx,
    RULE_RUN_JOB,
    { runId: run.id },
    { runAt: now, uniqueKey: `stats.ruleRun:${run.id}`, maxAttempts: 3 },
  );
  await recordAudit(trx, audit, {
    action: 'stats.ruleRun.start',
    objectType: 'stats_form',
    objectId: form.id,
    orgPath: scope.path,
    orgUnitId: scope.id,
    after: { runId: run.id, period: period.id, scopeOrgUnitId: scope.id },
  });
  return run;
}

interface BatchUnit {
  readonly id: number;
  readonly path: string;
  readonly kind: 'filled' | 'aggregate';
}

/** Each unit's figures (entered or rolled up, plus computed cells) of one form and period. */
async function figuresOfUnits(
  db: Executor,
  form: FormWithOwner,
  period: Period,
  layout: CompiledLayout,
  units: readonly BatchUnit[],
): Promise<Map<number, Record<string, string | null>>> {
  const entries = new Map<number, Map<string, StoredValue>>(units.map((u) => [u.id, new Map()]));
  const filled = units.filter((u) => u.kind === 'filled').map((u) => u.id);
  for (const r of await listValuesOfUnits(db, form.id, period.id, filled))
    entries.get(r.org_unit_id)?.set(r.cell_key, { num: r.num, txt: r.txt });
  for (const u of units)
    if (u.kind === 'aggregate') entries.set(u.id, await rollUp(db, form.id, period.id, u.path, layout));
  const out = new Map<number, Record<string, string | null>>();
  for (const [id, e] of entries) {
    const { values, computed } = withComputed(layout, e);
    out.set(id, { ...values, ...computed });
  }
  return out;
}

/**
 * Runs the form's audit formulas over a chunk of units: every operand group (this period, earlier
 * periods, last year, other forms) is read once for the whole chunk, then each unit's rules run
 * on its own values, as they run on its report.
 */
async function evaluateChunk(
  db: Executor,
  form: FormWithOwner,
  period: Period,
  layout: CompiledLayout,
  rules: ReturnType<typeof expandAll>,
  units: readonly BatchUnit[],
) {
  const groups = new Map<string, { form: FormWithOwner; period: Period; refs: OperandRef[] }>();
  const forms = new Map<string, FormWithOwner | undefined>([[form.code, form]]);
  for (const ref of requiredOperands(rules)) {
    const code = ref.form ?? form.code;
    if (!forms.has(code)) forms.set(code, await findFormByCode(db, code));
    const other = forms.get(code);
    const p = other ? operandPeriod({ form, period }, ref, other) : null;
    if (!other || !p) continue;
    const key = `${other.id}|${p.id}`;
    const group = groups.get(key) ?? { form: other, period: p, refs: [] };
    group.refs.push(ref);
    groups.set(key, group);
  }
  const lookups = new Map<number, Map<string, LookupValue>>(units.map((u) => [u.id, new Map()]));
  for (const group of groups.values()) {
    const same = group.form.id === form.id && group.period.id === period.id;
    const version = same ? null : await versionInForce(db, group.form.id, group.period.start);
    if (!same && !version) continue;
    const groupLayout = version ? layoutOfVersion(version) : layout;
    const figures = await figuresOfUnits(db, group.form, group.period, groupLayout, units);
    for (const ref of group.refs) {
      const cell = findCell(groupLayout, ref.cell);
      for (const u of units) {
        const text = cell ? (figures.get(u.id)?.[cell.key] ?? null) : null;
        lookups
          .get(u.id)
          ?.set(
            operandId(ref),
            text === null ? null : cell?.indicator.valueType === 'text' ? text : Number(text),
          );
      }
    }
  }
  return units.flatMap((u) =>
    runRules(rules, mapLookup(lookups.get(u.id) ?? new Map()))
      .filter((r) => r.status === 'fail')
      .map((r) => ({
        org_unit_id: u.id,
        rule_code: r.code,
        importance: r.importance,
        left_value: r.left,
        right_value: r.right,
        message: r.message ?? r.name,
        cells: [...r.cellKeys],
      })),
  );
}

/**
 * The job: evaluates every expected report of the period in the run's scope, chunk by chunk,
 * each chunk's failures and progress committed together. Idempotent: a rerun starts over.
 */
export async function executeRuleRun(db: Db, runId: number, now: () => Date): Promise<void> {
  const run = await findRuleRun(db, runId);
  if (!run || run.state === 'done' || run.state === 'failed') return;
  try {
    const form = await findFormById(db, run.form_id);
    if (!form) throw new Error(`form ${run.form_id} is gone`);
    const period = periodOfForm(form, run.period);
    const version = await versionInForce(db, form.id, period.start);
    if (!version) throw new Error(`form ${form.code} has no version in force for ${period.id}`);
    const layout = layoutOfVersion(version);
    const rules = expandAll(await listRules(db, form.id, true), layout);
    const units = await expectedUnits(db, form, period, run.scope_path);
    await db.transaction().execute(async (trx) => {
      await deleteRuleFailures(trx, runId);
      await updateRuleRun(trx, runId, {
        state: 'running',
        units_total: units.length,
        units_done: 0,
        hard_failures: 0,
        soft_failures: 0,
        error: null,
      });
    });
    for (let i = 0; i < units.length; i += CHUNK) {
      const chunk = units.slice(i, i + CHUNK);
      const failures = rules.length === 0 ? [] : await evaluateChunk(db, form, period, layout, rules, chunk);
      await db.transaction().execute(async (trx) => {
        await insertRuleFailures(
          trx,
          failures.map((f) => ({ ...f, run_id: runId })),
        );
        const hard = failures.filter((f) => f.importance === 'hard').length;
        await addRuleRunProgress(trx, runId, chunk.length, hard, failures.length - hard);
      });
    }
    await updateRuleRun(db, runId, { state: 'done', finished_at: now() });
  } catch (err) {
    await updateRuleRun(db, runId, {
      state: 'failed',
      error: err instanceof Error ? err.message : String(err),
      finished_at: now(),
    });
  }
}
