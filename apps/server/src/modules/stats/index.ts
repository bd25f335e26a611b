import type { Part } from '../../platform/http/platform.ts';
import { statsMigrations } from './migrations/index.ts';

export const statsPart: Part = {
  name: 'stats',
  migrations: statsMigrations,
};
