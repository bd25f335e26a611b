import { type Kysely, sql } from 'kysely';
import type { MigrationSet } from '../../../platform/db/migrate.ts';
import { sarMigrations } from './sar.ts';

export const maritimeMigrations: MigrationSet = {
  '202611280200_create-vessel-static': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table vessel_static (
          mmsi integer primary key check (mmsi between 0 and 999999999),
          name text,
          call_sign text,
          imo integer,
          ship_type smallint,
          to_bow smallint,
          to_stern smallint,
          to_port smallint,
          to_starboard smallint,
          draught real,
          destination text,
          eta timestamptz,
          source_time timestamptz not null
        )`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table vessel_static`.execute(db);
    },
  },
  // Monthly range partitions are created by the track writer before it inserts into a month, so
  // old months can be detached or dropped whole; (mmsi, at) makes a report heard by two feeds one row.
  '202611280201_create-vessel-track': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table vessel_track (
          mmsi integer not null,
          at timestamptz not null,
          lat double precision not null,
          lon double precision not null,
          speed real,
          course real,
          heading smallint,
          status smallint,
          message_type smallint not null,
          feed_id integer,
          primary key (mmsi, at)
        ) partition by range (at)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table vessel_track`.execute(db);
    },
  },
  '202611280202_create-ais-feed': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table ais_feed (
          id serial primary key,
          name text not null unique,
          kind text not null check (kind in ('tcp-client', 'tcp-server', 'udp', 'file')),
          address text not null,
          replay text check (replay in ('realtime', 'fast')),
          enabled boolean not null default false,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table ais_feed`.execute(db);
    },
  },
  ...sarMigrations,
};
