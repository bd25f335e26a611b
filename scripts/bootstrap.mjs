// What `npm start` and `npm test` need before they can run: dependencies installed and current,
// the web console built and current. Only node:* modules here — this runs before any install.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function digest(files) {
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    hash.update(relative(root, file));
    hash.update(existsSync(file) ? readFileSync(file) : '');
  }
  return hash.digest('hex');
}

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

function run(command, args) {
  console.error(`> ${command} ${args.join(' ')}`);
  execFileSync(command, args, { cwd: root, stdio: 'inherit' });
}

/** npm ci when node_modules is missing or the lockfile/manifests changed since the last install. */
export function ensureDependencies() {
  const manifests = [
    join(root, 'package-lock.json'),
    join(root, 'package.json'),
    ...walk(join(root, 'apps'), []).filter((f) => f.endsWith('/package.json')),
    ...walk(join(root, 'packages'), []).filter((f) => f.endsWith('/package.json')),
  ];
  const stampFile = join(root, 'node_modules', '.jtgov-install-stamp');
  const want = digest(manifests);
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === want) return;
  run(
    'npm',
    existsSync(join(root, 'package-lock.json'))
      ? ['ci', '--no-audit', '--no-fund']
      : ['install', '--no-audit', '--no-fund'],
  );
  writeFileSync(stampFile, want);
}

/** Builds the web console when its sources changed since the last build. */
export function ensureWebBuild() {
  const web = join(root, 'apps', 'web');
  const sources = [
    ...walk(join(web, 'src')),
    join(web, 'index.html'),
    join(web, 'vite.config.ts'),
    join(web, 'package.json'),
  ];
  const stampFile = join(web, 'dist', '.build-stamp');
  const want = digest(sources.filter((f) => existsSync(f) && statSync(f).isFile()));
  if (
    existsSync(join(web, 'dist', 'index.html')) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, 'utf8') === want
  )
    return;
  run('npm', ['run', 'build', '--workspace', '@jtgov/web']);
  writeFileSync(stampFile, want);
}

export function ensureNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`jtgov needs Node.js 20.19 or newer; this is ${process.versions.node}`);
    process.exit(1);
  }
}
