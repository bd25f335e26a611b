import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { notFound } from '../http/errors.ts';
import { offsetOf, Page, toPage } from '../http/pagination.ts';
import { commonErrors, IdParams } from '../http/schemas.ts';
import { auditContextOf, requireActor } from './actor.ts';
import { findUserInScope, listUsers } from './users.repository.ts';
import {
  CreateUserBody,
  CreateUserResponse,
  PasswordResponse,
  UpdateUserBody,
  UserDto,
  UserListQuery,
} from './users.schemas.ts';
import {
  createUser,
  resetPasswordByAdmin,
  resetTotpByAdmin,
  toUserDto,
  unlockUser,
  updateUserByAdmin,
} from './users.service.ts';

const tags = ['users'];

export const usersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock, config } = app.platform;

  app.get(
    '/users',
    {
      config: { auth: 'user.read' },
      schema: {
        tags,
        summary: 'Users in my jurisdiction',
        querystring: UserListQuery,
        response: { 200: Page(UserDto), ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { page, pageSize, ...filter } = request.query;
      const now = clock.now();
      const result = await listUsers(
        db,
        { ...filter, scopePath: actor.orgPath, now },
        pageSize,
        offsetOf(request.query),
      );
      return toPage(result, request.query, (u) => toUserDto(u, now));
    },
  );

  app.get(
    '/users/:id',
    {
      config: { auth: 'user.read' },
      schema: { tags, summary: 'One user', params: IdParams, response: { 200: UserDto, ...commonErrors } },
    },
    async (request) => {
      const user = await findUserInScope(db, request.params.id, requireActor(request).orgPath);
      if (!user) throw notFound(`user ${request.params.id}`);
      return toUserDto(user, clock.now());
    },
  );

  app.post(
    '/users',
    {
      config: { auth: 'user.manage' },
      schema: {
        tags,
        summary: 'Create a user in my jurisdiction',
        body: CreateUserBody,
        response: { 201: CreateUserResponse, ...commonErrors },
      },
    },
    async (request, reply) => {
      const now = clock.now();
      const result = await db
        .transaction()
        .execute((trx) =>
          createUser(trx, auditContextOf(request), requireActor(request), request.body, { config, now }),
        );
      return reply
        .status(201)
        .send({ user: toUserDto(result.user, now), initialPassword: result.initialPassword });
    },
  );

  app.patch(
    '/users/:id',
    {
      config: { auth: 'user.manage' },
      schema: {
        tags,
        summary: 'Edit a user',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: UserDto, ...commonErrors },
      },
    },
    async (request) => {
      const now = clock.now();
      const user = await db
        .transaction()
        .execute((trx) =>
          updateUserByAdmin(
            trx,
            auditContextOf(request),
            requireActor(request),
            request.params.id,
            request.body,
            now,
          ),
        );
      return toUserDto(user, now);
    },
  );

  app.post(
    '/users/:id/reset-password',
    {
      config: { auth: 'user.manage' },
      schema: {
        tags,
        summary: 'Reset a password to a generated one',
        params: IdParams,
        response: { 200: PasswordResponse, ...commonErrors },
      },
    },
    async (request) => {
      const password = await db
        .transaction()
        .execute((trx) =>
          resetPasswordByAdmin(
            trx,
            auditContextOf(request),
            requireActor(request),
            request.params.id,
            clock.now(),
          ),
        );
      return { password };
    },
  );

  app.post(
    '/users/:id/unlock',
    {
      config: { auth: 'user.manage' },
      schema: {
        tags,
        summary: 'Unlock a locked account',
        params: IdParams,
        response: { 200: UserDto, ...commonErrors },
      },
    },
    async (request) => {
      const user = await db
        .transaction()
        .execute((trx) => unlockUser(trx, auditContextOf(request), requireActor(request), request.params.id));
      return toUserDto(user, clock.now());
    },
  );

  app.post(
    '/users/:id/reset-totp',
    {
      config: { auth: 'user.manage' },
      schema: {
        tags,
        summary: "Remove a user's TOTP enrolment",
        params: IdParams,
        response: { 200: UserDto, ...commonErrors },
      },
    },
    async (request) => {
      const user = await db
        .transaction()
        .execute((trx) =>
          resetTotpByAdmin(trx, auditContextOf(request), requireActor(request), request.params.id),
        );
      return toUserDto(user, clock.now());
    },
  );
};
