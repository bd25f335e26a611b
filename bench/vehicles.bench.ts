// End-to-end JT/T 808 ingest: simulated terminals (this process) → the gateway (its own process) →
// the database. PostgreSQL (a throwaway cluster with fsync, synchronous commit and full-page writes
// on, so "acknowledged" means durable) next to PGlite as the reference in the same run. Positions
// are counted twice: acknowledgements (0x8001) at the terminals, rows in the database after the
// fleet has stopped reporting and every report is answered; the bench fails if the two differ.
// Then idle terminals: as many authenticated connections as the descriptor limit allows, and the
// gateway's resident memory with them.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../apps/server/src/config.ts';
import { demoVehicle } from '../apps/server/src/modules/vehicles/demo-fleet.ts';
import { SimFleet } from '../apps/server/src/modules/vehicles/simulator.ts';
import { migrate, openConfiguredDatabase, seedAll } from '../apps/server/src/runtime.ts';
// @ts-expect-error plain ESM helper without types
import { startCluster } from '../scripts/pg-cluster.mjs';
import {
  atExit,
  cpuSecondsOf,
  gatewayCpu,
  guard,
  memoryMb,
  postmasterPid,
  startGatewayProcess,
  stopGateway,
} from './vehicles-processes.ts';
import { type Idle, type Ingest, reportIdle, reportIngest } from './vehicles-report.ts';

const TERMINALS = Number(process.env.BENCH_TERMINALS ?? 4000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_S = 3;
/** Reports per second per terminal asked of the simulator, under the gateway's limit of 50 a second. */
const PER_TERMINAL = Number(process.env.BENCH_RATE ?? 40);
/** Unacknowledged reports per terminal: the fleet waits for acknowledgements beyond this. */
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 16);
/** First demo-vehicle index of the bench fleet (clear of the 50 of the demo fleet). */
const FIRST = 1000;
/** This process's descriptor limit bounds the idle connections (each end holds one). */
const FD_LIMIT = Number(
  /Max open files\s+(\d+)/.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1] ?? 1024,
);
const IDLE = Math.min(Number(process.env.BENCH_IDLE ?? 100_000), FD_LIMIT - 1_500);
const SOURCES = Array.from({ length: 8 }, (_, i) => `127.0.0.${i + 2}`);
// The gateway and the cluster are stopped however the bench ends, its own time limit included.
guard(Number(process.env.BENCH_LIMIT_MIN ?? 15) * 60_000);

const authCode = (i: number) => `bench${i}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const codes = (count: number) =>
  new Map(Array.from({ length: count }, (_, i) => [demoVehicle(FIRST + i).phone, authCode(FIRST + i)]));

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

/** Positions in the database (opened once the gateway has exited), in all and per vehicle. */
async function countStored(env: NodeJS.ProcessEnv): Promise<Ingest['rows']> {
  const handle = await openConfiguredDatabase(loadConfig({ ...env, LOG_LEVEL: 'silent' }));
  try {
    const { rows } = await sql<{ rows: number; vehicles: number; min: number | null; max: number | null }>`
      select coalesce(sum(n), 0)::int "rows", count(*)::int vehicles, min(n)::int "min", max(n)::int "max"
      from (select vehicle_id, count(*) n from vehicle_position group by vehicle_id) per_vehicle`.execute(
      handle.db,
    );
    const r = rows[0]!;
    return { stored: r.rows, vehicles: r.vehicles, min: r.min ?? 0, max: r.max ?? 0 };
  } finally {
    await handle.close();
  }
}

/** Waits for the whole fleet online, or goes on with those that are after the time given. */
async function ready(fleet: SimFleet, ms: number): Promise<void> {
  try {
    await fleet.whenReady(ms);
  } catch (err) {
    console.error(`vehicles bench: going on with ${(err as Error).message}`);
  }
}

async function ingest(label: string, env: NodeJS.ProcessEnv, dataDir: string | null): Promise<Ingest> {
  await prepare(env, TERMINALS);
  const gw = await startGatewayProcess(env);
  const postmaster = dataDir ? postmasterPid(dataDir) : null;
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
    maxInFlight: IN_FLIGHT,
    connectConcurrency: 500,
  });
  const started = performance.now();
  fleet.start();
  const trace =
    process.env.BENCH_TRACE === '1'
      ? setInterval(
          () => console.error(`sim: ${JSON.stringify(fleet.stats)} in flight ${fleet.inFlight}`),
          2000,
        )
      : undefined;
  await ready(fleet, 120_000);
  const loginSeconds = (performance.now() - started) / 1000;
  const authenticated = fleet.stats.authenticated;
  fleet.setRate(TERMINALS * PER_TERMINAL);
  await sleep(WARMUP_S * 1000);
  const sim0 = process.cpuUsage();
  const gw0 = await gatewayCpu(gw);
  const db0 = postmaster ? cpuSecondsOf(postmaster, true) : null;
  const acked0 = fleet.stats.acked;
  const t0 = performance.now();
  await sleep(SECONDS * 1000);
  const acked = fleet.stats.acked - acked0;
  const gw1 = await gatewayCpu(gw);
  const db1 = postmaster ? cpuSecondsOf(postmaster, true) : null;
  const sim = process.cpuUsage(sim0);
  const seconds = (performance.now() - t0) / 1000;
  // Stop reporting and wait for every report to be answered: then acknowledged must equal stored.
  fleet.setRate(0);
  let unsettled: string | null = null;
  try {
    await fleet.whenSettled(180_000);
  } catch (err) {
    unsettled = (err as Error).message;
  }
  clearInterval(trace);
  const stats = await fleet.stop(0);
  const written = await stopGateway(gw);
  const committed = gw1.written - gw0.written;
  return {
    label,
    loginSeconds,
    authenticated,
    seconds,
    ackedPerSecond: acked / seconds,
    committedPerSecond: committed / seconds,
    cpu: {
      sim: (sim.user + sim.system) / 1e6 / seconds,
      gateway: (gw1.us - gw0.us) / 1e6 / seconds,
      database: db0 !== null && db1 !== null ? (db1 - db0) / seconds : null,
    },
    gatewayUsPerPosition: (gw1.us - gw0.us) / Math.max(1, committed),
    sent: stats.sent,
    acked: stats.acked,
    failed: stats.failed,
    written,
    unsettled,
    rows: await countStored(env),
  };
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
  return { tried: IDLE, held, base, loaded, fdLimit: FD_LIMIT, sources: SOURCES };
}

// fsync, synchronous commit and full-page writes on: an acknowledgement here must mean durable.
const cluster = await startCluster({ durable: true });
let clusterStopped = false;
const stopCluster = () => {
  if (clusterStopped) return;
  clusterStopped = true;
  cluster.stop();
};
atExit(stopCluster);
const scratch = mkdtempSync(join(tmpdir(), 'jtgov-bench-vehicles-'));
atExit(() => rmSync(scratch, { recursive: true, force: true }));
const base = {
  ...process.env,
  JTGOV_MODE: 'production',
  JTGOV_SECRET_KEY: '0123456789abcdef0123456789abcdef',
  JTGOV_ADMIN_PASSWORD: 'Bench@root2026x',
  JTGOV_ADMIN_TOTP: 'optional',
};

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
  const ingestOptions = {
    terminals: TERMINALS,
    seconds: SECONDS,
    warmup: WARMUP_S,
    perTerminal: PER_TERMINAL,
    inFlight: IN_FLIGHT,
  };
  if (phases.includes('ingest')) {
    results.push(
      await ingest(
        'PostgreSQL',
        { ...base, DATABASE_URL: url('bench_ingest'), JTGOV_DATA_DIR: scratch },
        join(cluster.dir, 'data'),
      ),
    );
    // Printed as soon as each run is done: a later run, phase or the time limit cannot lose it.
    reportIngest(results, ingestOptions);
    if (process.env.BENCH_REFERENCE !== '0') {
      results.push(await ingest('PGlite', { ...base, JTGOV_DATA_DIR: join(scratch, 'lite') }, null));
      reportIngest(results, ingestOptions);
    }
  }
  if (phases.includes('idle'))
    idleResult = await idle({ ...base, DATABASE_URL: url('bench_idle'), JTGOV_DATA_DIR: scratch });
} finally {
  stopCluster();
}
if (idleResult) reportIdle(idleResult);
// Loudly: a bench whose acknowledgements and rows disagree measured something other than durable ingest.
const wrong = results.filter((r) => r.unsettled || r.failed > 0 || r.acked !== r.rows.stored);
for (const r of wrong)
  console.error(
    `vehicles bench FAILED on ${r.label}: ${r.acked} positions acknowledged at the terminals, ` +
      `${r.rows.stored} rows in the database, ${r.failed} answered "failed"` +
      (r.unsettled ? `; not settled: ${r.unsettled}` : ''),
  );
process.exit(wrong.length > 0 ? 1 : 0);
