import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import { offsetOf, type PageQuery, type PageResult } from '../http/pagination.ts';
import type { WorkflowEventTable } from './workflow.tables.ts';

export type WorkflowEventRow = Selectable<WorkflowEventTable>;

export async function recordTransition(
  trx: Executor,
  row: Omit<Insertable<WorkflowEventTable>, 'id'>,
): Promise<WorkflowEventRow> {
  return trx
    .insertInto('workflow_event')
    .values({ ...row, note: row.note == null ? null : sql`${JSON.stringify(row.note)}::jsonb` })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The entity's transitions, oldest first. */
export async function listHistory(
  db: Executor,
  entityType: string,
  entityId: string | number,
  page: PageQuery,
): Promise<PageResult<WorkflowEventRow>> {
  const scoped = db
    .selectFrom('workflow_event')
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', String(entityId));
  const [items, count] = await Promise.all([
    scoped.selectAll().orderBy('id').limit(page.pageSize).offset(offsetOf(page)).execute(),
    scoped.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n), page: page.page, pageSize: page.pageSize };
}
