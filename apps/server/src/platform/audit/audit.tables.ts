import type { Generated } from 'kysely';

export interface AuditEventTable {
  /** Gapless sequence; the chain is verified in this order. */
  seq: number;
  at: Date;
  actor_user_id: number | null;
  actor_username: string | null;
  org_unit_id: number | null;
  /** Materialised path of the actor's org unit at the time, for jurisdiction-scoped reading. */
  org_path: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  outcome: 'success' | 'failure';
  before: unknown;
  after: unknown;
  ip: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

/** One row: the head of the chain, locked by every append so that appends serialise. */
export interface AuditHeadTable {
  id: Generated<number>;
  seq: number;
  hash: string;
}

export interface AuditTables {
  audit_event: AuditEventTable;
  audit_head: AuditHeadTable;
}
