import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { commonErrors } from '../../platform/http/schemas.ts';
import { assertInstanceRoot, auditContextOf, requireActor } from '../../platform/identity/actor.ts';
import { findOrgUnitByCode } from '../../platform/orgs/orgs.repository.ts';
import { findCurrentCategory } from './categories.repository.ts';
import { setServiceType } from './open311.repository.ts';
import {
  FormatParams,
  JurisdictionQuery,
  RequestParams,
  RequestsBody,
  RequestsQuery,
  ServiceParams,
  ServiceTypeBody,
  ServiceTypeDto,
  ServiceTypeParams,
  TokenParams,
} from './open311.schemas.ts';
import {
  open311Client,
  serviceDefinition,
  serviceList,
  spendRate,
  submitRequest,
} from './open311.service.ts';
import {
  CONTENT_TYPES,
  decodeRequest,
  type FormBody,
  type Open311Format,
  Open311List,
  type Open311Value,
  parseForm,
  parseW3cDateTime,
  render,
  renderErrors,
} from './open311-format.ts';
import { MAX_REQUESTS, requestList, tokenLookup } from './open311-query.service.ts';
import { depsOf } from './route-context.ts';

export const OPEN311_BASE = '/open311/v2';
/** Sortable; changes when this interface changes. */
const CHANGESET = '2026-12-01T03:10:00Z';
const tags = ['open311'];

function formatOf(request: FastifyRequest): Open311Format {
  const given = (request.params as { format?: string } | undefined)?.format;
  if (given === 'xml' || given === 'json') return given;
  if (given !== undefined) throw notFound(`format ${given} is not offered: use xml or json`);
  return /\.json(\?|$)/.test(request.url) ? 'json' : 'xml';
}

function send(reply: FastifyReply, format: Open311Format, root: string, value: Open311Value) {
  return reply.header('content-type', CONTENT_TYPES[format]).send(render(format, root, value));
}

/** GeoReport v2 treats an empty argument as absent. */
const given = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());
const list = (v: string | undefined) =>
  given(v)
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function dateArg(name: string, v: string | undefined): Date | undefined {
  const text = given(v);
  if (text === undefined) return undefined;
  const at = parseW3cDateTime(text);
  if (!at)
    throw new AppError(400, 'bad_request', `${name} must be a W3C date-time with a zone (Z or ±hh:mm)`);
  return at;
}

function positive(name: string, v: string | undefined, fallback: number, max: number): number {
  const text = given(v);
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new AppError(400, 'bad_request', `${name} must be 1 to ${max}`);
  return n;
}

/** The subtree a jurisdiction_id names; the whole instance when absent. */
async function scopeOf(request: FastifyRequest, jurisdictionId: string | undefined): Promise<string> {
  const code = given(jurisdictionId);
  if (code === undefined) return '/';
  const org = await findOrgUnitByCode(request.server.platform.db, code);
  if (!org) throw notFound(`jurisdiction_id ${code} not found`);
  return org.path;
}

/** Open311 GeoReport v2 at /open311/v2 (registered at the root, outside /api). */
export const open311Routes: FastifyPluginAsyncTypebox = async (root) => {
  await root.register(
    async (plain) => {
      const app = plain.withTypeProvider<TypeBoxTypeProvider>();
      const { db, clock } = app.platform;
      app.addContentTypeParser(
        'application/x-www-form-urlencoded',
        { parseAs: 'string', bodyLimit: 64 * 1024 },
        (_request, body, done) => done(null, parseForm(body as string)),
      );
      app.setErrorHandler((err: Error & { statusCode?: number; validation?: unknown }, request, reply) => {
        const status =
          err instanceof AppError
            ? err.status
            : err.validation
              ? 400
              : (err.statusCode ?? 500) < 500
                ? (err.statusCode as number)
                : 500;
        if (status >= 500) request.log.error({ err }, 'open311 error');
        let format: Open311Format = 'xml';
        try {
          format = formatOf(request);
        } catch {}
        const description =
          status >= 500 ? `internal error; see the server log for request ${request.id}` : err.message;
        return reply
          .status(status)
          .header('content-type', CONTENT_TYPES[format])
          .send(renderErrors(format, [{ code: status, description }]));
      });
      app.setNotFoundHandler((request, reply) =>
        reply
          .status(404)
          .header('content-type', CONTENT_TYPES[/\.json(\?|$)/.test(request.url) ? 'json' : 'xml'])
          .send(
            renderErrors(/\.json(\?|$)/.test(request.url) ? 'json' : 'xml', [
              { code: 404, description: `no method ${request.method} ${request.url.split('?')[0]}` },
            ]),
          ),
      );

      app.get(
        '/discovery.:format',
        { schema: { tags, summary: 'Service discovery', params: FormatParams } },
        async (request, reply) => {
          const format = formatOf(request);
          const url = `${request.protocol}://${request.host}${OPEN311_BASE}`;
          return send(reply, format, 'discovery', {
            changeset: CHANGESET,
            contact: '12328 交通运输服务监督热线',
            key_service: 'API 令牌（api_key）由本平台管理员为具有受理权限的账号签发',
            endpoints: new Open311List('endpoint', [
              {
                specification: 'http://wiki.open311.org/GeoReport_v2',
                url,
                changeset: CHANGESET,
                type: 'production',
                formats: new Open311List('format', [
                  CONTENT_TYPES.xml.split(';')[0] as string,
                  CONTENT_TYPES.json.split(';')[0] as string,
                ]),
              },
            ]),
          });
        },
      );

      app.get(
        '/services.:format',
        {
          schema: {
            tags,
            summary: 'Service list: the hotline categories in force',
            params: FormatParams,
            querystring: JurisdictionQuery,
          },
        },
        async (request, reply) => {
          const format = formatOf(request);
          await scopeOf(request, request.query.jurisdiction_id);
          return send(reply, format, 'services', await serviceList(db, clock.now()));
        },
      );

      app.get(
        '/services/:service_code.:format',
        {
          schema: {
            tags,
            summary: "Service definition: the category's fields as attributes",
            params: ServiceParams,
            querystring: JurisdictionQuery,
          },
        },
        async (request, reply) => {
          const format = formatOf(request);
          await scopeOf(request, request.query.jurisdiction_id);
          return send(
            reply,
            format,
            'service_definition',
            await serviceDefinition(db, request.params.service_code),
          );
        },
      );

      app.post(
        '/requests.:format',
        {
          schema: {
            tags,
            summary: 'Create a service request (api_key required; rate-limited per key)',
            params: FormatParams,
            body: RequestsBody,
          },
        },
        async (request, reply) => {
          const format = formatOf(request);
          const decoded = decodeRequest((request.body ?? {}) as FormBody);
          await scopeOf(request, decoded.args.jurisdiction_id);
          const now = clock.now();
          const client = await open311Client(db, decoded.args.api_key, now);
          // The hit commits even when the request is refused, so refused calls count too.
          await db.transaction().execute((trx) => spendRate(trx, client, now));
          const deps = await depsOf(app);
          const result = await db
            .transaction()
            .execute((trx) =>
              submitRequest(trx, deps, client, decoded, { ip: request.ip, requestId: request.id }),
            );
          const item: Record<string, string | null> =
            'token' in result ? { token: result.token } : { service_request_id: result.service_request_id };
          item.service_notice = result.service_notice;
          item.account_id = decoded.args.account_id ?? null;
          return send(reply.status(201), format, 'service_requests', new Open311List('request', [item]));
        },
      );

      app.get(
        '/requests.:format',
        {
          schema: {
            tags,
            summary: 'Service requests made through Open311, newest first (no personal data)',
            params: FormatParams,
            querystring: RequestsQuery,
          },
        },
        async (request, reply) => {
          const format = formatOf(request);
          const q = request.query;
          const scopePath = await scopeOf(request, q.jurisdiction_id);
          const statuses = list(q.status);
          const bad = statuses?.find((s) => s !== 'open' && s !== 'closed');
          if (bad) throw new AppError(400, 'bad_request', `status ${bad}: use open, closed or both`);
          const ids = list(q.service_request_id);
          if (ids && (ids.length > MAX_REQUESTS || ids.some((id) => !/^[0-9A-Za-z-]{1,64}$/.test(id))))
            throw new AppError(
              400,
              'bad_request',
              'service_request_id must be a comma list of tracking numbers',
            );
          const requests = await requestList(
            db,
            scopePath,
            {
              ids,
              serviceCodes: list(q.service_code),
              start: dateArg('start_date', q.start_date),
              end: dateArg('end_date', q.end_date),
              statuses: statuses as ('open' | 'closed')[] | undefined,
              page: positive('page', q.page, 1, 1_000_000),
              pageSize: positive('page_size', q.page_size, MAX_REQUESTS, MAX_REQUESTS),
            },
            clock.now(),
          );
          return send(reply, format, 'service_requests', requests);
        },
      );

      app.get(
        '/requests/:service_request_id.:format',
        {
          schema: {
            tags,
            summary: 'One service request',
            params: RequestParams,
            querystring: JurisdictionQuery,
          },
        },
        async (request, reply) => {
          const format = formatOf(request);
          const scopePath = await scopeOf(request, request.query.jurisdiction_id);
          const id = request.params.service_request_id;
          const found = await requestList(db, scopePath, { ids: [id], page: 1, pageSize: 1 }, clock.now());
          if (found.items.length === 0) throw notFound(`service request ${id} not found`);
          return send(reply, format, 'service_requests', found);
        },
      );

      app.get(
        '/tokens/:token.:format',
        {
          schema: {
            tags,
            summary: 'The service request id of a token (batch services)',
            params: TokenParams,
            querystring: JurisdictionQuery,
          },
        },
        async (request, reply) => {
          const format = formatOf(request);
          await scopeOf(request, request.query.jurisdiction_id);
          return send(reply, format, 'service_requests', await tokenLookup(db, request.params.token));
        },
      );
    },
    { prefix: OPEN311_BASE },
  );
};

/** Instance settings of the Open311 interface, under /api. */
export const open311AdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.platform;
  app.put(
    '/hotline/open311/services/:code',
    {
      config: { auth: 'hotline.manage' },
      schema: {
        tags: ['hotline'],
        summary: 'Offer a category as a realtime (id at once) or batch (token first) Open311 service',
        params: ServiceTypeParams,
        body: ServiceTypeBody,
        response: { 200: ServiceTypeDto, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      assertInstanceRoot(actor, 'change the Open311 services');
      const { code } = request.params;
      await db.transaction().execute(async (trx) => {
        if (!(await findCurrentCategory(trx, code))) throw notFound(`category ${code}`);
        await setServiceType(trx, code, request.body.type, clock.now());
        await recordAudit(trx, auditContextOf(request), {
          action: 'hotline.open311.service.type',
          objectType: 'open311_service',
          objectId: code,
          after: { type: request.body.type },
        });
      });
      return { serviceCode: code, type: request.body.type };
    },
  );
};
