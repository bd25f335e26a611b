import { hotlinePart } from './modules/hotline/index.ts';
import { maritimePart } from './modules/maritime/index.ts';
import { statsPart } from './modules/stats/index.ts';
import { vehiclesPart } from './modules/vehicles/index.ts';
import { auditPart } from './platform/audit/index.ts';
import { calendarPart } from './platform/calendar/index.ts';
import type { MigrationSet } from './platform/db/migrate.ts';
import { filesPart } from './platform/files/index.ts';
import type { Part } from './platform/http/platform.ts';
import { identityPart } from './platform/identity/index.ts';
import { jobsPart } from './platform/jobs/index.ts';
import { notifyPart } from './platform/notify/index.ts';
import { orgsPart } from './platform/orgs/index.ts';
import { workflowPart } from './platform/workflow/index.ts';

/** Every platform part and business module, in dependency order. */
export const PARTS: readonly Part[] = [
  orgsPart,
  identityPart,
  auditPart,
  workflowPart,
  calendarPart,
  jobsPart,
  notifyPart,
  filesPart,
  vehiclesPart,
  maritimePart,
  statsPart,
  hotlinePart,
];

export const ALL_MIGRATIONS: readonly MigrationSet[] = PARTS.map((part) => part.migrations);
