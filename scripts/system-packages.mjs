// Debian packages the tests and benchmarks run against: Chromium and a CJK font for the browser
// tests, gpsd-clients for the AIS comparison with gpsdecode. Installed with apt when missing and
// we are root; otherwise a clear failure — a test is never skipped for want of them.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';
export const GPSDECODE = '/usr/bin/gpsdecode';
const PACKAGES = [
  { file: CHROMIUM, name: 'chromium' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', name: 'fonts-wqy-microhei' },
  { file: GPSDECODE, name: 'gpsd-clients' },
];

/** Installs (in one apt run) the packages providing `files` that are missing. */
export function ensureSystemPackages(files = PACKAGES.map((p) => p.file)) {
  const missing = PACKAGES.filter((p) => files.includes(p.file) && !existsSync(p.file));
  if (missing.length === 0) return;
  const names = missing.map((p) => p.name);
  if (process.getuid?.() !== 0) {
    throw new Error(
      `missing ${missing.map((p) => p.file).join(', ')}: run as root, or apt-get install ${names.join(' ')}`,
    );
  }
  console.error(`installing ${names.join(', ')} from Debian packages …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], {
    stdio: 'inherit',
    env,
  });
  const still = missing.filter((p) => !existsSync(p.file));
  if (still.length > 0) throw new Error(`apt-get did not provide ${still.map((p) => p.file).join(', ')}`);
}

export const ensureGpsdecode = () => ensureSystemPackages([GPSDECODE]);
