import { type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type {
  CategoryField,
  HotlineCategoryTable,
  HotlineReasonTable,
  HotlineTypeProfileTable,
  RequestType,
} from './hotline.tables.ts';

export type CategoryRow = Selectable<HotlineCategoryTable>;
export type ProfileRow = Selectable<HotlineTypeProfileTable>;

/** The version of each code valid on `asOf` (YYYY-MM-DD), ordered by code. */
export async function listCategories(db: Executor, asOf: string, domain?: string): Promise<CategoryRow[]> {
  let q = db
    .selectFrom('hotline_category')
    .selectAll()
    .where('valid_from', '<=', asOf)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', asOf)]));
  if (domain) q = q.where('domain', '=', domain);
  return q.orderBy('code').execute();
}

export async function findCurrentCategory(db: Executor, code: string): Promise<CategoryRow | undefined> {
  return db
    .selectFrom('hotline_category')
    .selectAll()
    .where('code', '=', code)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
}

export async function findCategoryVersion(db: Executor, code: string, version: number) {
  return db
    .selectFrom('hotline_category')
    .selectAll()
    .where('code', '=', code)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function closeCategoryVersion(db: Executor, code: string, validTo: string): Promise<void> {
  await db
    .updateTable('hotline_category')
    .set({ valid_to: validTo })
    .where('code', '=', code)
    .where('valid_to', 'is', null)
    .execute();
}

export async function maxCategoryVersion(db: Executor, code: string): Promise<number> {
  const row = await db
    .selectFrom('hotline_category')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('code', '=', code)
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

export async function insertCategory(
  db: Executor,
  row: Omit<CategoryRow, 'id' | 'fields'> & { fields: readonly CategoryField[] },
): Promise<CategoryRow> {
  return db
    .insertInto('hotline_category')
    .values({ ...row, fields: sql`${JSON.stringify(row.fields)}::jsonb` })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listReasons(db: Executor, kind?: HotlineReasonTable['kind']) {
  let q = db.selectFrom('hotline_reason').selectAll();
  if (kind) q = q.where('kind', '=', kind);
  return q.orderBy('kind').orderBy('code').execute();
}

export async function findReason(db: Executor, kind: HotlineReasonTable['kind'], code: string) {
  return db
    .selectFrom('hotline_reason')
    .selectAll()
    .where('kind', '=', kind)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function listProfiles(db: Executor): Promise<ProfileRow[]> {
  return db.selectFrom('hotline_type_profile').selectAll().orderBy('request_type').execute();
}

export async function findProfile(db: Executor, type: RequestType): Promise<ProfileRow> {
  return db
    .selectFrom('hotline_type_profile')
    .selectAll()
    .where('request_type', '=', type)
    .executeTakeFirstOrThrow();
}
