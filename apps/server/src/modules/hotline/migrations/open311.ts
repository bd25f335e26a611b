import { type Kysely, sql } from 'kysely';
import type { MigrationSet } from '../../../platform/db/migrate.ts';

export const open311Migrations: MigrationSet = {
  '202612010310_create-open311': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table open311_service (
          service_code text primary key,
          type text not null check (type in ('realtime', 'batch')),
          updated_at timestamptz not null
        )`.execute(db);
      await sql`
        create table open311_request (
          id bigint generated always as identity primary key,
          token text not null unique,
          api_token_id bigint not null references api_token (id),
          user_id bigint not null references app_user (id),
          centre_org_id bigint not null references org_unit (id),
          service_code text not null,
          payload jsonb not null,
          media_url text,
          status text not null check (status in ('pending', 'created', 'failed')),
          ticket_id bigint references hotline_ticket (id),
          error text,
          created_at timestamptz not null,
          updated_at timestamptz not null
        )`.execute(db);
      await sql`create unique index open311_request_ticket on open311_request (ticket_id)`.execute(db);
      await sql`create index open311_request_created on open311_request (created_at)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table open311_request`.execute(db);
      await sql`drop table open311_service`.execute(db);
    },
  },
};
