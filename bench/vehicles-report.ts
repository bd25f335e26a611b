// What the vehicles bench prints: the ingest table, CPU per position next to the PGlite reference,
// and the idle connections with what 100,000 would take (extrapolated, and labelled so).

export interface Ingest {
  label: string;
  /** The login storm: every terminal connecting and authenticating at once. */
  loginSeconds: number;
  authenticated: number;
  /** The steady window, every terminal online. */
  seconds: number;
  /** 0x8001 acknowledgements received by the terminals per second in the window. */
  ackedPerSecond: number;
  /** Rows the gateway committed per second in the window. */
  committedPerSecond: number;
  /** CPU seconds per wall second during the window: simulator, gateway, database. */
  cpu: { sim: number; gateway: number; database: number | null };
  /** The gateway's process.cpuUsage over the window / rows it committed in the window. */
  gatewayUsPerPosition: number;
  /** Whole run, counted at the terminals once every report was answered. */
  sent: number;
  acked: number;
  failed: number;
  /** Rows the gateway's writer committed, by its own count. */
  written: number;
  /** Why the fleet did not settle (reports left unanswered), or null. */
  unsettled: string | null;
  /** Counted in the database after the gateway exited. */
  rows: { stored: number; vehicles: number; min: number; max: number };
}

export interface Idle {
  tried: number;
  held: number;
  base: { rss: number; heap: number };
  loaded: { rss: number; heap: number };
  fdLimit: number;
  sources: readonly string[];
}

export function reportIngest(
  results: readonly Ingest[],
  o: { terminals: number; seconds: number; warmup: number; perTerminal: number; inFlight: number },
): void {
  console.log(
    `\nJT/T 808 end-to-end ingest: ${o.terminals} simulated terminals (one process) → gateway (one process) → database. ` +
      `Login storm: all terminals connect and authenticate at once (online state committed before each 0x8001). ` +
      `Steady state: ${o.perTerminal} reports/s asked of each terminal, at most ${o.inFlight} unacknowledged, ` +
      `measured over ${o.seconds} s from ${o.warmup} s after the last login; then the fleet stops reporting and waits ` +
      `for every answer. CPU in cores (2 on this machine, shared with other work: wall-clock rates are noisy, CPU per position less so).`,
  );
  console.log(
    'database'.padEnd(11),
    'logins'.padStart(7),
    'login s'.padStart(8),
    'acked/s'.padStart(8),
    'durable/s'.padStart(10),
    'sent'.padStart(8),
    'acked'.padStart(8),
    'failed'.padStart(7),
    'rows in db'.padStart(11),
    'per vehicle'.padStart(12),
    'cpu sim/gw/db'.padStart(15),
  );
  for (const r of results)
    console.log(
      r.label.padEnd(11),
      String(r.authenticated).padStart(7),
      r.loginSeconds.toFixed(1).padStart(8),
      r.ackedPerSecond.toFixed(0).padStart(8),
      r.committedPerSecond.toFixed(0).padStart(10),
      String(r.sent).padStart(8),
      String(r.acked).padStart(8),
      String(r.failed).padStart(7),
      String(r.rows.stored).padStart(11),
      `${r.rows.min}–${r.rows.max}`.padStart(12),
      `${r.cpu.sim.toFixed(2)}/${r.cpu.gateway.toFixed(2)}/${r.cpu.database?.toFixed(2) ?? '-'}`.padStart(15),
    );
  for (const r of results) {
    const us = (cores: number | null) =>
      cores === null ? null : (cores * 1e6) / Math.max(1, r.committedPerSecond);
    const [sim, db] = [us(r.cpu.sim), us(r.cpu.database)];
    const total = (sim ?? 0) + r.gatewayUsPerPosition + (db ?? 0);
    console.log(
      `${r.label}: CPU per durable position: gateway ${r.gatewayUsPerPosition.toFixed(1)} µs (its process.cpuUsage / rows it committed), ` +
        `simulator ${sim?.toFixed(1)} µs, database ${db?.toFixed(1) ?? '-'} µs; ` +
        `derived ceiling on 2 idle cores ≈ ${((2 * 1e6) / Math.max(1, total)).toFixed(0)} positions/s (derived from CPU use, not measured). ` +
        `Acknowledged = rows in the database: ${r.acked === r.rows.stored ? 'yes' : 'NO'} (${r.acked} / ${r.rows.stored}; the gateway's writer says ${r.written}).`,
    );
  }
  const [pg, lite] = results;
  if (pg && lite)
    console.log(
      `PostgreSQL / PGlite reference: durable positions/s ${(pg.committedPerSecond / Math.max(1, lite.committedPerSecond)).toFixed(2)}x, ` +
        `gateway CPU per position ${(pg.gatewayUsPerPosition / Math.max(0.001, lite.gatewayUsPerPosition)).toFixed(2)}x`,
    );
}

export function reportIdle(r: Idle): void {
  const perConn = (mb: number) => (mb * 2 ** 20) / Math.max(1, r.held);
  const rssPer = perConn(r.loaded.rss - r.base.rss);
  const heapPer = perConn(r.loaded.heap - r.base.heap);
  console.log(
    `\nIdle authenticated terminals held: ${r.held} of ${r.tried} tried — as many as this machine allows: the ` +
      `descriptor limit is ${r.fdLimit} per process and cannot be raised here, so 100,000 cannot be tried ` +
      `(sources ${r.sources[0]}–${r.sources.at(-1)})`,
  );
  console.log(
    `gateway after GC: RSS ${r.base.rss.toFixed(0)} → ${r.loaded.rss.toFixed(0)} MB ` +
      `(${(rssPer / 1024).toFixed(1)} KB per connection), heap + external ${r.base.heap.toFixed(0)} → ` +
      `${r.loaded.heap.toFixed(0)} MB (${(heapPer / 1024).toFixed(1)} KB per connection)`,
  );
  const extrapolated = r.base.rss + (Math.max(rssPer, heapPer) * 100_000) / 2 ** 20;
  console.log(
    `EXTRAPOLATED, not measured: 100,000 idle connections ≈ ${extrapolated.toFixed(0)} MB RSS ` +
      `(start-up RSS plus 100,000 × the larger per-connection figure; target < 2048 MB)`,
  );
}
