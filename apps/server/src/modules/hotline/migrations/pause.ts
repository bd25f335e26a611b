import { type Kysely, sql } from 'kysely';
import type { MigrationSet } from '../../../platform/db/migrate.ts';

export const pauseMigrations: MigrationSet = {
  // 等待来电人补充: the handling unit asks the citizen for more; the handling and reply clocks
  // pause until the answer and their deadlines then move by the working days paused.
  '202612012310_hotline-citizen-pause': {
    async up(db: Kysely<unknown>) {
      await sql`alter table hotline_ticket_clock add column paused_at timestamptz`.execute(db);
      await sql`alter table hotline_ticket add column citizen_request_count integer not null default 0`.execute(
        db,
      );
      await sql`
        create table hotline_citizen_request (
          id bigint generated always as identity primary key,
          ticket_id bigint not null references hotline_ticket (id),
          org_unit_id bigint not null references org_unit (id),
          question text not null,
          asked_by bigint,
          asked_at timestamptz not null,
          answer text,
          answered_via text check (answered_via in ('public', 'agent')),
          answered_by bigint,
          answered_at timestamptz,
          paused_working_days integer
        )`.execute(db);
      await sql`create index hotline_citizen_request_ticket on hotline_citizen_request (ticket_id, id)`.execute(
        db,
      );
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table hotline_citizen_request`.execute(db);
      await sql`alter table hotline_ticket drop column citizen_request_count`.execute(db);
      await sql`alter table hotline_ticket_clock drop column paused_at`.execute(db);
    },
  },
  // A unit re-handling a ticket (重办) may ask the citizen too; the answer must take the ticket
  // back to re-handling, not to a first handling.
  '202612026001_hotline-citizen-resume-state': {
    async up(db: Kysely<unknown>) {
      await sql`
        alter table hotline_citizen_request add column resume_state text not null default 'in_progress'
          check (resume_state in ('in_progress', 'rehandling'))`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`alter table hotline_citizen_request drop column resume_state`.execute(db);
    },
  },
};
