import { type Kysely, sql } from 'kysely';
import type { MigrationSet } from '../../../platform/db/migrate.ts';

/**
 * Partial roll-ups, so a national total reads ~340 rows per cell instead of ~2,800: for each
 * (form, period, group, cell) the count, sum, min and max of the numbers of the units whose
 * parent is the group (a root unit is its own group). Any subtree's roll-up is its groups'
 * partials plus the subtree root's own values; the drill-down assigns groups to children by path.
 *
 * Kept exact by statement-level triggers (transition tables: one refresh per statement, not per
 * row) on every write to stats_value, whatever path makes it, and on a unit moving to another
 * parent. Inserted values are added to their groups' partials (a first national load aggregates
 * what it inserted, never the table); a change or deletion recomputes each touched group from its
 * units' values. Either way the group's row in stats_value_partial_group is locked first (until
 * the writer's transaction ends), so two writers in one group go one after the other, the second
 * seeing what the first committed.
 */
export const partialsMigrations: MigrationSet = {
  '202612023000_stats-value-partials': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table stats_value_partial (
          form_id bigint not null,
          period text not null,
          group_id bigint not null,
          cell_key text not null,
          n bigint not null,
          total numeric,
          lo numeric,
          hi numeric,
          primary key (form_id, period, group_id, cell_key)
        )`.execute(db);
      await sql`
        create table stats_value_partial_group (
          form_id bigint not null,
          period text not null,
          group_id bigint not null,
          refreshed_at timestamptz not null default now(),
          primary key (form_id, period, group_id)
        )`.execute(db);
      await createPartialFunctions(db);
      for (const [event, refs] of [
        ['insert', 'new table as new_rows'],
        ['update', 'old table as old_rows new table as new_rows'],
        ['delete', 'old table as old_rows'],
      ] as const)
        await sql`
          create trigger ${sql.id(`stats_value_partial_${event}`)} after ${sql.raw(event)} on stats_value
          referencing ${sql.raw(refs)} for each statement execute function stats_value_partial_touch()`.execute(
          db,
        );
      await sql`
        create trigger stats_value_partial_move after update on org_unit
        referencing old table as old_rows new table as new_rows
        for each statement execute function stats_value_partial_move()`.execute(db);
      // Values stored before this migration.
      await sql`
        insert into stats_value_partial (form_id, period, group_id, cell_key, n, total, lo, hi)
        select v.form_id, v.period, coalesce(o.parent_id, o.id), v.cell_key, count(v.num), sum(v.num),
          min(v.num), max(v.num)
        from stats_value v join org_unit o on o.id = v.org_unit_id
        group by 1, 2, 3, 4`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop trigger stats_value_partial_move on org_unit`.execute(db);
      for (const event of ['insert', 'update', 'delete'])
        await sql`drop trigger ${sql.id(`stats_value_partial_${event}`)} on stats_value`.execute(db);
      await sql`drop function stats_value_partial_move(), stats_value_partial_touch(),
        stats_value_partial_refresh(bigint[], text[], bigint[]), stats_value_partial_lock(bigint[], text[], bigint[])`.execute(
        db,
      );
      await sql`drop table stats_value_partial, stats_value_partial_group`.execute(db);
    },
  },
};

/** The functions of the partials' first version (also what the region migration's down restores). */
export async function createPartialFunctions(db: Kysely<unknown>): Promise<void> {
  // Locks the given (form, period, group) rows, in one order, until the transaction ends.
  await sql`
      create or replace function stats_value_partial_lock(f bigint[], p text[], g bigint[]) returns void
      language sql as $$
        insert into stats_value_partial_group as l (form_id, period, group_id)
        select distinct t.f, t.p, t.g from unnest(f, p, g) as t (f, p, g) order by 1, 2, 3
        on conflict (form_id, period, group_id) do update set refreshed_at = now();
      $$`.execute(db);
  // Recomputes the partials of the given (form, period, group) triples from their units'
  // values, group by group along the primary key.
  await sql`
      create or replace function stats_value_partial_refresh(f bigint[], p text[], g bigint[]) returns void
      language plpgsql as $$
      begin
        if f is null or cardinality(f) = 0 then return; end if;
        perform stats_value_partial_lock(f, p, g);
        delete from stats_value_partial x
        using unnest(f, p, g) as t (f, p, g)
        where x.form_id = t.f and x.period = t.p and x.group_id = t.g;
        insert into stats_value_partial (form_id, period, group_id, cell_key, n, total, lo, hi)
        select t.f, t.p, t.g, a.cell_key, a.n, a.total, a.lo, a.hi
        from (select distinct * from unnest(f, p, g) as u (f, p, g)) as t
        cross join lateral (
          select v.cell_key, count(v.num) as n, sum(v.num) as total, min(v.num) as lo, max(v.num) as hi
          from stats_value v
          where v.form_id = t.f and v.period = t.p and v.org_unit_id = any(array(
            select o.id from org_unit o where o.parent_id = t.g or (o.id = t.g and o.parent_id is null)))
          group by v.cell_key) as a
        -- A row another writer added after this statement's delete looked is replaced.
        on conflict (form_id, period, group_id, cell_key) do update set
          n = excluded.n, total = excluded.total, lo = excluded.lo, hi = excluded.hi;
      end $$`.execute(db);
  // After a statement on stats_value: inserts add to their groups' partials (counts, sums,
  // minima and maxima combine); changes and deletions recompute the groups they touch.
  await sql`
      create or replace function stats_value_partial_touch() returns trigger language plpgsql as $$
      declare f bigint[]; p text[]; g bigint[];
      begin
        if tg_op = 'INSERT' then
          select array_agg(t.form_id), array_agg(t.period), array_agg(t.g) into f, p, g from (
            select distinct c.form_id, c.period, coalesce(o.parent_id, o.id) as g
            from (select distinct form_id, period, org_unit_id from new_rows) c
            join org_unit o on o.id = c.org_unit_id) t;
          if f is null then return null; end if;
          perform stats_value_partial_lock(f, p, g);
          insert into stats_value_partial as x (form_id, period, group_id, cell_key, n, total, lo, hi)
          select c.form_id, c.period, coalesce(o.parent_id, o.id), c.cell_key, count(c.num), sum(c.num),
            min(c.num), max(c.num)
          from new_rows c join org_unit o on o.id = c.org_unit_id
          group by 1, 2, 3, 4
          on conflict (form_id, period, group_id, cell_key) do update set
            n = x.n + excluded.n,
            total = case when x.total is null then excluded.total when excluded.total is null then x.total
              else x.total + excluded.total end,
            lo = least(x.lo, excluded.lo),
            hi = greatest(x.hi, excluded.hi);
          return null;
        elsif tg_op = 'UPDATE' then
          select array_agg(t.form_id), array_agg(t.period), array_agg(t.g) into f, p, g from (
            select distinct c.form_id, c.period, coalesce(o.parent_id, o.id) as g
            from (select form_id, period, org_unit_id from new_rows
                  union select form_id, period, org_unit_id from old_rows) c
            join org_unit o on o.id = c.org_unit_id) t;
        else
          select array_agg(t.form_id), array_agg(t.period), array_agg(t.g) into f, p, g from (
            select distinct c.form_id, c.period, coalesce(o.parent_id, o.id) as g
            from (select distinct form_id, period, org_unit_id from old_rows) c
            join org_unit o on o.id = c.org_unit_id) t;
        end if;
        perform stats_value_partial_refresh(f, p, g);
        return null;
      end $$`.execute(db);
  // A unit moved to another parent takes its values from the old parent's group to the new.
  await sql`
      create or replace function stats_value_partial_move() returns trigger language plpgsql as $$
      declare f bigint[]; p text[]; g bigint[];
      begin
        -- Renames and path rewrites move nothing.
        if not exists (select 1 from old_rows o join new_rows n on n.id = o.id
                       and n.parent_id is distinct from o.parent_id) then
          return null;
        end if;
        select array_agg(t.form_id), array_agg(t.period), array_agg(t.g) into f, p, g from (
          select distinct v.form_id, v.period, x.g
          from old_rows o join new_rows n on n.id = o.id and n.parent_id is distinct from o.parent_id
          cross join lateral (values (coalesce(o.parent_id, o.id)), (coalesce(n.parent_id, n.id))) as x (g)
          join stats_value v on v.org_unit_id = o.id) t;
        perform stats_value_partial_refresh(f, p, g);
        return null;
      end $$`.execute(db);
}
