import { type Kysely, sql } from 'kysely';
import type { MigrationSet } from '../../../platform/db/migrate.ts';

export const platformLinksMigrations: MigrationSet = {
  // JT/T 809 links between platforms. 'superior': this instance logs in to it and forwards the
  // positions of the link's org subtree; 'subordinate': it logs in here and its positions are stored
  // under the link's org unit. The password is sealed with the instance key (platform.secretBox):
  // a superior link must send it, so it cannot be a one-way hash.
  '202612011900_create-platform-link': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table platform_link (
          id bigint generated always as identity primary key,
          name text not null unique check (length(name) between 1 and 100),
          direction text not null check (direction in ('superior', 'subordinate')),
          org_unit_id bigint not null references org_unit (id),
          host text,
          port integer check (port between 1 and 65535),
          down_link_host text,
          down_link_port integer check (down_link_port between 0 and 65535),
          gnss_center_id bigint not null check (gnss_center_id between 0 and 4294967295),
          user_id bigint not null check (user_id between 0 and 4294967295),
          password_sealed text not null,
          edition text not null check (edition in ('2011', '2019')),
          encrypt boolean not null default false,
          m1 bigint not null default 0 check (m1 between 0 and 4294967295),
          ia1 bigint not null default 0 check (ia1 between 0 and 4294967295),
          ic1 bigint not null default 0 check (ic1 between 0 and 4294967295),
          enabled boolean not null default true,
          created_at timestamptz not null,
          updated_at timestamptz not null,
          check (direction = 'subordinate' or (host is not null and port is not null))
        )`.execute(db);
      // A subordinate is recognised by the access code in the header of its 0x1001.
      await sql`create unique index platform_link_access_code on platform_link (gnss_center_id)
        where direction = 'subordinate'`.execute(db);
      // The forwarding cursor of a superior link: the last position (in received order) and alarm
      // the superior has confirmed — a keep-alive answered after them on the same TCP stream.
      await sql`
        create table platform_link_state (
          link_id bigint primary key references platform_link (id) on delete cascade,
          position_received_at timestamptz not null,
          position_vehicle_id bigint not null default 0,
          position_gnss_time timestamptz not null default 'epoch',
          alarm_id bigint not null default 0,
          acked_at timestamptz,
          positions_forwarded bigint not null default 0
        )`.execute(db);
      // The cursor reads the history in received order; the gateway commits in that order.
      await sql`create index vehicle_position_received on vehicle_position (received_at, vehicle_id, gnss_time)`.execute(
        db,
      );
      // Vehicles a subordinate platform forwards have no terminal of ours: no phone, no auth code.
      await sql`alter table vehicle alter column terminal_phone drop not null`.execute(db);
      await sql`alter table vehicle alter column auth_code drop not null`.execute(db);
      await sql`alter table vehicle add column forwarded_by bigint references platform_link (id)`.execute(db);
      await sql`alter table vehicle add constraint vehicle_terminal_or_forwarded check
        (forwarded_by is not null or (terminal_phone is not null and auth_code is not null))`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`alter table vehicle drop constraint vehicle_terminal_or_forwarded`.execute(db);
      await sql`alter table vehicle drop column forwarded_by`.execute(db);
      await sql`delete from vehicle where terminal_phone is null or auth_code is null`.execute(db);
      await sql`alter table vehicle alter column auth_code set not null`.execute(db);
      await sql`alter table vehicle alter column terminal_phone set not null`.execute(db);
      await sql`drop index vehicle_position_received`.execute(db);
      await sql`drop table platform_link_state`.execute(db);
      await sql`drop table platform_link`.execute(db);
    },
  },
};
