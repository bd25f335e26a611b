import type { Part } from '../http/platform.ts';
import { auditRoutes } from './audit.routes.ts';
import { auditMigrations } from './migrations/index.ts';

export const auditPart: Part = { name: 'audit', migrations: auditMigrations, routes: auditRoutes };

export {
  type AuditContext,
  type AuditEntry,
  recordAudit,
  recordAudits,
  SYSTEM_CONTEXT,
} from './audit.service.ts';
