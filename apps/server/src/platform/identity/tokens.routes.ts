import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { offsetOf, Page, PageQuery, toPage } from '../http/pagination.ts';
import { commonErrors, DateTimeString, IdParams, Nullable } from '../http/schemas.ts';
import { auditContextOf, requireActor } from './actor.ts';
import { listTokens } from './tokens.repository.ts';
import { createToken, revokeOwnToken, toTokenDto } from './tokens.service.ts';

const tags = ['auth'];

const TokenDto = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  prefix: Type.String(),
  createdAt: DateTimeString,
  expiresAt: Nullable(DateTimeString),
  lastUsedAt: Nullable(DateTimeString),
  revokedAt: Nullable(DateTimeString),
});
const CreateTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 64 }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false },
);
const CreatedToken = Type.Object({
  token: Type.String({ description: 'shown this once; stored hashed' }),
  item: TokenDto,
});

export const tokensRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.platform;

  app.get(
    '/me/tokens',
    {
      schema: {
        tags,
        summary: 'My API tokens',
        querystring: PageQuery,
        response: { 200: Page(TokenDto), ...commonErrors },
      },
    },
    async (request) => {
      const { pageSize } = request.query;
      const result = await listTokens(db, requireActor(request).userId, pageSize, offsetOf(request.query));
      return toPage(result, request.query, toTokenDto);
    },
  );

  app.post(
    '/me/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token',
        body: CreateTokenBody,
        response: { 201: CreatedToken, ...commonErrors },
      },
    },
    async (request, reply) => {
      const created = await db
        .transaction()
        .execute((trx) =>
          createToken(trx, auditContextOf(request), requireActor(request), request.body, clock.now()),
        );
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/me/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an API token',
        params: IdParams,
        response: { 200: TokenDto, ...commonErrors },
      },
    },
    async (request) =>
      db
        .transaction()
        .execute((trx) =>
          revokeOwnToken(trx, auditContextOf(request), requireActor(request), request.params.id, clock.now()),
        ),
  );
};
