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
}

/** One page of ranked hits and how many there are (a lower bound when `capped`). */
export interface KbSearchPage {
  rows: KbSearchHitRow[];
  total: number;
  /** More articles matched than were ranked: `total` counts the ranked candidates only. */
  capped: boolean;
}

/**
 * Candidates ranked per query, from each of the two scans (title and tag matches, any matches):
 * a frequent word (办理, 投诉) matches tens of thousands of articles, and ranking reads each one's
 * vector. Title and tag matches come first and rank on their small vector.
 */
export const CANDIDATE_CAP = 200;

export interface KbSearchScope {
  /** Org unit ids from the root down to the unit searched for: its override chain. */
  chain: readonly number[];
  /** YYYY-MM-DD (Beijing): articles expired before it are no answers. */
  today: string;
  domain?: string | undefined;
}

const live = (scope: KbSearchScope, alias: string) =>
  sql`${sql.ref(`${alias}.status`)} = 'published' and (${sql.ref(`${alias}.expires_on`)} is null or ${sql.ref(`${alias}.expires_on`)} >= ${scope.today}::date)`;

/** Published, unexpired articles of the chain (and domain): every check the GIN scan leaves. */
function ofChain(scope: KbSearchScope): RawBuilder<boolean> {
  return sql<boolean>`${live(scope, 'a')} and a.org_unit_id = any(${sql`${scope.chain}::bigint[]`})
    ${scope.domain ? sql`and a.domain = ${scope.domain}` : sql``}`;
}

/** A deeper unit of the chain has a live article of the same key: `a` is not in force. */
function overridden(scope: KbSearchScope): RawBuilder<boolean> {
  const chain = sql`${scope.chain}::bigint[]`;
  return sql<boolean>`exists (
      select 1 from kb_article b
      where b.key = a.key and ${live(scope, 'b')} and b.org_unit_id = any(${chain})
        and array_position(${chain}, b.org_unit_id) > array_position(${chain}, a.org_unit_id))`;
}

/**
 * Published, unexpired articles of the chain that no deeper unit of the chain overrides with an
 * article of the same key: the articles in force for a caller at the chain's last unit.
 */
function inForce(scope: KbSearchScope): RawBuilder<boolean> {
  return sql<boolean>`${ofChain(scope)} and not ${overridden(scope)}`;
}

const hitColumns = sql`a.id, a.key, a.org_unit_id, o.name as org_name, a.current_version, a.title, a.body,
  a.domain, a.category_code, a.tags, a.updated_at`;

/**
 * The planner prices `@@` as a cheap filter and, under a LIMIT, prefers walking the table (or any
 * btree) and testing each row's vector to the GIN index — hundreds of times slower for a frequent
 * word. For the search statements of this transaction only, a bitmap scan is the only way in.
 */
async function bitmapScansOnly(db: Executor, on: boolean): Promise<void> {
  const v = on ? 'off' : 'on';
  await sql`select set_config('enable_seqscan', ${v}, true), set_config('enable_indexscan', ${v}, true)`.execute(
    db,
  );
}

/**
 * The page of the candidates (CTE `cand` of ids and ranks, CTE `capped` whether a scan hit the
 * cap) that are in force, best first; the count comes with it even when the page is empty.
 */
async function rankCandidates(
  db: Executor,
  scope: KbSearchScope,
  candidates: RawBuilder<unknown>,
  limit: number,
  offset: number,
): Promise<KbSearchPage> {
  await bitmapScansOnly(db, true);
  const { rows } = await sql<KbSearchHitRow & { n: number; capped: boolean }>`
    with ${candidates},
    ranked as materialized (
      select c.id, c.rank from cand c join kb_article a on a.id = c.id where not ${overridden(scope)}),
    page as (select id, rank from ranked order by rank desc, id limit ${limit} offset ${offset})
    select n.n, n.capped, p.rank, ${hitColumns}
    from (select count(*)::int as n, (select capped from capped) as capped from ranked) n
      left join page p on true
      left join kb_article a on a.id = p.id
      left join org_unit o on o.id = a.org_unit_id
    order by p.rank desc nulls last, p.id`.execute(db);
  await bitmapScansOnly(db, false);
  return {
    rows: rows.filter((r) => r.id !== null),
    total: Number(rows[0]?.n ?? 0),
    capped: Boolean(rows[0]?.capped),
  };
}

/**
 * At most CANDIDATE_CAP articles of the chain whose `vector` matches, found through its GIN index,
 * each ranked by cover density as it is read (only those that pass the chain's checks).
 */
const scan = (scope: KbSearchScope, vector: 'title_vector' | 'search_vector', q: RawBuilder<unknown>) =>
  sql`select a.id, ts_rank_cd(a.v, ${q}, 32) as rank from (
      select a.id, a.key, a.org_unit_id, a.status, a.expires_on, a.domain, ${sql.ref(`a.${vector}`)} as v
      from kb_article a where ${sql.ref(`a.${vector}`)} @@ ${q} offset 0) a
    where ${ofChain(scope)} limit ${CANDIDATE_CAP}`;

/**
 * Full-text matches, best first: articles whose whole title is the query (`title`, normalised),
 * then those whose title or tags match (ranked by cover density on them), then those that match
 * in the body only (ranked by cover density over every field, titles weighing most). Each kind is
 * a capped candidate set; when the title matches fill theirs, body matches could only rank below
 * them and are not looked for.
 */
export async function searchFullText(
  db: Executor,
  scope: KbSearchScope,
  search: { tsquery: string; title: string },
  limit: number,
  offset: number,
): Promise<KbSearchPage> {
  const q = sql`${search.tsquery}::tsquery`;
  const candidates = sql`
    exact as materialized (select a.id, 3 as rank from kb_article a
      where lower(normalize(a.title, nfkc)) = ${search.title} and ${ofChain(scope)} limit ${CANDIDATE_CAP}),
    titled as materialized (${scan(scope, 'title_vector', q)}),
    matched as materialized (
      select m.id, m.rank from (${scan(scope, 'search_vector', q)}) m
      where (select count(*) from titled) < ${CANDIDATE_CAP}),
    capped as (select (select count(*) from titled) >= ${CANDIDATE_CAP}
      or (select count(*) from matched) >= ${CANDIDATE_CAP} as capped),
    cand as (
      select id, rank from exact
      union all
      select t.id, 1 + t.rank from titled t where not exists (select 1 from exact e where e.id = t.id)
      union all
      select m.id, m.rank from matched m
      where not exists (select 1 from titled t where t.id = m.id) and not exists (select 1 from exact e where e.id = m.id))`;
  return rankCandidates(db, scope, candidates, limit, offset);
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
): Promise<KbSearchPage> {
  await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(FUZZY_THRESHOLD)}, true)`.execute(
    db,
  );
  const candidates = sql`
    found as materialized (select a.id from kb_article a
      where a.search_text %> ${text} and ${ofChain(scope)} limit ${CANDIDATE_CAP}),
    capped as (select count(*) >= ${CANDIDATE_CAP} as capped from found),
    cand as (select f.id, word_similarity(${text}, a.search_text) as rank
      from found f join kb_article a on a.id = f.id)`;
  return rankCandidates(db, scope, candidates, limit, offset);
}

/** How many articles hold each of these words (a word no article holds is missing). */
export async function termCounts(db: Executor, terms: readonly string[]): Promise<Map<string, number>> {
  if (terms.length === 0) return new Map();
  const rows = await db
    .selectFrom('kb_term')
    .select(['term', 'articles'])
    .where('term', 'in', terms)
    .where('articles', '>', 0)
    .execute();
  return new Map(rows.map((r) => [r.term, r.articles]));
}

/** The words that begin with `prefix` (itself included), most frequent first, with their counts. */
export async function wordsBeginning(db: Executor, prefix: string, limit: number) {
  const { rows } = await sql<{ term: string; articles: number }>`
    select term, articles from kb_term
    where term >= ${prefix} and term < ${prefix} || chr(1114111) and articles > 0
    order by articles desc, term limit ${limit}`.execute(db);
  return rows;
}

const GIN_INDEXES = ['kb_article_search', 'kb_article_title_search', 'kb_article_trgm'];

/**
 * For a bulk load in this transaction (demo seed, bench): word counts wait for `endBulkLoad`, and
 * the GIN indexes take new entries into their pending lists, merged in sorted batches (each
 * article entered into the trees on its own made a load of 100k articles several times slower).
 */
export async function beginBulkLoad(trx: Executor): Promise<void> {
  await sql`select set_config('jtgov.kb_terms_deferred', 'on', true)`.execute(trx);
  for (const index of GIN_INDEXES) await sql`alter index ${sql.id(index)} set (fastupdate = on)`.execute(trx);
}

/** Ends a bulk load: the pending lists merged (searches never read one), every word counted. */
export async function endBulkLoad(trx: Executor): Promise<void> {
  for (const index of GIN_INDEXES) {
    await sql`select gin_clean_pending_list(${index}::regclass)`.execute(trx);
    await sql`alter index ${sql.id(index)} set (fastupdate = off)`.execute(trx);
  }
  await recountTerms(trx);
}

/**
 * Counts every word of every article afresh (and counts edits again for the rest of the
 * transaction), then refreshes the planner's statistics.
 */
export async function recountTerms(db: Executor): Promise<void> {
  await sql`lock table kb_term in exclusive mode`.execute(db);
  await sql`delete from kb_term`.execute(db);
  await sql`insert into kb_term (term, articles)
    select t, count(*) from kb_article, unnest(tsvector_to_array(search_vector)) t group by t`.execute(db);
  await sql`select set_config('jtgov.kb_terms_deferred', 'off', true)`.execute(db);
  await sql`analyze kb_term`.execute(db);
  await sql`analyze kb_article`.execute(db);
}

/** The article in force under this key for the chain, if any (a ticket's instant answer cites it). */
export async function findInForceById(db: Executor, scope: KbSearchScope, id: number) {
  const { rows } = await sql<KbSearchHitRow>`
    select ${hitColumns}, 0 as rank
    from kb_article a join org_unit o on o.id = a.org_unit_id
    where a.id = ${id} and ${inForce(scope)}`.execute(db);
  return rows[0];
}

/** The article in force under this key for the chain's last unit, if any. */
export async function findInForceByKey(db: Executor, scope: KbSearchScope, key: string) {
  const { rows } = await sql<KbSearchHitRow>`
    select ${hitColumns}, 0 as rank
    from kb_article a join org_unit o on o.id = a.org_unit_id
    where a.key = ${key} and ${inForce(scope)}`.execute(db);
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
