import { type Kysely, sql } from 'kysely';
import type { MigrationSet } from '../../../platform/db/migrate.ts';

// Contacts are columns, not a JSON blob, so that a query that must not see them (every list)
// simply does not select them.
export const sarMigrations: MigrationSet = {
  '202612011000_create-vessel-registry': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table vessel_registry (
          id serial primary key,
          mmsi integer not null unique check (mmsi between 0 and 999999999),
          mmsi_kind text not null,
          imo integer check (imo between 1000000 and 9999999),
          call_sign text,
          name text not null,
          flag char(2),
          ship_type smallint check (ship_type between 0 and 99),
          length_m real,
          gross_tonnage real,
          notes text,
          owner_name text, owner_phone text, owner_email text,
          operator_name text, operator_phone text, operator_email text,
          emergency_name text, emergency_phone text, emergency_email text,
          org_unit_id integer not null references org_unit (id),
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`.execute(db);
      await sql`create index vessel_registry_org_idx on vessel_registry (org_unit_id)`.execute(db);
      await sql`create index vessel_registry_imo_idx on vessel_registry (imo)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table vessel_registry`.execute(db);
    },
  },
  '202612011001_create-sar-resource': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table sar_resource (
          id serial primary key,
          kind text not null check (kind in ('rescueVessel', 'helicopter', 'fixedWingAircraft', 'base')),
          name text not null,
          call_sign text,
          mmsi integer check (mmsi between 0 and 999999999),
          base_id integer references sar_resource (id),
          home_lat double precision, home_lon double precision,
          lat double precision, lon double precision,
          position_at timestamptz,
          speed_kn real,
          state text not null default 'available'
            check (state in ('available', 'tasked', 'maintenance', 'offDuty')),
          incident_id integer,
          notes text,
          org_unit_id integer not null references org_unit (id),
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          check ((state = 'tasked') = (incident_id is not null))
        )`.execute(db);
      await sql`create index sar_resource_org_idx on sar_resource (org_unit_id)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table sar_resource`.execute(db);
    },
  },
  '202612011002_create-sar-incident': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table sar_incident (
          id serial primary key,
          code text unique,
          org_unit_id integer not null references org_unit (id),
          state text not null check (state in ('open', 'active', 'closed')),
          outcome text check (outcome in ('rescued', 'found', 'falseAlarm', 'lost', 'transferred')),
          source text not null check (source in ('dsc', 'epirb', 'aisSart', 'phone', 'vhf', 'other')),
          lat double precision not null check (lat between -90 and 90),
          lon double precision not null check (lon between -180 and 180),
          alert_at timestamptz not null,
          mmsi integer check (mmsi between 0 and 999999999),
          persons_on_board integer check (persons_on_board >= 0),
          nature text not null,
          description text,
          radius_nm real not null default 20,
          opened_at timestamptz not null,
          opened_by text not null,
          closed_at timestamptz,
          closed_by text,
          updated_at timestamptz not null,
          check ((state = 'closed') = (outcome is not null))
        )`.execute(db);
      await sql`create index sar_incident_org_idx on sar_incident (org_unit_id, alert_at desc)`.execute(db);
      await sql`alter table sar_resource add foreign key (incident_id) references sar_incident (id)`.execute(
        db,
      );
      await sql`
        create table sar_tasking (
          id serial primary key,
          incident_id integer not null references sar_incident (id),
          resource_id integer not null references sar_resource (id),
          tasked_at timestamptz not null,
          tasked_by text not null,
          released_at timestamptz,
          released_by text
        )`.execute(db);
      await sql`create index sar_tasking_incident_idx on sar_tasking (incident_id)`.execute(db);
      // One open tasking per resource: a unit is never tasked to two incidents at once.
      await sql`create unique index sar_tasking_open_idx on sar_tasking (resource_id) where released_at is null`.execute(
        db,
      );
      await sql`
        create table sar_incident_event (
          id bigserial primary key,
          incident_id integer not null references sar_incident (id),
          kind text not null,
          text text,
          resource_id integer references sar_resource (id),
          plan_id integer,
          from_state text,
          to_state text,
          actor_user_id integer,
          actor_username text,
          at timestamptz not null
        )`.execute(db);
      await sql`create index sar_incident_event_idx on sar_incident_event (incident_id, id)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table sar_incident_event`.execute(db);
      await sql`drop table sar_tasking`.execute(db);
      await sql`alter table sar_resource drop constraint if exists sar_resource_incident_id_fkey`.execute(db);
      await sql`drop table sar_incident`.execute(db);
    },
  },
  '202612011003_create-sar-plan': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table sar_plan (
          id serial primary key,
          incident_id integer not null references sar_incident (id),
          version integer not null,
          name text,
          input jsonb not null,
          result jsonb not null,
          created_at timestamptz not null,
          created_by_user_id integer,
          created_by text not null,
          unique (incident_id, version)
        )`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table sar_plan`.execute(db);
    },
  },
};
