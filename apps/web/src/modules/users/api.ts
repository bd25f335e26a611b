import { api } from '../../api/client.ts';
import type { Page, PageParams } from '../../api/types.ts';
import type { CreateUserInput, CreateUserResult, UpdateUserInput, UserDto, UserFilters } from './types.ts';

export const userKeys = {
  all: ['users'] as const,
  list: (params: PageParams, filters: UserFilters) => [...userKeys.all, 'list', params, filters] as const,
};

export const listUsers = (params: PageParams, filters: UserFilters) =>
  api.get<Page<UserDto>>('/users', { ...params, ...filters });

export const createUser = (input: CreateUserInput) => api.post<CreateUserResult>('/users', input);

export const updateUser = (id: number, input: UpdateUserInput) => api.patch<UserDto>(`/users/${id}`, input);

export const resetUserPassword = (id: number) =>
  api.post<{ password: string }>(`/users/${id}/reset-password`);

export const unlockUser = (id: number) => api.post<UserDto>(`/users/${id}/unlock`);

export const resetUserTotp = (id: number) => api.post<UserDto>(`/users/${id}/reset-totp`);
