// Debian's Chromium and a CJK font for the browser tests: installed with apt when missing and we
// are root; otherwise a clear failure — a browser test is never skipped.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';
const FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

export function ensureChromium() {
  const missing = [CHROMIUM, FONT].filter((f) => !existsSync(f));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `browser tests need ${missing.join(' and ')}: run as root, or apt-get install chromium fonts-wqy-microhei`,
    );
  }
  console.error('installing chromium and fonts-wqy-microhei from Debian packages …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync(
    'apt-get',
    ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-wqy-microhei'],
    { stdio: 'inherit', env },
  );
  const still = [CHROMIUM, FONT].filter((f) => !existsSync(f));
  if (still.length > 0) throw new Error(`apt-get did not provide ${still.join(', ')}`);
}
