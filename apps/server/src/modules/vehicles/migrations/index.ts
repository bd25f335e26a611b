import { type Kysely, sql } from 'kysely';
import type { MigrationSet } from '../../../platform/db/migrate.ts';
import { alarmsMigrations } from './alarms.ts';
import { forwardedMigrations } from './forwarded.ts';
import { platformLinkStatsMigrations } from './platform-link-stats.ts';
import { platformLinksMigrations } from './platform-links.ts';
import { speedZonesMigrations } from './speed-zones.ts';

export const vehiclesMigrations: MigrationSet = {
  '202611280100_create-vehicle': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table vehicle (
          id bigint generated always as identity primary key,
          plate_no text not null check (length(plate_no) between 1 and 16),
          plate_color smallint not null check (plate_color between 0 and 255),
          vehicle_type text not null check (vehicle_type in
            ('charteredCoach', 'scheduledCoach', 'dangerousGoods', 'heavyFreight', 'other')),
          operator_name text not null,
          org_unit_id bigint not null references org_unit (id),
          terminal_phone text not null unique check (terminal_phone ~ '^[0-9]{1,20}$'),
          terminal_id text,
          auth_code text not null,
          status text not null default 'active' check (status in ('active', 'inactive')),
          registered_at timestamptz,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`.execute(db);
      await sql`create unique index vehicle_plate on vehicle (plate_no, plate_color) where status = 'active'`.execute(
        db,
      );
      await sql`create index vehicle_org on vehicle (org_unit_id)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table vehicle`.execute(db);
    },
  },
  // Monthly partitions are created ahead by the vehicles.ensure-partitions job and on demand by the
  // gateway's writer (see positions.repository.ts). No default partition: a default partition
  // holding a month's rows would block creating that month's partition later.
  '202611280101_create-vehicle-position': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table vehicle_position (
          vehicle_id bigint not null,
          gnss_time timestamptz not null,
          received_at timestamptz not null,
          lat double precision not null,
          lon double precision not null,
          altitude integer not null,
          speed real not null,
          direction smallint not null,
          alarm bigint not null,
          status bigint not null,
          mileage real,
          primary key (vehicle_id, gnss_time)
        ) partition by range (gnss_time)`.execute(db);
      await sql`
        create table vehicle_state (
          vehicle_id bigint primary key references vehicle (id),
          online boolean not null default false,
          connected_at timestamptz,
          last_seen_at timestamptz,
          gnss_time timestamptz,
          lat double precision,
          lon double precision,
          speed real,
          direction smallint,
          alarm bigint,
          status bigint
        )`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table vehicle_state`.execute(db);
      await sql`drop table vehicle_position`.execute(db);
    },
  },
  ...alarmsMigrations,
  ...platformLinksMigrations,
  ...forwardedMigrations,
  ...speedZonesMigrations,
  ...platformLinkStatsMigrations,
};
