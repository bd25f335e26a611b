import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { AisFeedTable, VesselStaticTable, VesselTrackTable } from './maritime.tables.ts';

export type VesselStaticRow = Selectable<VesselStaticTable>;
export type VesselTrackRow = Selectable<VesselTrackTable>;
export type AisFeedRow = Selectable<AisFeedTable>;

/** Ten parameters a row: 1,000 rows stay far below PostgreSQL's 65,535 bind parameters. */
const TRACK_ROWS_PER_STATEMENT = 1000;

/** Multi-row inserts (COPY through PGlite's adapter crashes it); a row already stored is skipped. */
export async function insertTrackPoints(db: Executor, rows: readonly VesselTrackRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += TRACK_ROWS_PER_STATEMENT) {
    await db
      .insertInto('vessel_track')
      .values(rows.slice(i, i + TRACK_ROWS_PER_STATEMENT))
      .onConflict((oc) => oc.columns(['mmsi', 'at']).doNothing())
      .execute();
  }
}

export async function listTrackPartitions(db: Executor): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_inherits i
      join pg_class c on c.oid = i.inhrelid
      join pg_class p on p.oid = i.inhparent
    where p.relname = 'vessel_track' order by 1`.execute(db);
  return rows.map((r) => r.name);
}

export async function listTrack(
  db: Executor,
  mmsi: number,
  from: Date,
  to: Date,
  limit: number,
  offset: number,
): Promise<VesselTrackRow[]> {
  return db
    .selectFrom('vessel_track')
    .selectAll()
    .where('mmsi', '=', mmsi)
    .where('at', '>=', from)
    .where('at', '<', to)
    .orderBy('at')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countTrack(db: Executor, mmsi: number, from: Date, to: Date): Promise<number> {
  const row = await db
    .selectFrom('vessel_track')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('mmsi', '=', mmsi)
    .where('at', '>=', from)
    .where('at', '<', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findLatestTrackPoint(db: Executor, mmsi: number): Promise<VesselTrackRow | undefined> {
  return db
    .selectFrom('vessel_track')
    .selectAll()
    .where('mmsi', '=', mmsi)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Upserts static rows; an older report never overwrites a newer one. */
export async function upsertVesselStatic(db: Executor, rows: readonly VesselStaticRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('vessel_static')
    .values([...rows])
    .onConflict((oc) =>
      oc
        .column('mmsi')
        .doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          call_sign: eb.ref('excluded.call_sign'),
          imo: eb.ref('excluded.imo'),
          ship_type: eb.ref('excluded.ship_type'),
          to_bow: eb.ref('excluded.to_bow'),
          to_stern: eb.ref('excluded.to_stern'),
          to_port: eb.ref('excluded.to_port'),
          to_starboard: eb.ref('excluded.to_starboard'),
          draught: eb.ref('excluded.draught'),
          destination: eb.ref('excluded.destination'),
          eta: eb.ref('excluded.eta'),
          source_time: eb.ref('excluded.source_time'),
        }))
        .whereRef('vessel_static.source_time', '<=', 'excluded.source_time'),
    )
    .execute();
}

export async function findVesselStatic(db: Executor, mmsi: number): Promise<VesselStaticRow | undefined> {
  return db.selectFrom('vessel_static').selectAll().where('mmsi', '=', mmsi).executeTakeFirst();
}

export async function listFeeds(db: Executor, limit: number, offset: number): Promise<AisFeedRow[]> {
  return db.selectFrom('ais_feed').selectAll().orderBy('id').limit(limit).offset(offset).execute();
}

export async function countFeeds(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('ais_feed')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listEnabledFeeds(db: Executor): Promise<AisFeedRow[]> {
  return db.selectFrom('ais_feed').selectAll().where('enabled', '=', true).orderBy('id').execute();
}

export async function findFeed(db: Executor, id: number): Promise<AisFeedRow | undefined> {
  return db.selectFrom('ais_feed').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findFeedByName(db: Executor, name: string): Promise<AisFeedRow | undefined> {
  return db.selectFrom('ais_feed').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function insertFeed(db: Executor, row: Insertable<AisFeedTable>): Promise<AisFeedRow> {
  return db.insertInto('ais_feed').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateFeedEnabled(
  db: Executor,
  id: number,
  enabled: boolean,
  now: Date,
): Promise<AisFeedRow> {
  return db
    .updateTable('ais_feed')
    .set({ enabled, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
