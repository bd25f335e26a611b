import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { TEST_PASSWORD, type TestApp } from '../../server/test/harness.ts';

/** Where screenshots of each step go: JTGOV_SCREENSHOTS, or a temp dir. */
export const SCREENSHOTS = process.env.JTGOV_SCREENSHOTS ?? join(tmpdir(), 'jtgov-screenshots');

/**
 * Serves the test app on a free local port and returns its base URL. Start the app with
 * `clockStart: Date.now()`: Chromium drops cookies dated in its past.
 */
export async function serve(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
}

/** Debian's Chromium, headless. */
export function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
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
}

/** A page in a context of its own (its own cookies, so sessions never mix), zh-CN. */
export async function newPage(browser: Browser, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e));
  return page;
}

/** Saves `<name>.png` in SCREENSHOTS. */
export const screenshot = (page: Page, name: string, options: { fullPage?: boolean } = {}) =>
  page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), ...options });

export interface Console {
  base: string;
  browser: Browser;
  page: Page;
  /** Saves `<prefix><name>.png` in SCREENSHOTS. */
  shot: (name: string, options?: { fullPage?: boolean }) => Promise<Buffer>;
}

/** The common case: the app served, Chromium launched, one page open. */
export async function openConsole(t: TestApp, prefix = ''): Promise<Console> {
  const base = await serve(t);
  const browser = await launchChromium();
  const page = await newPage(browser);
  return { base, browser, page, shot: (name, options) => screenshot(page, `${prefix}${name}`, options) };
}

/** Signs in through the login form (a test user has TEST_PASSWORD) and waits for the menu. */
export async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(base);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(TEST_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('side-menu').waitFor();
}

/** Picks an option of the Select with this test id (typing `search` first into a Select that
 * searches the server). A click landing while the list is still in
 * its opening motion is lost (the list stays open and swallows the next click), so the option is
 * clicked once the motion has ended; then the Select must show the option and its list close. */
export async function pickOption(page: Page, testId: string, option: string, search?: string): Promise<void> {
  const select = page.getByTestId(testId);
  await select.click();
  if (search) await select.locator('input').fill(search);
  const open = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';
  const settled = page.locator(`${open}:not([class*="-appear"]):not([class*="-enter"])`);
  await settled.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  await select.filter({ hasText: option }).waitFor();
  await page.locator(open).waitFor({ state: 'hidden' });
}

/** Goes to a side-menu destination. Its submenu `group` is opened first unless the item already
 * shows (a second click would fold it away); the item is clicked once the submenu's opening
 * motion has ended, as a click during it can be lost; then the menu must mark it selected,
 * which it does from the route, so the page has moved there. */
export async function openMenu(page: Page, item: string, group?: string): Promise<void> {
  const target = page.getByTestId(item);
  if (group && !(await target.isVisible())) await page.getByTestId(group).click();
  const scope = group
    ? page.locator('ul.ant-menu-sub:not([class*="ant-motion"])')
    : page.getByTestId('side-menu');
  await scope.getByTestId(item).click();
  await page
    .locator('li.ant-menu-item-selected')
    .getByTestId(item)
    .waitFor()
    .catch((e: Error) => {
      throw new Error(`${item} was clicked but never selected; the page is at ${page.url()}`, { cause: e });
    });
}
