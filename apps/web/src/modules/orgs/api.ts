import { api } from '../../api/client.ts';
import type { Page, PageParams } from '../../api/types.ts';
import type {
  CloseOrgInput,
  CreateOrgInput,
  MergeOrgInput,
  OrgChild,
  OrgDetail,
  OrgDto,
  OrgHistoryEntry,
  OrgSearchHit,
  RenameOrgInput,
} from './types.ts';

/** Children are fetched in one page; a unit with more than this shows a hint to use search. */
export const CHILDREN_PAGE_SIZE = 200;

export const orgKeys = {
  all: ['orgs'] as const,
  root: () => [...orgKeys.all, 'root'] as const,
  children: (id: number, asOf: string | null) => [...orgKeys.all, 'children', id, asOf] as const,
  detail: (id: number) => [...orgKeys.all, 'detail', id] as const,
  history: (id: number, params: PageParams) => [...orgKeys.all, 'history', id, params] as const,
  search: (q: string, params: PageParams) => [...orgKeys.all, 'search', q, params] as const,
};

export const fetchRootOrg = () => api.get<OrgDto>('/orgs/root');

export const fetchOrgChildren = (id: number, asOf: string | null) =>
  api.get<Page<OrgChild>>(`/orgs/${id}/children`, { page: 1, pageSize: CHILDREN_PAGE_SIZE, asOf });

export const fetchOrg = (id: number) => api.get<OrgDetail>(`/orgs/${id}`);

export const fetchOrgHistory = (id: number, params: PageParams) =>
  api.get<Page<OrgHistoryEntry>>(`/orgs/${id}/history`, { ...params });

export const searchOrgs = (q: string, params: PageParams) =>
  api.get<Page<OrgSearchHit>>('/orgs', { q, ...params });

export const createOrg = (input: CreateOrgInput) => api.post<OrgDto>('/orgs', input);

export const renameOrg = (id: number, input: RenameOrgInput) => api.post<OrgDto>(`/orgs/${id}/rename`, input);

export const mergeOrg = (id: number, input: MergeOrgInput) => api.post<OrgDto>(`/orgs/${id}/merge`, input);

export const closeOrg = (id: number, input: CloseOrgInput) => api.post<OrgDto>(`/orgs/${id}/close`, input);
