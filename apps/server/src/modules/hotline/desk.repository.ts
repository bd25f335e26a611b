import type { Executor } from '../../platform/db/database.ts';

/**
 * Places the public form can name: active city and county transport authorities (their GB/T 2260
 * code and name, public facts), by name or code prefix.
 */
export async function listPublicRegions(
  db: Executor,
  q: string | undefined,
  limit: number,
  offset: number,
): Promise<{
  items: { id: number; code: string; name: string; parent_name: string | null }[];
  total: number;
}> {
  let base = db
    .selectFrom('org_unit as o')
    .leftJoin('org_unit as p', 'p.id', 'o.parent_id')
    .where('o.status', '=', 'active')
    .where('o.kind', '=', 'authority')
    .where('o.level', 'in', ['city', 'county'])
    .where('o.region_code', 'is not', null);
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const digits = q.replace(/\D/g, '');
    base = base.where((eb) =>
      eb.or([eb('o.name', 'like', like), ...(digits ? [eb('o.code', 'like', `${digits}%`)] : [])]),
    );
  }
  const [items, count] = await Promise.all([
    base
      .select(['o.id', 'o.code', 'o.name', 'p.name as parent_name'])
      .orderBy('o.code')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
