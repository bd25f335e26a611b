import { api } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import type { CreateFeedRequest, Feed } from '../types/feeds.ts';

export const feedKeys = { all: ['maritime', 'feeds'] as const };

// Feeds are few (instance-wide configuration): one page holds them all.
export const listFeeds = () => api.get<Page<Feed>>('/maritime/feeds', { page: 1, pageSize: 200 });
export const createFeed = (body: CreateFeedRequest) => api.post<Feed>('/maritime/feeds', body);
export const setFeedEnabled = (id: number, enabled: boolean) =>
  api.post<Feed>(`/maritime/feeds/${id}/${enabled ? 'enable' : 'disable'}`);
