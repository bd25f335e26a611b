import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { under } from '../../platform/orgs/orgs.repository.ts';
import type { ChainSkip } from './chain.ts';

/** A skip as stored, with the periods it applies to (either end open when null). */
export interface DatedSkip extends ChainSkip {
  readonly from: string | null;
  readonly until: string | null;
}

import type { StatsReviewSkipTable } from './flow.tables.ts';

export type ReviewSkipRow = Selectable<StatsReviewSkipTable>;
export type ReviewSkipWithOrg = ReviewSkipRow & { org_name: string; org_code: string; org_level: string };

/**
 * The form's skipped review levels with their units' paths, as a column of the form's own row
 * (`f` is stats_form): every read of a form carries them, so chain decisions never miss one.
 */
export const reviewSkipsOfForm = sql<DatedSkip[]>`coalesce((
  select json_agg(json_build_object('path', so.path, 'level', s.level, 'from', s.from_period,
    'until', s.until_period))
  from stats_review_skip s join org_unit so on so.id = s.org_unit_id
  where s.form_id = f.id), '[]'::json)`;

export async function upsertReviewSkip(
  db: Executor,
  row: Insertable<StatsReviewSkipTable>,
): Promise<{ created: boolean }> {
  const result = await db
    .insertInto('stats_review_skip')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['form_id', 'org_unit_id', 'level']).doUpdateSet({
        reason: row.reason,
        from_period: row.from_period ?? null,
        until_period: row.until_period ?? null,
      }),
    )
    .returning(sql<boolean>`xmax = 0`.as('created'))
    .executeTakeFirstOrThrow();
  return { created: result.created };
}

export async function deleteReviewSkip(
  db: Executor,
  formId: number,
  orgUnitId: number,
  level: string,
): Promise<ReviewSkipRow | undefined> {
  return db
    .deleteFrom('stats_review_skip')
    .where('form_id', '=', formId)
    .where('org_unit_id', '=', orgUnitId)
    .where('level', '=', level as ReviewSkipRow['level'])
    .returningAll()
    .executeTakeFirst();
}

/** The form's skips set on units of a subtree, by unit path. */
export async function listReviewSkips(
  db: Executor,
  formId: number,
  scopePath: string,
  limit: number,
  offset: number,
): Promise<{ items: ReviewSkipWithOrg[]; total: number }> {
  const base = db
    .selectFrom('stats_review_skip as s')
    .innerJoin('org_unit as o', 'o.id', 's.org_unit_id')
    .where('s.form_id', '=', formId)
    .where('o.path', 'like', under(scopePath));
  const [items, count] = await Promise.all([
    base
      .selectAll('s')
      .select(['o.name as org_name', 'o.code as org_code', 'o.level as org_level'])
      .orderBy('o.path')
      .orderBy('s.level')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
