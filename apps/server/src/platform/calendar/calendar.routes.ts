import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { commonErrors } from '../http/schemas.ts';
import { auditContextOf, requireActor } from '../identity/actor.ts';
import { Ok } from '../identity/auth.schemas.ts';
import {
  CalendarDayDto,
  CalendarQuery,
  CalendarYearDto,
  DateParams,
  SetDayBody,
} from './calendar.schemas.ts';
import { calendarYear, removeCalendarDay, setCalendarDay } from './calendar.service.ts';

const tags = ['calendar'];

export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.platform;

  // Not paginated: a year holds at most 366 days, and in practice about forty special ones.
  app.get(
    '/calendar',
    {
      schema: {
        tags,
        summary: "A year's public holidays and make-up workdays",
        querystring: CalendarQuery,
        response: { 200: CalendarYearDto, ...commonErrors },
      },
    },
    async (request) => calendarYear(db, request.query.year),
  );

  app.put(
    '/calendar/days/:date',
    {
      config: { auth: 'calendar.manage' },
      schema: {
        tags,
        summary: 'Mark a date as a holiday or a make-up workday',
        params: DateParams,
        body: SetDayBody,
        response: { 200: CalendarDayDto, ...commonErrors },
      },
    },
    async (request) =>
      db
        .transaction()
        .execute((trx) =>
          setCalendarDay(
            trx,
            auditContextOf(request),
            requireActor(request),
            request.params.date,
            request.body,
          ),
        ),
  );

  app.delete(
    '/calendar/days/:date',
    {
      config: { auth: 'calendar.manage' },
      schema: {
        tags,
        summary: 'Make a date ordinary again (a weekday works, a weekend rests)',
        params: DateParams,
        response: { 200: Ok, ...commonErrors },
      },
    },
    async (request) => {
      await db
        .transaction()
        .execute((trx) =>
          removeCalendarDay(trx, auditContextOf(request), requireActor(request), request.params.date),
        );
      return { ok: true as const };
    },
  );
};
