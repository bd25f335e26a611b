import { type Kysely, sql } from 'kysely';
import type { MigrationSet } from '../../../platform/db/migrate.ts';

export const kbMigrations: MigrationSet = {
  '202612010300_create-kb-article': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table kb_article (
          id bigint generated always as identity primary key,
          key text not null check (key ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
          org_unit_id bigint not null references org_unit (id),
          owner_user_id bigint references app_user (id),
          status text not null check (status in ('draft', 'published', 'retired')),
          current_version integer not null check (current_version >= 1),
          title text not null check (length(title) between 1 and 200),
          body text not null,
          domain text not null,
          category_code text,
          tags text[] not null default '{}',
          search_vector tsvector not null,
          search_text text not null,
          expires_on date,
          review_due_on date,
          review_flagged_at timestamptz,
          published_at timestamptz,
          created_at timestamptz not null,
          updated_at timestamptz not null,
          unique (org_unit_id, key)
        )`.execute(db);
      await sql`create index kb_article_search on kb_article using gin (search_vector)`.execute(db);
      await sql`create index kb_article_trgm on kb_article using gin (search_text gin_trgm_ops)`.execute(db);
      await sql`create index kb_article_key on kb_article (key)`.execute(db);
      await sql`create index kb_article_review on kb_article (review_due_on) where status = 'published'`.execute(
        db,
      );
      await sql`
        create table kb_article_version (
          article_id bigint not null references kb_article (id),
          version integer not null,
          title text not null,
          body text not null,
          domain text not null,
          category_code text,
          tags text[] not null,
          change_note text,
          edited_by bigint references app_user (id),
          edited_at timestamptz not null,
          primary key (article_id, version)
        )`.execute(db);
      await sql`
        create table kb_article_view_day (
          article_id bigint not null references kb_article (id),
          day date not null,
          org_unit_id bigint not null references org_unit (id),
          views integer not null,
          primary key (article_id, day, org_unit_id)
        )`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table kb_article_view_day`.execute(db);
      await sql`drop table kb_article_version`.execute(db);
      await sql`drop table kb_article`.execute(db);
    },
  },
  // Search ranks a capped candidate set, title and tag matches first: they get a small vector of
  // their own (kept by PostgreSQL from search_vector, weights A and B) with its own GIN index, so
  // finding and ranking them never reads the body's vector.
  '202612012300_kb-title-vector': {
    async up(db: Kysely<unknown>) {
      await sql`alter table kb_article add column title_vector tsvector
        generated always as (ts_filter(search_vector, '{a,b}')) stored`.execute(db);
      await sql`create index kb_article_title_search on kb_article using gin (title_vector)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`alter table kb_article drop column title_vector`.execute(db);
    },
  },
};
