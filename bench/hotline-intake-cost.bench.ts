// What one ticket creation costs, in figures a shared machine does not blur: SQL statements per
// intake (BEGIN and COMMIT included), server CPU and PostgreSQL CPU per intake, run one at a time
// and then 32 at a time through the application (Fastify inject, no sockets), with the most
// PostgreSQL sessions seen waiting on a lock. Reference: the same counts for an authenticated
// GET of one ticket in the same run.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { SYSTEM_CONTEXT } from '../apps/server/src/platform/audit/audit.service.ts';
import { createUser } from '../apps/server/src/platform/identity/users.service.ts';
import { loadSecretBox, migrate, openConfiguredDatabase, seedAll } from '../apps/server/src/runtime.ts';
// @ts-expect-error plain ESM helper without types
import { startCluster } from '../scripts/pg-cluster.mjs';

const SEQUENTIAL = Number(process.env.BENCH_INTAKES ?? 300);
const CONCURRENT = 32;
const PASSWORD = 'Bench@jtgov2026';

// Every statement any pg client sends (Kysely's, the pool's BEGIN/COMMIT), counted at the source.
let statements = 0;
/** BENCH_TRACE=1 prints the statements of one intake. */
let trace: string[] | undefined;
const uncounted = new WeakSet<object>();
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  if (!uncounted.has(this)) {
    statements += 1;
    if (trace) trace.push(String((args[0] as { text?: string }).text ?? args[0]).slice(0, 160));
  }
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

/** CPU seconds (user + system) of the cluster's postmaster and its children but one (the sampler's). */
function clusterCpu(dataDir: string | undefined, except = -1): number {
  if (!dataDir) return 0;
  const tick = 100; // USER_HZ on Linux
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const cpuOf = (pid: number) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      // utime, stime, and for the postmaster the children it has reaped (backends that exited).
      const own = Number(fields[11]) + Number(fields[12]);
      return {
        ppid: Number(fields[1]),
        cpu: (own + (pid === postmaster ? Number(fields[13]) + Number(fields[14]) : 0)) / tick,
      };
    } catch {
      return { ppid: -1, cpu: 0 };
    }
  };
  let total = cpuOf(postmaster).cpu;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const p = cpuOf(Number(pid));
    if (p.ppid === postmaster && Number(pid) !== except) total += p.cpu;
  }
  return total;
}

const nodeCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

interface Cost {
  statements: number;
  serverMs: number;
  pgMs: number;
  wallMs: number;
  maxLockWaiters: number;
}

async function main(kind: 'postgres' | 'pglite', url: string | undefined, dataDir: string | undefined) {
  const scratch = mkdtempSync(join(tmpdir(), 'jtgov-cost-'));
  const env = {
    ...process.env,
    JTGOV_MODE: 'production',
    JTGOV_SECRET_KEY: '0123456789abcdef0123456789abcdef',
    JTGOV_ADMIN_PASSWORD: 'Bench@root2026x',
    JTGOV_ADMIN_TOTP: 'optional',
    JTGOV_DATA_DIR: scratch,
    LOG_LEVEL: 'silent',
    ...(url ? { DATABASE_URL: url } : { DATABASE_URL: '' }),
  };
  const config = loadConfig(env);
  const handle = await openConfiguredDatabase(config);
  const app = await buildApp({
    config,
    db: handle.db,
    dbKind: handle.kind,
    secretBox: loadSecretBox(config),
    logger: false,
  });
  try {
    await migrate(handle);
    await seedAll(handle, config);
    const org = async (code: string) =>
      (await handle.db.selectFrom('org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow())
        .id;
    const centre = await org('320100');
    const county = await org('320102');
    await handle.db.transaction().execute((trx) =>
      createUser(
        trx,
        SYSTEM_CONTEXT,
        null,
        {
          username: 'bench.gateway',
          displayName: '短信网关',
          orgUnitId: centre,
          roles: ['hotlineAgent'],
          password: PASSWORD,
        },
        { config, now: new Date(), mustChangePassword: false },
      ),
    );
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'bench.gateway', password: PASSWORD },
    });
    const session = login.json().token as string;
    const tokenRes = await app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      headers: { authorization: `Bearer ${session}` },
      payload: { name: 'sms gateway' },
    });
    const token = tokenRes.json().token as string;
    const headers = { authorization: `Bearer ${token}` };
    let n = 0;
    let lastId = 0;
    const intake = async () => {
      const i = n++;
      const res = await app.inject({
        method: 'POST',
        url: '/api/hotline/intake',
        headers,
        payload: {
          channel: i % 3 === 0 ? 'wechat' : 'sms',
          externalId: `cost-${i}`,
          requestType: 'complaint',
          categoryCode: '0301',
          fields: { plateNo: `苏A${String(10000 + (i % 90000))}` },
          description: `出租车司机拒载，要求按表计价被拒绝（第${i}条）`,
          locationText: '南京市玄武区中山路',
          lat: 32.05,
          lon: 118.78,
          regionOrgId: county,
          requesterPhone: `138${String(i).padStart(8, '0')}`,
        },
      });
      if (res.statusCode !== 201) throw new Error(`intake ${res.statusCode} ${res.body}`);
      lastId = res.json().id;
    };
    const read = async () => {
      const res = await app.inject({ method: 'GET', url: `/api/hotline/tickets/${lastId}`, headers });
      if (res.statusCode !== 200) throw new Error(`read ${res.statusCode} ${res.body}`);
    };
    let waiters = 0;
    let sampling = false;
    const sampler = new pg.Client(url ? { connectionString: url } : {});
    uncounted.add(sampler);
    let samplerPid = -1;
    if (url) {
      await sampler.connect();
      samplerPid = (await sampler.query('select pg_backend_pid() as pid')).rows[0].pid;
    }
    const sample = async () => {
      while (sampling) {
        const { rows } = await sampler.query(
          `select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock'`,
        );
        waiters = Math.max(waiters, rows[0].n);
        await new Promise((r) => setTimeout(r, 2));
      }
    };
    const measure = async (count: number, parallel: number, fn: () => Promise<void>): Promise<Cost> => {
      waiters = 0;
      const c0 = nodeCpu();
      const p0 = clusterCpu(dataDir, samplerPid);
      const t0 = performance.now();
      sampling = Boolean(url);
      const sampled = url ? sample() : Promise.resolve();
      const s1 = statements;
      let next = 0;
      await Promise.all(
        Array.from({ length: parallel }, async () => {
          while (next < count) {
            next += 1;
            await fn();
          }
        }),
      );
      const wallMs = performance.now() - t0;
      const counted = statements - s1;
      sampling = false;
      await sampled;
      return {
        statements: counted / count,
        serverMs: ((nodeCpu() - c0) / count) * 1000,
        pgMs: ((clusterCpu(dataDir, samplerPid) - p0) / count) * 1000,
        wallMs: wallMs / count,
        maxLockWaiters: waiters,
      };
    };
    for (let i = 0; i < 50; i++) await intake(); // warm-up: JIT, prepared statements
    if (process.env.BENCH_TRACE) {
      trace = [];
      await intake();
      console.log(trace.map((t, i) => `${i + 1}. ${t.replace(/\s+/g, ' ')}`).join('\n'));
      trace = undefined;
    }
    const one = await measure(SEQUENTIAL, 1, intake);
    const many = await measure(SEQUENTIAL * 2, CONCURRENT, intake);
    const get = await measure(SEQUENTIAL, 1, read);
    if (url) await sampler.end();
    const line = (label: string, c: Cost) =>
      console.log(
        `${kind.padEnd(8)} ${label.padEnd(26)} ${c.statements.toFixed(1).padStart(6)} stmts ` +
          `${c.serverMs.toFixed(2).padStart(6)} ms node CPU ${c.pgMs.toFixed(2).padStart(6)} ms PG CPU ` +
          `${c.wallMs.toFixed(2).padStart(7)} ms wall/req ${(1000 / c.wallMs).toFixed(0).padStart(6)} req/s` +
          (url ? ` max lock waiters ${c.maxLockWaiters}` : ''),
      );
    line('intake, one at a time', one);
    line(`intake, ${CONCURRENT} at a time`, many);
    line('GET ticket (reference)', get);
  } finally {
    await app.close();
    await handle.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

const cluster = await startCluster();
try {
  for (const kind of (process.env.BENCH_KINDS ?? 'postgres,pglite').split(','))
    await main(
      kind as 'postgres' | 'pglite',
      kind === 'postgres' ? cluster.url : undefined,
      kind === 'postgres' ? join(cluster.dir, 'data') : undefined,
    );
} finally {
  cluster.stop();
}
