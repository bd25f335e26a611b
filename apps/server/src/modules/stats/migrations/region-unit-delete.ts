import { type Kysely, sql } from 'kysely';
import type { MigrationSet } from '../../../platform/db/migrate.ts';

/**
 * A unit deleted together with its parent (a city with its counties, in one statement) took its
 * values out of a group whose unit is gone: the group's partials were dropped, but its region was
 * found through the group's org_unit row, so the region kept them. The deleted groups' regions now
 * come from the deleted rows' own paths, are locked with the groups, and are recomputed.
 */
export const regionUnitDeleteMigrations: MigrationSet = {
  '202612041000_stats-value-region-unit-delete': {
    async up(db: Kysely<unknown>) {
      await sql`
        create or replace function stats_value_partial_unit_delete() returns trigger language plpgsql as $$
        declare f bigint[]; p text[]; g bigint[]; rf bigint[]; rp text[]; rr bigint[]; rc text[];
        begin
          select array_agg(t.form_id), array_agg(t.period), array_agg(t.g) into f, p, g from (
            select v.form_id, v.period, coalesce(o.parent_id, o.id) as g
            from old_rows o join stats_value v on v.org_unit_id = o.id
            union
            select x.form_id, x.period, x.group_id from old_rows d join stats_value_partial x on x.group_id = d.id) t;
          select array_agg(k.form_id), array_agg(k.period), array_agg(k.r), array_agg(k.cell_key)
            into rf, rp, rr, rc
          from (select distinct x.form_id, x.period, stats_value_region_of(d.path) as r, x.cell_key
                from old_rows d join stats_value_partial x on x.group_id = d.id) k
          where k.r is not null;
          if f is null then return null; end if;
          perform stats_value_partial_lock(f || rf, p || rp, g || rr);
          perform stats_value_partial_refresh(f, p, g);
          perform stats_value_region_refresh(rf, rp, rr, rc);
          return null;
        end $$`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`
        create or replace function stats_value_partial_unit_delete() returns trigger language plpgsql as $$
        declare f bigint[]; p text[]; g bigint[];
        begin
          select array_agg(t.form_id), array_agg(t.period), array_agg(t.g) into f, p, g from (
            select distinct v.form_id, v.period, coalesce(o.parent_id, o.id) as g
            from old_rows o join stats_value v on v.org_unit_id = o.id) t;
          perform stats_value_partial_refresh(f, p, g);
          return null;
        end $$`.execute(db);
    },
  },
};
