// End-to-end JT/T 808 ingest: simulated terminals (this process) → the gateway (its own process) →
// the database, counting 0x8001 acknowledgements, which the gateway sends only once a position is
// committed. PostgreSQL (a throwaway cluster, with fsync and synchronous commit turned back on so
// "acknowledged" means durable) next to PGlite as the reference in the same run. Then idle
// terminals: as many authenticated connections as the file-descriptor limit allows, spread over
// several loopback source addresses, and the gateway's resident memory with them.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { loadConfig } from '../apps/server/src/config.ts';
import { demoVehicle } from '../apps/server/src/modules/vehicles/demo-fleet.ts';
import { SimFleet } from '../apps/server/src/modules/vehicles/simulator.ts';
import { migrate, openConfiguredDatabase, seedAll } from '../apps/server/src/runtime.ts';
// @ts-expect-error plain ESM helper without types
import { startCluster } from '../scripts/pg-cluster.mjs';

const TERMINALS = Number(process.env.BENCH_TERMINALS ?? 4000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_S = 3;
/** First demo-vehicle index of the bench fleet (clear of the 50 of the demo fleet). */
const FIRST = 1000;
/** This process's descriptor limit bounds the idle connections (each end holds one). */
const FD_LIMIT = Number(
  /Max open files\s+(\d+)/.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1] ?? 1024,
);
const IDLE = Math.min(Number(process.env.BENCH_IDLE ?? 100_000), FD_LIMIT - 1_500);
const SOURCES = Array.from({ length: 8 }, (_, i) => `127.0.0.${i + 2}`);
// The whole run stops by itself whatever happens.
const watchdog = setTimeout(() => {
  console.error('vehicles bench: time limit reached');
  process.exit(1);
}, 15 * 60_000);
watchdog.unref();

const authCode = (i: number) => `bench${i}`;

/** Migrates, seeds the org tree and inserts `count` vehicles with known auth codes. */
async function prepare(env: NodeJS.ProcessEnv, count: number): Promise<void> {
  const config = loadConfig({ ...env, LOG_LEVEL: 'silent' });
  const handle = await openConfiguredDatabase(config);
  try {
    await migrate(handle);
    await seedAll(handle, config);
    const orgs = await handle.db.selectFrom('org_unit').select(['id', 'code']).execute();
    const orgByCode = new Map(orgs.map((o) => [o.code, o.id]));
    for (let at = 0; at < count; at += 2000) {
      const rows = [];
      for (let i = at; i < Math.min(count, at + 2000); i++) {
        const v = demoVehicle(FIRST + i);
        rows.push({
          plate_no: v.plateNo,
          plate_color: v.plateColor,
          vehicle_type: v.vehicleType,
          operator_name: v.operatorName,
          org_unit_id: orgByCode.get(v.home.county) ?? 1,
          terminal_phone: v.phone,
          terminal_id: null,
          auth_code: authCode(FIRST + i),
          status: 'active' as const,
          registered_at: null,
        });
      }
      await handle.db.insertInto('vehicle').values(rows).execute();
    }
  } finally {
    await handle.close();
  }
}

interface Gateway {
  child: ChildProcess;
  port: number;
  lines: AsyncIterator<string>;
}

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

async function startGatewayProcess(env: NodeJS.ProcessEnv): Promise<Gateway> {
  // BENCH_GATEWAY_ARGS: extra node flags for the gateway, e.g. --cpu-prof while profiling.
  const extra = process.env.BENCH_GATEWAY_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(
    process.execPath,
    [...extra, '--expose-gc', '--import', 'tsx', 'bench/vehicles-gateway.ts'],
    {
      env,
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  children.add(child);
  child.once('exit', () => children.delete(child));
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  for (;;) {
    const { value, done } = await lines.next();
    if (done) throw new Error('gateway exited before it was ready');
    const match = /^ready (\d+)$/.exec(value);
    if (match) return { child, port: Number(match[1]), lines };
  }
}

async function stopGateway(gw: Gateway): Promise<number> {
  gw.child.stdin!.write('stop\n');
  let written = 0;
  for (;;) {
    const { value, done } = await gw.lines.next();
    if (done) break;
    const match = /^closed (\d+)$/.exec(value);
    if (match) written = Number(match[1]);
  }
  if (gw.child.exitCode === null) await once(gw.child, 'exit');
  return written;
}

/** The gateway's resident memory and its heap plus external memory after a full collection, in MB. */
async function memoryMb(gw: Gateway): Promise<{ rss: number; heap: number }> {
  gw.child.stdin!.write('rss\n');
  for (;;) {
    const { value, done } = await gw.lines.next();
    if (done) throw new Error('gateway exited');
    const match = /^rss (\d+) (\d+)$/.exec(value);
    if (match) return { rss: Number(match[1]) / 2 ** 20, heap: Number(match[2]) / 2 ** 20 };
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const codes = (count: number) =>
  new Map(Array.from({ length: count }, (_, i) => [demoVehicle(FIRST + i).phone, authCode(FIRST + i)]));

/** Waits for the whole fleet online, or goes on with those that are after the time given. */
async function ready(fleet: SimFleet, ms: number): Promise<void> {
  try {
    await fleet.whenReady(ms);
  } catch (err) {
    console.error(`vehicles bench: going on with ${(err as Error).message}`);
  }
}

interface Ingest {
  label: string;
  /** The login storm: every terminal connecting and authenticating at once. */
  loginSeconds: number;
  authenticated: number;
  /** Steady-state reporting, every terminal online. */
  perSecond: number;
  acked: number;
  failed: number;
  stored: number;
  /** CPU seconds per wall second during the steady window: simulator, gateway, database. */
  cpu: { sim: number; gateway: number; database: number | null };
}

/** CPU seconds (user + system) of a process and of its children that are still running, from /proc. */
function cpuSecondsOf(pid: number, withChildren: boolean): number {
  const tick = 100; // USER_HZ on Linux
  const read = (p: number) => {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / tick };
    } catch {
      return null;
    }
  };
  let total = read(pid)?.cpu ?? 0;
  if (withChildren)
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const s = read(Number(entry));
      if (s && s.ppid === pid) total += s.cpu;
    }
  return total;
}

/** The postmaster's pid, to count the database's CPU (its backends are its children). */
function postmasterPid(dataDir: string | null): number | null {
  if (!dataDir) return null;
  try {
    return Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
}

async function ingest(label: string, env: NodeJS.ProcessEnv, dataDir: string | null): Promise<Ingest> {
  await prepare(env, TERMINALS);
  const gw = await startGatewayProcess(env);
  const postmaster = postmasterPid(dataDir);
  const fleet = new SimFleet({
    host: '127.0.0.1',
    port: gw.port,
    count: TERMINALS,
    // Silent through the login storm, so it is measured alone; then see below.
    rate: 0,
    // One report per vehicle per GNSS second: starting ten minutes back leaves room to run ahead.
    now: () => Date.now() - 600_000,
    first: FIRST,
    authCodes: codes(TERMINALS),
    maxInFlight: 32,
    connectConcurrency: 500,
  });
  const started = performance.now();
  fleet.start();
  const trace =
    process.env.BENCH_TRACE === '1'
      ? setInterval(() => console.error(`sim: ${JSON.stringify(fleet.stats)}`), 2000)
      : undefined;
  await ready(fleet, 120_000);
  const loginSeconds = (performance.now() - started) / 1000;
  const authenticated = fleet.stats.authenticated;
  // As fast as acknowledgements come back (up to 32 in flight per terminal), under the gateway's
  // per-connection limit of 50 frames/s.
  fleet.setRate(TERMINALS * 40);
  await sleep(WARMUP_S * 1000);
  const cpu0 = {
    sim: process.cpuUsage(),
    gateway: cpuSecondsOf(gw.child.pid!, false),
    database: postmaster ? cpuSecondsOf(postmaster, true) : null,
  };
  const a0 = fleet.stats.acked;
  const t0 = performance.now();
  await sleep(SECONDS * 1000);
  const acked = fleet.stats.acked - a0;
  const seconds = (performance.now() - t0) / 1000;
  const sim = process.cpuUsage(cpu0.sim);
  const cpu = {
    sim: (sim.user + sim.system) / 1e6 / seconds,
    gateway: (cpuSecondsOf(gw.child.pid!, false) - cpu0.gateway) / seconds,
    database:
      postmaster && cpu0.database !== null
        ? (cpuSecondsOf(postmaster, true) - cpu0.database) / seconds
        : null,
  };
  clearInterval(trace);
  const stats = await fleet.stop();
  const stored = await stopGateway(gw);
  return {
    label,
    loginSeconds,
    authenticated,
    perSecond: acked / seconds,
    acked: stats.acked,
    failed: stats.failed,
    stored,
    cpu,
  };
}

interface Idle {
  held: number;
  base: { rss: number; heap: number };
  loaded: { rss: number; heap: number };
}

async function idle(env: NodeJS.ProcessEnv): Promise<Idle> {
  await prepare(env, IDLE);
  const gw = await startGatewayProcess(env);
  await sleep(2000);
  const base = await memoryMb(gw);
  const fleet = new SimFleet({
    host: '127.0.0.1',
    port: gw.port,
    count: IDLE,
    rate: 0,
    first: FIRST,
    authCodes: codes(IDLE),
    localAddresses: SOURCES,
    connectConcurrency: 1000,
    reconnect: false,
  });
  fleet.start();
  await ready(fleet, 300_000);
  await sleep(2000);
  const held = fleet.stats.authenticated;
  const loaded = await memoryMb(gw);
  await fleet.stop(0);
  await stopGateway(gw);
  return { held, base, loaded };
}

// fsync, synchronous commit and full-page writes on: an acknowledgement here must mean durable.
const cluster = await startCluster({ durable: true });
const scratch = mkdtempSync(join(tmpdir(), 'jtgov-bench-vehicles-'));
const base = {
  ...process.env,
  JTGOV_MODE: 'production',
  JTGOV_SECRET_KEY: '0123456789abcdef0123456789abcdef',
  JTGOV_ADMIN_PASSWORD: 'Bench@root2026x',
  JTGOV_ADMIN_TOTP: 'optional',
};
/** Printed as soon as the ingest runs are done: a later phase cannot lose them. */
function reportIngest(): void {
  console.log(
    `\nJT/T 808 end-to-end ingest: ${TERMINALS} simulated terminals (one process) → gateway (one process) → database. ` +
      `Login storm: all terminals connect and authenticate at once (online state committed before each 0x8001). ` +
      `Steady state: acknowledged (committed) positions over ${SECONDS} s, ${WARMUP_S} s after the last login; ` +
      `CPU in cores (2 on this machine, shared).`,
  );
  console.log(
    'database'.padEnd(12),
    'logins'.padStart(7),
    'login s'.padStart(8),
    'logins/s'.padStart(9),
    'positions/s'.padStart(12),
    'acked'.padStart(9),
    'failed'.padStart(7),
    'stored'.padStart(9),
    'cpu sim/gw/db'.padStart(16),
  );
  for (const r of results)
    console.log(
      r.label.padEnd(12),
      String(r.authenticated).padStart(7),
      r.loginSeconds.toFixed(1).padStart(8),
      (r.authenticated / r.loginSeconds).toFixed(0).padStart(9),
      r.perSecond.toFixed(0).padStart(12),
      String(r.acked).padStart(9),
      String(r.failed).padStart(7),
      String(r.stored).padStart(9),
      `${r.cpu.sim.toFixed(2)}/${r.cpu.gateway.toFixed(2)}/${r.cpu.database?.toFixed(2) ?? '-'}`.padStart(16),
    );
  // The machine is shared: what a position costs in CPU is steadier than what a second holds.
  for (const r of results) {
    const us = (cores: number | null) => (cores === null ? null : (cores * 1e6) / Math.max(1, r.perSecond));
    const [sim, gw, db] = [us(r.cpu.sim), us(r.cpu.gateway), us(r.cpu.database)];
    const total = (sim ?? 0) + (gw ?? 0) + (db ?? 0);
    console.log(
      `${r.label}: CPU per position: simulator ${sim?.toFixed(1)} µs, gateway ${gw?.toFixed(1)} µs, ` +
        `database ${db?.toFixed(1) ?? '-'} µs; derived ceiling on 2 idle cores ≈ ` +
        `${((2 * 1e6) / Math.max(1, total)).toFixed(0)} positions/s (derived from CPU use, not measured)`,
    );
  }
  const [pgResult, liteResult] = results;
  if (pgResult && liteResult)
    console.log(
      `PostgreSQL ingests ${(pgResult.perSecond / liteResult.perSecond).toFixed(2)}x the PGlite reference`,
    );
}

const results: Ingest[] = [];
let idleResult: Idle | undefined;
try {
  const pg = await import('pg');
  const admin = new pg.default.Client({ connectionString: cluster.url });
  await admin.connect();
  for (const setting of ['fsync', 'synchronous_commit', 'full_page_writes']) {
    const { rows } = await admin.query(`show ${setting}`);
    if (rows[0]?.[setting] !== 'on')
      throw new Error(`bench cluster runs with ${setting} = ${rows[0]?.[setting]}`);
  }
  await admin.query('create database bench_ingest');
  await admin.query('create database bench_idle');
  await admin.end();
  const url = (db: string) => cluster.url.replace(/\/postgres$/, `/${db}`);
  // BENCH_PHASES=idle (or ingest) runs one part only.
  const phases = process.env.BENCH_PHASES ?? 'ingest,idle';
  // BENCH_REFERENCE=0 leaves the PGlite reference out (while profiling the PostgreSQL path).
  if (phases.includes('ingest')) {
    results.push(
      await ingest(
        'PostgreSQL',
        { ...base, DATABASE_URL: url('bench_ingest'), JTGOV_DATA_DIR: scratch },
        join(cluster.dir, 'data'),
      ),
    );
    if (process.env.BENCH_REFERENCE !== '0')
      results.push(await ingest('PGlite', { ...base, JTGOV_DATA_DIR: join(scratch, 'lite') }, null));
  }
  if (results.length > 0) reportIngest();
  if (phases.includes('idle'))
    idleResult = await idle({ ...base, DATABASE_URL: url('bench_idle'), JTGOV_DATA_DIR: scratch });
} finally {
  cluster.stop();
  rmSync(scratch, { recursive: true, force: true });
}

if (idleResult) {
  const { held, base, loaded } = idleResult;
  const perConn = (mb: number) => (mb * 2 ** 20) / Math.max(1, held);
  const rssPer = perConn(loaded.rss - base.rss);
  const heapPer = perConn(loaded.heap - base.heap);
  console.log(
    `\nIdle authenticated terminals held: ${held} — as many as this machine allows: the descriptor ` +
      `limit is ${FD_LIMIT} per process and cannot be raised here, so 100,000 cannot be tried ` +
      `(sources ${SOURCES[0]}–${SOURCES.at(-1)})`,
  );
  console.log(
    `gateway after GC: RSS ${base.rss.toFixed(0)} → ${loaded.rss.toFixed(0)} MB ` +
      `(${(rssPer / 1024).toFixed(1)} KB per connection), heap + external ${base.heap.toFixed(0)} → ` +
      `${loaded.heap.toFixed(0)} MB (${(heapPer / 1024).toFixed(1)} KB per connection)`,
  );
  const extrapolated = base.rss + (Math.max(rssPer, heapPer) * 100_000) / 2 ** 20;
  console.log(
    `EXTRAPOLATED, not measured: 100,000 idle connections ≈ ${extrapolated.toFixed(0)} MB RSS ` +
      `(start-up RSS plus 100,000 × the larger per-connection figure; target < 2048 MB)`,
  );
}
process.exit(0);
