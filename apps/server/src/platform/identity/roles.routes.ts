import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page, PageQuery, pageOf } from '../http/pagination.ts';
import { commonErrors, IdParams } from '../http/schemas.ts';
import { auditContextOf, requireActor } from './actor.ts';
import { Ok } from './auth.schemas.ts';
import { PERMISSIONS } from './permissions.ts';
import { CreateRoleBody, RoleDto, UpdateRoleBody } from './roles.schemas.ts';
import { createRole, editRole, listRoleDtos, removeRole } from './roles.service.ts';

const tags = ['roles'];

export const rolesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.platform;

  app.get(
    '/permissions',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags,
        summary: 'Every permission a role can carry',
        querystring: PageQuery,
        response: { 200: Page(Type.String()) },
      },
    },
    async (request) => {
      return pageOf(PERMISSIONS, request.query);
    },
  );

  app.get(
    '/roles',
    {
      config: { auth: 'user.read' },
      schema: {
        tags,
        summary: 'Roles',
        querystring: PageQuery,
        response: { 200: Page(RoleDto), ...commonErrors },
      },
    },
    async (request) => {
      // Roles are few (built-in plus custom); the page is cut in memory from one query.
      return pageOf(await listRoleDtos(db), request.query);
    },
  );

  app.post(
    '/roles',
    {
      config: { auth: 'role.manage' },
      schema: {
        tags,
        summary: 'Create a custom role',
        body: CreateRoleBody,
        response: { 201: RoleDto, ...commonErrors },
      },
    },
    async (request, reply) => {
      const role = await db
        .transaction()
        .execute((trx) => createRole(trx, auditContextOf(request), requireActor(request), request.body));
      return reply.status(201).send(role);
    },
  );

  app.patch(
    '/roles/:id',
    {
      config: { auth: 'role.manage' },
      schema: {
        tags,
        summary: 'Edit a custom role',
        params: IdParams,
        body: UpdateRoleBody,
        response: { 200: RoleDto, ...commonErrors },
      },
    },
    async (request) =>
      db
        .transaction()
        .execute((trx) =>
          editRole(trx, auditContextOf(request), requireActor(request), request.params.id, request.body),
        ),
  );

  app.delete(
    '/roles/:id',
    {
      config: { auth: 'role.manage' },
      schema: {
        tags,
        summary: 'Delete a custom role without members',
        params: IdParams,
        response: { 200: Ok, ...commonErrors },
      },
    },
    async (request) => {
      await db
        .transaction()
        .execute((trx) => removeRole(trx, auditContextOf(request), requireActor(request), request.params.id));
      return { ok: true as const };
    },
  );
};
