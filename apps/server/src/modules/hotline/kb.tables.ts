import type { ColumnType, Generated } from 'kysely';

export type KbStatus = 'draft' | 'published' | 'retired';

/**
 * A knowledge-base article (知识库条目) of one org unit, with its current content. The same key
 * at a deeper unit overrides it for callers in that unit's subtree (national → province → city).
 */
export interface KbArticleTable {
  id: Generated<number>;
  /** Shared by an article and its overrides at lower units, e.g. ridehail-driver-licence. */
  key: string;
  org_unit_id: number;
  owner_user_id: number | null;
  status: KbStatus;
  current_version: number;
  title: string;
  body: string;
  /** A business domain key of the hotline (highway, roadTransport, urbanPassenger …). */
  domain: string;
  category_code: string | null;
  tags: string[];
  /** Segmented title (A), tags (B), category (C) and body (D) as a tsvector literal. */
  search_vector: string;
  /** Title and tags, for trigram matching of short and misspelled queries. */
  search_text: string;
  /** YYYY-MM-DD; an expired article is no longer given as an answer. */
  expires_on: string | null;
  review_due_on: string | null;
  /** When the review job told the owner the review is due; cleared by a review. */
  review_flagged_at: Date | null;
  published_at: Date | null;
  created_at: ColumnType<Date, Date, never>;
  updated_at: Date;
}

/** Every edit is a new version, kept forever. */
export interface KbArticleVersionTable {
  article_id: number;
  version: number;
  title: string;
  body: string;
  domain: string;
  category_code: string | null;
  tags: string[];
  change_note: string | null;
  edited_by: number | null;
  edited_at: Date;
}

/** Views per article, day and viewing unit (the KPI of article use; citations come from tickets). */
export interface KbArticleViewDayTable {
  article_id: number;
  day: string;
  org_unit_id: number;
  views: number;
}

/** How many articles hold a word of the search vectors (kept by triggers; see recountTerms). */
export interface KbTermTable {
  term: string;
  articles: number;
}

export interface KbTables {
  kb_article: KbArticleTable;
  kb_article_version: KbArticleVersionTable;
  kb_article_view_day: KbArticleViewDayTable;
  kb_term: KbTermTable;
}
