import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../apps/server/src/config.ts';
import { hashPassword } from '../apps/server/src/platform/identity/secrets.ts';
import { migrate, openConfiguredDatabase, seedAll } from '../apps/server/src/runtime.ts';
// @ts-expect-error plain ESM helper without types
import { startCluster } from '../scripts/pg-cluster.mjs';
import { startServer, stop } from './server-process.ts';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const BENCH_PASSWORD = 'Bench@jtgov2026';

interface Figures {
  label: string;
  rps: number;
  p99: number;
  errors: number;
}

async function load(label: string, url: string, headers: Record<string, string> = {}): Promise<Figures> {
  // Warm-up: JIT, connection pools, plan caches.
  await autocannon({ url, headers, connections: CONNECTIONS, duration: 2 });
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION_S });
  const errors = result.errors + result.non2xx;
  return { label, rps: result.requests.average, p99: result.latency.p99, errors };
}

/** A database with the division tree and 2,000 users across Jiangsu, and a bench user at the province. */
async function prepare(env: NodeJS.ProcessEnv): Promise<void> {
  const config = loadConfig({ ...env, LOG_LEVEL: 'silent' });
  const handle = await openConfiguredDatabase(config);
  try {
    await migrate(handle);
    await seedAll(handle, config);
    const db = handle.db;
    const orgs = await db.selectFrom('org_unit').select('id').where('path', 'like', '/1/11/%').execute();
    const hash = await hashPassword(BENCH_PASSWORD);
    const now = new Date();
    const rows = Array.from({ length: 2000 }, (_, i) => ({
      username: `bench.user${i}`,
      display_name: `压测用户${i}`,
      email: null,
      phone: null,
      org_unit_id: orgs[i % orgs.length]!.id,
      password_hash: hash,
      password_changed_at: now,
      must_change_password: false,
      status: 'active' as const,
      locked_until: null,
      totp_secret: null,
      last_login_at: null,
      totp_last_step: null,
    }));
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto('app_user')
        .values(rows.slice(i, i + 500))
        .execute();
    const admin = await db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'bench.user0')
      .executeTakeFirstOrThrow();
    const role = await db
      .selectFrom('role')
      .select('id')
      .where('code', '=', 'orgAdmin')
      .executeTakeFirstOrThrow();
    await db.insertInto('user_role').values({ user_id: admin.id, role_id: role.id }).execute();
    await db.updateTable('app_user').set({ org_unit_id: orgs[0]!.id }).where('id', '=', admin.id).execute();
  } finally {
    await handle.close();
  }
}

async function loginToken(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench.user0', password: BENCH_PASSWORD }),
  });
  if (!res.ok) throw new Error(`bench login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

async function measurePlatform(label: string, env: NodeJS.ProcessEnv): Promise<Figures> {
  await prepare(env);
  const server = await startServer('platform', env);
  try {
    const token = await loginToken(server.port);
    return await load(label, `http://127.0.0.1:${server.port}/api/users?page=3&pageSize=20`, {
      authorization: `Bearer ${token}`,
    });
  } finally {
    await stop(server.child);
  }
}

const cluster = await startCluster();
const scratch = mkdtempSync(join(tmpdir(), 'jtgov-bench-'));
const results: Figures[] = [];
try {
  const bare = await startServer('bare', process.env);
  try {
    results.push(await load('bare Fastify route', `http://127.0.0.1:${bare.port}/bare`));
  } finally {
    await stop(bare.child);
  }
  const base = {
    ...process.env,
    JTGOV_MODE: 'production',
    JTGOV_SECRET_KEY: '0123456789abcdef0123456789abcdef',
    JTGOV_ADMIN_PASSWORD: 'Bench@root2026x',
    JTGOV_ADMIN_TOTP: 'optional',
  };
  results.push(
    await measurePlatform('GET /api/users, PostgreSQL', {
      ...base,
      DATABASE_URL: cluster.url,
      JTGOV_DATA_DIR: scratch,
    }),
  );
  results.push(
    await measurePlatform('GET /api/users, PGlite', { ...base, JTGOV_DATA_DIR: join(scratch, 'lite') }),
  );
} finally {
  cluster.stop();
  rmSync(scratch, { recursive: true, force: true });
}

const bare = results[0]!;
console.log(`\nHTTP list endpoint (${CONNECTIONS} connections, ${DURATION_S} s each, one server process)`);
console.log(
  'endpoint'.padEnd(34),
  'req/s'.padStart(9),
  'p99 ms'.padStart(8),
  'errors'.padStart(7),
  'vs bare'.padStart(8),
);
for (const r of results) {
  console.log(
    r.label.padEnd(34),
    r.rps.toFixed(0).padStart(9),
    String(r.p99).padStart(8),
    String(r.errors).padStart(7),
    `${((r.rps / bare.rps) * 100).toFixed(1)}%`.padStart(8),
  );
}
