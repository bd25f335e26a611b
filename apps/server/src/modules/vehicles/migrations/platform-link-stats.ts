import { type Kysely, sql } from 'kysely';
import type { MigrationSet } from '../../../platform/db/migrate.ts';

export const platformLinkStatsMigrations: MigrationSet = {
  // What each JT/T 809 link carried, per hour (processes add their counts to the hour's row), and
  // the link reports (0x9102 → 0x1102, JT/T 809-2019 §4.5.2) asked of subordinates or by the superior.
  '202612037000_create-platform-link-traffic-and-report': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table platform_link_traffic (
          link_id bigint not null references platform_link (id) on delete cascade,
          hour timestamptz not null check (date_trunc('hour', hour) = hour),
          frames_in bigint not null default 0,
          frames_out bigint not null default 0,
          bytes_in bigint not null default 0,
          bytes_out bigint not null default 0,
          positions bigint not null default 0,
          errors bigint not null default 0,
          reconnects bigint not null default 0,
          primary key (link_id, hour)
        )`.execute(db);
      await sql`
        create table platform_link_report (
          id bigint generated always as identity primary key,
          link_id bigint not null references platform_link (id) on delete cascade,
          origin text not null check (origin in ('requested', 'asked')),
          start_time timestamptz not null,
          end_time timestamptz not null,
          requested_at timestamptz not null,
          answered_at timestamptz,
          platform_id text,
          lost_locations bigint,
          disconnects integer,
          disconnected_seconds bigint
        )`.execute(db);
      await sql`create index platform_link_report_link on platform_link_report (link_id, requested_at desc, id desc)`.execute(
        db,
      );
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table platform_link_report`.execute(db);
      await sql`drop table platform_link_traffic`.execute(db);
    },
  },
};
