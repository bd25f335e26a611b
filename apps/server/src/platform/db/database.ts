import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type DbKind = 'pglite' | 'postgres';
export type Db = Kysely<Database>;
/** What repositories take first: the database or a transaction the caller owns. */
export type Executor = Kysely<Database> | Transaction<Database>;

export interface DatabaseHandle {
  readonly db: Db;
  readonly kind: DbKind;
  /** Closes the pool and, for PGlite, the embedded database. */
  close(): Promise<void>;
}

// bigint (int8) and numeric arrive as strings from node-postgres; count(*) is int8, so parse int8 as
// a JS number where it fits: ids and counts stay below 2^53 in this system.
pg.types.setTypeParser(20, (value) => {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
});
// date stays 'YYYY-MM-DD': a calendar date has no time zone to be shifted into.
pg.types.setTypeParser(1082, (value) => value);

export interface OpenOptions {
  /** postgres:// URL; when absent, PGlite in dataDir (or in memory when dataDir is absent). */
  readonly databaseUrl?: string | undefined;
  readonly dataDir?: string | undefined;
  /** An already open PGlite, e.g. a test template clone. */
  readonly pglite?: PGlite;
  readonly poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  let lite = options.pglite;
  if (!lite) {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    lite = await PGlite.create({ dataDir: options.dataDir, extensions: { pg_trgm } });
  }
  const owned = lite;
  // One connection: PGlite is single-session, and the pool serialises queries and transactions.
  const pool = new pg.Pool({ ...createPgConfig(owned), max: 1 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    async close() {
      await db.destroy();
      await owned.close();
    },
  };
}
