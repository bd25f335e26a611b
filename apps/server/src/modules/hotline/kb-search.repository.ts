import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { under } from '../../platform/orgs/orgs.repository.ts';

export interface KbSearchHitRow {
  id: number;
  key: string;
  org_unit_id: number;
  org_name: string;
  current_version: number;
  title: string;
  body: string;
  domain: string;
  category_code: string | null;
  tags: string[];
  updated_at: Date;
  rank: number;
  total: number;
}

export interface KbSearchScope {
  /** Org unit ids from the root down to the unit searched for: its override chain. */
  chain: readonly number[];
  /** YYYY-MM-DD (Beijing): articles expired before it are no answers. */
  today: string;
  domain?: string | undefined;
}

/**
 * Published, unexpired articles of the chain that no deeper unit of the chain overrides with an
 * article of the same key: the articles in force for a caller at the chain's last unit.
 */
function inForce(scope: KbSearchScope): RawBuilder<boolean> {
  const chain = sql`${scope.chain}::bigint[]`;
  const live = (alias: string) =>
    sql`${sql.ref(`${alias}.status`)} = 'published' and (${sql.ref(`${alias}.expires_on`)} is null or ${sql.ref(`${alias}.expires_on`)} >= ${scope.today}::date)`;
  return sql<boolean>`${live('a')} and a.org_unit_id = any(${chain})
    and not exists (
      select 1 from kb_article b
      where b.key = a.key and ${live('b')} and b.org_unit_id = any(${chain})
        and array_position(${chain}, b.org_unit_id) > array_position(${chain}, a.org_unit_id))
    ${scope.domain ? sql`and a.domain = ${scope.domain}` : sql``}`;
}

const hitColumns = sql`a.id, a.key, a.org_unit_id, o.name as org_name, a.current_version, a.title, a.body,
  a.domain, a.category_code, a.tags, a.updated_at`;

/** Full-text matches ranked by cover density (title words weigh most), with the total. */
export async function searchFullText(
  db: Executor,
  scope: KbSearchScope,
  tsquery: string,
  limit: number,
  offset: number,
): Promise<KbSearchHitRow[]> {
  const q = sql`${tsquery}::tsquery`;
  const { rows } = await sql<KbSearchHitRow>`
    select ${hitColumns}, ts_rank_cd(a.search_vector, ${q}) as rank, count(*) over () as total
    from kb_article a join org_unit o on o.id = a.org_unit_id
    where a.search_vector @@ ${q} and ${inForce(scope)}
    order by rank desc, a.id
    limit ${limit} offset ${offset}`.execute(db);
  return rows;
}

/** Similarity below which a title is not offered as a fuzzy match (pg_trgm word similarity). */
export const FUZZY_THRESHOLD = 0.3;

/**
 * Titles and tags that contain something like the query (pg_trgm word similarity): for a typo
 * (网约车架驶员) or a fragment the segmenter cut differently. Sets the threshold for the
 * caller's transaction only, so call it inside one.
 */
export async function searchFuzzy(
  db: Executor,
  scope: KbSearchScope,
  text: string,
  limit: number,
  offset: number,
): Promise<KbSearchHitRow[]> {
  await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(FUZZY_THRESHOLD)}, true)`.execute(
    db,
  );
  const { rows } = await sql<KbSearchHitRow>`
    select ${hitColumns}, word_similarity(${text}, a.search_text) as rank, count(*) over () as total
    from kb_article a join org_unit o on o.id = a.org_unit_id
    where a.search_text %> ${text} and ${inForce(scope)}
    order by rank desc, a.id
    limit ${limit} offset ${offset}`.execute(db);
  return rows;
}

/** The article in force under this key for the chain, if any (a ticket's instant answer cites it). */
export async function findInForceById(db: Executor, scope: KbSearchScope, id: number) {
  const { rows } = await sql<KbSearchHitRow>`
    select ${hitColumns}, 0 as rank, 1 as total
    from kb_article a join org_unit o on o.id = a.org_unit_id
    where a.id = ${id} and ${inForce(scope)}`.execute(db);
  return rows[0];
}

/** Units of the caller's subtree: a centre agent may search as the unit a call concerns. */
export async function orgPathInScope(db: Executor, orgUnitId: number, scopePath: string) {
  const row = await db
    .selectFrom('org_unit')
    .select('path')
    .where('id', '=', orgUnitId)
    .where('path', 'like', under(scopePath))
    .executeTakeFirst();
  return row?.path;
}

export interface KbUsageRow {
  id: number;
  key: string;
  title: string;
  org_name: string;
  status: string;
  views: number;
  citations: number;
  total: number;
}

/**
 * Use of the articles of the caller's subtree and chain over [fromDay, toDay) ([from, to) as instants): views by anyone, and
 * citations by instant answers of tickets (hotline_ticket.kb_article_id) — most used first.
 */
export async function listUsage(
  db: Executor,
  scope: { scopePath: string; chain: readonly number[] },
  range: { fromDay: string; toDay: string; from: Date; to: Date },
  limit: number,
  offset: number,
): Promise<KbUsageRow[]> {
  const { fromDay, toDay, from, to } = range;
  const { rows } = await sql<KbUsageRow>`
    select a.id, a.key, a.title, o.name as org_name, a.status,
      coalesce((select sum(v.views) from kb_article_view_day v
                where v.article_id = a.id and v.day >= ${fromDay}::date and v.day < ${toDay}::date), 0)::int as views,
      (select count(*) from hotline_ticket t
       where t.kb_article_id = a.id and t.received_at >= ${from} and t.received_at < ${to})::int as citations,
      count(*) over () as total
    from kb_article a join org_unit o on o.id = a.org_unit_id
    where o.path like ${under(scope.scopePath)} or a.org_unit_id = any(${scope.chain}::bigint[])
    order by citations desc, views desc, a.id
    limit ${limit} offset ${offset}`.execute(db);
  return rows;
}
