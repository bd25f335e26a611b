import { createHash } from 'node:crypto';
import type { Executor } from '../db/database.ts';
import {
  AUDIT_CHAINS,
  type AuditRow,
  insertEvents,
  lockHead,
  readBatch,
  readHeads,
} from './audit.repository.ts';
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
 * Appends one entry to a hash chain inside the caller's transaction, so the entry commits if and
 * only if the write it records commits. The log is AUDIT_CHAINS chains: an append locks the head
 * of one no other transaction holds, so concurrent writes do not wait for each other's commits.
 */
export async function recordAudit(trx: Executor, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await recordAudits(trx, ctx, [entry]);
}

/**
 * Appends several entries, in order, to one chain under one lock of its head: for a write that
 * records a few (a ticket created and its first transitions) — two statements.
 */
export async function recordAudits(
  trx: Executor,
  ctx: AuditContext,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const head = await lockHead(trx, entries.length);
  let prev = head;
  const rows: AuditRow[] = [];
  for (const [i, entry] of entries.entries()) {
    const fields: ChainedFields = {
      seq: head.seqs[i] as number,
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
    rows.push({ ...toRow(fields), chain: head.chain, prev_hash: prev.hash, hash });
    prev = { ...prev, seq: fields.seq, hash };
  }
  await insertEvents(trx, rows);
}

function toRow(f: ChainedFields): Omit<AuditRow, 'chain' | 'prev_hash' | 'hash'> {
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
  | {
      ok: true;
      entries: number;
      /** The highest sequence number of the log. */
      headSeq: number;
      /** SM3 over every chain's head ("chain:seq:hash" lines): one fingerprint of the whole log. */
      headHash: string;
    }
  | {
      ok: false;
      entries: number;
      firstBadSeq: number;
      reason: 'hash_mismatch' | 'link_broken' | 'gap' | 'head_mismatch';
    };

/**
 * Recomputes every hash in sequence order, each entry against the last one of its chain, and
 * names the first entry that does not prove: edited (hash_mismatch), or following a deleted or
 * moved one (link_broken). Each chain's head catches entries deleted from its end, and a missing
 * head a chain deleted whole (head_mismatch). Sequence numbers may skip (rolled-back writes).
 */
export async function verifyChain(
  db: Executor,
  onProgress?: (checked: number, total: number) => void,
): Promise<ChainVerdict> {
  const heads = await readHeads(db);
  const total = heads.reduce((n, h) => Math.max(n, h.seq), 0);
  const last = new Map(heads.map((h) => [h.id, { seq: 0, hash: GENESIS_HASH }]));
  let afterSeq = 0;
  let checked = 0;
  for (;;) {
    const batch = await readBatch(db, afterSeq, 2000);
    if (batch.length === 0) break;
    for (const row of batch) {
      const prev = last.get(row.chain);
      if (!prev || row.prev_hash !== prev.hash)
        return { ok: false, entries: checked, firstBadSeq: row.seq, reason: 'link_broken' };
      if (chainHash(prev.hash, fieldsOf(row)) !== row.hash)
        return { ok: false, entries: checked, firstBadSeq: row.seq, reason: 'hash_mismatch' };
      last.set(row.chain, { seq: row.seq, hash: row.hash });
      afterSeq = row.seq;
      checked += 1;
    }
    onProgress?.(checked, total);
  }
  const broken =
    heads.length !== AUDIT_CHAINS ||
    heads.some((h) => {
      const end = last.get(h.id);
      return end?.seq !== h.seq || end.hash !== h.hash;
    });
  if (broken) return { ok: false, entries: checked, firstBadSeq: afterSeq + 1, reason: 'head_mismatch' };
  const headHash = createHash('sm3')
    .update(heads.map((h) => `${h.id}:${h.seq}:${h.hash}`).join('\n'))
    .digest('hex');
  return { ok: true, entries: checked, headSeq: total, headHash };
}
