import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { type CopyResult, type CopyRows, copyOnPglite, copyOnPostgres, copyRequest } from './copy.ts';
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

// Named prepared statements: PostgreSQL parses and plans a statement once per connection instead
// of on every call — planning is a large share of the short queries every request makes. The
// number of statements prepared per connection is capped, so varying SQL texts (IN lists of
// different lengths) cannot grow a backend's memory without bound.
const MAX_PREPARED_PER_CONNECTION = 500;
const statementNames = new Map<string, string>();
const wrappedClients = new WeakSet<pg.PoolClient>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    if (statementNames.size >= 10_000) statementNames.clear();
    name = `k${createHash('sha1').update(text).digest('base64url')}`;
    statementNames.set(text, name);
  }
  return name;
}

type CopyRunner = (
  query: (submittable: unknown) => unknown,
  text: string,
  rows: CopyRows,
) => Promise<CopyResult>;

/**
 * A pool whose clients run Kysely's (text, values) queries as named prepared statements, and a
 * `copy … from stdin` whose only parameter is a CopyRows (platform/db/copy.ts) as a COPY.
 */
function preparingPool(pool: pg.Pool, copy: CopyRunner): pg.Pool {
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  const wrapped = async () => {
    const client = await connect();
    if (!wrappedClients.has(client)) {
      wrappedClients.add(client);
      const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
      const prepared = new Set<string>();
      const stale = new Set<string>();
      (client as { query: unknown }).query = (text: unknown, values?: unknown) => {
        const copyOf = copyRequest(text, values);
        if (copyOf) return copy(query, copyOf.text, copyOf.rows);
        if (typeof text !== 'string' || !Array.isArray(values)) return query(text, values);
        const name = statementName(text);
        if (stale.has(name)) return query(text, values);
        if (!prepared.has(name)) {
          if (prepared.size >= MAX_PREPARED_PER_CONNECTION) return query(text, values);
          prepared.add(name);
        }
        // A migration that changed a table under a prepared statement makes PostgreSQL refuse it
        // (0A000, "cached plan must not change result type"): run it unprepared from then on.
        return query({ name, text, values }).catch((err: { code?: string }) => {
          if (err.code !== '0A000') throw err;
          stale.add(name);
          return query(text, values);
        });
      };
    }
    return client;
  };
  return Object.assign(pool, { connect: wrapped });
}

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
    const pool = preparingPool(
      new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 }),
      copyOnPostgres,
    );
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
  const pool = preparingPool(new pg.Pool({ ...createPgConfig(owned), max: 1 }), (_query, text, rows) =>
    copyOnPglite(owned, text, rows),
  );
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
