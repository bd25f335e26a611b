import type { ColumnType, Generated } from 'kysely';
import type { OrgLevel } from '../../platform/orgs/orgs.tables.ts';

export interface StatsReviewSkipTable {
  form_id: number;
  org_unit_id: number;
  /** The review level skipped for reports from the unit's subtree. */
  level: Exclude<OrgLevel, 'ministry'>;
  reason: string;
  /** The first and the last period (ids of the form's type) it applies to; null: open. */
  from_period: string | null;
  until_period: string | null;
  created_by: number | null;
  created_at: Date;
}

export type RuleRunState = 'queued' | 'running' | 'done' | 'failed';

export interface StatsRuleRunTable {
  id: Generated<number>;
  form_id: number;
  period: string;
  scope_org_unit_id: number;
  state: RuleRunState;
  units_total: ColumnType<number, number | undefined, number>;
  units_done: ColumnType<number, number | undefined, number>;
  hard_failures: ColumnType<number, number | undefined, number>;
  soft_failures: ColumnType<number, number | undefined, number>;
  error: string | null;
  requested_by: number | null;
  requested_at: Date;
  finished_at: Date | null;
}

export interface StatsRuleFailureTable {
  id: Generated<number>;
  run_id: number;
  org_unit_id: number;
  rule_code: string;
  importance: 'hard' | 'soft';
  left_value: number | null;
  right_value: number | null;
  message: string;
  cells: string[];
}

export interface StatsFlowTables {
  stats_review_skip: StatsReviewSkipTable;
  stats_rule_run: StatsRuleRunTable;
  stats_rule_failure: StatsRuleFailureTable;
}
