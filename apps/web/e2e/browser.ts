import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { TEST_PASSWORD, type TestApp } from '../../server/test/harness.ts';

/** Where screenshots of each step go: JTGOV_SCREENSHOTS, or a temp dir. */
export const SCREENSHOTS = process.env.JTGOV_SCREENSHOTS ?? join(tmpdir(), 'jtgov-screenshots');

export interface Console {
  base: string;
  browser: Browser;
  page: Page;
  /** Saves `<prefix><name>.png` in SCREENSHOTS. */
  shot: (name: string, options?: { fullPage?: boolean }) => Promise<Buffer>;
}

/**
 * Serves the test app on a free local port and opens it in Debian's Chromium on a zh-CN page of
 * 1440×900. Start the app with `clockStart: Date.now()`: Chromium drops cookies dated in its past.
 */
export async function openConsole(t: TestApp, prefix = ''): Promise<Console> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  page.on('pageerror', (e) => console.error('page error:', e));
  const shot = (name: string, options: { fullPage?: boolean } = {}) =>
    page.screenshot({ path: join(SCREENSHOTS, `${prefix}${name}.png`), ...options });
  return { base, browser, page, shot };
}

/** Signs in through the login form (a test user has TEST_PASSWORD) and waits for the menu. */
export async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(base);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(TEST_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('side-menu').waitFor();
}
