import { type Kysely, sql } from 'kysely';
import type { MigrationSet } from '../../../platform/db/migrate.ts';
import {
  DOMAINS,
  SEED_CATEGORIES,
  SEED_NOT_ACCEPTED,
  SEED_PROFILES,
  SEED_SEND_BACK,
  SEED_VALID_FROM,
} from '../reference-data.ts';

const REQUEST_TYPES = `('inquiry', 'complaint', 'suggestion', 'helpRequest')`;
const CHANNELS = `('phone', 'web', 'wechat', 'weibo', 'sms', 'app', 'email', 'fax', 'other')`;

export const hotlineMigrations: MigrationSet = {
  '202612010100_create-hotline-reference': {
    async up(db: Kysely<unknown>) {
      // A code keeps every version; the current one has valid_to null (JT/T 1019.4 revisions).
      await sql`
        create table hotline_category (
          id bigint generated always as identity primary key,
          code text not null check (code ~ '^[0-9A-Z]{2,12}$'),
          version integer not null check (version >= 1),
          domain text not null,
          name text not null,
          parent_code text,
          fields jsonb not null default '[]'::jsonb,
          valid_from date not null,
          valid_to date,
          unique (code, version)
        )`.execute(db);
      await sql`create unique index hotline_category_current on hotline_category (code) where valid_to is null`.execute(
        db,
      );
      await sql`
        create table hotline_reason (
          kind text not null check (kind in ('notAccepted', 'sendBack')),
          code text not null,
          name text not null,
          script text not null default '',
          referral text,
          primary key (kind, code)
        )`.execute(db);
      await sql
        .raw(`
        create table hotline_type_profile (
          request_type text primary key check (request_type in ${REQUEST_TYPES}),
          sign_for_days integer not null check (sign_for_days between 0 and 60),
          handling_days integer not null check (handling_days between 0 and 120),
          reply_days integer not null check (reply_days between 0 and 120),
          extension_days integer not null check (extension_days between 0 and 60),
          max_extensions integer not null check (max_extensions between 0 and 5),
          max_send_backs integer not null check (max_send_backs between 0 and 10),
          callback_permille integer not null check (callback_permille between 0 and 1000),
          callback_days integer not null check (callback_days between 0 and 30),
          archive_after_days integer not null check (archive_after_days between 0 and 3650)
        )`)
        .execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table hotline_type_profile`.execute(db);
      await sql`drop table hotline_reason`.execute(db);
      await sql`drop table hotline_category`.execute(db);
    },
  },
  '202612010101_create-hotline-ticket': {
    async up(db: Kysely<unknown>) {
      await sql`create table hotline_ticket_seq (day date primary key, last integer not null)`.execute(db);
      await sql
        .raw(`
        create table hotline_ticket (
          id bigint generated always as identity primary key,
          ticket_no text not null unique,
          query_code_sealed text not null,
          channel text not null check (channel in ${CHANNELS}),
          external_id text,
          request_type text not null check (request_type in ${REQUEST_TYPES}),
          category_code text not null,
          category_version integer not null,
          fields jsonb not null default '{}'::jsonb,
          description text not null check (length(description) between 1 and 4000),
          location_text text,
          lat double precision,
          lon double precision,
          occurred_at timestamptz,
          region_org_id bigint references org_unit (id),
          requester_name text,
          requester_phone text,
          state text not null,
          centre_org_id bigint not null references org_unit (id),
          handling_org_id bigint references org_unit (id),
          not_accepted_reason text,
          kb_article_id bigint,
          instant_answer boolean not null default false,
          answer_text text,
          merged_into_id bigint references hotline_ticket (id),
          split_from_id bigint references hotline_ticket (id),
          send_back_count integer not null default 0,
          extension_count integer not null default 0,
          rehandle_count integer not null default 0,
          dissatisfied_count integer not null default 0,
          urge_count integer not null default 0,
          supervised boolean not null default false,
          card text not null default 'none' check (card in ('none', 'yellow', 'red')),
          received_at timestamptz not null,
          accepted_at timestamptz,
          closed_at timestamptz,
          closed_on_time boolean,
          archived_at timestamptz,
          created_by bigint,
          updated_at timestamptz not null
        )`)
        .execute(db);
      await sql`create unique index hotline_ticket_external on hotline_ticket (channel, external_id) where external_id is not null`.execute(
        db,
      );
      await sql`create index hotline_ticket_phone on hotline_ticket (requester_phone, received_at)`.execute(
        db,
      );
      await sql`create index hotline_ticket_state on hotline_ticket (state, received_at)`.execute(db);
      await sql`create index hotline_ticket_received on hotline_ticket (received_at)`.execute(db);
      await sql`create index hotline_ticket_text on hotline_ticket using gin (description gin_trgm_ops)`.execute(
        db,
      );
      await sql`create index hotline_ticket_plate on hotline_ticket ((fields ->> 'plateNo')) where fields ? 'plateNo'`.execute(
        db,
      );
      // Who sees a ticket: the owning centre and every unit it was dispatched or transferred to
      // (and, through the org tree, their ancestors). Rows are never removed: a unit that sent a
      // ticket back still sees what it once held.
      await sql`
        create table hotline_ticket_org (
          ticket_id bigint not null references hotline_ticket (id),
          org_unit_id bigint not null references org_unit (id),
          role text not null check (role in ('centre', 'handler', 'hub')),
          since timestamptz not null,
          primary key (ticket_id, org_unit_id, role)
        )`.execute(db);
      await sql`create index hotline_ticket_org_org on hotline_ticket_org (org_unit_id, ticket_id)`.execute(
        db,
      );
      await sql`
        create table hotline_ticket_clock (
          id bigint generated always as identity primary key,
          ticket_id bigint not null references hotline_ticket (id),
          kind text not null check (kind in ('signFor', 'handling', 'reply')),
          org_unit_id bigint references org_unit (id),
          started_at timestamptz not null,
          due_at timestamptz not null,
          stopped_at timestamptz,
          card text not null default 'none' check (card in ('none', 'yellow', 'red'))
        )`.execute(db);
      await sql`create unique index hotline_clock_running on hotline_ticket_clock (ticket_id, kind) where stopped_at is null`.execute(
        db,
      );
      await sql`
        create table hotline_ticket_note (
          id bigint generated always as identity primary key,
          ticket_id bigint not null references hotline_ticket (id),
          kind text not null check (kind in ('internal', 'public')),
          body text not null,
          author_user_id bigint,
          author_org_id bigint,
          at timestamptz not null
        )`.execute(db);
      await sql`create index hotline_note_ticket on hotline_ticket_note (ticket_id, id)`.execute(db);
      await sql`
        create table hotline_attachment (
          id uuid primary key,
          ticket_id bigint references hotline_ticket (id),
          file_id uuid,
          filename text not null,
          mime text not null,
          size bigint not null,
          sm3 text not null,
          storage_key text,
          claim_digest text,
          uploaded_at timestamptz not null
        )`.execute(db);
      await sql`create index hotline_attachment_ticket on hotline_attachment (ticket_id)`.execute(db);
      await sql`
        create table hotline_intake_hit (
          key text not null,
          at timestamptz not null
        )`.execute(db);
      await sql`create index hotline_intake_hit_key on hotline_intake_hit (key, at)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      for (const t of [
        'hotline_intake_hit',
        'hotline_attachment',
        'hotline_ticket_note',
        'hotline_ticket_clock',
        'hotline_ticket_org',
        'hotline_ticket',
        'hotline_ticket_seq',
      ])
        await sql.raw(`drop table ${t}`).execute(db);
    },
  },
  '202612010102_create-hotline-handling': {
    async up(db: Kysely<unknown>) {
      await sql
        .raw(`
        create table hotline_routing_rule (
          id bigint generated always as identity primary key,
          owner_org_id bigint not null references org_unit (id),
          request_type text check (request_type in ${REQUEST_TYPES}),
          category_prefix text,
          region_org_id bigint references org_unit (id),
          handling_org_id bigint not null references org_unit (id),
          priority integer not null default 0,
          active boolean not null default true,
          created_at timestamptz not null
        )`)
        .execute(db);
      await sql`
        create table hotline_transfer (
          id bigint generated always as identity primary key,
          ticket_id bigint not null references hotline_ticket (id),
          from_org_id bigint not null references org_unit (id),
          to_org_id bigint not null references org_unit (id),
          hub_org_id bigint not null references org_unit (id),
          route text not null check (route in ('province', 'ministry')),
          state text not null check (state in ('readyToSend', 'sent', 'sendFailed', 'doneExternal')),
          attempts integer not null default 0,
          last_error text,
          note text,
          created_at timestamptz not null,
          updated_at timestamptz not null
        )`.execute(db);
      await sql`create index hotline_transfer_ticket on hotline_transfer (ticket_id)`.execute(db);
      await sql`
        create table hotline_send_back (
          id bigint generated always as identity primary key,
          ticket_id bigint not null references hotline_ticket (id),
          org_unit_id bigint not null references org_unit (id),
          reason_code text not null,
          note text,
          by_user_id bigint,
          at timestamptz not null
        )`.execute(db);
      await sql`create index hotline_send_back_ticket on hotline_send_back (ticket_id)`.execute(db);
      await sql`
        create table hotline_extension (
          id bigint generated always as identity primary key,
          ticket_id bigint not null references hotline_ticket (id),
          org_unit_id bigint not null references org_unit (id),
          days integer not null check (days between 1 and 60),
          reason text not null,
          legal_basis text not null,
          requested_by bigint,
          requested_at timestamptz not null,
          decision text not null default 'pending' check (decision in ('pending', 'approved', 'denied')),
          decided_by bigint,
          decided_at timestamptz,
          decision_note text,
          new_due_at timestamptz
        )`.execute(db);
      await sql`create index hotline_extension_ticket on hotline_extension (ticket_id)`.execute(db);
      // 催办 and 督办: who, when, what was demanded, and the answer.
      await sql`
        create table hotline_urge (
          id bigint generated always as identity primary key,
          ticket_id bigint not null references hotline_ticket (id),
          kind text not null check (kind in ('urge', 'supervision')),
          issued_by bigint,
          issued_by_name text,
          issuer_org_id bigint not null references org_unit (id),
          target_org_id bigint references org_unit (id),
          demand text not null,
          issued_at timestamptz not null,
          answer_due_at timestamptz,
          answer text,
          answered_by bigint,
          answered_at timestamptz,
          automatic boolean not null default false
        )`.execute(db);
      await sql`create index hotline_urge_ticket on hotline_urge (ticket_id)`.execute(db);
      await sql`
        create table hotline_reply (
          id bigint generated always as identity primary key,
          ticket_id bigint not null references hotline_ticket (id),
          org_unit_id bigint not null references org_unit (id),
          facts text not null,
          handling text not null,
          legal_basis text not null,
          replied_by bigint,
          replied_at timestamptz not null,
          review text not null default 'pending' check (review in ('pending', 'approved', 'rejected')),
          reviewed_by bigint,
          reviewed_at timestamptz,
          review_note text
        )`.execute(db);
      await sql`create index hotline_reply_ticket on hotline_reply (ticket_id, id)`.execute(db);
      await sql`
        create table hotline_callback (
          id bigint generated always as identity primary key,
          ticket_id bigint not null references hotline_ticket (id),
          caller_ticket_id bigint not null references hotline_ticket (id),
          round integer not null,
          due_at timestamptz not null,
          state text not null check (state in ('pending', 'done', 'cancelled')),
          satisfaction text check (satisfaction in ('satisfied', 'basicallySatisfied', 'dissatisfied', 'unreachable')),
          note text,
          agent_user_id bigint,
          done_at timestamptz,
          unique (caller_ticket_id, round)
        )`.execute(db);
      await sql`create index hotline_callback_ticket on hotline_callback (ticket_id)`.execute(db);
      await sql`create index hotline_callback_pending on hotline_callback (due_at) where state = 'pending'`.execute(
        db,
      );
    },
    async down(db: Kysely<unknown>) {
      for (const t of [
        'hotline_callback',
        'hotline_reply',
        'hotline_urge',
        'hotline_extension',
        'hotline_send_back',
        'hotline_transfer',
        'hotline_routing_rule',
      ])
        await sql.raw(`drop table ${t}`).execute(db);
    },
  },
  // Reference data every instance needs (demo or not); later versions are added through the API.
  '202612010103_seed-hotline-reference': {
    async up(db: Kysely<unknown>) {
      for (const c of SEED_CATEGORIES) {
        const domain = DOMAINS.find((d) => c.code.startsWith(d.code));
        await sql`
          insert into hotline_category (code, version, domain, name, parent_code, fields, valid_from)
          values (${c.code}, 1, ${domain?.key ?? 'other'}, ${c.name}, ${c.code.slice(0, 2)},
                  ${JSON.stringify(c.fields)}::jsonb, ${SEED_VALID_FROM})`.execute(db);
      }
      for (const r of [...SEED_NOT_ACCEPTED, ...SEED_SEND_BACK]) {
        await sql`
          insert into hotline_reason (kind, code, name, script, referral)
          values (${r.kind}, ${r.code}, ${r.name}, ${r.script}, ${r.referral})`.execute(db);
      }
      for (const p of SEED_PROFILES) {
        await sql`
          insert into hotline_type_profile values (${p.request_type}, ${p.sign_for_days}, ${p.handling_days},
            ${p.reply_days}, ${p.extension_days}, ${p.max_extensions}, ${p.max_send_backs},
            ${p.callback_permille}, ${p.callback_days}, ${p.archive_after_days})`.execute(db);
      }
    },
    async down(db: Kysely<unknown>) {
      await sql`delete from hotline_type_profile`.execute(db);
      await sql`delete from hotline_reason`.execute(db);
      await sql`delete from hotline_category`.execute(db);
    },
  },
};
