// Knowledge-base search over generated Chinese articles (BENCH_KB_ARTICLES, default 100,000):
// p50/p95 of the ranked, jurisdiction-chained full-text search, next to as many plain indexed
// lookups of the same table in the same run, on PostgreSQL (a throwaway cluster) and on the embedded PGlite.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { searchKb } from '../apps/server/src/modules/hotline/kb-search.service.ts';
import type { DatabaseHandle, DbKind } from '../apps/server/src/platform/db/database.ts';
import type { Actor } from '../apps/server/src/platform/identity/actor.ts';
import { openTestDatabase } from '../apps/server/test/databases.ts';
// @ts-expect-error plain ESM helper without types
import { startCluster } from '../scripts/pg-cluster.mjs';
import { generateQuery, loadArticles, OWNERS, reseed } from './kb-corpus.ts';

const ARTICLES = Number(process.env.BENCH_KB_ARTICLES ?? 100_000);
const QUERIES = 200;

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)] as number;

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** CPU seconds of a process (user + system) from /proc: a PostgreSQL backend on this machine. */
function processCpu(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * CPU seconds spent so far by this process and, on PostgreSQL, by the backends of the bench
 * database (the search runs in them; PGlite runs in this process).
 */
async function cpuNow(handle: DatabaseHandle, kind: DbKind): Promise<number> {
  const own = process.cpuUsage();
  let backends = 0;
  if (kind === 'postgres') {
    const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity
      where datname = current_database()`.execute(handle.db);
    for (const { pid } of rows) backends += processCpu(pid);
  }
  return (own.user + own.system) / 1e6 + backends;
}

async function run(kind: DbKind) {
  const handle = await openTestDatabase(kind);
  try {
    const rows = await handle.db
      .selectFrom('org_unit')
      .select(['id', 'path', 'code'])
      .where(
        'code',
        'in',
        OWNERS.map(([code]) => code),
      )
      .execute();
    const orgs = new Map(rows.map((o) => [o.code, o.id]));
    reseed();
    const t0 = performance.now();
    await loadArticles(handle.db, orgs, ARTICLES);
    const loadS = (performance.now() - t0) / 1000;
    const county = rows.find((o) => o.code === '320102') as { id: number; path: string };
    const actor = {
      userId: 1,
      orgUnitId: county.id,
      orgPath: county.path,
      permissions: new Set(),
    } as unknown as Actor;
    const queries = Array.from({ length: QUERIES }, () => generateQuery());
    let q = 0;
    const now = new Date();
    const modes = new Map<string, number>();
    let capped = 0;
    const cpu0 = await cpuNow(handle, kind);
    const search = await time(async () => {
      const r = await handle.db
        .transaction()
        .execute((trx) =>
          searchKb(trx, actor, { q: queries[q++ % QUERIES] as string, page: 1, pageSize: 20 }, now),
        );
      modes.set(r.mode, (modes.get(r.mode) ?? 0) + 1);
      if (r.totalCapped) capped += 1;
    });
    const cpuMs = ((await cpuNow(handle, kind)) - cpu0) * (1000 / QUERIES);
    // Reference: as many plain indexed lookups (an article by key, in a transaction like the search).
    let k = 0;
    const lookup = await time(() =>
      handle.db
        .transaction()
        .execute((trx) =>
          sql`select id, title, body from kb_article where key = ${`bench-${(k++ * 7919) % ARTICLES}`} limit 20`.execute(
            trx,
          ),
        ),
    );
    const p95 = percentile(search, 0.95);
    const ref = percentile(lookup, 0.95);
    console.log(
      `${kind.padEnd(8)} ${ARTICLES} articles (loaded in ${loadS.toFixed(0)} s): KB search p50 ${percentile(search, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms` +
        ` | indexed lookup p50 ${percentile(lookup, 0.5).toFixed(1)} ms, p95 ${ref.toFixed(1)} ms | search/lookup p95 ${(p95 / ref).toFixed(1)}x` +
        ` | aim p95 < 20 ms: ${p95 < 20 ? 'met' : 'missed'}`,
    );
    console.log(
      `         CPU per search ${cpuMs.toFixed(1)} ms (load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}); modes ${[...modes].map(([m, n]) => `${m} ${n}`).join(', ')}; candidate cap reached ${capped}/${QUERIES}`,
    );
  } finally {
    await handle.close();
  }
}

let cluster: { url: string; stop(): void } | undefined;
if (!process.env.JTGOV_TEST_PG_URL) {
  cluster = await startCluster();
  process.env.JTGOV_TEST_PG_URL = cluster?.url;
}
try {
  for (const kind of (process.env.BENCH_KINDS ?? 'postgres,pglite').split(',') as DbKind[]) await run(kind);
} finally {
  cluster?.stop();
}
