import { type Insertable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { idsOnPath, under } from '../../platform/orgs/orgs.repository.ts';
import type { KbArticleTable, KbArticleVersionTable, KbStatus } from './kb.tables.ts';

export interface KbArticleRow {
  id: number;
  key: string;
  org_unit_id: number;
  org_name: string;
  org_path: string;
  owner_user_id: number | null;
  owner_name: string | null;
  status: KbStatus;
  current_version: number;
  title: string;
  body: string;
  domain: string;
  category_code: string | null;
  tags: string[];
  expires_on: string | null;
  review_due_on: string | null;
  review_flagged_at: Date | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

function selectArticles(db: Executor) {
  return db
    .selectFrom('kb_article as a')
    .innerJoin('org_unit as o', 'o.id', 'a.org_unit_id')
    .leftJoin('app_user as u', 'u.id', 'a.owner_user_id')
    .select([
      'a.id',
      'a.key',
      'a.org_unit_id',
      'o.name as org_name',
      'o.path as org_path',
      'a.owner_user_id',
      'u.display_name as owner_name',
      'a.status',
      'a.current_version',
      'a.title',
      'a.body',
      'a.domain',
      'a.category_code',
      'a.tags',
      'a.expires_on',
      'a.review_due_on',
      'a.review_flagged_at',
      'a.published_at',
      'a.created_at',
      'a.updated_at',
    ]);
}

/**
 * What a caller at `scopePath` may read: articles of its own subtree, and those of the units
 * above it (national and provincial articles apply below them).
 */
export async function findReadableArticle(
  db: Executor,
  id: number,
  scopePath: string,
): Promise<KbArticleRow | undefined> {
  return selectArticles(db)
    .where('a.id', '=', id)
    .where((eb) =>
      eb.or([
        eb('o.path', 'like', under(scopePath)),
        eb('a.org_unit_id', '=', eb.fn.any(eb.val(idsOnPath(scopePath)))),
      ]),
    )
    .executeTakeFirst() as Promise<KbArticleRow | undefined>;
}

/** An article of the caller's own subtree: the only ones it may change. */
export async function findArticleInScope(
  db: Executor,
  id: number,
  scopePath: string,
  forUpdate = false,
): Promise<KbArticleRow | undefined> {
  let q = selectArticles(db).where('a.id', '=', id).where('o.path', 'like', under(scopePath));
  if (forUpdate) q = q.forUpdate('a');
  return q.executeTakeFirst() as Promise<KbArticleRow | undefined>;
}

export async function keyTakenAt(db: Executor, orgUnitId: number, key: string): Promise<boolean> {
  const row = await db
    .selectFrom('kb_article')
    .select('id')
    .where('org_unit_id', '=', orgUnitId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row !== undefined;
}

type ArticleValues = Omit<Insertable<KbArticleTable>, 'search_vector'> & { search_vector: string };

export async function insertArticle(db: Executor, row: ArticleValues): Promise<number> {
  const { id } = await db
    .insertInto('kb_article')
    .values({ ...row, search_vector: sql<string>`${row.search_vector}::tsvector` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateArticle(
  db: Executor,
  id: number,
  patch: Omit<Updateable<KbArticleTable>, 'search_vector'> & { search_vector?: string },
): Promise<void> {
  const { search_vector, ...rest } = patch;
  await db
    .updateTable('kb_article')
    .set({
      ...rest,
      ...(search_vector !== undefined && { search_vector: sql<string>`${search_vector}::tsvector` }),
    })
    .where('id', '=', id)
    .execute();
}

export async function insertVersion(db: Executor, row: Insertable<KbArticleVersionTable>): Promise<void> {
  await db.insertInto('kb_article_version').values(row).execute();
}

export async function findVersion(db: Executor, articleId: number, version: number) {
  return db
    .selectFrom('kb_article_version as v')
    .leftJoin('app_user as u', 'u.id', 'v.edited_by')
    .selectAll('v')
    .select('u.display_name as editor_name')
    .where('v.article_id', '=', articleId)
    .where('v.version', '=', version)
    .executeTakeFirst();
}

export type KbVersionRow = NonNullable<Awaited<ReturnType<typeof findVersion>>>;

export async function listVersions(db: Executor, articleId: number, limit: number, offset: number) {
  const [items, count] = await Promise.all([
    db
      .selectFrom('kb_article_version as v')
      .leftJoin('app_user as u', 'u.id', 'v.edited_by')
      .selectAll('v')
      .select('u.display_name as editor_name')
      .where('v.article_id', '=', articleId)
      .orderBy('v.version', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom('kb_article_version')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('article_id', '=', articleId)
      .executeTakeFirstOrThrow(),
  ]);
  return { items: items as KbVersionRow[], total: Number(count.n) };
}

export interface KbArticleFilter {
  scopePath: string;
  status?: KbStatus | undefined;
  domain?: string | undefined;
  key?: string | undefined;
  orgUnitId?: number | undefined;
  /** Published articles whose review date is today or past. */
  reviewDueBy?: string | undefined;
  q?: string | undefined;
  level?: 'ministry' | 'province' | 'city' | 'county' | undefined;
  ownerUserId?: number | undefined;
  /** Published articles whose expiry date is on or before this day. */
  expiresBy?: string | undefined;
}

/** The editor's list: articles of the caller's subtree and of the units above it. */
export async function listArticles(db: Executor, f: KbArticleFilter, limit: number, offset: number) {
  let q = selectArticles(db).where((eb) =>
    eb.or([
      eb('o.path', 'like', under(f.scopePath)),
      eb('a.org_unit_id', '=', eb.fn.any(eb.val(idsOnPath(f.scopePath)))),
    ]),
  );
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.domain) q = q.where('a.domain', '=', f.domain);
  if (f.key) q = q.where('a.key', '=', f.key);
  if (f.orgUnitId) q = q.where('a.org_unit_id', '=', f.orgUnitId);
  if (f.reviewDueBy) q = q.where('a.status', '=', 'published').where('a.review_due_on', '<=', f.reviewDueBy);
  if (f.level) q = q.where('o.level', '=', f.level);
  if (f.ownerUserId) q = q.where('a.owner_user_id', '=', f.ownerUserId);
  if (f.expiresBy) q = q.where('a.status', '=', 'published').where('a.expires_on', '<=', f.expiresBy);
  if (f.q) q = q.where('a.title', 'ilike', `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const [items, count] = await Promise.all([
    q.orderBy('a.key').orderBy('o.path').limit(limit).offset(offset).execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: items as KbArticleRow[], total: Number(count.n) };
}

export async function countView(db: Executor, articleId: number, day: string, orgUnitId: number) {
  await db
    .insertInto('kb_article_view_day')
    .values({ article_id: articleId, day, org_unit_id: orgUnitId, views: 1 })
    .onConflict((oc) =>
      oc
        .columns(['article_id', 'day', 'org_unit_id'])
        .doUpdateSet({ views: sql`kb_article_view_day.views + 1` }),
    )
    .execute();
}

/** Published articles due for review that nobody was told about yet, oldest first. */
export async function lockDueReviews(db: Executor, today: string, limit: number) {
  return db
    .selectFrom('kb_article as a')
    .innerJoin('org_unit as o', 'o.id', 'a.org_unit_id')
    .select([
      'a.id',
      'a.key',
      'a.title',
      'a.org_unit_id',
      'o.path as org_path',
      'a.owner_user_id',
      'a.review_due_on',
    ])
    .where('a.status', '=', 'published')
    .where('a.review_due_on', '<=', today)
    .where('a.review_flagged_at', 'is', null)
    .orderBy('a.review_due_on')
    .orderBy('a.id')
    .limit(limit)
    .forUpdate('a')
    .skipLocked()
    .execute();
}

export async function userInScope(db: Executor, userId: number, scopePath: string): Promise<boolean> {
  const row = await db
    .selectFrom('app_user as u')
    .innerJoin('org_unit as o', 'o.id', 'u.org_unit_id')
    .select('u.id')
    .where('u.id', '=', userId)
    .where('o.path', 'like', under(scopePath))
    .executeTakeFirst();
  return row !== undefined;
}
