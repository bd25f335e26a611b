import { type Kysely, sql } from 'kysely';
import type { MigrationSet } from '../../../platform/db/migrate.ts';

export const forwardedMigrations: MigrationSet = {
  // What subordinate platforms report over JT/T 809 besides positions: alarms (0x1402) and the
  // terminal registration of their vehicles (0x1201), kept as reported with the sending link.
  '202612012310_create-forwarded-alarm-and-registration': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table vehicle_forwarded_alarm (
          id bigint generated always as identity primary key,
          link_id bigint not null references platform_link (id) on delete cascade,
          vehicle_id bigint not null references vehicle (id),
          warn_type integer not null check (warn_type between 0 and 65535),
          warn_source smallint,
          source_platform_id text,
          warn_time timestamptz not null,
          start_time timestamptz,
          end_time timestamptz,
          info_id bigint not null default 0,
          info text not null,
          received_at timestamptz not null
        )`.execute(db);
      // A subordinate resends what the superior had not confirmed: a repeat is stored once
      // (2011 names the alarm by INFO_ID; 2019 by vehicle, type and time).
      await sql`create unique index vehicle_forwarded_alarm_once on vehicle_forwarded_alarm
        (link_id, vehicle_id, warn_type, warn_time, info_id)`.execute(db);
      await sql`create index vehicle_forwarded_alarm_vehicle on vehicle_forwarded_alarm
        (vehicle_id, warn_time)`.execute(db);
      await sql`
        create table vehicle_forwarded_registration (
          vehicle_id bigint primary key references vehicle (id),
          link_id bigint not null references platform_link (id) on delete cascade,
          platform_id text not null,
          producer_id text not null,
          terminal_model text not null,
          imei text,
          terminal_id text not null,
          sim_code text not null,
          received_at timestamptz not null
        )`.execute(db);
      // What a terminal declares in its 0x0100 registration, forwarded upwards in 0x1201.
      await sql`alter table vehicle add column terminal_maker text, add column terminal_model text`.execute(
        db,
      );
    },
    async down(db: Kysely<unknown>) {
      await sql`alter table vehicle drop column terminal_maker, drop column terminal_model`.execute(db);
      await sql`drop table vehicle_forwarded_registration`.execute(db);
      await sql`drop table vehicle_forwarded_alarm`.execute(db);
    },
  },
  // The superior's lists of forwarded alarms and registrations, newest first.
  '202612022001_index-forwarded-by-time': {
    async up(db: Kysely<unknown>) {
      await sql`create index vehicle_forwarded_alarm_time on vehicle_forwarded_alarm (warn_time desc, id desc)`.execute(
        db,
      );
      await sql`create index vehicle_forwarded_registration_time on vehicle_forwarded_registration
        (received_at desc, vehicle_id desc)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop index vehicle_forwarded_registration_time`.execute(db);
      await sql`drop index vehicle_forwarded_alarm_time`.execute(db);
    },
  },
};
