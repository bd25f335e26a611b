import { api } from '../../../api/client.ts';
import type { Page, PageParams } from '../../../api/types.ts';
import type {
  Category,
  CategoryField,
  OrgHit,
  RoutePreview,
  RoutePreviewInput,
  RoutingRule,
  RoutingRuleInput,
} from '../types.ts';

export const routingKeys = {
  all: ['hotline-admin', 'routing'] as const,
  categories: (asOf: string | undefined, domain: string | undefined) =>
    [...routingKeys.all, 'categories', asOf, domain] as const,
  rules: (params: PageParams) => [...routingKeys.all, 'rules', params] as const,
  orgs: (q: string) => [...routingKeys.all, 'orgs', q] as const,
};

/** The whole table valid on a day: some sixty codes, one page. */
export const listCategories = (asOf: string | undefined, domain: string | undefined) =>
  api.get<Page<Category>>('/hotline/categories', { asOf, domain, page: 1, pageSize: 200 });
export const publishCategory = (body: {
  code: string;
  domain: string;
  name: string;
  fields: CategoryField[];
  validFrom: string;
}) => api.post<Category>('/hotline/categories', body);
export const listRules = (params: PageParams) =>
  api.get<Page<RoutingRule>>('/hotline/routing-rules', { ...params });
export const createRule = (input: RoutingRuleInput) => api.post<RoutingRule>('/hotline/routing-rules', input);
export const deleteRule = (id: number) => api.delete<void>(`/hotline/routing-rules/${id}`);
export const previewRoute = (input: RoutePreviewInput) =>
  api.post<RoutePreview>('/hotline/routing/preview', input);
export const searchOrgs = (q: string) => api.get<Page<OrgHit>>('/orgs', { q, page: 1, pageSize: 20 });
