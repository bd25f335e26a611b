import type { Executor } from '../db/database.ts';

export async function findDivision(db: Executor, code: string) {
  return db.selectFrom('division').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Divisions directly under `parentCode`, or the provinces when it is null; ordered by code. */
export async function listDivisions(db: Executor, parentCode: string | null, limit: number, offset: number) {
  const base = db
    .selectFrom('division')
    .where((eb) =>
      parentCode === null ? eb('parent_code', 'is', null) : eb('parent_code', '=', parentCode),
    );
  const [items, count] = await Promise.all([
    base.selectAll().orderBy('code').limit(limit).offset(offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
