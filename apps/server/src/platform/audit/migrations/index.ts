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
  // Sixteen chains instead of one: every append locked the single head row until its commit, so
  // concurrent writes of the whole instance queued behind each other. An append now takes any
  // head no one holds (SKIP LOCKED); each chain is a hash chain of its own, anchored by its head.
  // The entries so far are chain 1; seq comes from a sequence (unique, increasing within each
  // chain, gaps where a transaction rolled back). `chain` is outside the hash: the links prove it.
  '202612025001_audit-chains': {
    async up(db: Kysely<unknown>) {
      await sql`alter table audit_event add column chain smallint not null default 1`.execute(db);
      await sql`create sequence audit_event_seq as bigint`.execute(db);
      await sql`select setval('audit_event_seq', coalesce(max(seq), 0) + 1, false) from audit_event`.execute(
        db,
      );
      await sql`alter table audit_head drop constraint audit_head_id_check`.execute(db);
      await sql`alter table audit_head add constraint audit_head_id_check check (id between 1 and 16)`.execute(
        db,
      );
      await sql`insert into audit_head (id, seq, hash)
        select id, 0, ${'0'.repeat(64)} from generate_series(2, 16) id`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`delete from audit_head where id > 1`.execute(db);
      await sql`alter table audit_head drop constraint audit_head_id_check`.execute(db);
      await sql`alter table audit_head add constraint audit_head_id_check check (id = 1)`.execute(db);
      await sql`drop sequence audit_event_seq`.execute(db);
      await sql`alter table audit_event drop column chain`.execute(db);
    },
  },
};
