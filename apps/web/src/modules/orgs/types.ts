export type OrgLevel = 'ministry' | 'province' | 'city' | 'county';
export type OrgKind = 'department' | 'authority';
export type OrgStatus = 'active' | 'closed' | 'merged';

export interface OrgDto {
  id: number;
  code: string;
  name: string;
  level: OrgLevel;
  kind: OrgKind | (string & {});
  regionCode: string | null;
  parentId: number | null;
  path: string;
  status: OrgStatus;
  validFrom: string;
  validTo: string | null;
  mergedIntoId: number | null;
}

export interface OrgChild extends OrgDto {
  childCount: number;
}

export interface OrgSearchHit extends OrgDto {
  pathNames: string[];
}

export interface OrgDetail extends OrgDto {
  ancestors: { id: number; name: string }[];
}

export interface OrgHistoryEntry {
  id: number;
  name: string;
  parentId: number | null;
  parentName: string | null;
  path: string;
  status: OrgStatus;
  validFrom: string;
  validTo: string | null;
  change: string;
  changedAt: string;
}

export interface CreateOrgInput {
  parentId: number;
  name: string;
  code: string;
  kind: OrgKind;
  effectiveDate: string;
}

export interface RenameOrgInput {
  name: string;
  effectiveDate: string;
}

export interface MergeOrgInput {
  targetId: number;
  effectiveDate: string;
}

export interface CloseOrgInput {
  effectiveDate: string;
}
