import type { Executor } from '../db/database.ts';

/** An org unit inside the jurisdiction `scopePath`, or undefined. */
export async function findOrgUnitInScope(db: Executor, id: number, scopePath: string) {
  return db
    .selectFrom('org_unit')
    .selectAll()
    .where('id', '=', id)
    .where('path', 'like', `${scopePath}%`)
    .executeTakeFirst();
}

export async function findOrgUnitByCode(db: Executor, code: string) {
  return db.selectFrom('org_unit').selectAll().where('code', '=', code).executeTakeFirst();
}
