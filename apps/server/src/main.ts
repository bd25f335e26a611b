import { parseArgs } from 'node:util';
import { progressBar } from './cli/progress.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import type { Jt808Gateway } from './modules/vehicles/index.ts';
import type { startJobWorker } from './platform/jobs/index.ts';
import type { openConfiguredDatabase, seedAll } from './runtime.ts';

// The platform (HTTP app, database, parts) is imported when a command needs it: loading it takes
// seconds, which protocol tools such as `jtgov ais decode` should not pay.
const runtime = () => import('./runtime.ts');

/** Each exports `run(args): Promise<number>`, reading stdin and writing stdout. */
const PROTOCOL_TOOLS = {
  jt808: () => import('./cli/jt808.ts'),
  jt809: () => import('./cli/jt809.ts'),
  ais: () => import('./cli/ais.ts'),
  sim: () => import('./cli/sim.ts'),
} as const;

const HELP = `jtgov — 交通运输电子政务平台

usage: jtgov <command> [options]

  start           migrate, seed what is missing, and serve the platform (PORT, default 3000)
  migrate         apply pending database migrations
  seed            load the division tree, roles and the initial administrator (idempotent)
  audit verify    prove the audit hash chain; names the first tampered entry
  jt808 decode    JT/T 808 frames (hex, one per line) on stdin to JSON lines on stdout
  jt809 decode    JT/T 809 frames (hex, one per line) on stdin to JSON lines on stdout
  ais decode      NMEA !AIVDM/!AIVDO on stdin to JSON lines (--gpsd [-u]: gpsdecode's fields)
  sim vehicles    simulated JT/T 808 terminals report to a gateway (--count N --rate R; --help)
  help            this text

Configuration is read from the environment; see docs/ARCHITECTURE.md (Configuration).`;

async function withDatabase<T>(
  config: Config,
  work: (handle: Awaited<ReturnType<typeof openConfiguredDatabase>>) => Promise<T>,
): Promise<T> {
  const handle = await (await runtime()).openConfiguredDatabase(config);
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

async function printSeedReport(report: Awaited<ReturnType<typeof seedAll>>, config: Config): Promise<void> {
  if (report.orgUnits > 0)
    console.log(`seeded ${report.divisions} GB/T 2260 divisions and ${report.orgUnits} org units`);
  if (report.calendarDays > 0)
    console.log(`loaded ${report.calendarDays} public holidays and make-up workdays`);
  if (report.adminCreated) {
    if (report.adminPassword) {
      console.log('\n  initial administrator: admin');
      console.log(`  password (shown once; change it at first login): ${report.adminPassword}\n`);
    } else {
      console.log('initial administrator: admin (password from JTGOV_ADMIN_PASSWORD)');
    }
  }
  if (report.demoAccounts > 0 && config.mode === 'demo') {
    const { DEMO_ACCOUNTS, DEMO_PASSWORD } = await import('./platform/identity/seed.ts');
    console.log(
      `demo accounts (password ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}`,
    );
  }
  if ((report.demoContent.vehicles ?? 0) > 0)
    console.log('seeded the demo fleet: try `jtgov sim vehicles --count 50 --rate 50`');
}

async function start(config: Config): Promise<void> {
  const { loadSecretBox, migrate, openConfiguredDatabase, seedAll } = await runtime();
  const { buildApp } = await import('./app.ts');
  const { startJobWorker } = await import('./platform/jobs/index.ts');
  const { PARTS } = await import('./registry.ts');
  const handle = await openConfiguredDatabase(config);
  await migrate(handle);
  await printSeedReport(await seedAll(handle, config), config);
  const app = await buildApp({
    config,
    db: handle.db,
    dbKind: handle.kind,
    secretBox: loadSecretBox(config),
  });
  let worker: Awaited<ReturnType<typeof startJobWorker>> | undefined;
  let gateway: Jt808Gateway | undefined;
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    // Terminals first: the gateway commits the positions it has queued while the database is open.
    await gateway?.close();
    await worker?.stop();
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  const address = await app.listen({ host: config.host, port: config.port });
  if (config.jobs.enabled) worker = await startJobWorker(app.platform, PARTS, app.log);
  if (config.gateway.enabled) {
    const { startGateway } = await import('./modules/vehicles/index.ts');
    gateway = await startGateway({
      db: handle.db,
      host: config.gateway.host,
      port: config.gateway.port,
      clock: app.platform.clock,
      log: app.log,
      alarms: { rules: config.vehicleAlarmRules },
    });
    console.log(`JT/T 808 gateway listening on ${config.gateway.host}:${gateway.port}`);
  }
  console.log(
    `jtgov (${config.mode}, ${handle.kind}) listening on ${address.replace(/127\.0\.0\.1|0\.0\.0\.0/, 'localhost')}`,
  );
}

export async function main(argv: readonly string[]): Promise<number> {
  const { positionals } = parseArgs({ args: [...argv], allowPositionals: true, strict: false });
  const [command = 'help', sub] = positionals;
  // Protocol tools need no configuration or database: `jtgov jt808 decode`, `jtgov ais decode` …
  if (command in PROTOCOL_TOOLS) {
    const { run } = await PROTOCOL_TOOLS[command as keyof typeof PROTOCOL_TOOLS]();
    return run(argv.slice(argv.indexOf(command) + 1));
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
  switch (command) {
    case 'start':
      await start(config);
      return -1;
    case 'migrate':
      return withDatabase(config, async (handle) => {
        const applied = await (await runtime()).migrate(handle);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
        return 0;
      });
    case 'seed':
      return withDatabase(config, async (handle) => {
        const { migrate, seedAll } = await runtime();
        await migrate(handle);
        await printSeedReport(await seedAll(handle, config), config);
        return 0;
      });
    case 'audit':
      if (sub !== 'verify') break;
      return withDatabase(config, async (handle) => {
        const { verifyChain } = await import('./platform/audit/audit.service.ts');
        const bar = progressBar('verifying audit chain');
        const verdict = await verifyChain(handle.db, (done, total) => bar.update(done, total));
        bar.done();
        if (verdict.ok) {
          console.log(`audit chain intact: ${verdict.entries} entries, head ${verdict.headHash}`);
          return 0;
        }
        console.error(
          `audit chain BROKEN at entry ${verdict.firstBadSeq} (${verdict.reason}); ${verdict.entries} entries before it prove`,
        );
        return 1;
      });
    case 'help':
    case '--help':
      console.log(HELP);
      return 0;
  }
  console.error(`unknown command: ${positionals.join(' ')}\n\n${HELP}`);
  return 2;
}

const code = await main(process.argv.slice(2));
if (code >= 0) process.exit(code);
