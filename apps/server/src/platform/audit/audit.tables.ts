import type { Generated } from 'kysely';

export interface AuditEventTable {
  /** From a sequence: unique, increasing along each chain, with gaps where a write rolled back. */
  seq: number;
  /** Which of the chains (audit_head.id) the entry extends; not hashed, the links prove it. */
  chain: number;
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

/** One row per chain (AUDIT_CHAINS): its last entry, locked by an append until its commit. */
export interface AuditHeadTable {
  id: Generated<number>;
  seq: number;
  hash: string;
}

export interface AuditTables {
  audit_event: AuditEventTable;
  audit_head: AuditHeadTable;
}
