import { type Kysely, sql } from 'kysely';
import type { MigrationSet } from '../../../platform/db/migrate.ts';

export const opsMigrations: MigrationSet = {
  // An extension decided for a ticket in 重办 must take it back to re-handling, not to a first
  // handling. Pending requests take the state their requestExtension transition left.
  '202612035000_hotline-extension-resume-state': {
    async up(db: Kysely<unknown>) {
      await sql`
        alter table hotline_extension add column resume_state text not null default 'in_progress'
          check (resume_state in ('in_progress', 'rehandling'))`.execute(db);
      await sql`
        update hotline_extension e set resume_state = 'rehandling'
        where e.decision = 'pending'
          and (select w.from_state from workflow_event w
               where w.entity_type = 'hotline_ticket' and w.entity_id = e.ticket_id::text
                 and w.action = 'requestExtension'
               order by w.id desc limit 1) = 'rehandling'`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`alter table hotline_extension drop column resume_state`.execute(db);
    },
  },
};
