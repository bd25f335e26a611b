import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Page } from '../http/pagination.ts';
import { commonErrors, IdParams } from '../http/schemas.ts';
import { auditContextOf, requireActor } from '../identity/actor.ts';
import { NotificationDto, NotificationQuery, UnreadCount } from './notify.schemas.ts';
import { myNotifications, myUnreadCount, readAllNotifications, readNotification } from './notify.service.ts';

const tags = ['notifications'];

/** The caller's own notifications; every query is filtered by the caller's user id. */
export const notifyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.platform;

  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications, newest first',
        querystring: NotificationQuery,
        response: { 200: Page(NotificationDto), ...commonErrors },
      },
    },
    async (request) => {
      const { page, pageSize, unread } = request.query;
      return myNotifications(db, requireActor(request), { unread }, { page, pageSize });
    },
  );

  app.get(
    '/notifications/unread-count',
    {
      schema: {
        tags,
        summary: 'How many of my notifications are unread',
        response: { 200: UnreadCount, ...commonErrors },
      },
    },
    async (request) => myUnreadCount(db, requireActor(request)),
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: IdParams,
        response: { 200: NotificationDto, ...commonErrors },
      },
    },
    async (request) =>
      db
        .transaction()
        .execute((trx) =>
          readNotification(
            trx,
            auditContextOf(request),
            requireActor(request),
            request.params.id,
            clock.now(),
          ),
        ),
  );

  app.post(
    '/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Mark all my notifications read',
        response: { 200: UnreadCount, ...commonErrors },
      },
    },
    async (request) =>
      db
        .transaction()
        .execute((trx) =>
          readAllNotifications(trx, auditContextOf(request), requireActor(request), clock.now()),
        ),
  );
};
