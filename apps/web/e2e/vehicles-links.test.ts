// The 平台链路 page in Chromium over a real JT/T 809 link: a second jtgov instance logs in to this
// one as its subordinate platform (2019), and the page shows the link up, its hourly traffic, and
// the link report it is asked for.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { seedDemoFleet } from '../../server/src/modules/vehicles/demo-fleet-seed.ts';
import { startTestApp, type TestApp } from '../../server/test/harness.ts';
import { linkJiangsu } from '../../server/test/jt809-link.ts';
import { freePort, until } from '../../server/test/tcp.ts';
import { type Console, openConsole, openMenu, signIn } from './browser.ts';

describe('平台链路 in Chromium over a real JT/T 809 link', () => {
  let upper: TestApp;
  let lower: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let shot: Console['shot'];
  let subordinateId: number;

  before(async () => {
    const port = await freePort();
    upper = await startTestApp(
      'pglite',
      { JTGOV_JT809_PORT: String(port), JTGOV_JT809_HOST: '127.0.0.1' },
      { clockStart: Date.now() },
    );
    lower = await startTestApp('pglite', {}, { clockStart: Date.now() });
    await upper.createUser('e2e.root', 'MOT', ['systemAdmin']);
    await lower.createUser('low.root', 'MOT', ['systemAdmin']);
    const upperRoot = await upper.login('e2e.root');
    const lowerRoot = await lower.login('low.root');
    await lower.handle.db.transaction().execute((trx) => seedDemoFleet(trx, new Date()));
    ({ subordinateId } = await linkJiangsu(
      { t: upper, root: upperRoot },
      { t: lower, root: lowerRoot },
      port,
      '2019',
    ));
    await until(async () => {
      const s = await upper.as(upperRoot, 'GET', `/api/vehicles/platform-links/${subordinateId}/status`);
      return s.json().subLink === true;
    }, 'the subordinate logged in with its sub link');
    ({ base, browser, page, shot } = await openConsole(upper, 'vehicles-links-'));
    await signIn(page, base, 'e2e.root');
  });

  after(async () => {
    await browser?.close();
    await lower?.close();
    await upper?.close();
  });

  test('the link is up with its traffic, and a requested link report is answered and listed', async () => {
    await openMenu(page, 'menu-vehicles-platform-links', 'menu-vehicles');
    await page.waitForURL('**/vehicles/platform-links');
    await page.getByTestId(`link-status-${subordinateId}`).filter({ hasText: '已连接' }).waitFor();
    // Registrations (0x1201) and keep-alives came in: the current hour's bars are drawn.
    await page.getByTestId('link-traffic-chart').locator('canvas').first().waitFor();

    const reports = page.getByTestId('link-reports').locator('tbody tr.ant-table-row');
    assert.equal(await reports.count(), 0);
    await page.getByTestId('link-report-request').click();
    await page.locator('.ant-message').filter({ hasText: '下级平台已返回统计报告' }).waitFor();
    await reports.first().waitFor();
    assert.equal(await reports.count(), 1);
    // Asked by this platform, answered, no break and nothing lost in the last 24 hours.
    const cells = await reports.first().locator('td').allTextContents();
    assert.equal(cells[1], '本平台请求');
    assert.notEqual(cells[3], '未应答');
    assert.deepEqual(cells.slice(4), ['0', '0', '0']);
    await shot('page');

    const traffic = (
      await upper.as(
        await upper.login('e2e.root'),
        'GET',
        `/api/vehicles/platform-links/${subordinateId}/traffic`,
      )
    ).json();
    assert.ok(traffic.hours.at(-1).framesIn > 0, JSON.stringify(traffic.hours.at(-1)));
  });
});
