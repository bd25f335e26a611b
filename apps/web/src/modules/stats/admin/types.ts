/** Shapes of the form administration and data exchange API (apps/server/src/modules/stats/forms*.schemas.ts, exchange.schemas.ts). */
import type { IndicatorDef, LayoutDef, StatsForm } from '../model/types.ts';

export interface FormAdmin extends StatsForm {
  requireChildrenApproved: boolean;
  fillOpenDays: number;
  deadlineWorkingDays: number | null;
}

/** A row of the form list: the form and how many layout versions it has. */
export interface FormListItem extends FormAdmin {
  versions: number;
  latestVersionFrom: string | null;
}

export interface FormVersion {
  id: number;
  versionNo: number;
  effectiveFrom: string;
  createdAt: string;
}

export interface FormDetail {
  form: FormAdmin;
  versions: FormVersion[];
  indicators: (Pick<IndicatorDef, 'code' | 'name' | 'unit' | 'decimals'> & {
    valueType: string;
    aggregation: string;
  })[];
}

export interface VersionLayout {
  version: FormVersion;
  layout: LayoutDef;
  cells: number;
  entryCells: number;
  computedCells: number;
}

export interface Obligation {
  id: number;
  orgUnitId: number;
  orgName: string;
  includeSubtree: boolean;
  validFrom: string;
  validTo: string | null;
}

export interface FillWindow {
  period: string;
  opensAt: string;
  closesAt: string | null;
  deadline: string | null;
  configured: boolean;
}

export type Importance = 'hard' | 'soft';
export type MissingValues = 'skipIfAnyMissing' | 'skipIfAllMissing' | 'neverSkip';

export interface Rule {
  id: number;
  code: string;
  name: string;
  expression: string;
  importance: Importance;
  message: string | null;
  missingValues: MissingValues;
  active: boolean;
}

export interface RuleCheck {
  ok: boolean;
  error: { message: string; start: number; end: number; field: 'expression' | 'message' } | null;
  template: 'row' | 'column' | null;
  instances: number;
  cellKeys: string[];
  versionNo: number;
}

export type ImportStrategy = 'CREATE_AND_UPDATE' | 'CREATE' | 'UPDATE' | 'DELETE';

export interface ImportSummary {
  status: 'SUCCESS' | 'WARNING' | 'ERROR';
  description: string;
  dryRun: boolean;
  importStrategy: string;
  importCount: { imported: number; updated: number; ignored: number; deleted: number };
  conflicts: { object: string; value: string; errorCode: string; indexes: number[] }[];
}

export interface FormFilter {
  q?: string;
  periodType?: string;
  status?: 'active' | 'retired';
}
