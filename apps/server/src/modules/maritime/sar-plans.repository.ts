import { type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { SarPlanTable } from './sar.tables.ts';

export type PlanRow = Selectable<SarPlanTable>;

/** The next version of an incident's plan; the caller holds the incident's row lock. */
export async function nextPlanVersion(db: Executor, incidentId: number): Promise<number> {
  const row = await db
    .selectFrom('sar_plan')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('incident_id', '=', incidentId)
    .executeTakeFirst();
  return Number(row?.v ?? 0) + 1;
}

export async function insertPlan(
  db: Executor,
  row: Omit<PlanRow, 'id' | 'input' | 'result'> & { input: unknown; result: unknown },
): Promise<PlanRow> {
  return db
    .insertInto('sar_plan')
    .values({
      ...row,
      input: sql`${JSON.stringify(row.input)}::jsonb` as unknown as string,
      result: sql`${JSON.stringify(row.result)}::jsonb` as unknown as string,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listPlans(db: Executor, incidentId: number, limit: number, offset: number) {
  const query = db.selectFrom('sar_plan').where('incident_id', '=', incidentId);
  const [items, count] = await Promise.all([
    query.selectAll().orderBy('version', 'desc').limit(limit).offset(offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function findPlan(
  db: Executor,
  incidentId: number,
  planId: number,
): Promise<PlanRow | undefined> {
  return db
    .selectFrom('sar_plan')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .where('id', '=', planId)
    .executeTakeFirst();
}
