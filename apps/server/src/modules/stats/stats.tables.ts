import type { ColumnType, Generated } from 'kysely';
import type { OrgLevel } from '../../platform/orgs/orgs.tables.ts';
import type { StatsFlowTables } from './flow.tables.ts';

export type ValueType = 'integer' | 'number' | 'percentage' | 'text' | 'boolean';
export type AggregationType = 'sum' | 'average' | 'min' | 'max' | 'count' | 'none';
export type ReportKind = 'filled' | 'aggregate';
export type ReportState = 'draft' | 'submitted' | 'returned' | 'approved';
/** Where a cell value came from: online entry, a data value set import, an Excel upload. */
export type ValueSource = 'entry' | 'import' | 'excel';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
/** numeric arrives from node-postgres as a string: exact decimals, never a float. */
type Numeric = ColumnType<string | null, string | number | null, string | number | null>;

export interface StatsFormTable {
  id: Generated<number>;
  /** 表号, e.g. 交行统1-1表. */
  code: string;
  name: string;
  /** 制定机关 */
  issuing_authority: string;
  /** 批准机关 */
  approving_authority: string;
  /** 批准文号 */
  approval_no: string;
  /** 有效期至 (YYYY-MM-DD). */
  valid_until: string | null;
  period_type: string;
  /** Levels whose units fill the form. */
  filling_levels: OrgLevel[];
  /** Levels that review and aggregate, bottom up; a level left out is skipped. */
  chain_levels: OrgLevel[];
  owning_level: OrgLevel;
  owner_org_unit_id: number;
  require_children_approved: boolean;
  /** Filling opens this many days after the period ends (negative: before it ends). */
  fill_open_days: number;
  /** Deadline in working days after the period ends; null: no deadline unless a window sets one. */
  deadline_working_days: number | null;
  status: 'active' | 'retired';
  created_at: CreatedAt;
  updated_at: Date;
}

export interface StatsIndicatorTable {
  id: Generated<number>;
  form_id: number;
  code: string;
  name: string;
  unit: string;
  value_type: ValueType;
  decimals: number;
  aggregation: AggregationType;
}

export interface StatsFormVersionTable {
  id: Generated<number>;
  form_id: number;
  version_no: number;
  effective_from: string;
  layout: unknown;
  created_at: CreatedAt;
  created_by: number | null;
}

export interface StatsObligationTable {
  id: Generated<number>;
  form_id: number;
  org_unit_id: number;
  include_subtree: boolean;
  valid_from: string;
  valid_to: string | null;
  created_at: CreatedAt;
}

export interface StatsFillWindowTable {
  form_id: number;
  period: string;
  opens_at: Date;
  closes_at: Date | null;
  deadline: Date;
}

export interface StatsReportTable {
  id: Generated<number>;
  form_id: number;
  version_id: number;
  org_unit_id: number;
  period: string;
  kind: ReportKind;
  state: ReportState;
  reviewer_org_unit_id: number | null;
  submitted_at: Date | null;
  submitted_by: number | null;
  approved_at: Date | null;
  approved_by: number | null;
  return_reason: string | null;
  /** Soft audit failures and the filler's written explanation of each (强制上报说明). */
  explanations: unknown;
  updated_at: Date;
}

export interface StatsValueTable {
  form_id: number;
  period: string;
  org_unit_id: number;
  cell_key: string;
  num: Numeric;
  txt: string | null;
  updated_by: number | null;
  updated_by_name: string | null;
  source: ValueSource;
  updated_at: Date;
}

export interface StatsValueHistoryTable {
  id: Generated<number>;
  form_id: number;
  period: string;
  org_unit_id: number;
  cell_key: string;
  num: Numeric;
  txt: string | null;
  deleted: boolean;
  source: ValueSource;
  changed_by: number | null;
  changed_by_name: string | null;
  changed_at: Date;
}

export interface StatsCellCommentTable {
  id: Generated<number>;
  report_id: number;
  cell_key: string;
  kind: 'comment' | 'annotation';
  body: string;
  author_user_id: number | null;
  author_username: string | null;
  at: Date;
}

export interface StatsSnapshotTable {
  id: Generated<number>;
  report_id: number;
  taken_at: Date;
  taken_by: number | null;
  /** cell key → value as text (numbers exact), what the approver saw. */
  cells: Record<string, string | null>;
}

export interface StatsUnlockRequestTable {
  id: Generated<number>;
  report_id: number;
  reason: string;
  state: 'pending' | 'granted' | 'refused';
  requested_by: number;
  requested_at: Date;
  decided_by: number | null;
  decided_at: Date | null;
  decision_note: string | null;
}

export interface StatsReminderTable {
  id: Generated<number>;
  form_id: number;
  period: string;
  org_unit_id: number;
  escalated_to_org_unit_id: number | null;
  recipients: number;
  note: string | null;
  sent_by: number | null;
  sent_by_name: string | null;
  sent_at: Date;
}

export interface StatsRuleTable {
  id: Generated<number>;
  form_id: number;
  code: string;
  name: string;
  expression: string;
  importance: 'hard' | 'soft';
  message: string | null;
  missing_values: 'skipIfAnyMissing' | 'skipIfAllMissing' | 'neverSkip';
  active: boolean;
  created_at: CreatedAt;
}

export interface StatsTables extends StatsFlowTables {
  stats_rule: StatsRuleTable;
  stats_form: StatsFormTable;
  stats_indicator: StatsIndicatorTable;
  stats_form_version: StatsFormVersionTable;
  stats_obligation: StatsObligationTable;
  stats_fill_window: StatsFillWindowTable;
  stats_report: StatsReportTable;
  stats_value: StatsValueTable;
  stats_value_history: StatsValueHistoryTable;
  stats_cell_comment: StatsCellCommentTable;
  stats_snapshot: StatsSnapshotTable;
  stats_unlock_request: StatsUnlockRequestTable;
  stats_reminder: StatsReminderTable;
}
