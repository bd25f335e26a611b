import type { ColumnType, Generated } from 'kysely';

export type OrgLevel = 'ministry' | 'province' | 'city' | 'county';
export type DivisionLevel = 'province' | 'city' | 'county';

/** GB/T 2260 administrative division, loaded from the data package. */
export interface DivisionTable {
  code: string;
  name: string;
  level: DivisionLevel;
  parent_code: string | null;
}

export interface OrgUnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  level: OrgLevel;
  /** 'authority': the transport authority of a division; 'department': a unit under one. */
  kind: 'authority' | 'department';
  region_code: string | null;
  parent_id: number | null;
  /** Materialised path of ids, '/1/17/230/': a subtree is `path like '/1/17/%'`. */
  path: string;
  status: 'active' | 'closed' | 'merged';
  /** Dates are YYYY-MM-DD strings (the date type parser keeps them as text). */
  valid_from: string;
  valid_to: string | null;
  merged_into_id: number | null;
}

/** Every name and place an org unit has had, each for a validity interval [valid_from, valid_to). */
export interface OrgUnitVersionTable {
  id: Generated<number>;
  org_unit_id: number;
  name: string;
  parent_id: number | null;
  path: string;
  status: 'active' | 'closed' | 'merged';
  valid_from: string;
  valid_to: string | null;
  change: 'create' | 'rename' | 'move' | 'merge' | 'close';
  changed_by: number | null;
  changed_at: ColumnType<Date, Date | undefined, never>;
}

export interface OrgTables {
  division: DivisionTable;
  org_unit: OrgUnitTable;
  org_unit_version: OrgUnitVersionTable;
}
