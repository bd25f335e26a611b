import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PageParams } from '../../../api/types.ts';
import { fetchOrg, fetchOrgHistory, fetchRootOrg, orgKeys, searchOrgs } from '../api.ts';

export function useRootOrg() {
  return useQuery({ queryKey: orgKeys.root(), queryFn: fetchRootOrg, staleTime: 5 * 60_000 });
}

export function useOrg(id: number | null) {
  return useQuery({
    queryKey: orgKeys.detail(id ?? 0),
    queryFn: () => fetchOrg(id ?? 0),
    enabled: id !== null,
  });
}

export function useOrgHistory(id: number | null, params: PageParams) {
  return useQuery({
    queryKey: orgKeys.history(id ?? 0, params),
    queryFn: () => fetchOrgHistory(id ?? 0, params),
    enabled: id !== null,
    placeholderData: keepPreviousData,
  });
}

export function useOrgSearch(q: string, params: PageParams) {
  const text = q.trim();
  return useQuery({
    queryKey: orgKeys.search(text, params),
    queryFn: () => searchOrgs(text, params),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
  });
}
