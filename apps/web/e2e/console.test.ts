import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../server/test/harness.ts';
import { type Console, openConsole, openMenu, pickOption } from './browser.ts';

describe('web console in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let shot: Console['shot'];

  before(async () => {
    t = await startTestApp('pglite', {}, { clockStart: Date.now() });
    // Administration and audit in one test account, so one session walks the whole path.
    await t.createUser('e2e.admin', 'MOT', ['systemAdmin', 'auditAdmin']);
    ({ base, browser, page, shot } = await openConsole(t));
  });

  after(async () => {
    await browser?.close();
    await t?.close();
  });

  // Waits for CSS animations (a modal zooming in, a drawer closing) so screenshots show the end state.
  const settled = (locator: ReturnType<Page['locator']>) =>
    locator
      .first()
      .evaluate((el) =>
        Promise.all(
          el.getAnimations({ subtree: true }).map((a: { finished: Promise<unknown> }) => a.finished),
        ),
      );

  test('an administrator logs in, browses the org tree, creates a user and sees the audit entry', async () => {
    await page.goto(base);
    await page.getByTestId('login-username').fill('e2e.admin');
    await page.getByTestId('login-password').fill(TEST_PASSWORD);
    await shot('01-login', { fullPage: true });
    await page.getByTestId('login-submit').click();
    await page.getByTestId('side-menu').waitFor();
    assert.equal(await page.getByTestId('current-user-name').textContent(), 'e2e.admin');

    // The org tree: the ministry with its provinces; search finds a county and shows its place.
    await openMenu(page, 'menu-orgs');
    await page.getByTestId('org-tree').getByText('江苏省交通运输厅').waitFor();
    await page.getByTestId('org-search-input').fill('玄武');
    await page.getByTestId('org-search-result').filter({ hasText: '玄武区交通运输局' }).first().click();
    await page.getByTestId('org-details-name').filter({ hasText: '玄武区交通运输局' }).waitFor();
    await page.getByTestId('org-tree').getByText('南京市交通运输局').waitFor();
    await shot('02-org-tree', { fullPage: true });

    // A new user at 玄武区, with a generated initial password shown once.
    await openMenu(page, 'menu-users');
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-form-username').fill('xw.newcomer');
    await page.getByTestId('user-form-display-name').fill('玄武区新同事');
    await pickOption(page, 'user-form-org', '玄武区交通运输局', '玄武');
    await page.getByTestId('user-form-submit').click();
    const secret = page.getByTestId('initial-password-modal-value');
    await secret.waitFor();
    const initialPassword = (await secret.textContent())?.trim() ?? '';
    assert.ok(initialPassword.length >= 12, `initial password shown: ${initialPassword}`);
    await settled(page.locator('.ant-modal'));
    await shot('03-user-created', { fullPage: true });
    await page.getByTestId('initial-password-modal-close').click();
    await page.getByText('玄武区新同事').waitFor();

    // The audit log shows the creation, and the chain proves.
    await openMenu(page, 'menu-audit');
    const row = page.locator('tr').filter({ hasText: 'user.create' }).first();
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /e2e\.admin/);
    await page.getByTestId('audit-verify').click();
    await page.getByTestId('audit-verify-ok').waitFor();
    await shot('04-audit', { fullPage: true });

    const created = await t.handle.db
      .selectFrom('app_user')
      .select(['org_unit_id', 'must_change_password'])
      .where('username', '=', 'xw.newcomer')
      .executeTakeFirstOrThrow();
    assert.equal(created.org_unit_id, await t.orgId('320102'));
    assert.equal(created.must_change_password, true);
  });
});
