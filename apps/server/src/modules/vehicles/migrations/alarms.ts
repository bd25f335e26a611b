import { type Kysely, sql } from 'kysely';
import type { MigrationSet } from '../../../platform/db/migrate.ts';

export const alarmsMigrations: MigrationSet = {
  '202612010100_create-vehicle-alarm': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table vehicle_alarm (
          id bigint generated always as identity primary key,
          vehicle_id bigint not null references vehicle (id),
          kind text not null,
          source text not null check (source in ('terminal', 'platform')),
          terminal_bit smallint check (terminal_bit between 0 and 31),
          level text not null check (level in ('low', 'medium', 'high')),
          state text not null default 'new' check (state in ('new', 'acknowledged', 'handling', 'closed')),
          started_at timestamptz not null,
          last_at timestamptz not null,
          ended_at timestamptz,
          lat double precision not null,
          lon double precision not null,
          speed real not null,
          peak_value real,
          details jsonb not null default '{}',
          handling_note text,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`.execute(db);
      // One open alarm per vehicle and kind: a lasting condition extends it.
      await sql`create unique index vehicle_alarm_open on vehicle_alarm (vehicle_id, kind) where ended_at is null`.execute(
        db,
      );
      await sql`create index vehicle_alarm_vehicle on vehicle_alarm (vehicle_id, started_at)`.execute(db);
      await sql`create index vehicle_alarm_started on vehicle_alarm (started_at)`.execute(db);
      await sql`create index vehicle_alarm_unhandled on vehicle_alarm (state) where state <> 'closed'`.execute(
        db,
      );
      await sql`
        create table vehicle_alarm_setting (
          vehicle_id bigint primary key references vehicle (id),
          speed_limit smallint check (speed_limit between 1 and 250),
          updated_at timestamptz not null default now()
        )`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table vehicle_alarm_setting`.execute(db);
      await sql`drop table vehicle_alarm`.execute(db);
    },
  },
  // Each gateway process beats; vehicles record which gateway holds them, so a sweep can mark
  // offline the vehicles of a gateway that died without closing its connections.
  '202612010101_create-vehicle-gateway': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table vehicle_gateway (
          id text primary key,
          host text not null,
          started_at timestamptz not null,
          beat_at timestamptz not null
        )`.execute(db);
      await sql`alter table vehicle_state add column gateway_id text`.execute(db);
      await sql`create index vehicle_state_gateway on vehicle_state (gateway_id) where online`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`alter table vehicle_state drop column gateway_id`.execute(db);
      await sql`drop table vehicle_gateway`.execute(db);
    },
  },
};
