export interface NotificationItem {
  id: number;
  title: string;
  body: string;
  link: string | null;
  category: string;
  createdAt: string;
  readAt: string | null;
}
