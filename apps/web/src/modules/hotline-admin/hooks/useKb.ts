import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PageParams } from '../../../api/types.ts';
import * as kb from '../api/kb.ts';
import { kbKeys } from '../api/kb.ts';
import type { DomainKey, KbArticle, KbArticleInput, KbListFilters } from '../types.ts';

export function useKbSearch(q: string, domain: DomainKey | undefined, params: PageParams) {
  return useQuery({
    queryKey: kbKeys.search(q, domain, params),
    queryFn: () => kb.searchKb(q, domain, params),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useKbArticles(params: PageParams, filters: KbListFilters) {
  return useQuery({
    queryKey: kbKeys.list(params, filters),
    queryFn: () => kb.listArticles(params, filters),
    placeholderData: keepPreviousData,
  });
}

export function useKbArticle(id: number) {
  return useQuery({ queryKey: kbKeys.article(id), queryFn: () => kb.fetchArticle(id) });
}

export function useKbVersions(id: number) {
  return useQuery({ queryKey: kbKeys.versions(id), queryFn: () => kb.fetchVersions(id) });
}

export function useKbVersion(id: number, version: number | null) {
  return useQuery({
    queryKey: kbKeys.version(id, version ?? 0),
    queryFn: () => kb.fetchVersion(id, version ?? 0),
    enabled: version !== null && version > 0,
  });
}

export function useKbOverrides(key: string | undefined) {
  return useQuery({
    queryKey: kbKeys.overrides(key ?? ''),
    queryFn: () => kb.fetchOverrides(key ?? ''),
    enabled: Boolean(key),
  });
}

export function useKbUsage(from: string, to: string, params: PageParams) {
  return useQuery({
    queryKey: kbKeys.usage(from, to, params),
    queryFn: () => kb.fetchUsage(from, to, params),
    placeholderData: keepPreviousData,
  });
}

export function useCreateKbArticle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: KbArticleInput) => kb.createArticle(input),
    onSuccess: () => client.invalidateQueries({ queryKey: kbKeys.all }),
  });
}

/** Any change to an article: the article, its versions and every list are read again. */
export function useKbAction<V>(id: number, run: (v: V) => Promise<KbArticle>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (article) => {
      client.setQueryData(kbKeys.article(id), article);
      void client.invalidateQueries({ queryKey: kbKeys.all });
    },
  });
}
