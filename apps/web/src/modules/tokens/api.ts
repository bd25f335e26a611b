import { api } from '../../api/client.ts';
import type { Page, PageParams } from '../../api/types.ts';
import type { ApiTokenDto, CreateTokenInput, CreateTokenResult } from './types.ts';

export const tokenKeys = {
  all: ['tokens'] as const,
  list: (params: PageParams) => [...tokenKeys.all, 'list', params] as const,
};

export const listTokens = (params: PageParams) => api.get<Page<ApiTokenDto>>('/me/tokens', { ...params });

export const createToken = (input: CreateTokenInput) => api.post<CreateTokenResult>('/me/tokens', input);

export const revokeToken = (id: number) => api.delete<void>(`/me/tokens/${id}`);
