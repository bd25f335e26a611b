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
  // How many articles hold each word, kept by statement triggers (one grouped upsert per
  // statement, in word order so that concurrent edits lock the rows alike): the search drops the
  // most frequent words first when no article has them all, and expands the word being typed into
  // the most frequent words it begins. A bulk load defers the counting for its transaction
  // (jtgov.kb_terms_deferred) and recounts once at the end; a daily job recounts too. The C
  // collation orders words by code point, so the words a prefix begins are a range of the key.
  '202612033000_kb-term': {
    async up(db: Kysely<unknown>) {
      await sql`create table kb_term (term text collate "C" primary key, articles integer not null)`.execute(
        db,
      );
      await sql`
        create function kb_term_count() returns trigger language plpgsql as $$
        declare
          added tsvector[] := '{}';
          removed tsvector[] := '{}';
        begin
          if current_setting('jtgov.kb_terms_deferred', true) = 'on' then return null; end if;
          if tg_op <> 'INSERT' then removed := array(select search_vector from old_rows); end if;
          if tg_op <> 'DELETE' then added := array(select search_vector from new_rows); end if;
          insert into kb_term (term, articles)
          select term, sum(d) from (
            select t as term, 1 as d from unnest(added) v, unnest(tsvector_to_array(v)) t
            union all
            select t, -1 from unnest(removed) v, unnest(tsvector_to_array(v)) t) x
          group by term having sum(d) <> 0 order by term
          on conflict (term) do update set articles = kb_term.articles + excluded.articles;
          return null;
        end $$`.execute(db);
      await sql`create trigger kb_term_insert after insert on kb_article referencing new table as new_rows
        for each statement execute function kb_term_count()`.execute(db);
      await sql`create trigger kb_term_update after update on kb_article
        referencing old table as old_rows new table as new_rows
        for each statement execute function kb_term_count()`.execute(db);
      await sql`create trigger kb_term_delete after delete on kb_article referencing old table as old_rows
        for each statement execute function kb_term_count()`.execute(db);
      await sql`insert into kb_term (term, articles)
        select t, count(*) from kb_article, unnest(tsvector_to_array(search_vector)) t group by t`.execute(
        db,
      );
      // Exact-title pass: the title as the search normalises a query (NFKC, lower case).
      await sql`create index kb_article_title_exact on kb_article (lower(normalize(title, nfkc)))`.execute(
        db,
      );
      // With fastupdate, new entries wait in a pending list that every search reads whole until a
      // vacuum merges it (PGlite never vacuums): insert into the index's tree at once instead.
      for (const index of ['kb_article_search', 'kb_article_title_search', 'kb_article_trgm']) {
        await sql`alter index ${sql.id(index)} set (fastupdate = off)`.execute(db);
        await sql`select gin_clean_pending_list(${index}::regclass)`.execute(db);
      }
    },
    async down(db: Kysely<unknown>) {
      for (const index of ['kb_article_search', 'kb_article_title_search', 'kb_article_trgm'])
        await sql`alter index ${sql.id(index)} reset (fastupdate)`.execute(db);
      await sql`drop index kb_article_title_exact`.execute(db);
      await sql`drop trigger kb_term_delete on kb_article`.execute(db);
      await sql`drop trigger kb_term_update on kb_article`.execute(db);
      await sql`drop trigger kb_term_insert on kb_article`.execute(db);
      await sql`drop function kb_term_count()`.execute(db);
      await sql`drop table kb_term`.execute(db);
    },
  },
};
