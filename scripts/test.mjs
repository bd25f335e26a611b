// `npm test`: every test — typecheck, lint, unit, repository and HTTP tests on both PGlite and a
// throwaway PostgreSQL, and browser tests in Debian's Chromium. Installs or starts what they need
// and fails loudly when it cannot; never skips.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ensureDependencies, ensureNode, ensureWebBuild, root } from './bootstrap.mjs';
import { startCluster } from './pg-cluster.mjs';
import { ensureSystemPackages } from './system-packages.mjs';

function step(label, command, args, env = process.env) {
  console.error(`\n== ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`\n${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

function testFiles(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) testFiles(path, out);
    else if (entry.name.endsWith('.test.ts')) out.push(relative(root, path));
  }
  return out;
}

ensureNode();
ensureDependencies();
ensureWebBuild();
ensureSystemPackages();
const bin = join(root, 'node_modules', '.bin');
step('typecheck', join(bin, 'tsc'), ['--noEmit', '-p', 'apps/server']);
step('typecheck web', join(bin, 'tsc'), ['--noEmit', '-p', 'apps/web']);
step('lint', join(bin, 'biome'), ['check', '.']);

const cluster = await startCluster();
const scratch = mkdtempSync(join(tmpdir(), 'jtgov-test-'));
let status = 1;
try {
  const env = {
    ...process.env,
    JTGOV_TEST_PG_URL: cluster.url,
    JTGOV_TEST_PGLITE_TEMPLATE: join(scratch, 'pglite-template.tar'),
  };
  step('test databases', process.execPath, ['--import', 'tsx', 'apps/server/test/prepare-templates.ts'], env);
  const files = ['apps', 'packages'].flatMap((d) => testFiles(join(root, d))).sort();
  console.error(`\n== tests (${files.length} files, PGlite and PostgreSQL ${cluster.url})`);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=300000', ...files],
    {
      cwd: root,
      stdio: 'inherit',
      env,
    },
  );
  status = result.status ?? 1;
} finally {
  cluster.stop();
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(status);
