import type { Part } from '../http/platform.ts';
import { orgMigrations } from './migrations/index.ts';

export const orgsPart: Part = { name: 'orgs', migrations: orgMigrations };
