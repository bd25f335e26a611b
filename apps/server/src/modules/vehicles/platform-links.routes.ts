import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Page, PageQuery } from '../../platform/http/pagination.ts';
import { commonErrors, IdParams } from '../../platform/http/schemas.ts';
import { auditContextOf, requireActor } from '../../platform/identity/actor.ts';
import { PlatformLinksRuntime } from './platform-links.runtime.ts';
import { CreateLinkBody, LinkDto, LinkStatusDto, UpdateLinkBody } from './platform-links.schemas.ts';
import { changeLink, createLink, linkById, linkPage, toLinkDto } from './platform-links.service.ts';
import { ReportBody, ReportDto, TrafficDto, TrafficQuery } from './platform-links-stats.schemas.ts';
import {
  linkTraffic,
  recordRequestedReport,
  reportableLink,
  reportPage,
} from './platform-links-stats.service.ts';

const tags = ['vehicles'];

export const platformLinksRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock, secretBox } = app.platform;
  const runtime = new PlatformLinksRuntime(app.platform, app.log);
  app.addHook('onReady', () => runtime.start());
  app.addHook('onClose', () => runtime.close());

  app.get(
    '/vehicles/platform-links',
    {
      config: { auth: 'vehicle.manage' },
      schema: {
        tags,
        summary: 'JT/T 809 links to superior and from subordinate platforms (instance-wide), with status',
        querystring: PageQuery,
        response: { 200: Page(LinkDto), ...commonErrors },
      },
    },
    async (request) => linkPage(db, requireActor(request), request.query, (row) => runtime.statusOf(row)),
  );

  app.get(
    '/vehicles/platform-links/:id/status',
    {
      config: { auth: 'vehicle.manage' },
      schema: {
        tags,
        summary: "A link's state in this process: connected, last confirmation, lag",
        params: IdParams,
        response: { 200: LinkStatusDto, ...commonErrors },
      },
    },
    async (request) => runtime.detailedStatusOf(await linkById(db, requireActor(request), request.params.id)),
  );

  app.post(
    '/vehicles/platform-links',
    {
      config: { auth: 'vehicle.manage' },
      schema: {
        tags,
        summary: 'Configure a JT/T 809 link (instance-wide)',
        body: CreateLinkBody,
        response: { 200: LinkDto, ...commonErrors },
      },
    },
    async (request) => {
      const row = await db
        .transaction()
        .execute((trx) =>
          createLink(
            trx,
            auditContextOf(request),
            requireActor(request),
            request.body,
            secretBox,
            clock.now(),
          ),
        );
      await runtime.apply(row.id);
      return toLinkDto(row, runtime.statusOf(row));
    },
  );

  app.patch(
    '/vehicles/platform-links/:id',
    {
      config: { auth: 'vehicle.manage' },
      schema: {
        tags,
        summary: 'Change, enable or disable a JT/T 809 link',
        params: IdParams,
        body: UpdateLinkBody,
        response: { 200: LinkDto, ...commonErrors },
      },
    },
    async (request) => {
      const row = await db
        .transaction()
        .execute((trx) =>
          changeLink(
            trx,
            auditContextOf(request),
            requireActor(request),
            request.params.id,
            request.body,
            secretBox,
            clock.now(),
          ),
        );
      await runtime.apply(row.id);
      return toLinkDto(row, runtime.statusOf(row));
    },
  );

  app.get(
    '/vehicles/platform-links/:id/traffic',
    {
      config: { auth: 'vehicle.manage' },
      schema: {
        tags,
        summary: "A link's traffic per hour: frames and bytes both ways, positions, errors, breaks",
        params: IdParams,
        querystring: TrafficQuery,
        response: { 200: TrafficDto, ...commonErrors },
      },
    },
    async (request) => {
      // What this process counted so far is stored first, so the figures are current here.
      await runtime.flushTraffic();
      return linkTraffic(db, requireActor(request), request.params.id, request.query, clock.now());
    },
  );

  app.get(
    '/vehicles/platform-links/:id/reports',
    {
      config: { auth: 'vehicle.manage' },
      schema: {
        tags,
        summary: "A link's reports (0x9102 → 0x1102), newest first",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: Page(ReportDto), ...commonErrors },
      },
    },
    async (request) => reportPage(db, requireActor(request), request.params.id, request.query),
  );

  app.post(
    '/vehicles/platform-links/:id/reports',
    {
      config: { auth: 'vehicle.manage' },
      schema: {
        tags,
        summary:
          'Ask a connected subordinate (JT/T 809-2019) for its link report over a period; waits up to 10 s for the 0x1102',
        params: IdParams,
        body: ReportBody,
        response: { 200: ReportDto, ...commonErrors },
      },
    },
    async (request) => {
      const { body } = request;
      const link = await reportableLink(db, requireActor(request), request.params.id, body);
      const requestedAt = clock.now();
      const answer = await runtime.requestReport(link.id, new Date(body.startTime), new Date(body.endTime));
      return db
        .transaction()
        .execute((trx) =>
          recordRequestedReport(trx, auditContextOf(request), link, body, requestedAt, answer),
        );
    },
  );
};
