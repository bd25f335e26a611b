import { api } from '../../api/client.ts';
import type { Page, PageParams } from '../../api/types.ts';
import type { CreateRoleInput, RoleDto, UpdateRoleInput } from './types.ts';

export const roleKeys = {
  all: ['roles'] as const,
  list: (params: PageParams) => [...roleKeys.all, 'list', params] as const,
  permissions: () => ['permissions'] as const,
};

/** Role pickers show every role; jurisdictions have a handful, far below the page limit. */
export const ALL_ROLES: PageParams = { page: 1, pageSize: 200 };

export const listRoles = (params: PageParams) => api.get<Page<RoleDto>>('/roles', { ...params });

// The whole catalogue on one page: a role editor shows every permission.
export const fetchPermissions = () => api.get<{ items: string[] }>('/permissions', { pageSize: 200 });

export const createRole = (input: CreateRoleInput) => api.post<RoleDto>('/roles', input);

export const updateRole = (id: number, input: UpdateRoleInput) => api.patch<RoleDto>(`/roles/${id}`, input);

export const deleteRole = (id: number) => api.delete<void>(`/roles/${id}`);
