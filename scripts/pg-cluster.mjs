// A throwaway PostgreSQL cluster from the system's binaries (Debian's postgresql-15 or newer):
// initdb into a temporary directory, start on a free loopback port, remove on stop. When run as
// root the cluster runs as the `postgres` user, because PostgreSQL refuses to run as root.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function findBinDir() {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => Number(v) >= 15 && existsSync(join(base, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length > 0) return join(base, versions[0], 'bin');
  return null;
}

/** Installs Debian's PostgreSQL when missing and we are root; otherwise fails with the reason. */
export function ensurePostgresBinaries() {
  let bin = findBinDir();
  if (bin) return bin;
  if (process.getuid?.() !== 0) {
    throw new Error(
      'PostgreSQL 15+ server binaries not found under /usr/lib/postgresql; install postgresql (apt-get install postgresql)',
    );
  }
  console.error('installing PostgreSQL from Debian packages …');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql', 'postgresql-contrib'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  bin = findBinDir();
  if (!bin) throw new Error('PostgreSQL installation did not provide /usr/lib/postgresql/*/bin/initdb');
  return bin;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * `durable: true` keeps PostgreSQL's defaults (fsync, synchronous commit, full-page writes on) for
 * benchmarks whose acknowledgements must mean durable; tests run without them. Command-line `-c`
 * settings override ALTER SYSTEM, so they cannot be turned back on after the start.
 */
export async function startCluster({ port, durable = false } = {}) {
  const bin = ensurePostgresBinaries();
  const dir = mkdtempSync(join(tmpdir(), 'jtgov-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot)
    chownSync(
      dir,
      Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
      Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
    );
  const run = (cmd, args) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]]
      : [join(bin, cmd), args];
    const result = spawnSync(file, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${cmd} failed: ${result.stderr || result.stdout}`);
  };
  const dataDir = join(dir, 'data');
  const chosen = port ?? (await freePort());
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  run('pg_ctl', [
    '-D',
    dataDir,
    '-l',
    join(dir, 'log'),
    '-w',
    'start',
    '-o',
    `-p ${chosen} -k ${dir} -c listen_addresses=127.0.0.1${durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off'} -c max_connections=200`,
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${chosen}/postgres`,
    port: chosen,
    dir,
    stop() {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

// `node scripts/pg-cluster.mjs` starts a cluster for development and stops it on Ctrl-C.
if (import.meta.url === `file://${process.argv[1]}`) {
  const cluster = await startCluster({ port: process.argv[2] ? Number(process.argv[2]) : undefined });
  console.log(`JTGOV_TEST_PG_URL=${cluster.url}`);
  const stop = () => {
    cluster.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => {}, 1 << 30);
}
