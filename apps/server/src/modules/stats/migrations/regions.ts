import { type Kysely, sql } from 'kysely';
import type { MigrationSet } from '../../../platform/db/migrate.ts';
import { createPartialFunctions } from './partials.ts';

/**
 * Per-province roll-ups over the partials (migrations/partials.ts), so the national total reads
 * ~15,500 rows instead of ~169,000 and the national drill-down is one region row set per province
 * plus the provinces' own values. A region is a unit whose parent is a root; its rows hold, per
 * (form, period, cell), the combined partials of every group on a path below it (the group's region
 * is the second id on its path; a root's group has none and is read as it is).
 *
 * Kept exact by the partials' triggers: an insert adds to the regions as to the groups (one read of
 * the transition table); a recomputed group changes only the partials whose figures differ, and
 * those cells of its region are recomputed from the partials. A unit whose path goes to another
 * region (a move, a merge's path rewrite) rebuilds both regions. A deleted unit's values leave its
 * parent's group and region at once. Each writer locks its regions' rows in
 * stats_value_partial_group together with its groups', in one order, until its transaction ends.
 */
export const regionsMigrations: MigrationSet = {
  '202612031000_stats-value-region': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table stats_value_region (
          form_id bigint not null,
          period text not null,
          region_id bigint not null,
          cell_key text not null,
          n bigint not null,
          total numeric,
          lo numeric,
          hi numeric,
          primary key (form_id, period, region_id, cell_key)
        )`.execute(db);
      // The region of a group, from the group's path: '/1/5/12/' → 5; a root ('/1/') has none.
      await sql`
        create function stats_value_region_of(path text) returns bigint language sql immutable as $$
          select nullif(split_part(path, '/', 3), '')::bigint
        $$`.execute(db);
      // Locks the given (form, period, group) rows and their regions' rows, in one order.
      await sql`
        create or replace function stats_value_partial_lock(f bigint[], p text[], g bigint[]) returns void
        language sql as $$
          insert into stats_value_partial_group as l (form_id, period, group_id)
          select distinct k.f, k.p, k.g from (
            select t.f, t.p, t.g from unnest(f, p, g) as t (f, p, g)
            union all
            select t.f, t.p, stats_value_region_of(o.path)
            from unnest(f, p, g) as t (f, p, g) join org_unit o on o.id = t.g) k
          where k.g is not null
          order by 1, 2, 3
          on conflict (form_id, period, group_id) do update set refreshed_at = now();
        $$`.execute(db);
      // Recomputes the given (form, period, region, cell) rows from the partials; the caller holds
      // the regions' locks.
      await sql`
        create function stats_value_region_refresh(rf bigint[], rp text[], rr bigint[], rc text[]) returns void
        language plpgsql as $$
        begin
          if rf is null or cardinality(rf) = 0 then return; end if;
          delete from stats_value_region x
          using unnest(rf, rp, rr, rc) as t (f, p, r, c)
          where x.form_id = t.f and x.period = t.p and x.region_id = t.r and x.cell_key = t.c;
          insert into stats_value_region (form_id, period, region_id, cell_key, n, total, lo, hi)
          select t.f, t.p, t.r, t.c, sum(x.n), sum(x.total), min(x.lo), max(x.hi)
          from (select distinct * from unnest(rf, rp, rr, rc) as u (f, p, r, c)) t
          join (select o.id, stats_value_region_of(o.path) as r from org_unit o
                where stats_value_region_of(o.path) = any(rr)) g on g.r = t.r
          join stats_value_partial x on x.form_id = t.f and x.period = t.p and x.group_id = g.id
            and x.cell_key = t.c
          group by 1, 2, 3, 4;
        end $$`.execute(db);
      // Recomputes the partials of the given groups from their units' values; only the rows whose
      // figures change are written, and those cells of the groups' regions are recomputed.
      await sql`
        create or replace function stats_value_partial_refresh(f bigint[], p text[], g bigint[]) returns void
        language plpgsql as $$
        declare rf bigint[]; rp text[]; rr bigint[]; rc text[];
        begin
          if f is null or cardinality(f) = 0 then return; end if;
          perform stats_value_partial_lock(f, p, g);
          with t as (select distinct * from unnest(f, p, g) as u (f, p, g)), fresh as (
            select t.f as form_id, t.p as period, t.g as group_id, a.cell_key, a.n, a.total, a.lo, a.hi
            from t cross join lateral (
              select v.cell_key, count(v.num) as n, sum(v.num) as total, min(v.num) as lo, max(v.num) as hi
              from stats_value v
              where v.form_id = t.f and v.period = t.p and v.org_unit_id = any(array(
                select o.id from org_unit o where o.parent_id = t.g or (o.id = t.g and o.parent_id is null)))
              group by v.cell_key) as a
          ), cur as (
            select x.* from stats_value_partial x join t on x.form_id = t.f and x.period = t.p and x.group_id = t.g
          ), gone as (
            delete from stats_value_partial x using cur c
            where x.form_id = c.form_id and x.period = c.period and x.group_id = c.group_id
              and x.cell_key = c.cell_key
              and not exists (select 1 from fresh s where s.form_id = c.form_id and s.period = c.period
                and s.group_id = c.group_id and s.cell_key = c.cell_key)
            returning x.form_id, x.period, x.group_id, x.cell_key
          ), put as (
            insert into stats_value_partial as x (form_id, period, group_id, cell_key, n, total, lo, hi)
            select s.* from fresh s
            where not exists (select 1 from cur c where c.form_id = s.form_id and c.period = s.period
              and c.group_id = s.group_id and c.cell_key = s.cell_key
              and (c.n, c.total::text, c.lo::text, c.hi::text) is not distinct from
                (s.n, s.total::text, s.lo::text, s.hi::text))
            -- A row another writer added after this statement's snapshot is replaced.
            on conflict (form_id, period, group_id, cell_key) do update set
              n = excluded.n, total = excluded.total, lo = excluded.lo, hi = excluded.hi
            returning x.form_id, x.period, x.group_id, x.cell_key
          )
          select array_agg(k.form_id), array_agg(k.period), array_agg(k.r), array_agg(k.cell_key)
            into rf, rp, rr, rc
          from (select distinct c.form_id, c.period, stats_value_region_of(o.path) as r, c.cell_key
                from (select * from gone union all select * from put) c join org_unit o on o.id = c.group_id) k
          where k.r is not null;
          perform stats_value_region_refresh(rf, rp, rr, rc);
        end $$`.execute(db);
      // Adds aggregated values (per form, period, group, cell; with the group's region) to the
      // groups' partials and, grouped again, to their regions' (counts, sums, minima and maxima
      // combine).
      await sql`
        create function stats_value_partial_add(f bigint[], p text[], g bigint[], r bigint[], c text[], n bigint[],
          total numeric[], lo numeric[], hi numeric[]) returns void language plpgsql as $$
        begin
          if f is null then return; end if;
          perform stats_value_partial_lock(f, p, g);
          insert into stats_value_partial as x (form_id, period, group_id, cell_key, n, total, lo, hi)
          select * from unnest(f, p, g, c, n, total, lo, hi)
          on conflict (form_id, period, group_id, cell_key) do update set
            n = x.n + excluded.n, total = coalesce(x.total + excluded.total, x.total, excluded.total),
            lo = least(x.lo, excluded.lo), hi = greatest(x.hi, excluded.hi);
          insert into stats_value_region as x (form_id, period, region_id, cell_key, n, total, lo, hi)
          select t.f, t.p, t.r, t.c, sum(t.n), sum(t.total), min(t.lo), max(t.hi)
          from unnest(f, p, r, c, n, total, lo, hi) as t (f, p, r, c, n, total, lo, hi)
          where t.r is not null
          group by 1, 2, 3, 4
          on conflict (form_id, period, region_id, cell_key) do update set
            n = x.n + excluded.n, total = coalesce(x.total + excluded.total, x.total, excluded.total),
            lo = least(x.lo, excluded.lo), hi = greatest(x.hi, excluded.hi);
        end $$`.execute(db);
      // The values of the given units in a form's periods, added to the partials in one pass: what
      // a first load COPYed while the insert trigger stood aside (stats.partials = 'deferred').
      await sql`
        create function stats_value_partial_add_units(fid bigint, periods text[], units bigint[]) returns void
        language plpgsql as $$
        declare f bigint[]; p text[]; g bigint[]; r bigint[]; c text[]; n bigint[]; total numeric[];
          lo numeric[]; hi numeric[];
        begin
          select array_agg(a.form_id), array_agg(a.period), array_agg(a.g), array_agg(a.r), array_agg(a.cell_key),
            array_agg(a.n), array_agg(a.total), array_agg(a.lo), array_agg(a.hi)
            into f, p, g, r, c, n, total, lo, hi
          from (
            select v.form_id, v.period, gu.id as g, stats_value_region_of(gu.path) as r, v.cell_key,
              count(v.num) as n, sum(v.num) as total, min(v.num) as lo, max(v.num) as hi
            from stats_value v join org_unit o on o.id = v.org_unit_id
            join org_unit gu on gu.id = coalesce(o.parent_id, o.id)
            where v.form_id = fid and v.period = any(periods) and v.org_unit_id = any(units)
            group by 1, 2, 3, 4, 5) a;
          perform stats_value_partial_add(f, p, g, r, c, n, total, lo, hi);
        end $$`.execute(db);
      // After a statement on stats_value. Inserts: one read of the inserted rows, grouped by group
      // and cell, added to the partials (unless a first load defers that to its end). Changes and
      // deletions recompute the groups they touch.
      await sql`
        create or replace function stats_value_partial_touch() returns trigger language plpgsql as $$
        declare f bigint[]; p text[]; g bigint[]; r bigint[]; c text[]; n bigint[]; total numeric[];
          lo numeric[]; hi numeric[];
        begin
          if tg_op = 'INSERT' then
            if current_setting('stats.partials', true) = 'deferred' then return null; end if;
            select array_agg(a.form_id), array_agg(a.period), array_agg(a.g), array_agg(a.r), array_agg(a.cell_key),
              array_agg(a.n), array_agg(a.total), array_agg(a.lo), array_agg(a.hi)
              into f, p, g, r, c, n, total, lo, hi
            from (
              select v.form_id, v.period, gu.id as g, stats_value_region_of(gu.path) as r, v.cell_key,
                count(v.num) as n, sum(v.num) as total, min(v.num) as lo, max(v.num) as hi
              from new_rows v join org_unit o on o.id = v.org_unit_id
              join org_unit gu on gu.id = coalesce(o.parent_id, o.id)
              group by 1, 2, 3, 4, 5) a;
            perform stats_value_partial_add(f, p, g, r, c, n, total, lo, hi);
            return null;
          elsif tg_op = 'UPDATE' then
            select array_agg(t.form_id), array_agg(t.period), array_agg(t.g) into f, p, g from (
              select distinct v.form_id, v.period, coalesce(o.parent_id, o.id) as g
              from (select form_id, period, org_unit_id from new_rows
                    union select form_id, period, org_unit_id from old_rows) v
              join org_unit o on o.id = v.org_unit_id) t;
          else
            select array_agg(t.form_id), array_agg(t.period), array_agg(t.g) into f, p, g from (
              select distinct v.form_id, v.period, coalesce(o.parent_id, o.id) as g
              from (select distinct form_id, period, org_unit_id from old_rows) v
              join org_unit o on o.id = v.org_unit_id) t;
          end if;
          perform stats_value_partial_refresh(f, p, g);
          return null;
        end $$`.execute(db);
      // Rebuilds whole regions from the partials, for every form and period they hold.
      await sql`
        create function stats_value_region_rebuild(regions bigint[]) returns void language plpgsql as $$
        declare f bigint[]; p text[]; g bigint[];
        begin
          if regions is null then return; end if;
          select array_agg(k.form_id), array_agg(k.period), array_agg(k.r) into f, p, g from (
            select form_id, period, region_id as r from stats_value_region where region_id = any(regions)
            union
            select x.form_id, x.period, stats_value_region_of(o.path)
            from stats_value_partial x join org_unit o on o.id = x.group_id
            where stats_value_region_of(o.path) = any(regions)) k;
          if f is null then return; end if;
          perform stats_value_partial_lock(f, p, g);
          delete from stats_value_region where region_id = any(regions);
          insert into stats_value_region (form_id, period, region_id, cell_key, n, total, lo, hi)
          select x.form_id, x.period, stats_value_region_of(o.path), x.cell_key, sum(x.n), sum(x.total),
            min(x.lo), max(x.hi)
          from stats_value_partial x join org_unit o on o.id = x.group_id
          where stats_value_region_of(o.path) = any(regions)
          group by 1, 2, 3, 4;
        end $$`.execute(db);
      // A unit moved to another parent takes its values from the old parent's group to the new; a
      // unit whose path goes to another region takes its groups (its subtree) with it.
      await sql`
        create or replace function stats_value_partial_move() returns trigger language plpgsql as $$
        declare f bigint[]; p text[]; g bigint[]; regions bigint[];
        begin
          select array_agg(t.form_id), array_agg(t.period), array_agg(t.g) into f, p, g from (
            select distinct v.form_id, v.period, x.g
            from old_rows o join new_rows n on n.id = o.id and n.parent_id is distinct from o.parent_id
            cross join lateral (values (coalesce(o.parent_id, o.id)), (coalesce(n.parent_id, n.id))) as x (g)
            join stats_value v on v.org_unit_id = o.id) t;
          perform stats_value_partial_refresh(f, p, g);
          select array_agg(distinct x.r) into regions
          from old_rows o join new_rows n on n.id = o.id
            and stats_value_region_of(n.path) is distinct from stats_value_region_of(o.path)
          cross join lateral (values (stats_value_region_of(o.path)), (stats_value_region_of(n.path))) as x (r)
          where x.r is not null;
          perform stats_value_region_rebuild(regions);
          return null;
        end $$`.execute(db);
      // A deleted unit's values leave its parent's (or, a root, its own) group and region.
      await sql`
        create function stats_value_partial_unit_delete() returns trigger language plpgsql as $$
        declare f bigint[]; p text[]; g bigint[];
        begin
          select array_agg(t.form_id), array_agg(t.period), array_agg(t.g) into f, p, g from (
            select distinct v.form_id, v.period, coalesce(o.parent_id, o.id) as g
            from old_rows o join stats_value v on v.org_unit_id = o.id) t;
          perform stats_value_partial_refresh(f, p, g);
          return null;
        end $$`.execute(db);
      await sql`
        create trigger stats_value_partial_unit_delete after delete on org_unit
        referencing old table as old_rows
        for each statement execute function stats_value_partial_unit_delete()`.execute(db);
      // Partials stored before this migration.
      await sql`
        insert into stats_value_region (form_id, period, region_id, cell_key, n, total, lo, hi)
        select x.form_id, x.period, stats_value_region_of(o.path), x.cell_key, sum(x.n), sum(x.total),
          min(x.lo), max(x.hi)
        from stats_value_partial x join org_unit o on o.id = x.group_id
        where stats_value_region_of(o.path) is not null
        group by 1, 2, 3, 4`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop trigger stats_value_partial_unit_delete on org_unit`.execute(db);
      await sql`drop function stats_value_partial_unit_delete(), stats_value_region_rebuild(bigint[]),
        stats_value_partial_add_units(bigint, text[], bigint[]),
        stats_value_partial_add(bigint[], text[], bigint[], bigint[], text[], bigint[], numeric[], numeric[], numeric[]),
        stats_value_region_refresh(bigint[], text[], bigint[], text[])`.execute(db);
      await createPartialFunctions(db);
      await sql`drop function stats_value_region_of(text)`.execute(db);
      await sql`drop table stats_value_region`.execute(db);
    },
  },
};
