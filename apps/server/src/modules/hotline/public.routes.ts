import { join } from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { beijingDateOf } from '../../platform/calendar/index.ts';
import { DiskFileStore } from '../../platform/files/file-store.ts';
import type { FileStorage } from '../../platform/files/files.service.ts';
import { FILE_TYPES } from '../../platform/files/sniff.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { Page, PageQuery, pageOf } from '../../platform/http/pagination.ts';
import { commonErrors, DateString, ErrorResponse, Nullable } from '../../platform/http/schemas.ts';
import { auditContextOf, requireActor } from '../../platform/identity/actor.ts';
import { listCategories, listProfiles, listReasons } from './categories.repository.ts';
import { publishCategoryVersion, toCategoryDto } from './categories.service.ts';
import { publicIntake, publicLookup, publicUpload } from './intake.service.ts';
import { depsOf } from './route-context.ts';
import {
  MAX_PUBLIC_ATTACHMENTS,
  PublicCreatedDto,
  PublicTicketBody,
  RequestTypeSchema,
  TicketNoParams,
} from './tickets.schemas.ts';

const tags = ['hotline'];
const limited = { 429: ErrorResponse };

const FieldSchema = Type.Object({
  key: Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9]{0,30}$' }),
  label: Type.String({ minLength: 1, maxLength: 40 }),
  type: Type.Union(
    ['text', 'plateNo', 'shipName', 'busLine', 'number', 'choice'].map((v) => Type.Literal(v)) as never,
  ),
  required: Type.Boolean(),
  choices: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 50 })),
});
const CategoryDto = Type.Object({
  code: Type.String(),
  version: Type.Integer(),
  domain: Type.String(),
  domainName: Type.String(),
  name: Type.String(),
  fields: Type.Array(Type.Unknown()),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
});
const PublicViewDto = Type.Object({
  ticketNo: Type.String(),
  requestType: RequestTypeSchema,
  categoryName: Nullable(Type.String()),
  status: Type.String(),
  open: Type.Boolean(),
  receivedAt: Type.String(),
  closedAt: Nullable(Type.String()),
  timeline: Type.Array(Type.Object({ at: Type.String(), status: Type.String() })),
  answer: Nullable(Type.String()),
  question: Nullable(Type.String({ description: 'what the handling unit asks the citizen, while it waits' })),
  reply: Nullable(Type.Object({ facts: Type.String(), handling: Type.String(), legalBasis: Type.String() })),
});

export const publicRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock, config } = app.platform;
  const storage: FileStorage = {
    store: new DiskFileStore(config.files.dir),
    tmpDir: join(config.files.dir, 'tmp'),
    maxBytes: config.files.maxBytes,
  };

  app.get(
    '/hotline/categories',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'The category code table valid on a day (default today), with each category’s fields',
        querystring: Type.Object({
          ...PageQuery.properties,
          pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 200 }),
          asOf: Type.Optional(DateString),
          domain: Type.Optional(Type.String({ maxLength: 30 })),
        }),
        response: { 200: Page(CategoryDto), ...commonErrors },
      },
    },
    async (request) => {
      const asOf = request.query.asOf ?? beijingDateOf(clock.now());
      const rows = await listCategories(db, asOf, request.query.domain);
      return pageOf(rows.map(toCategoryDto), request.query);
    },
  );

  app.post(
    '/hotline/categories',
    {
      config: { auth: 'hotline.manage' },
      schema: {
        tags,
        summary: 'Publish a new version of a category code (instance root only)',
        body: Type.Object({
          code: Type.String({ pattern: '^[0-9A-Z]{2,12}$' }),
          domain: Type.String({ maxLength: 30 }),
          name: Type.String({ minLength: 1, maxLength: 60 }),
          fields: Type.Array(FieldSchema, { maxItems: 20 }),
          validFrom: DateString,
        }),
        response: { 201: CategoryDto, ...commonErrors },
      },
    },
    async (request, reply) => {
      const row = await db
        .transaction()
        .execute((trx) =>
          publishCategoryVersion(trx, auditContextOf(request), requireActor(request), request.body as never),
        );
      return reply.status(201).send(toCategoryDto(row));
    },
  );

  app.get(
    '/hotline/reasons',
    {
      config: { auth: 'hotline.read' },
      schema: {
        tags,
        summary: '不予受理 reasons with scripted answers and referrals, and send-back reasons',
        querystring: PageQuery,
        response: {
          200: Page(
            Type.Object({
              kind: Type.String(),
              code: Type.String(),
              name: Type.String(),
              script: Type.String(),
              referral: Nullable(Type.String()),
            }),
          ),
          ...commonErrors,
        },
      },
    },
    async (request) => pageOf(await listReasons(db), request.query),
  );

  app.get(
    '/hotline/request-types',
    {
      config: { auth: 'hotline.read' },
      schema: {
        tags,
        summary: 'Request types with their time limits (working days) and callback share (‰)',
        querystring: PageQuery,
        response: { 200: Page(Type.Record(Type.String(), Type.Unknown())), ...commonErrors },
      },
    },
    async (request) => pageOf(await listProfiles(db), request.query),
  );

  app.post(
    '/hotline/public/tickets',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'Public web form; rate limited per address and per phone number (no captcha)',
        body: PublicTicketBody,
        response: { 201: PublicCreatedDto, ...commonErrors, ...limited },
      },
    },
    async (request, reply) => {
      const deps = await depsOf(app);
      const created = await db
        .transaction()
        .execute((trx) => publicIntake(trx, auditContextOf(request), deps, request.ip, request.body));
      return reply.status(201).send({ ticketNo: created.ticket.ticket_no, queryCode: created.queryCode });
    },
  );

  app.post(
    '/hotline/public/attachments',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'Upload a photo or document for the public form; returns the token to claim it with',
        consumes: ['multipart/form-data'],
        response: {
          201: Type.Object({
            id: Type.String(),
            token: Type.String(),
            filename: Type.String(),
            mime: Type.String(),
            size: Type.Integer(),
          }),
          ...commonErrors,
          ...limited,
          413: ErrorResponse,
          415: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const part = await request.file();
      if (!part) throw badRequest('no file in the request');
      const file = { filename: part.filename, content: part.file, truncated: () => part.file.truncated };
      const out = await db
        .transaction()
        .execute((trx) => publicUpload(trx, storage, auditContextOf(request), request.ip, clock.now(), file));
      return reply.status(201).send(out);
    },
  );

  app.get(
    '/hotline/public/attachments/limits',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'What the public form may attach: size per file, number of files, accepted types',
        response: {
          200: Type.Object({
            maxBytes: Type.Integer(),
            maxFiles: Type.Integer(),
            types: Type.Array(Type.Object({ mime: Type.String(), extensions: Type.Array(Type.String()) })),
          }),
        },
      },
    },
    async () => ({
      maxBytes: storage.maxBytes,
      maxFiles: MAX_PUBLIC_ATTACHMENTS,
      types: Object.values(FILE_TYPES).map((f) => ({ mime: f.mime, extensions: [...f.extensions] })),
    }),
  );

  app.get(
    '/hotline/public/tickets/:ticketNo',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'Progress by tracking number and query code: the citizen-visible timeline only',
        params: TicketNoParams,
        querystring: Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }) }),
        response: { 200: PublicViewDto, ...commonErrors, ...limited },
      },
    },
    async (request) => {
      const deps = await depsOf(app);
      return db
        .transaction()
        .execute((trx) => publicLookup(trx, deps, request.ip, request.params.ticketNo, request.query.code));
    },
  );
};
