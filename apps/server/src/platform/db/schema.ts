import type { HotlineTables } from '../../modules/hotline/hotline.tables.ts';
import type { KbTables } from '../../modules/hotline/kb.tables.ts';
import type { Open311Tables } from '../../modules/hotline/open311.tables.ts';
import type { MaritimeTables } from '../../modules/maritime/maritime.tables.ts';
import type { StatsTables } from '../../modules/stats/stats.tables.ts';
import type { PlatformLinkTables } from '../../modules/vehicles/platform-links.tables.ts';
import type { VehicleTables } from '../../modules/vehicles/vehicles.tables.ts';
import type { AuditTables } from '../audit/audit.tables.ts';
import type { CalendarTables } from '../calendar/calendar.tables.ts';
import type { FileTables } from '../files/files.tables.ts';
import type { IdentityTables } from '../identity/identity.tables.ts';
import type { JobTables } from '../jobs/jobs.tables.ts';
import type { NotifyTables } from '../notify/notify.tables.ts';
import type { OrgTables } from '../orgs/orgs.tables.ts';
import type { WorkflowTables } from '../workflow/workflow.tables.ts';

/** Every table Kysely knows; each part (and later each module) owns and declares its own. */
export interface Database
  extends OrgTables,
    IdentityTables,
    AuditTables,
    WorkflowTables,
    CalendarTables,
    JobTables,
    NotifyTables,
    FileTables,
    VehicleTables,
    PlatformLinkTables,
    MaritimeTables,
    StatsTables,
    HotlineTables,
    KbTables,
    Open311Tables {}
