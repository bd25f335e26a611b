import { type Selectable, sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { AuditEventTable } from './audit.tables.ts';

export type AuditRow = Selectable<AuditEventTable>;

export async function lockHead(db: Executor): Promise<{ seq: number; hash: string }> {
  return db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** Appends consecutive events and moves the head to the last one. */
export async function insertEvents(db: Executor, rows: readonly AuditRow[]): Promise<void> {
  const last = rows.at(-1);
  if (!last) return;
  await db
    .insertInto('audit_event')
    .values(rows.map((row) => ({ ...row, before: jsonb(row.before), after: jsonb(row.after) })))
    .execute();
  await db.updateTable('audit_head').set({ seq: last.seq, hash: last.hash }).where('id', '=', 1).execute();
}

const jsonb = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

export async function readHead(db: Executor): Promise<{ seq: number; hash: string }> {
  return db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
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
