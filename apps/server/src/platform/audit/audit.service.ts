import type { Executor } from '../db/database.ts';
import { type AuditRow, insertEvents, lockHead, readBatch, readHead } from './audit.repository.ts';
import { type ChainedFields, chainHash, GENESIS_HASH, toJsonValue } from './chain.ts';

/** Who acted, from where: taken from the request (or a job) by the edge. */
export interface AuditContext {
  readonly userId: number | null;
  readonly username: string | null;
  readonly orgUnitId: number | null;
  readonly orgPath: string | null;
  readonly ip: string | null;
  readonly requestId: string | null;
}

export const SYSTEM_CONTEXT: AuditContext = {
  userId: null,
  username: 'system',
  orgUnitId: null,
  orgPath: '/',
  ip: null,
  requestId: null,
};

export interface AuditEntry {
  readonly action: string;
  readonly objectType: string;
  readonly objectId?: string | number | null;
  readonly outcome?: 'success' | 'failure';
  readonly before?: unknown;
  readonly after?: unknown;
  /** Overrides the context's org path, e.g. to file a failed login under the target user's org. */
  readonly orgPath?: string | null;
  readonly orgUnitId?: number | null;
}

/**
 * Appends one entry to the hash chain inside the caller's transaction, so the entry commits if
 * and only if the write it records commits. The head row lock serialises appends.
 */
export async function recordAudit(trx: Executor, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await recordAudits(trx, ctx, [entry]);
}

/**
 * Appends several entries, in order, under one lock of the head: for a write that records a few
 * (a ticket created and its first transitions), taken last in its transaction, the head is held
 * for three statements and the commit instead of for the whole write.
 */
export async function recordAudits(
  trx: Executor,
  ctx: AuditContext,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const head = await lockHead(trx);
  let prev = head;
  const rows: AuditRow[] = [];
  for (const entry of entries) {
    const fields: ChainedFields = {
      seq: prev.seq + 1,
      at: new Date().toISOString(),
      actorUserId: ctx.userId,
      actorUsername: ctx.username,
      orgUnitId: entry.orgUnitId !== undefined ? entry.orgUnitId : ctx.orgUnitId,
      orgPath: entry.orgPath !== undefined ? entry.orgPath : ctx.orgPath,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId == null ? null : String(entry.objectId),
      outcome: entry.outcome ?? 'success',
      before: toJsonValue(entry.before),
      after: toJsonValue(entry.after),
      ip: ctx.ip,
      requestId: ctx.requestId,
    };
    const hash = chainHash(prev.hash, fields);
    rows.push({ ...toRow(fields), prev_hash: prev.hash, hash });
    prev = { seq: fields.seq, hash };
  }
  await insertEvents(trx, rows);
}

function toRow(f: ChainedFields): Omit<AuditRow, 'prev_hash' | 'hash'> {
  return {
    seq: f.seq,
    at: new Date(f.at),
    actor_user_id: f.actorUserId,
    actor_username: f.actorUsername,
    org_unit_id: f.orgUnitId,
    org_path: f.orgPath,
    action: f.action,
    object_type: f.objectType,
    object_id: f.objectId,
    outcome: f.outcome,
    before: f.before,
    after: f.after,
    ip: f.ip,
    request_id: f.requestId,
  };
}

export function fieldsOf(row: AuditRow): ChainedFields {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actorUserId: row.actor_user_id,
    actorUsername: row.actor_username,
    orgUnitId: row.org_unit_id,
    orgPath: row.org_path,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    outcome: row.outcome,
    before: row.before,
    after: row.after,
    ip: row.ip,
    requestId: row.request_id,
  };
}

export type ChainVerdict =
  | { ok: true; entries: number; headSeq: number; headHash: string }
  | {
      ok: false;
      entries: number;
      firstBadSeq: number;
      reason: 'hash_mismatch' | 'link_broken' | 'gap' | 'head_mismatch';
    };

/** Recomputes every hash in order and names the first entry that does not prove. */
export async function verifyChain(
  db: Executor,
  onProgress?: (checked: number, total: number) => void,
): Promise<ChainVerdict> {
  const head = await readHead(db);
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const batch = await readBatch(db, expectedSeq - 1, 2000);
    if (batch.length === 0) break;
    for (const row of batch) {
      if (row.seq !== expectedSeq)
        return { ok: false, entries: checked, firstBadSeq: expectedSeq, reason: 'gap' };
      if (row.prev_hash !== prevHash)
        return { ok: false, entries: checked, firstBadSeq: row.seq, reason: 'link_broken' };
      if (chainHash(prevHash, fieldsOf(row)) !== row.hash) {
        return { ok: false, entries: checked, firstBadSeq: row.seq, reason: 'hash_mismatch' };
      }
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    onProgress?.(checked, head.seq);
  }
  // The head row catches entries deleted from the end of the chain.
  if (head.seq !== checked || head.hash !== prevHash) {
    return { ok: false, entries: checked, firstBadSeq: checked + 1, reason: 'head_mismatch' };
  }
  return { ok: true, entries: checked, headSeq: head.seq, headHash: head.hash };
}
