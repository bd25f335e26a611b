import { type Kysely, sql } from 'kysely';
import type { MigrationSet } from '../../../platform/db/migrate.ts';

export const speedZonesMigrations: MigrationSet = {
  // Road-class speed zones for the platform-side overspeed rule: a polygon or a corridor around a
  // road's centre line, with a limit per vehicle type.
  '202612022002_create-vehicle-speed-zone': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table vehicle_speed_zone (
          id bigint generated always as identity primary key,
          org_unit_id bigint not null references org_unit (id),
          name text not null check (length(name) between 1 and 60),
          road_class text not null check (road_class in ('expressway', 'nationalRoad', 'provincialRoad',
            'countyRoad', 'townshipRoad', 'urbanRoad', 'other')),
          shape text not null check (shape in ('polygon', 'corridor')),
          coordinates jsonb not null,
          width_m integer check (width_m between 1 and 10000),
          speed_limits jsonb not null,
          enabled boolean not null default true,
          created_at timestamptz not null,
          updated_at timestamptz not null,
          check ((shape = 'corridor') = (width_m is not null))
        )`.execute(db);
      await sql`create index vehicle_speed_zone_org on vehicle_speed_zone (org_unit_id)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table vehicle_speed_zone`.execute(db);
    },
  },
};
