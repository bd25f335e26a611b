import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.ts';
import { seedCalendar } from './platform/calendar/index.ts';
import { type DatabaseHandle, openDatabase } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { SecretBox } from './platform/identity/secrets.ts';
import { seedDemoAccounts, seedInitialAdmin, seedRoles } from './platform/identity/seed.ts';
import { seedOrgTree } from './platform/orgs/seed.ts';
import { ALL_MIGRATIONS, PARTS } from './registry.ts';

export async function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : join(config.dataDir, 'pglite'),
    poolSize: config.dbPoolSize,
  });
}

/** The instance key: JTGOV_SECRET_KEY, or one generated once into the data directory (demo). */
export function loadSecretBox(config: Config): SecretBox {
  if (config.secretKey) return new SecretBox(config.secretKey);
  const file = join(config.dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(16).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return new SecretBox(readFileSync(file, 'utf8').trim());
}

export interface SeedReport {
  divisions: number;
  orgUnits: number;
  adminPassword: string | null;
  adminCreated: boolean;
  demoAccounts: number;
  calendarDays: number;
  /** Demo items each part added (demo mode), by part name. */
  demoContent: Record<string, number>;
}

/** Reference data and accounts; idempotent: only what is missing is added. */
export async function seedAll(handle: DatabaseHandle, config: Config, now = new Date()): Promise<SeedReport> {
  return handle.db.transaction().execute(async (trx) => {
    const tree = await seedOrgTree(trx);
    await seedRoles(trx);
    const calendarDays = await seedCalendar(trx);
    const admin = await seedInitialAdmin(trx, config, now);
    const demoAccounts = config.mode === 'demo' ? await seedDemoAccounts(trx, config, now) : 0;
    const demoContent: Record<string, number> = {};
    if (config.mode === 'demo') {
      const secretBox = loadSecretBox(config);
      for (const part of PARTS)
        if (part.seedDemo) demoContent[part.name] = await part.seedDemo(trx, { config, now, secretBox });
    }
    return {
      ...tree,
      adminPassword: admin?.generatedPassword ?? null,
      adminCreated: admin !== null,
      demoAccounts,
      calendarDays,
      demoContent,
    };
  });
}

export async function migrate(handle: DatabaseHandle): Promise<string[]> {
  const result = await migrateToLatest(handle.db, ALL_MIGRATIONS);
  return (result.results ?? []).map((r) => r.migrationName);
}
