/** The statistics API's shapes, as the console reads them (see apps/server/src/modules/stats/*.schemas.ts). */

export type ValueType = 'number' | 'integer' | 'percentage' | 'boolean' | 'text';
export type AggregationType = 'sum' | 'average' | 'min' | 'max' | 'count' | 'none';

export interface IndicatorDef {
  code: string;
  name: string;
  unit: string;
  valueType: ValueType;
  decimals: number;
  aggregation: AggregationType;
  min?: number;
  max?: number;
  maxLength?: number;
}

export interface LayoutDef {
  rows: { indicator: IndicatorDef; indent?: number; sumOf?: string[] }[];
  dimensions: { code: string; name: string; options: { code: string; name: string }[] }[];
  total: boolean;
  subtotals: boolean;
  disabled?: string[];
}

export type ReportState = 'draft' | 'submitted' | 'returned' | 'approved';
export type ReportKind = 'filled' | 'aggregate';
export type ReportAction = 'submit' | 'withdraw' | 'approve' | 'publish' | 'return' | 'reopen';

export interface RuleFailure {
  ruleId: string;
  importance: 'hard' | 'soft';
  message: string;
  cells: string[];
}

export interface CellComment {
  id: number;
  cellKey: string;
  kind: 'comment' | 'annotation';
  body: string;
  author: string | null;
  at: string;
}

export interface ReportView {
  reportId: number | null;
  form: {
    id: number;
    code: string;
    name: string;
    issuingAuthority: string;
    approvingAuthority: string;
    approvalNo: string;
    validUntil: string | null;
  };
  orgUnit: { id: number; name: string; code: string };
  period: { id: string; name: string; start: string; end: string };
  version: { id: number; versionNo: number };
  layout: LayoutDef;
  kind: ReportKind;
  state: ReportState;
  locked: boolean;
  lockReason: string | null;
  window: { opensAt: string; closesAt: string | null; deadline: string | null; overdue: boolean };
  reviewerOrgUnitId: number | null;
  values: Record<string, string | null>;
  computed: Record<string, string | null>;
  comments: CellComment[];
  returnReason: string | null;
  ruleFailures: RuleFailure[];
  explanations: Record<string, string>;
  children: { total: number; approved: number } | null;
  drift: { cellKey: string; approved: string | null; current: string | null }[];
  actions: string[];
}

export type InboxStatus = 'due' | 'inProgress' | 'returned' | 'overdue' | 'toReview';

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
  status: InboxStatus;
  deadline: string | null;
}

export interface CellHistoryEntry {
  value: string | null;
  deleted: boolean;
  source: 'entry' | 'import' | 'excel';
  changedBy: string | null;
  changedAt: string;
}

export interface TimelineEntry {
  at: string;
  kind: 'transition' | 'reminder' | 'unlockRequest';
  action: string;
  actor: string | null;
  fromState: string | null;
  toState: string | null;
  note: unknown;
}

export interface DrillDown {
  cellKeys: string[];
  children: { orgUnitId: number; name: string; code: string; values: Record<string, string | null> }[];
}

export interface StatsForm {
  id: number;
  code: string;
  name: string;
  issuingAuthority: string;
  approvingAuthority: string;
  approvalNo: string;
  validUntil: string | null;
  periodType: string;
  fillingLevels: string[];
  chainLevels: string[];
  owningLevel: string;
  ownerOrgUnitId: number;
  ownerName: string;
  status: 'active' | 'retired';
}

export type GridState = 'notStarted' | 'draft' | 'submitted' | 'returned' | 'approved';
export type Timeliness = 'onTime' | 'late' | 'overdue' | 'pending';

export interface CompletenessRow {
  orgUnitId: number;
  name: string;
  code: string;
  level: string;
  kind: ReportKind;
  reviewerOrgUnitId: number | null;
  state: GridState;
  submittedAt: string | null;
  approvedAt: string | null;
  timeliness: Timeliness;
  reminders: number;
  lastReminderAt: string | null;
}

export interface LevelRate {
  level: string;
  expected: number;
  submitted: number;
  onTime: number;
  approved: number;
  completeness: number;
  onTimeRate: number;
}

export interface ReminderEntry {
  id: number;
  period: string;
  orgUnitId: number;
  orgName: string;
  escalatedToOrgUnitId: number | null;
  recipients: number;
  note: string | null;
  sentBy: string | null;
  sentAt: string;
}

export interface WorkbookUploadResult {
  dryRun: boolean;
  ok: boolean;
  imported: number;
  changes: {
    cellKey: string;
    address: string;
    ref: string;
    before: number | string | null;
    after: number | string | null;
  }[];
  errors: { ref: string; cellKey: string | null; address: string | null; code: string; message: string }[];
}

/** Identifies one report: (form, unit, period). */
export interface ReportRef {
  formId: number;
  orgUnitId: number;
  period: string;
}
