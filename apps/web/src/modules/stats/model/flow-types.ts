import type { LayoutDef } from './types.ts';

export type SkippableLevel = 'province' | 'city' | 'county';

/** A review level skipped for the reports of a unit and its subtree. */
export interface ReviewSkip {
  orgUnitId: number;
  orgName: string;
  orgCode: string;
  orgLevel: string;
  level: SkippableLevel;
  reason: string;
  /** The first and last period it applies to; null: open at that end. */
  fromPeriod: string | null;
  untilPeriod: string | null;
  createdAt: string;
  createdBy: number | null;
}

export interface RuleRun {
  id: number;
  formId: number;
  period: string;
  scopeOrgUnitId: number;
  scopeName: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  unitsTotal: number;
  unitsDone: number;
  hardFailures: number;
  softFailures: number;
  error: string | null;
  requestedAt: string;
  finishedAt: string | null;
}

export interface RuleRunFailure {
  orgUnitId: number;
  orgName: string;
  orgCode: string;
  ruleCode: string;
  importance: 'hard' | 'soft';
  left: number | null;
  right: number | null;
  message: string;
  cells: string[];
}

export type Figure = 'working' | 'published';

export interface PivotCell {
  cellKey: string;
  period: string;
  value: string | null;
  previous: string | null;
  lastYear: string | null;
  mom: number | null;
  yoy: number | null;
}

export interface PivotRow {
  orgUnitId: number;
  name: string;
  code: string;
  level: string;
  cells: PivotCell[];
}

export interface Pivot {
  figure: Figure;
  periods: string[];
  cellKeys: string[];
  version: { id: number; versionNo: number };
  /** The version each period was read with. */
  periodVersions: { period: string; versionId: number; versionNo: number }[];
  layout: LayoutDef;
  total: PivotRow;
  rows: { items: PivotRow[]; total: number; page: number; pageSize: number };
}

export interface PivotRequest {
  formId: number;
  /** None: the layout's first cell. */
  cellKeys: readonly string[];
  periods: readonly string[];
  figure: Figure;
  orgUnitId?: number | undefined;
  level?: SkippableLevel | undefined;
  page: number;
  pageSize: number;
}
