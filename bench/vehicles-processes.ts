// The vehicles bench's processes: the gateway (bench/vehicles-gateway.ts) in a child process, the
// CPU the processes use, and the clean-up that stops the gateway and the PostgreSQL cluster however
// the bench ends — finished, failed, interrupted, or stopped by its own time limit.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const cleanups: (() => void)[] = [];

/** Runs `fn` (synchronous: it may run in the 'exit' handler) when the bench ends, last added first. */
export function atExit(fn: () => void): void {
  cleanups.push(fn);
}

function runCleanups(): void {
  for (let fn = cleanups.pop(); fn; fn = cleanups.pop()) {
    try {
      fn();
    } catch (err) {
      console.error(`vehicles bench: clean-up failed: ${(err as Error).message}`);
    }
  }
}

/** Clean-up on every way out, and a time limit after which the bench stops itself. */
export function guard(limitMs: number): void {
  process.on('exit', runCleanups);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.once(signal, () => {
      console.error(`vehicles bench: ${signal}, stopping the gateway and the cluster`);
      process.exit(130);
    });
  process.on('uncaughtException', (err) => {
    console.error('vehicles bench failed:', err);
    process.exit(1);
  });
  process.on('unhandledRejection', (err) => {
    console.error('vehicles bench failed:', err);
    process.exit(1);
  });
  setTimeout(() => {
    console.error(`vehicles bench: time limit of ${limitMs / 60_000} min reached, stopping`);
    process.exit(1);
  }, limitMs).unref();
}

export interface Gateway {
  child: ChildProcess;
  port: number;
  lines: AsyncIterator<string>;
}

/** Starts the gateway process; BENCH_GATEWAY_ARGS adds node flags (e.g. --cpu-prof). */
export async function startGatewayProcess(env: NodeJS.ProcessEnv): Promise<Gateway> {
  const extra = process.env.BENCH_GATEWAY_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(
    process.execPath,
    [...extra, '--expose-gc', '--import', 'tsx', 'bench/vehicles-gateway.ts'],
    { env, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  atExit(kill);
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  for (;;) {
    const { value, done } = await lines.next();
    if (done) throw new Error('gateway exited before it was ready');
    const match = /^ready (\d+)$/.exec(value);
    if (match) return { child, port: Number(match[1]), lines };
  }
}

/** Sends a command and returns the numbers of the first line answering it. */
async function ask(gw: Gateway, command: string, answer: RegExp): Promise<number[]> {
  gw.child.stdin!.write(`${command}\n`);
  for (;;) {
    const { value, done } = await gw.lines.next();
    if (done) throw new Error(`gateway exited before answering ${command}`);
    const match = answer.exec(value);
    if (match) return match.slice(1).map(Number);
  }
}

/** Closes the gateway (it commits what is queued) and returns the rows it committed in all. */
export async function stopGateway(gw: Gateway): Promise<number> {
  const [written] = await ask(gw, 'stop', /^closed (\d+)$/);
  if (gw.child.exitCode === null) await once(gw.child, 'exit');
  return written!;
}

/** The gateway's resident memory and its heap plus external memory after a full collection, in MB. */
export async function memoryMb(gw: Gateway): Promise<{ rss: number; heap: number }> {
  const [rss, heap] = await ask(gw, 'rss', /^rss (\d+) (\d+)$/);
  return { rss: rss! / 2 ** 20, heap: heap! / 2 ** 20 };
}

/** The gateway's own CPU time (process.cpuUsage: user + system, µs) and the rows it has committed. */
export async function gatewayCpu(gw: Gateway): Promise<{ us: number; written: number }> {
  const [us, written] = await ask(gw, 'cpu', /^cpu (\d+) (\d+)$/);
  return { us: us!, written: written! };
}

/**
 * CPU seconds (user + system) a process has used, from /proc; with its children, those running
 * now and those it has reaped (a PostgreSQL backend that exits leaves its time to the postmaster).
 */
export function cpuSecondsOf(pid: number, withChildren: boolean): number {
  const tick = 100; // USER_HZ on Linux
  const fieldsOf = (p: number) => {
    try {
      return readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ').map(Number);
    } catch {
      return null;
    }
  };
  const own = fieldsOf(pid);
  if (!own) return 0;
  let total = own[11]! + own[12]!;
  if (withChildren) {
    total += own[13]! + own[14]!;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const f = fieldsOf(Number(entry));
      if (f && f[1] === pid) total += f[11]! + f[12]!;
    }
  }
  return total / tick;
}

/** The postmaster's pid, to count the database's CPU (its backends are its children). */
export function postmasterPid(dataDir: string): number | null {
  try {
    return Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
}
