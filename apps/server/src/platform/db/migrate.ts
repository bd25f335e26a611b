import { type Migration, type MigrationResultSet, Migrator } from 'kysely';
import type { Db } from './database.ts';

/**
 * Migrations of every platform part and module, keyed by `YYYYMMDDHHmm_intent`. The timestamp
 * orders them across parts; Kysely records applied names in `kysely_migration`.
 */
export type MigrationSet = Readonly<Record<string, Migration>>;

export function collectMigrations(sets: readonly MigrationSet[]): Record<string, Migration> {
  const all: Record<string, Migration> = {};
  for (const set of sets) {
    for (const [name, migration] of Object.entries(set)) {
      if (!/^\d{12}_[a-z0-9-]+$/.test(name))
        throw new Error(`migration name ${name} is not YYYYMMDDHHmm_intent`);
      if (name in all) throw new Error(`duplicate migration ${name}`);
      all[name] = migration;
    }
  }
  return all;
}

export async function migrateToLatest(db: Db, sets: readonly MigrationSet[]): Promise<MigrationResultSet> {
  const migrations = collectMigrations(sets);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
