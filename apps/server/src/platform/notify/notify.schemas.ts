import { Type } from 'typebox';
import { PageQuery } from '../http/pagination.ts';
import { DateTimeString, Nullable } from '../http/schemas.ts';

export const NotificationDto = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  body: Type.String(),
  link: Nullable(Type.String()),
  category: Type.String(),
  createdAt: DateTimeString,
  readAt: Nullable(DateTimeString),
});

export const NotificationQuery = Type.Intersect([
  PageQuery,
  Type.Object({ unread: Type.Boolean({ default: false, description: 'only unread notifications' }) }),
]);

export const UnreadCount = Type.Object({ count: Type.Integer() });
