import type { FastifyPluginAsync } from 'fastify';
import type { Part } from '../http/platform.ts';
import { authRoutes } from './auth.routes.ts';
import { credentialWriting } from './credential-cache.ts';
import { identityMigrations } from './migrations/index.ts';
import { rolesRoutes } from './roles.routes.ts';
import { tokensRoutes } from './tokens.routes.ts';
import { usersRoutes } from './users.routes.ts';

const routes: FastifyPluginAsync = async (app) => {
  await app.register(authRoutes);
  await app.register(usersRoutes);
  await app.register(rolesRoutes);
  await app.register(tokensRoutes);
};

export const identityPart: Part = {
  name: 'identity',
  migrations: identityMigrations,
  routes: credentialWriting(routes),
};

export type { Actor, RouteAuth } from './actor.ts';
export { auditContextOf, hasPermission, inJurisdiction, requireActor } from './actor.ts';
export type { Permission } from './permissions.ts';
