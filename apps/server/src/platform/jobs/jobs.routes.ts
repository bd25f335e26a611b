import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Page, PageQuery } from '../http/pagination.ts';
import { commonErrors, IdParams } from '../http/schemas.ts';
import { auditContextOf, requireActor } from '../identity/actor.ts';
import { JobDto, JobQuery, JobScheduleDto } from './jobs.schemas.ts';
import { jobPage, retryJob, schedulePage } from './jobs.service.ts';

const tags = ['jobs'];

export const jobsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.platform;

  app.get(
    '/jobs',
    {
      config: { auth: 'job.manage' },
      schema: {
        tags,
        summary: 'Background jobs, newest first',
        querystring: JobQuery,
        response: { 200: Page(JobDto), ...commonErrors },
      },
    },
    async (request) => {
      const { page, pageSize, status, kind } = request.query;
      return jobPage(db, requireActor(request), { status, kind }, { page, pageSize });
    },
  );

  app.post(
    '/jobs/:id/retry',
    {
      config: { auth: 'job.manage' },
      schema: {
        tags,
        summary: 'Run a failed or dead job again, with its attempts counted afresh',
        params: IdParams,
        response: { 200: JobDto, ...commonErrors },
      },
    },
    async (request) =>
      db
        .transaction()
        .execute((trx) =>
          retryJob(trx, auditContextOf(request), requireActor(request), request.params.id, clock.now()),
        ),
  );

  app.get(
    '/jobs/schedules',
    {
      config: { auth: 'job.manage' },
      schema: {
        tags,
        summary: 'Recurring jobs',
        querystring: PageQuery,
        response: { 200: Page(JobScheduleDto), ...commonErrors },
      },
    },
    async (request) => schedulePage(db, requireActor(request), request.query),
  );
};
