import { api } from '../../../api/client.ts';
import type { Page, PageParams } from '../../../api/types.ts';
import type {
  DomainKey,
  KbArticle,
  KbArticleInput,
  KbArticlePatch,
  KbListFilters,
  KbSearchResult,
  KbUsage,
  KbVersion,
} from '../types.ts';

export const kbKeys = {
  all: ['hotline-admin', 'kb'] as const,
  search: (q: string, domain: DomainKey | undefined, params: PageParams) =>
    [...kbKeys.all, 'search', q, domain, params] as const,
  list: (params: PageParams, filters: KbListFilters) => [...kbKeys.all, 'list', params, filters] as const,
  article: (id: number) => [...kbKeys.all, 'article', id] as const,
  versions: (id: number) => [...kbKeys.all, 'article', id, 'versions'] as const,
  version: (id: number, version: number) => [...kbKeys.all, 'article', id, 'version', version] as const,
  overrides: (key: string) => [...kbKeys.all, 'overrides', key] as const,
  usage: (from: string, to: string, params: PageParams) =>
    [...kbKeys.all, 'usage', from, to, params] as const,
};

const base = '/hotline/kb';

export const searchKb = (q: string, domain: DomainKey | undefined, params: PageParams) =>
  api.get<KbSearchResult>(`${base}/search`, { q, domain, ...params });
export const listArticles = (params: PageParams, filters: KbListFilters) =>
  api.get<Page<KbArticle>>(`${base}/articles`, { ...params, ...filters });
export const fetchArticle = (id: number) => api.get<KbArticle>(`${base}/articles/${id}`);
/** Every version of an article, newest first (an article rarely has more than a few dozen). */
export const fetchVersions = (id: number) =>
  api.get<Page<KbVersion>>(`${base}/articles/${id}/versions`, { page: 1, pageSize: 200 });
export const fetchVersion = (id: number, version: number) =>
  api.get<KbVersion>(`${base}/articles/${id}/versions/${version}`);
/** The article of a key at every unit the caller sees: the national one and its overrides. */
export const fetchOverrides = (key: string) =>
  api.get<Page<KbArticle>>(`${base}/articles`, { key, page: 1, pageSize: 100 });
export const createArticle = (input: KbArticleInput) => api.post<KbArticle>(`${base}/articles`, input);
export const updateArticle = (id: number, patch: KbArticlePatch) =>
  api.patch<KbArticle>(`${base}/articles/${id}`, patch);
export const restoreVersion = (id: number, version: number) =>
  api.post<KbArticle>(`${base}/articles/${id}/restore`, { version });
export const publishArticle = (id: number) => api.post<KbArticle>(`${base}/articles/${id}/publish`);
export const retireArticle = (id: number) => api.post<KbArticle>(`${base}/articles/${id}/retire`);
export const reviewArticle = (id: number, nextReviewOn: string | null) =>
  api.post<KbArticle>(`${base}/articles/${id}/review`, { nextReviewOn });
export const fetchUsage = (from: string, to: string, params: PageParams) =>
  api.get<Page<KbUsage>>(`${base}/usage`, { from, to, ...params });
