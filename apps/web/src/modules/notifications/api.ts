import { api } from '../../api/client.ts';
import type { Page, PageParams } from '../../api/types.ts';
import type { NotificationItem } from './types.ts';

export const notificationKeys = {
  all: ['notifications'] as const,
  unreadCount: () => [...notificationKeys.all, 'unread-count'] as const,
  list: (params: PageParams) => [...notificationKeys.all, 'list', params] as const,
};

export const fetchUnreadCount = () => api.get<{ count: number }>('/notifications/unread-count');

export const fetchNotifications = (params: PageParams) =>
  api.get<Page<NotificationItem>>('/notifications', { ...params });

export const markNotificationRead = (id: number) => api.post<void>(`/notifications/${id}/read`);

export const markAllNotificationsRead = () => api.post<{ count: number }>('/notifications/read-all');
