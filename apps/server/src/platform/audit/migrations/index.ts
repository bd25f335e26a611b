import { type Kysely, sql } from 'kysely';
import type { MigrationSet } from '../../db/migrate.ts';

export const auditMigrations: MigrationSet = {
  '202611270110_create-audit-log': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table audit_event (
          seq bigint primary key,
          at timestamptz not null,
          actor_user_id bigint,
          actor_username text,
          org_unit_id bigint,
          org_path text,
          action text not null,
          object_type text not null,
          object_id text,
          outcome text not null check (outcome in ('success', 'failure')),
          before jsonb,
          after jsonb,
          ip text,
          request_id text,
          prev_hash char(64) not null,
          hash char(64) not null
        )`.execute(db);
      await sql`create index audit_event_scope on audit_event (org_path text_pattern_ops, seq desc)`.execute(
        db,
      );
      await sql`create index audit_event_object on audit_event (object_type, object_id)`.execute(db);
      await sql`create index audit_event_at on audit_event (at)`.execute(db);
      await sql`
        create table audit_head (
          id int primary key check (id = 1),
          seq bigint not null,
          hash char(64) not null
        )`.execute(db);
      await sql`insert into audit_head (id, seq, hash) values (1, 0, ${'0'.repeat(64)})`.execute(db);
      // Append-only for the application: updates and deletes are refused by the database itself.
      await sql`
        create function audit_event_append_only() returns trigger language plpgsql as $$
        begin
          raise exception 'audit_event is append-only';
        end $$`.execute(db);
      await sql`
        create trigger audit_event_no_change before update or delete on audit_event
        for each row execute function audit_event_append_only()`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table audit_event`.execute(db);
      await sql`drop table audit_head`.execute(db);
      await sql`drop function audit_event_append_only`.execute(db);
    },
  },
};
