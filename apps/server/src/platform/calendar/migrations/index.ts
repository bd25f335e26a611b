import { type Kysely, sql } from 'kysely';
import type { MigrationSet } from '../../db/migrate.ts';

export const calendarMigrations: MigrationSet = {
  '202611270210_create-calendar-day': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table calendar_day (
          date date primary key,
          kind text not null check (kind in ('holiday', 'workday')),
          name text not null,
          source text not null
        )`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table calendar_day`.execute(db);
    },
  },
};
