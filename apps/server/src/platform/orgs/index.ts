import type { FastifyPluginAsync } from 'fastify';
import type { Part } from '../http/platform.ts';
import { credentialWriting } from '../identity/credential-cache.ts';
import { orgMigrations } from './migrations/index.ts';
import { orgsRoutes } from './orgs.routes.ts';

const routes: FastifyPluginAsync = async (app) => {
  await app.register(orgsRoutes);
};

export const orgsPart: Part = { name: 'orgs', migrations: orgMigrations, routes: credentialWriting(routes) };
