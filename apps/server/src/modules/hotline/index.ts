import type { Part } from '../../platform/http/platform.ts';
import { hotlineMigrations } from './migrations/index.ts';
import { ticketsRoutes } from './tickets.routes.ts';

export const hotlinePart: Part = {
  name: 'hotline',
  migrations: hotlineMigrations,
  routes: ticketsRoutes,
};
