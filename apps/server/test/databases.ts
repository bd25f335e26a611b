import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { seedCalendar } from '../src/platform/calendar/index.ts';
import { type DatabaseHandle, type DbKind, openDatabase } from '../src/platform/db/database.ts';
import { collectMigrations } from '../src/platform/db/migrate.ts';
import { BUILTIN_ROLES } from '../src/platform/identity/permissions.ts';
import { seedRoles } from '../src/platform/identity/seed.ts';
import { seedOrgTree } from '../src/platform/orgs/seed.ts';
import { ALL_MIGRATIONS } from '../src/registry.ts';
import { migrate } from '../src/runtime.ts';

/** Every repository, service and route test runs on both. */
export const DB_KINDS: readonly DbKind[] = ['pglite', 'postgres'];

// The template's name carries a digest of every migration's code and of the built-in roles it
// seeds, so a changed migration or role gets a fresh template instead of a stale one.
const TEMPLATE_DB = `jtgov_test_template_${createHash('sha1')
  .update(
    Object.entries(collectMigrations(ALL_MIGRATIONS))
      .map(([name, m]) => name + m.up.toString())
      .join('\n'),
  )
  .update(JSON.stringify(BUILTIN_ROLES))
  .digest('hex')
  .slice(0, 12)}`;

/** Migrations plus reference data (division tree, org units, built-in roles, calendar); no users. */
async function prepareBase(handle: DatabaseHandle): Promise<void> {
  await migrate(handle);
  await handle.db.transaction().execute(async (trx) => {
    await seedOrgTree(trx);
    await seedRoles(trx);
    await seedCalendar(trx);
  });
}

let pgliteTemplate: Promise<Blob> | undefined;

async function openPglite(): Promise<DatabaseHandle> {
  // `npm test` builds the template once for all test processes (see prepare-templates.ts).
  const prebuilt = process.env.JTGOV_TEST_PGLITE_TEMPLATE;
  pgliteTemplate ??= prebuilt ? readFile(prebuilt).then((buf) => new Blob([buf])) : buildPgliteTemplate();
  const lite = await PGlite.create({ loadDataDir: await pgliteTemplate, extensions: { pg_trgm } });
  return openDatabase({ pglite: lite });
}

export async function buildPgliteTemplate(): Promise<Blob> {
  const lite = await PGlite.create({ extensions: { pg_trgm } });
  const handle = await openDatabase({ pglite: lite });
  await prepareBase(handle);
  const dump = await lite.dumpDataDir('none');
  await handle.close();
  return dump;
}

function adminUrl(): string {
  const url = process.env.JTGOV_TEST_PG_URL;
  if (!url) {
    throw new Error(
      'JTGOV_TEST_PG_URL is not set: run the tests with `npm test`, which starts a throwaway PostgreSQL, ' +
        'or point it at a PostgreSQL 15+ superuser URL',
    );
  }
  return url;
}

const withDatabase = (url: string, db: string) => {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
};

let postgresTemplate: Promise<void> | undefined;
let counter = 0;

async function openPostgres(): Promise<DatabaseHandle> {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    postgresTemplate ??= (async () => {
      // One process builds the template; the others wait on the lock and find it built.
      await admin.query('select pg_advisory_lock(20261127)');
      try {
        const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [TEMPLATE_DB]);
        if (!rowCount) {
          await admin.query(`create database ${TEMPLATE_DB}`);
          const handle = await openDatabase({
            databaseUrl: withDatabase(adminUrl(), TEMPLATE_DB),
            poolSize: 1,
          });
          try {
            await prepareBase(handle);
          } finally {
            await handle.close();
          }
        }
      } finally {
        await admin.query('select pg_advisory_unlock(20261127)');
      }
    })();
    await postgresTemplate;
    const name = `jtgov_test_${process.pid}_${++counter}_${Date.now() % 100000}`;
    await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
    const handle = await openDatabase({ databaseUrl: withDatabase(adminUrl(), name), poolSize: 4 });
    return {
      ...handle,
      async close() {
        await handle.close();
        const cleanup = new pg.Client({ connectionString: adminUrl() });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  } finally {
    await admin.end();
  }
}

/** A fresh database of this kind with the base data; close() discards it. */
export async function openTestDatabase(kind: DbKind): Promise<DatabaseHandle> {
  return kind === 'pglite' ? openPglite() : openPostgres();
}

/** The configuration tests run with: defaults, demo mode, a throwaway data dir. */
export function testConfig(overrides: Record<string, string> = {}) {
  return loadConfig({ JTGOV_DATA_DIR: '/tmp/jtgov-test-data', LOG_LEVEL: 'silent', ...overrides });
}
