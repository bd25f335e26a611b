import { type SqlBool, sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import { type OrgChildRow, under } from './orgs.repository.ts';
import type { OrgUnitVersionTable } from './orgs.tables.ts';

type Change = OrgUnitVersionTable['change'];

/**
 * The latest valid_from among the current versions of a unit and, with `withSubtree`, of every
 * unit below it: a change effective before it would end a version before it began.
 */
export async function latestVersionStart(
  db: Executor,
  unit: { id: number; path: string },
  withSubtree: boolean,
): Promise<string | null> {
  let q = db
    .selectFrom('org_unit_version as v')
    .select((eb) => eb.fn.max('v.valid_from').as('latest'))
    .where('v.valid_to', 'is', null);
  q = withSubtree
    ? q.where((eb) =>
        eb(
          'v.org_unit_id',
          'in',
          eb.selectFrom('org_unit').select('id').where('path', 'like', under(unit.path)),
        ),
      )
    : q.where('v.org_unit_id', '=', unit.id);
  const row = await q.executeTakeFirst();
  return row?.latest ?? null;
}

/** Ends the current version of each unit at `validTo` (exclusive). */
export async function closeCurrentVersions(
  db: Executor,
  ids: readonly number[],
  validTo: string,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('org_unit_version')
    .set({ valid_to: validTo })
    .where('org_unit_id', 'in', ids)
    .where('valid_to', 'is', null)
    .execute();
}

/** Opens a version from the current state of each unit, from `validFrom` on. */
export async function insertVersionsFromUnits(
  db: Executor,
  ids: readonly number[],
  change: Change,
  validFrom: string,
  changedBy: number | null,
  changedAt: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .insertInto('org_unit_version')
    .columns([
      'org_unit_id',
      'name',
      'parent_id',
      'path',
      'status',
      'valid_from',
      'valid_to',
      'change',
      'changed_by',
      'changed_at',
    ])
    .expression((eb) =>
      eb
        .selectFrom('org_unit')
        .select([
          'id',
          'name',
          'parent_id',
          'path',
          'status',
          sql<string>`${validFrom}::date`.as('valid_from'),
          sql<null>`null::date`.as('valid_to'),
          sql<Change>`${change}`.as('change'),
          sql<number | null>`${changedBy}::bigint`.as('changed_by'),
          sql<Date>`${changedAt}::timestamptz`.as('changed_at'),
        ])
        .where('id', 'in', ids),
    )
    .execute();
}

/** The condition "this version was in force on `asOf`" for the version alias `v`. */
const inForce = (alias: string, asOf: string) =>
  sql<SqlBool>`${sql.ref(`${alias}.valid_from`)} <= ${asOf}::date
    and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} > ${asOf}::date)`;

/**
 * Active children of a unit as the tree stood on `asOf`, with the names and places they had then.
 * Only units now in the jurisdiction `scopePath` are shown, wherever they were then.
 */
export async function listChildrenAsOf(
  db: Executor,
  parentId: number,
  asOf: string,
  scopePath: string,
  limit: number,
  offset: number,
): Promise<{ items: OrgChildRow[]; total: number }> {
  const base = db
    .selectFrom('org_unit_version as v')
    .innerJoin('org_unit as u', 'u.id', 'v.org_unit_id')
    .where('v.parent_id', '=', parentId)
    .where('v.status', '=', 'active')
    .where(inForce('v', asOf))
    .where('u.path', 'like', under(scopePath));
  const [items, count] = await Promise.all([
    base
      .select([
        'u.id',
        'u.code',
        'v.name',
        'u.level',
        'u.kind',
        'u.region_code',
        'v.parent_id',
        'v.path',
        'v.status',
        'u.valid_from',
        'u.valid_to',
        sql<null>`null::bigint`.as('merged_into_id'),
        sql<number>`(select count(*) from org_unit_version c
          where c.parent_id = u.id and c.status = 'active' and ${inForce('c', asOf)})`.as('child_count'),
      ])
      .orderBy('u.code')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export interface OrgVersionRow {
  id: number;
  name: string;
  parent_id: number | null;
  parent_name: string | null;
  path: string;
  status: OrgUnitVersionTable['status'];
  valid_from: string;
  valid_to: string | null;
  change: Change;
  changed_at: Date;
}

/** Every version of a unit, newest first; the parent named as it was when the version began. */
export async function listVersions(
  db: Executor,
  orgUnitId: number,
  limit: number,
  offset: number,
): Promise<{ items: OrgVersionRow[]; total: number }> {
  const [items, count] = await Promise.all([
    db
      .selectFrom('org_unit_version as v')
      .leftJoin('org_unit as p', 'p.id', 'v.parent_id')
      .select([
        'v.id',
        'v.name',
        'v.parent_id',
        sql<string | null>`coalesce((
          select pv.name from org_unit_version pv
          where pv.org_unit_id = v.parent_id and pv.valid_from <= v.valid_from
            and (pv.valid_to is null or pv.valid_to > v.valid_from)
          order by pv.valid_from desc, pv.id desc limit 1), p.name)`.as('parent_name'),
        'v.path',
        'v.status',
        'v.valid_from',
        'v.valid_to',
        'v.change',
        'v.changed_at',
      ])
      .where('v.org_unit_id', '=', orgUnitId)
      .orderBy('v.valid_from', 'desc')
      .orderBy('v.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom('org_unit_version')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_unit_id', '=', orgUnitId)
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
