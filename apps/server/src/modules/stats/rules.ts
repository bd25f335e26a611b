import type { Executor } from '../../platform/db/database.ts';
import { rollUp, withComputed } from './aggregate.service.ts';
import type { StoredValue } from './cell-values.ts';
import { type FormWithOwner, findFormByCode, versionInForce } from './forms.repository.ts';
import { type LookupValue, mapLookup, type OperandRef, operandId } from './formula/evaluator.ts';
import { type CompiledRule, compileRule, expandRule, requiredOperands, runRules } from './formula/rules.ts';
import { type CompiledLayout, findCell } from './layout.ts';
import { type Period, parsePeriodType, periodOf, samePeriodLastYear, shiftPeriod } from './periods.ts';
import type { ReportContext } from './report-context.ts';
import { layoutOfVersion } from './report-context.ts';
import { listRules, type RuleRow } from './rules.repository.ts';
import { listValues } from './values.repository.ts';

/** One failed audit formula (审核公式) of a report. */
export interface RuleFailure {
  readonly ruleId: string;
  /** hard failures block submission; soft ones need a written explanation (强制上报说明). */
  readonly importance: 'hard' | 'soft';
  readonly message: string;
  readonly cells: readonly string[];
}

export const toRuleDef = (row: RuleRow) => ({
  code: row.code,
  name: row.name,
  expression: row.expression,
  importance: row.importance,
  ...(row.message !== null && { message: row.message }),
  missingValues: row.missing_values,
});

/** The form's active rules, compiled and expanded over the report's layout (templates per row/column). */
export function expandAll(rows: readonly RuleRow[], layout: CompiledLayout): CompiledRule[] {
  const out: CompiledRule[] = [];
  for (const row of rows) {
    const compiled = compileRule(toRuleDef(row));
    if (!compiled.ok) continue;
    const expanded = expandRule(compiled.value, layout);
    if (expanded.ok) out.push(...expanded.value);
  }
  return out;
}

/** The period an operand reads: back n periods, then back n years; another form's own type. */
export function operandPeriod(
  ctx: Pick<ReportContext, 'form' | 'period'>,
  ref: OperandRef,
  form: FormWithOwner,
): Period | null {
  let p = shiftPeriod(ctx.period, -ref.periodsBack);
  if (ref.yearsBack > 0) p = samePeriodLastYear(p, ref.yearsBack);
  if (form.id === ctx.form.id) return p;
  const type = parsePeriodType(form.period_type);
  return type.ok ? periodOf(type.value, p.end) : null;
}

/** The unit's figures of a form and period: its own values, or the roll-up below for an aggregate. */
async function figuresOf(
  db: Executor,
  ctx: ReportContext,
  form: FormWithOwner,
  period: Period,
  layout: CompiledLayout,
) {
  const entries =
    ctx.kind === 'aggregate'
      ? await rollUp(db, form.id, period.id, ctx.unit.path, layout)
      : new Map<string, StoredValue>(
          (await listValues(db, form.id, period.id, ctx.unit.id)).map((r) => [
            r.cell_key,
            { num: r.num, txt: r.txt },
          ]),
        );
  const { values, computed } = withComputed(layout, entries);
  return { ...values, ...computed };
}

/**
 * Runs the form's audit formulas on a report: operands of this period come from the figures
 * shown (entered and computed), others (previous periods, last year, other forms) are fetched
 * once per form and period for the same unit.
 */
export async function evaluateRules(
  db: Executor,
  ctx: ReportContext,
  values: Readonly<Record<string, string | null>>,
): Promise<RuleFailure[]> {
  const rows = await listRules(db, ctx.form.id, true);
  if (rows.length === 0) return [];
  const rules = expandAll(rows, ctx.layout);
  const fetched = new Map<string, LookupValue>();
  const groups = new Map<string, { form: FormWithOwner; period: Period; refs: OperandRef[] }>();
  const forms = new Map<string, FormWithOwner | undefined>([[ctx.form.code, ctx.form]]);
  for (const ref of requiredOperands(rules)) {
    const code = ref.form ?? ctx.form.code;
    if (!forms.has(code)) forms.set(code, await findFormByCode(db, code));
    const form = forms.get(code);
    const period = form ? operandPeriod(ctx, ref, form) : null;
    if (!form || !period) continue;
    if (form.id === ctx.form.id && period.id === ctx.period.id) {
      const cell = findCell(ctx.layout, ref.cell);
      const text = cell ? (values[cell.key] ?? null) : null;
      fetched.set(
        operandId(ref),
        text === null ? null : cell?.indicator.valueType === 'text' ? text : Number(text),
      );
      continue;
    }
    const key = `${form.id}|${period.id}`;
    const group = groups.get(key) ?? { form, period, refs: [] };
    group.refs.push(ref);
    groups.set(key, group);
  }
  for (const { form, period, refs } of groups.values()) {
    const version = await versionInForce(db, form.id, period.start);
    if (!version) continue;
    const layout = layoutOfVersion(version);
    const figures = await figuresOf(db, ctx, form, period, layout);
    for (const ref of refs) {
      const cell = findCell(layout, ref.cell);
      const text = cell ? (figures[cell.key] ?? null) : null;
      fetched.set(
        operandId(ref),
        text === null ? null : cell?.indicator.valueType === 'text' ? text : Number(text),
      );
    }
  }
  return runRules(rules, mapLookup(fetched))
    .filter((r) => r.status === 'fail')
    .map((r) => ({
      ruleId: r.code,
      importance: r.importance,
      message: r.message ?? r.name,
      cells: r.cellKeys,
    }));
}

/** Soft failures without an explanation in the submission. */
export const unexplained = (
  failures: readonly RuleFailure[],
  explanations: Readonly<Record<string, string>>,
) => failures.filter((f) => f.importance === 'soft' && !(explanations[f.ruleId] ?? '').trim());
