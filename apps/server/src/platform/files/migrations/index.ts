import { type Kysely, sql } from 'kysely';
import type { MigrationSet } from '../../db/migrate.ts';

export const filesMigrations: MigrationSet = {
  '202611270240_create-file-object': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table file_object (
          id uuid primary key,
          org_unit_id bigint not null references org_unit (id),
          org_path text not null,
          owner_user_id bigint not null references app_user (id),
          filename text not null,
          mime text not null,
          size bigint not null check (size >= 0),
          sm3 char(64) not null,
          storage_key text not null unique,
          created_at timestamptz not null default now(),
          deleted_at timestamptz
        )`.execute(db);
      await sql`create index file_object_org on file_object (org_unit_id) where deleted_at is null`.execute(
        db,
      );
      await sql`create index file_object_owner on file_object (owner_user_id)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table file_object`.execute(db);
    },
  },
};
