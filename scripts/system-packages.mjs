// Debian's gpsd-clients, whose gpsdecode the AIS decoder's tests and benchmark compare against:
// installed with apt when missing and we are root; otherwise a clear failure — a comparison is
// never skipped.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const GPSDECODE = '/usr/bin/gpsdecode';

export function ensureGpsdecode() {
  if (existsSync(GPSDECODE)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`AIS tests need ${GPSDECODE}: run as root, or apt-get install gpsd-clients`);
  }
  console.error('installing gpsd-clients (gpsdecode) from Debian packages …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'gpsd-clients'], {
    stdio: 'inherit',
    env,
  });
  if (!existsSync(GPSDECODE)) throw new Error(`apt-get did not provide ${GPSDECODE}`);
}
