import type { Part } from '../../platform/http/platform.ts';
import { maritimeRoutes } from './maritime.routes.ts';
import { maritimeMigrations } from './migrations/index.ts';

export const maritimePart: Part = {
  name: 'maritime',
  migrations: maritimeMigrations,
  routes: maritimeRoutes,
};
