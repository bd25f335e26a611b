import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { under } from '../../platform/orgs/orgs.repository.ts';
import { type DatedSkip, reviewSkipsOfForm } from './review-skips.repository.ts';
import type {
  StatsFillWindowTable,
  StatsFormTable,
  StatsFormVersionTable,
  StatsIndicatorTable,
  StatsObligationTable,
} from './stats.tables.ts';

export type FormRow = Selectable<StatsFormTable>;
export type IndicatorRow = Selectable<StatsIndicatorTable>;
export type VersionRow = Selectable<StatsFormVersionTable>;
export type ObligationRow = Selectable<StatsObligationTable>;
export type FillWindowRow = Selectable<StatsFillWindowTable>;

export type FormWithOwner = FormRow & {
  owner_path: string;
  owner_name: string;
  /** Review levels skipped below units (stats_review_skip), read with the form. */
  review_skips?: readonly DatedSkip[];
};

const formsWithOwner = (db: Executor) =>
  db
    .selectFrom('stats_form as f')
    .innerJoin('org_unit as o', 'o.id', 'f.owner_org_unit_id')
    .selectAll('f')
    .select(['o.path as owner_path', 'o.name as owner_name'])
    .select(reviewSkipsOfForm.as('review_skips'));

export async function insertForm(db: Executor, row: Insertable<StatsFormTable>): Promise<FormRow> {
  return db.insertInto('stats_form').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateForm(
  db: Executor,
  id: number,
  patch: Updateable<StatsFormTable>,
): Promise<FormRow> {
  return db
    .updateTable('stats_form')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findFormById(db: Executor, id: number): Promise<FormWithOwner | undefined> {
  return formsWithOwner(db).where('f.id', '=', id).executeTakeFirst();
}

export async function findFormByCode(db: Executor, code: string): Promise<FormWithOwner | undefined> {
  return formsWithOwner(db).where('f.code', '=', code).executeTakeFirst();
}

/**
 * Forms a unit deals with: owned by the unit, one of its ancestors (forms pushed down to it) or a
 * unit in its subtree.
 */
export async function listVisibleForms(
  db: Executor,
  scopePath: string,
  limit: number,
  offset: number,
  filter: { q?: string; periodType?: string; status?: string } = {},
): Promise<{
  items: (FormWithOwner & { version_count: number; latest_from: string | null })[];
  total: number;
}> {
  const visible = sql<boolean>`(${scopePath} like o.path || '%' or o.path like ${under(scopePath)})`;
  const conditions = [visible];
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql<boolean>`(f.code like ${like} or f.name like ${like})`);
  }
  if (filter.periodType) conditions.push(sql<boolean>`f.period_type = ${filter.periodType}`);
  if (filter.status) conditions.push(sql<boolean>`f.status = ${filter.status}`);
  const matching = sql<boolean>`(${sql.join(conditions, sql` and `)})`;
  const [items, count] = await Promise.all([
    formsWithOwner(db)
      .select([
        sql<number>`(select count(*)::int from stats_form_version v where v.form_id = f.id)`.as(
          'version_count',
        ),
        sql<
          string | null
        >`(select max(v.effective_from)::text from stats_form_version v where v.form_id = f.id)`.as(
          'latest_from',
        ),
      ])
      .where(matching)
      .orderBy('f.code')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom('stats_form as f')
      .innerJoin('org_unit as o', 'o.id', 'f.owner_org_unit_id')
      .where(matching)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** The form's indicator registry follows its layouts: a new version adds or renames indicators. */
export async function upsertIndicators(
  db: Executor,
  rows: readonly Insertable<StatsIndicatorTable>[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('stats_indicator')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['form_id', 'code']).doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        unit: eb.ref('excluded.unit'),
        value_type: eb.ref('excluded.value_type'),
        decimals: eb.ref('excluded.decimals'),
        aggregation: eb.ref('excluded.aggregation'),
      })),
    )
    .execute();
}

export async function listIndicators(db: Executor, formId: number): Promise<IndicatorRow[]> {
  return db.selectFrom('stats_indicator').selectAll().where('form_id', '=', formId).orderBy('id').execute();
}

export async function insertVersion(
  db: Executor,
  row: Omit<Insertable<StatsFormVersionTable>, 'version_no'>,
): Promise<VersionRow> {
  return db
    .insertInto('stats_form_version')
    .values((eb) => ({
      ...row,
      layout: JSON.stringify(row.layout),
      version_no: eb
        .selectFrom('stats_form_version')
        .select(sql<number>`coalesce(max(version_no), 0) + 1`.as('n'))
        .where('form_id', '=', row.form_id),
    }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listVersions(db: Executor, formId: number): Promise<VersionRow[]> {
  return db
    .selectFrom('stats_form_version')
    .selectAll()
    .where('form_id', '=', formId)
    .orderBy('effective_from')
    .execute();
}

export async function findVersion(db: Executor, id: number): Promise<VersionRow | undefined> {
  return db.selectFrom('stats_form_version').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The version in force on a date: the latest that took effect on or before it. */
export async function versionInForce(
  db: Executor,
  formId: number,
  date: string,
): Promise<VersionRow | undefined> {
  return db
    .selectFrom('stats_form_version')
    .selectAll()
    .where('form_id', '=', formId)
    .where('effective_from', '<=', date)
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertObligation(
  db: Executor,
  row: Insertable<StatsObligationTable>,
): Promise<ObligationRow> {
  return db.insertInto('stats_obligation').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function listObligations(
  db: Executor,
  formId: number,
  scopePath: string,
): Promise<(ObligationRow & { org_name: string })[]> {
  return db
    .selectFrom('stats_obligation as b')
    .innerJoin('org_unit as o', 'o.id', 'b.org_unit_id')
    .selectAll('b')
    .select('o.name as org_name')
    .where('b.form_id', '=', formId)
    .where('o.path', 'like', under(scopePath))
    .orderBy('b.id')
    .execute();
}

export async function upsertFillWindow(db: Executor, row: FillWindowRow): Promise<FillWindowRow> {
  return db
    .insertInto('stats_fill_window')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['form_id', 'period']).doUpdateSet({
        opens_at: row.opens_at,
        closes_at: row.closes_at,
        deadline: row.deadline,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findFillWindow(
  db: Executor,
  formId: number,
  period: string,
): Promise<FillWindowRow | undefined> {
  return db
    .selectFrom('stats_fill_window')
    .selectAll()
    .where('form_id', '=', formId)
    .where('period', '=', period)
    .executeTakeFirst();
}

export interface ExpectedUnitRow {
  id: number;
  name: string;
  code: string;
  path: string;
  level: string;
  parent_id: number | null;
}

/**
 * Units that must fill a form for a period starting on `periodStart`, inside `scopePath`: active
 * authorities at a filling level covered by an obligation in force that day.
 */
export async function listExpectedFillers(
  db: Executor,
  form: Pick<FormRow, 'id' | 'filling_levels'>,
  periodStart: string,
  scopePath: string,
): Promise<ExpectedUnitRow[]> {
  return db
    .selectFrom('org_unit as o')
    .select(['o.id', 'o.name', 'o.code', 'o.path', 'o.level', 'o.parent_id'])
    .where('o.path', 'like', under(scopePath))
    .where('o.status', '=', 'active')
    .where('o.kind', '=', 'authority')
    .where(sql<boolean>`o.level = any(${form.filling_levels})`)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('stats_obligation as b')
          .innerJoin('org_unit as bo', 'bo.id', 'b.org_unit_id')
          .select('b.id')
          .where('b.form_id', '=', form.id)
          .where('b.valid_from', '<=', periodStart)
          .where((eb) => eb.or([eb('b.valid_to', 'is', null), eb('b.valid_to', '>', periodStart)]))
          .where(sql<boolean>`(b.org_unit_id = o.id or (b.include_subtree and o.path like bo.path || '%'))`),
      ),
    )
    .orderBy('o.path')
    .execute();
}

/** Active authorities at the given levels on a path or below it (the chain's reviewing units). */
export async function listChainUnits(
  db: Executor,
  levels: readonly string[],
  scopePath: string,
): Promise<ExpectedUnitRow[]> {
  return db
    .selectFrom('org_unit as o')
    .select(['o.id', 'o.name', 'o.code', 'o.path', 'o.level', 'o.parent_id'])
    .where('o.status', '=', 'active')
    .where('o.kind', '=', 'authority')
    .where(sql<boolean>`o.level = any(${levels})`)
    .where((eb) =>
      eb.or([eb('o.path', 'like', under(scopePath)), sql<boolean>`${scopePath} like o.path || '%'`]),
    )
    .orderBy('o.path')
    .execute();
}

export async function listUnitsByIds(db: Executor, ids: readonly number[]): Promise<ExpectedUnitRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('org_unit')
    .select(['id', 'name', 'code', 'path', 'level', 'parent_id'])
    .where('id', 'in', ids)
    .execute();
}
