import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PageParams } from '../../../api/types.ts';
import * as routing from '../api/routing.ts';
import { routingKeys } from '../api/routing.ts';
import type { RoutePreviewInput, RoutingRuleInput } from '../types.ts';

export function useCategories(asOf: string | undefined, domain: string | undefined) {
  return useQuery({
    queryKey: routingKeys.categories(asOf, domain),
    queryFn: () => routing.listCategories(asOf, domain),
    placeholderData: keepPreviousData,
  });
}

export function useRoutingRules(params: PageParams) {
  return useQuery({
    queryKey: routingKeys.rules(params),
    queryFn: () => routing.listRules(params),
    placeholderData: keepPreviousData,
  });
}

export function useOrgSearch(q: string) {
  return useQuery({
    queryKey: routingKeys.orgs(q),
    queryFn: () => routing.searchOrgs(q),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useRoutingMutations() {
  const client = useQueryClient();
  const invalidate = () => client.invalidateQueries({ queryKey: routingKeys.all });
  return {
    create: useMutation({
      mutationFn: (v: RoutingRuleInput) => routing.createRule(v),
      onSuccess: invalidate,
    }),
    remove: useMutation({ mutationFn: (id: number) => routing.deleteRule(id), onSuccess: invalidate }),
    publishCategory: useMutation({ mutationFn: routing.publishCategory, onSuccess: invalidate }),
  };
}

export function usePreviewRoute() {
  return useMutation({ mutationFn: (v: RoutePreviewInput) => routing.previewRoute(v) });
}
