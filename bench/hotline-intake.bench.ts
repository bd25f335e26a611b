import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../apps/server/src/config.ts';
import { SYSTEM_CONTEXT } from '../apps/server/src/platform/audit/audit.service.ts';
import { createUser } from '../apps/server/src/platform/identity/users.service.ts';
import { migrate, openConfiguredDatabase, seedAll } from '../apps/server/src/runtime.ts';
// @ts-expect-error plain ESM helper without types
import { startCluster } from '../scripts/pg-cluster.mjs';
import { startServer, stop } from './server-process.ts';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const PASSWORD = 'Bench@jtgov2026';

interface Figures {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** A gateway account at the Nanjing centre (320100); returns the id of 玄武区 for the tickets. */
async function prepare(env: NodeJS.ProcessEnv): Promise<number> {
  const config = loadConfig({ ...env, LOG_LEVEL: 'silent' });
  const handle = await openConfiguredDatabase(config);
  try {
    await migrate(handle);
    await seedAll(handle, config);
    const org = async (code: string) =>
      (await handle.db.selectFrom('org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow())
        .id;
    const centre = await org('320100');
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
    return await org('320102');
  } finally {
    await handle.close();
  }
}

async function apiToken(port: number): Promise<string> {
  const base = `http://127.0.0.1:${port}/api`;
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench.gateway', password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`bench login failed: ${login.status} ${await login.text()}`);
  const session = ((await login.json()) as { token: string }).token;
  const res = await fetch(`${base}/me/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session}` },
    body: JSON.stringify({ name: 'sms gateway' }),
  });
  if (!res.ok) throw new Error(`token creation failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

const DESCRIPTIONS = [
  '出租车司机拒载，要求按表计价被拒绝',
  '网约车绕路多收费，平台客服不处理',
  '公交车到站不停，乘客无法上车',
  '出租车司机吸烟，车内有异味',
  '长途客车超员，站外揽客',
];

let sent = 0;
function intakeBody(run: string, county: number): string {
  const n = sent++;
  return JSON.stringify({
    channel: n % 3 === 0 ? 'wechat' : 'sms',
    externalId: `${run}-${n}`,
    requestType: 'complaint',
    categoryCode: '0301',
    fields: { plateNo: `苏A${String(10000 + (n % 90000))}` },
    description: `${DESCRIPTIONS[n % DESCRIPTIONS.length]}（第${n}条）`,
    locationText: '南京市玄武区中山路',
    lat: 32.05 + (n % 100) / 10_000,
    lon: 118.78,
    regionOrgId: county,
    requesterPhone: `138${String(n % 100_000_000).padStart(8, '0')}`,
  });
}

async function measure(label: string, env: NodeJS.ProcessEnv): Promise<Figures> {
  const county = await prepare(env);
  const server = await startServer('platform', env);
  try {
    const token = await apiToken(server.port);
    const run = `bench${Date.now().toString(36)}`;
    const options = (duration: number) => ({
      url: `http://127.0.0.1:${server.port}`,
      connections: CONNECTIONS,
      duration,
      requests: [
        {
          method: 'POST' as const,
          path: '/api/hotline/intake',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          setupRequest: (req: autocannon.Request) => ({ ...req, body: intakeBody(run, county) }),
        },
      ],
    });
    // One request first: a refusal would otherwise only show up as a count of errors.
    const first = await fetch(`http://127.0.0.1:${server.port}/api/hotline/intake`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: intakeBody(run, county),
    });
    if (first.status !== 201) throw new Error(`intake refused: ${first.status} ${await first.text()}`);
    await autocannon(options(2)); // warm-up: JIT, pools, plan caches
    const result = await autocannon(options(DURATION_S));
    const created = result['2xx'];
    return {
      label,
      rps: created / DURATION_S,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx,
    };
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
    const r = await autocannon({
      url: `http://127.0.0.1:${bare.port}/bare`,
      connections: CONNECTIONS,
      duration: DURATION_S,
    });
    results.push({
      label: 'bare Fastify route',
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors + r.non2xx,
    });
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
  for (const kind of (process.env.BENCH_KINDS ?? 'postgres,pglite').split(',')) {
    results.push(
      kind === 'postgres'
        ? await measure('POST /api/hotline/intake, PostgreSQL', {
            ...base,
            DATABASE_URL: cluster.url,
            JTGOV_DATA_DIR: scratch,
          })
        : await measure('POST /api/hotline/intake, PGlite', {
            ...base,
            JTGOV_DATA_DIR: join(scratch, 'lite'),
          }),
    );
  }
} finally {
  cluster.stop();
  rmSync(scratch, { recursive: true, force: true });
}

const bare = results[0]!;
console.log(
  `\nTicket creation over HTTP (${CONNECTIONS} connections, ${DURATION_S} s each, one server process)`,
);
console.log(
  'endpoint'.padEnd(40),
  'created/s'.padStart(10),
  'p50 ms'.padStart(7),
  'p99 ms'.padStart(7),
  'errors'.padStart(7),
  'vs bare'.padStart(8),
);
for (const r of results) {
  console.log(
    r.label.padEnd(40),
    r.rps.toFixed(0).padStart(10),
    String(r.p50).padStart(7),
    String(r.p99).padStart(7),
    String(r.errors).padStart(7),
    `${((r.rps / bare.rps) * 100).toFixed(1)}%`.padStart(8),
  );
}
const pg = results.find((r) => r.label.includes('PostgreSQL'));
if (pg)
  console.log(
    `aim ≥ 2,000 creations/s with p99 < 50 ms on PostgreSQL: ${pg.rps >= 2000 && pg.p99 < 50 ? 'met' : 'missed'}`,
  );
