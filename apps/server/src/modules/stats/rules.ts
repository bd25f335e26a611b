import type { Executor } from '../../platform/db/database.ts';
import type { ReportContext } from './report-context.ts';

/** One failed audit formula (审核公式) of a report. */
export interface RuleFailure {
  readonly ruleId: string;
  /** hard failures block submission; soft ones need a written explanation (强制上报说明). */
  readonly importance: 'hard' | 'soft';
  readonly message: string;
  readonly cells: readonly string[];
}

export type RuleEvaluator = (
  db: Executor,
  ctx: ReportContext,
  values: Readonly<Record<string, string | null>>,
) => Promise<RuleFailure[]>;

/**
 * The seam to the audit-formula language (formula/): until its evaluate API is wired in, a form
 * has no audit formulas and nothing fails.
 */
export const evaluateRules: RuleEvaluator = async () => [];

/** Soft failures without an explanation in the submission. */
export const unexplained = (
  failures: readonly RuleFailure[],
  explanations: Readonly<Record<string, string>>,
) => failures.filter((f) => f.importance === 'soft' && !(explanations[f.ruleId] ?? '').trim());
