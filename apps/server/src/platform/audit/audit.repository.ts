import { type Selectable, sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { AuditEventTable } from './audit.tables.ts';

export type AuditRow = Selectable<AuditEventTable>;

/** How many chains (audit_head rows) the log has; the migration 202612025001 made them. */
export const AUDIT_CHAINS = 16;

export interface LockedHead {
  /** The chain (audit_head.id). */
  chain: number;
  seq: number;
  hash: string;
  /** Sequence numbers for the entries to append, taken after the lock: increasing along the chain. */
  seqs: number[];
}

/**
 * Locks the head of a chain no other transaction holds — first in an order that differs per
 * session, so sessions keep to chains of their own — and takes `count` sequence numbers. When
 * all are held, waits for this session's first choice.
 */
export async function lockHead(db: Executor, count: number): Promise<LockedHead> {
  const seqs = sql<string[]>`(select array_agg(nextval('audit_event_seq') order by i)
    from generate_series(1, ${count}::int + 0 * h.id) i)`;
  const prefer = sql`(id + pg_backend_pid()) % ${AUDIT_CHAINS}`;
  const free = await sql<{ id: number; seq: string; hash: string; seqs: string[] }>`
    select h.id, h.seq, h.hash, ${seqs} as seqs
    from (select id, seq, hash from audit_head order by ${prefer} limit 1 for update skip locked) h`.execute(
    db,
  );
  let row = free.rows[0];
  if (!row) {
    const waited = await sql<{ id: number; seq: string; hash: string; seqs: string[] }>`
      select h.id, h.seq, h.hash, ${seqs} as seqs
      from (select id, seq, hash from audit_head order by ${prefer} limit 1 for update) h`.execute(db);
    row = waited.rows[0];
  }
  if (!row) throw new Error('audit_head has no rows');
  return { chain: row.id, seq: Number(row.seq), hash: row.hash, seqs: row.seqs.map(Number) };
}

/** Appends consecutive events of one chain and moves its head to the last one, in one statement. */
export async function insertEvents(db: Executor, rows: readonly AuditRow[]): Promise<void> {
  const last = rows.at(-1);
  if (!last) return;
  await db
    .with('e', (qb) =>
      qb
        .insertInto('audit_event')
        .values(rows.map((row) => ({ ...row, before: jsonb(row.before), after: jsonb(row.after) }))),
    )
    .updateTable('audit_head')
    .set({ seq: last.seq, hash: last.hash })
    .where('id', '=', last.chain)
    .execute();
}

const jsonb = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/** Every chain's head, by chain. */
export async function readHeads(db: Executor): Promise<{ id: number; seq: number; hash: string }[]> {
  const rows = await db.selectFrom('audit_head').select(['id', 'seq', 'hash']).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, seq: Number(r.seq), hash: r.hash }));
}

/** Events in chain order from `afterSeq`, a batch at a time. */
export async function readBatch(db: Executor, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return db
    .selectFrom('audit_event')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export interface AuditFilter {
  scopePath: string;
  actor?: string | undefined;
  action?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  outcome?: 'success' | 'failure' | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

function filtered(db: Executor, f: AuditFilter) {
  let q = db.selectFrom('audit_event').where('org_path', 'like', `${f.scopePath}%`);
  if (f.actor) q = q.where('actor_username', '=', f.actor);
  if (f.action) q = q.where('action', 'like', `${f.action}%`);
  if (f.objectType) q = q.where('object_type', '=', f.objectType);
  if (f.objectId) q = q.where('object_id', '=', f.objectId);
  if (f.outcome) q = q.where('outcome', '=', f.outcome);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  return q;
}

export async function listEvents(db: Executor, f: AuditFilter, limit: number, offset: number) {
  const [items, count] = await Promise.all([
    filtered(db, f).selectAll().orderBy('seq', 'desc').limit(limit).offset(offset).execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Events per day (Beijing time) in the jurisdiction, split by outcome. */
export async function countEventsByDay(db: Executor, scopePath: string, from: Date, to: Date) {
  const day = sql<string>`to_char(at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;
  return db
    .selectFrom('audit_event')
    .select([
      day.as('day'),
      sql<number>`count(*) filter (where outcome = 'success')`.as('success'),
      sql<number>`count(*) filter (where outcome = 'failure')`.as('failure'),
    ])
    .where('org_path', 'like', `${scopePath}%`)
    .where('at', '>=', from)
    .where('at', '<', to)
    .groupBy(day)
    .orderBy(day)
    .execute();
}
