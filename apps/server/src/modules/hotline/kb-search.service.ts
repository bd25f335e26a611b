import { recordAudit, SYSTEM_CONTEXT } from '../../platform/audit/audit.service.ts';
import { beijingDateOf, beijingMidnight } from '../../platform/calendar/index.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import { offsetOf, type PageQuery } from '../../platform/http/pagination.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { notify } from '../../platform/notify/notify.service.ts';
import { idsOnPath } from '../../platform/orgs/orgs.repository.ts';
import { highlight, indexTokens, normalise, queryTokens, quoteLexeme } from '../../platform/search/index.ts';
import { lockDueReviews, updateArticle } from './kb.repository.ts';
import {
  findInForceById,
  findInForceByKey,
  type KbSearchHitRow,
  type KbSearchPage,
  type KbSearchScope,
  listUsage,
  orgPathInScope,
  recountTerms,
  searchFullText,
  searchFuzzy,
  termCounts,
  wordsBeginning,
} from './kb-search.repository.ts';

export interface KbSearchInput extends PageQuery {
  q: string;
  domain?: string | undefined;
  orgUnitId?: number | undefined;
}

const SNIPPET_CHARS = 120;

const toHitDto = (row: KbSearchHitRow, terms: readonly string[]) => ({
  id: row.id,
  key: row.key,
  orgUnitId: row.org_unit_id,
  orgName: row.org_name,
  version: row.current_version,
  title: row.title,
  domain: row.domain,
  categoryCode: row.category_code,
  tags: row.tags,
  titleHtml: highlight(row.title, terms),
  snippetHtml: highlight(row.body, terms, { maxChars: SNIPPET_CHARS }),
  rank: Number(row.rank),
  updatedAt: row.updated_at.toISOString(),
});

/** The override chain of the unit searched for: the caller's own, or a unit of its subtree. */
async function scopeFor(
  db: Executor,
  actor: Pick<Actor, 'orgPath'>,
  orgUnitId: number | undefined,
  now: Date,
  domain?: string,
) {
  const path = orgUnitId === undefined ? actor.orgPath : await orgPathInScope(db, orgUnitId, actor.orgPath);
  if (!path) throw notFound(`org unit ${orgUnitId}`);
  return { chain: idsOnPath(path), today: beijingDateOf(now), domain } satisfies KbSearchScope;
}

/** Words of the index the word being typed is expanded into (it stands for the words it begins). */
export const PREFIX_WORDS = 8;

/** A query word, or the words the one being typed begins: any of them matches. */
interface WordGroup {
  readonly words: readonly string[];
  /** Articles holding the group's words (summed: an upper bound for a group of several). */
  readonly articles: number;
}

const tsqueryOf = (groups: readonly WordGroup[]) =>
  groups
    .map((g) =>
      g.words.length === 1 ? quoteLexeme(g.words[0] as string) : `(${g.words.map(quoteLexeme).join(' | ')})`,
    )
    .join(' & ');

const wordsOf = (groups: readonly WordGroup[]) => groups.flatMap((g) => g.words);
const groupsKey = (groups: readonly WordGroup[]) =>
  groups
    .map((g) => g.words.join('|'))
    .sort()
    .join('&');

/**
 * Searches the articles in force for a unit: the whole title first, then every query word must
 * match, the last one as typed so far (the most frequent words it begins); when no article has
 * them all, the query's words and their parts, dropping the most frequent first (a word no
 * article holds at once) until articles have the rest; when none, titles and tags like the query
 * (typos, fragments). Run inside a transaction: the fuzzy step sets its threshold for the
 * transaction only.
 */
export async function searchKb(trx: Executor, actor: Actor, input: KbSearchInput, now: Date) {
  const scope = await scopeFor(trx, actor, input.orgUnitId, now, input.domain);
  const words = queryTokens(input.q);
  const text = normalise(input.q).trim();
  const page = { page: input.page, pageSize: input.pageSize };
  const offset = offsetOf(page);
  const result = (
    found: KbSearchPage,
    mode: 'fulltext' | 'partial' | 'fuzzy' | 'none',
    marked: readonly string[],
  ) => ({
    items: found.rows.map((r) => toHitDto(r, marked)),
    total: found.total,
    ...page,
    hasMore: offset + found.rows.length < found.total,
    totalCapped: found.capped,
    mode,
    terms: words,
  });
  const typed = words.at(-1);
  if (typed !== undefined) {
    const parts = [...new Set(indexTokens(input.q.slice(0, 1000)))].slice(0, 32);
    const counts = await termCounts(trx, [...new Set([...words, ...parts])]);
    const begun = await wordsBeginning(trx, typed, PREFIX_WORDS);
    const last: WordGroup = {
      words: begun.map((w) => w.term),
      articles: begun.reduce((n, w) => n + w.articles, 0),
    };
    const single = (w: string): WordGroup => ({ words: [w], articles: counts.get(w) ?? 0 });
    const full = [...words.slice(0, -1).map(single), last];
    const search = (groups: readonly WordGroup[]) =>
      searchFullText(trx, scope, { tsquery: tsqueryOf(groups), title: text }, input.pageSize, offset);
    if (full.every((g) => g.articles > 0)) {
      const all = await search(full);
      // Past the last page the query still matched: an empty page with the count.
      if (all.total > 0) return result(all, 'fulltext', wordsOf(full));
    }
    // No article has every word: the rarer words say more of what is asked (投诉, 办理 are in
    // tens of thousands of articles), so the most frequent go first.
    const kept = [...new Set([...words.slice(0, -1), ...parts])]
      .filter((w) => w !== typed && counts.has(w))
      .map(single)
      .concat(last.words.length > 0 ? [last] : [])
      .sort((a, b) => a.articles - b.articles);
    for (; kept.length > 0; kept.pop()) {
      if (groupsKey(kept) === groupsKey(full)) continue;
      const partial = await search(kept);
      if (partial.total > 0) return result(partial, 'partial', wordsOf(kept));
    }
  }
  const none: KbSearchPage = { rows: [], total: 0, capped: false };
  if (text.length === 0) return result(none, 'none', []);
  const fuzzy = await searchFuzzy(trx, scope, text, input.pageSize, offset);
  return result(fuzzy, fuzzy.total > 0 ? 'fuzzy' : 'none', words);
}

/**
 * For the ticket service: the article an instant answer cites, which must be in force for the
 * agent's unit (published, unexpired, not overridden below). Store its id on the ticket.
 */
export async function articleForCitation(
  db: Executor,
  actor: Pick<Actor, 'orgPath'>,
  articleId: number,
  now: Date,
) {
  const row = await findInForceById(db, await scopeFor(db, actor, undefined, now), articleId);
  if (!row) throw badRequest(`knowledge-base article ${articleId} is not in force for your unit`);
  return { id: row.id, key: row.key, version: row.current_version, title: row.title, body: row.body };
}

/** The id of the article in force under this key for a unit, if any (demo tickets cite by key). */
export async function articleInForceByKey(db: Executor, orgPath: string, key: string, now: Date) {
  return (await findInForceByKey(db, await scopeFor(db, { orgPath }, undefined, now), key))?.id;
}

const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Views and instant-answer citations per article over the days [from, to] (Beijing time). */
export async function kbUsage(db: Executor, actor: Actor, from: string, to: string, page: PageQuery) {
  if (to < from) throw badRequest('from must not be after to');
  const toDay = nextDay(to);
  const rows = await listUsage(
    db,
    { scopePath: actor.orgPath, chain: idsOnPath(actor.orgPath) },
    { fromDay: from, toDay, from: beijingMidnight(from), to: beijingMidnight(toDay) },
    page.pageSize,
    offsetOf(page),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      key: r.key,
      title: r.title,
      orgName: r.org_name,
      status: r.status as 'draft' | 'published' | 'retired',
      views: r.views,
      citations: r.citations,
    })),
    total: Number(rows[0]?.total ?? 0),
    ...page,
  };
}

export const KB_TERMS_JOB = 'hotline.kb.recount-terms';

/**
 * The daily recount of the words' article counts (the triggers keep them between recounts; a
 * bulk load that deferred them recounts itself) and of the planner's statistics of the articles.
 */
export async function recountKbTerms(db: Db): Promise<void> {
  await db.transaction().execute((trx) => recountTerms(trx));
}

export const KB_REVIEW_JOB = 'hotline.kb.flag-reviews';

/**
 * The daily review job: each published article whose review date has come is flagged once and
 * its owner told in the console. Batches of 200, each in its own transaction.
 */
export async function flagDueReviews(db: Db, now: Date): Promise<number> {
  const today = beijingDateOf(now);
  let flagged = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      const due = await lockDueReviews(trx, today, 200);
      for (const a of due) {
        await updateArticle(trx, a.id, { review_flagged_at: now });
        if (a.owner_user_id !== null)
          await notify(
            trx,
            {
              userIds: [a.owner_user_id],
              title: '知识库条目待复审',
              body: `《${a.title}》的复审日期为 ${a.review_due_on}，请核实内容后复审或修订。`,
              link: `/hotline/kb/${a.id}`,
              category: 'hotline.kb.review-due',
            },
            now,
          );
        await recordAudit(trx, SYSTEM_CONTEXT, {
          action: 'hotline.kb.article.review-due',
          objectType: 'kb_article',
          objectId: a.id,
          after: { reviewDueOn: a.review_due_on, ownerUserId: a.owner_user_id },
          orgUnitId: a.org_unit_id,
          orgPath: a.org_path,
        });
      }
      return due.length;
    });
    flagged += n;
    if (n < 200) return flagged;
  }
}
