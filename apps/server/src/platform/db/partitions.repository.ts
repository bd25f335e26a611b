import { sql } from 'kysely';
import type { Executor } from './database.ts';

/** The monthly range partition of `table` holding `time` (UTC months): `<table>_y2026m11`. */
export function monthlyPartition(table: string, time: Date): { name: string; from: string; to: string } {
  const y = time.getUTCFullYear();
  const m = time.getUTCMonth();
  const iso = (yy: number, mm: number) => new Date(Date.UTC(yy, mm, 1)).toISOString();
  return { name: `${table}_y${y}m${String(m + 1).padStart(2, '0')}`, from: iso(y, m), to: iso(y, m + 1) };
}

/**
 * Creates the partition of `table` for `time`'s month unless it exists, and returns its name. The
 * transaction-scoped advisory lock keeps two writers (processes, a job) from racing on it.
 */
export async function ensureMonthlyPartition(db: Executor, table: string, time: Date): Promise<string> {
  const { name, from, to } = monthlyPartition(table, time);
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(trx);
    await sql`create table if not exists ${sql.id(name)} partition of ${sql.table(table)}
      for values from (${sql.lit(from)}) to (${sql.lit(to)})`.execute(trx);
  });
  return name;
}

/** This month's and next month's partitions, made ahead (by a daily job) so no write waits on DDL. */
export async function ensureMonthlyPartitionsAhead(db: Executor, table: string, now: Date): Promise<void> {
  await ensureMonthlyPartition(db, table, now);
  await ensureMonthlyPartition(db, table, new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)));
}
