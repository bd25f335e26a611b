export type AuditOutcome = 'success' | 'failure';

export interface AuditEntry {
  seq: number;
  at: string;
  actorUsername: string | null;
  orgUnitId: number | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: AuditOutcome;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
  hash: string;
}

export interface AuditFilters {
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  outcome?: AuditOutcome;
  /** ISO 8601 instants. */
  from?: string;
  to?: string;
}

export interface ChainVerification {
  ok: boolean;
  entries: number;
  firstBadSeq?: number;
  reason?: string;
  verifiedAt: string;
}

export interface AuditDayStats {
  day: string;
  success: number;
  failure: number;
}
