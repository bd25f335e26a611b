import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import ajvFormats from 'ajv-formats';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { Config } from './config.ts';
import type { Db, DbKind } from './platform/db/database.ts';
import { installErrorHandler } from './platform/http/error-handler.ts';
import { AppError } from './platform/http/errors.ts';
import { type Clock, type Platform, systemClock } from './platform/http/platform.ts';
import { installAuth } from './platform/identity/auth.hook.ts';
import type { SecretBox } from './platform/identity/secrets.ts';
import { PARTS } from './registry.ts';

export interface BuildOptions {
  readonly config: Config;
  readonly db: Db;
  readonly dbKind: DbKind;
  readonly secretBox: SecretBox;
  readonly clock?: Clock;
  /** pino options, or false for silence (tests). */
  readonly logger?: boolean | object;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The whole HTTP application, ready to `listen` or to `inject` into; it never listens itself. */
export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    trustProxy: config.trustProxy,
    // Request ids: taken from a proxy's X-Request-Id when well-formed, returned on every response.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // ajv-formats types its options more strictly than Fastify's Plugin<unknown>.
    ajv: { plugins: [ajvFormats.default as never] },
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();

  const platform: Platform = {
    config,
    db: options.db,
    dbKind: options.dbKind,
    clock: options.clock ?? systemClock,
    secretBox: options.secretBox,
  };
  app.decorate('platform', platform);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  installErrorHandler(app);
  // Routes outside /api (console assets) and the API docs are public unless they say otherwise.
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { auth?: string };
    if (config.auth === undefined && (route.url.startsWith('/api/docs') || !route.url.startsWith('/api/'))) {
      route.config = { ...config, auth: 'public' };
    }
  });

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: config.files.maxBytes, files: 1, fields: 10 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'jtgov API', version: '0.1.0', description: '交通运输电子政务平台 HTTP API' },
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'session token from /api/auth/login, or an API token',
          },
          cookie: { type: 'apiKey', in: 'cookie', name: 'jtgov_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  installAuth(app);

  app.get('/api/openapi.json', { schema: { hide: true }, config: { auth: 'public' } }, async () =>
    app.swagger(),
  );
  app.get(
    '/api/health',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database kind',
        response: {
          200: {
            type: 'object',
            properties: {
              status: { type: 'string', enum: ['ok'] },
              db: { type: 'string', enum: ['pglite', 'postgres'] },
            },
            required: ['status', 'db'],
          },
        },
      },
    },
    async () => {
      await platform.db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
      return { status: 'ok' as const, db: platform.dbKind };
    },
  );

  for (const part of PARTS) {
    if (part.routes) await app.register(part.routes, { prefix: '/api' });
    if (part.rootRoutes) await app.register(part.rootRoutes);
  }

  const hasWeb = existsSync(join(config.webDist, 'index.html'));
  // The console is a single-page app: '/' and every GET outside the API get its index.
  const sendIndex = (reply: FastifyReply) =>
    reply
      .header(
        'content-security-policy',
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'",
      )
      .sendFile('index.html');
  if (hasWeb) {
    // wildcard: files added by a rebuild are served without a restart; misses fall through below.
    await app.register(fastifyStatic, { root: config.webDist, wildcard: true, index: false });
    app.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  }
  app.setNotFoundHandler(async (request, reply) => {
    const api = request.url.startsWith('/api/') || request.url.startsWith('/open311/');
    if (api || request.method !== 'GET' || !hasWeb) {
      throw new AppError(404, 'not_found', `no route ${request.method} ${request.url.split('?')[0]}`);
    }
    return sendIndex(reply);
  });
  return app;
}
