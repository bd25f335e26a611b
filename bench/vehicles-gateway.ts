// The gateway side of the vehicles benchmark, in its own process so the simulated terminals do not
// share its event loop: the JT/T 808 gateway on PostgreSQL (DATABASE_URL) or PGlite (no
// DATABASE_URL), timeouts raised so idle terminals stay. Prints `ready <port>`; on stdin, `stop`
// (or SIGTERM, or stdin closing: the bench is gone) closes it and prints `closed <rows written>`;
// `rss` prints `rss <rss bytes> <heap + external bytes>` after a GC; `cpu` prints
// `cpu <user + system µs of this process> <rows committed>`.
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { loadConfig } from '../apps/server/src/config.ts';
import { startGateway } from '../apps/server/src/modules/vehicles/index.ts';
import { openConfiguredDatabase } from '../apps/server/src/runtime.ts';

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const handle = await openConfiguredDatabase(config);
// Problems go to stderr, the first few of each message only.
const seen = new Map<string, number>();
const report = (details: object, message: string) => {
  const n = (seen.get(message) ?? 0) + 1;
  seen.set(message, n);
  if (n <= 3) console.error(`gateway: ${message} ${JSON.stringify(details)}`);
};
const gateway = await startGateway({
  db: handle.db,
  log: { info() {}, warn: report, error: report },
  port: 0,
  host: '127.0.0.1',
  maxConnections: 1_000_000,
  limits: { authTimeoutMs: 3_600_000, idleTimeoutMs: 3_600_000 },
});
console.log(`ready ${gateway.port}`);
// BENCH_TRACE=1: a line every two seconds on stderr of what the gateway is doing.
if (process.env.BENCH_TRACE === '1') {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  let cpu = process.cpuUsage();
  setInterval(() => {
    const used = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    console.error(
      `gateway: ${gateway.connections} connections, ${gateway.online.commits} online commits, ` +
        `${gateway.writer.written} written, ${gateway.writer.queuedRows} queued, ` +
        `${gateway.alarms?.evaluated ?? 0} evaluated; loop lag p99 ${(lag.percentile(99) / 1e6).toFixed(0)} ms; ` +
        `cpu ${((used.user + used.system) / 2e6).toFixed(2)}`,
    );
    lag.reset();
  }, 2000).unref();
}

// Garbage collections by kind, told at close: how much of the gateway's CPU they take.
const gcs = new Map<string, { n: number; ms: number }>();
const kinds: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental marking',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
};
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = kinds[(entry as unknown as { detail: { kind: number } }).detail.kind] ?? 'other';
    const g = gcs.get(kind) ?? { n: 0, ms: 0 };
    g.n++;
    g.ms += entry.duration;
    gcs.set(kind, g);
  }
}).observe({ entryTypes: ['gc'] });

let closing = false;
const close = async () => {
  if (closing) return;
  closing = true;
  await gateway.close();
  // What closed connections, and how many commits the online state took (the login storm's cost).
  console.error(
    `gateway: closed by ${JSON.stringify(gateway.closedBy)}; online-state commits ${gateway.online.commits}; ` +
      `alarms evaluated ${gateway.alarms?.evaluated ?? 0}, batches dropped ${gateway.alarms?.dropped ?? 0}; ` +
      `gc ${[...gcs].map(([kind, g]) => `${kind} ${g.n}× ${g.ms.toFixed(0)} ms`).join(', ')}`,
  );
  console.log(`closed ${gateway.writer.written}`);
  await handle.close();
  process.exit(0);
};
process.once('SIGTERM', () => void close());
const input = createInterface({ input: process.stdin });
input.on('close', () => void close());
input.on('line', (line) => {
  if (line.trim() === 'stop') void close();
  if (line.trim() === 'cpu') {
    const used = process.cpuUsage();
    console.log(`cpu ${used.user + used.system} ${gateway.writer.written}`);
  }
  // Resident memory after a full collection (the bench starts this process with --expose-gc).
  if (line.trim() === 'rss') {
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    console.log(`rss ${m.rss} ${m.heapUsed + m.external}`);
  }
});
