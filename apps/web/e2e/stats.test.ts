import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { statsPart } from '../../server/src/modules/stats/index.ts';
import { monthlyPassengerForm } from '../../server/src/modules/stats/stats-test-kit.ts';
import { JobWorker } from '../../server/src/platform/jobs/index.ts';
import { type Session, startTestApp, type TestApp } from '../../server/test/harness.ts';
import { launchChromium, newPage, openMenu, screenshot, serve, signIn } from './browser.ts';

// The statistics console against a real server and Debian's Chromium: one county report goes
// county → city → province, with a hard and a soft audit rule, a return and a resubmission.

/** Last month in Beijing time, as a period id (202611), and its first day. */
function lastMonth(): { id: string; first: string } {
  const beijing = new Date(Date.now() + 8 * 3600_000);
  const d = new Date(Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth() - 1, 1));
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return { id: `${d.getUTCFullYear()}${mm}`, first: `${d.getUTCFullYear()}-${mm}-01` };
}

describe('statistics console in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let admin: Session;
  let formId: number;
  const period = lastMonth();
  const ids = { xw: 0, nj: 0, js: 0 };

  before(async () => {
    // On the wall clock: the browser drops cookies the server dated in its past.
    t = await startTestApp('pglite', {}, { clockStart: Date.now() });
    await t.createUser('e2e.admin', 'MOT', ['systemAdmin']);
    await t.createUser('xw.filler', '320102', ['staff']); // 玄武区 (county) fills
    await t.createUser('nj.reviewer', '320100', ['statsReviewer']); // 南京市 reviews the county
    await t.createUser('nj.filler', '320100', ['staff']); // 南京市 submits its aggregate
    await t.createUser('js.reviewer', '320000', ['statsReviewer']); // 江苏省 reviews the city
    admin = await t.login('e2e.admin');
    ids.xw = await t.orgId('320102');
    ids.nj = await t.orgId('320100');
    ids.js = await t.orgId('320000');

    // The stats test kit's monthly form, from last month, obliging 玄武区 only so the chain is short.
    const form = await t.as(admin, 'POST', '/api/stats/forms', {
      ...monthlyPassengerForm('测试统E2E表'),
      firstPeriod: period.id,
    });
    assert.equal(form.statusCode, 201, form.body);
    formId = form.json().id;
    const ob = await t.as(admin, 'POST', `/api/stats/forms/${formId}/obligations`, {
      orgUnitId: ids.xw,
      includeSubtree: false,
      validFrom: period.first,
      validTo: null,
    });
    assert.equal(ob.statusCode, 201, ob.body);
    // A deadline a week ahead, so the report is due rather than overdue whatever day this runs.
    const window = await t.as(admin, 'PUT', `/api/stats/forms/${formId}/windows/${period.id}`, {
      opensAt: new Date(Date.now() - 86_400_000).toISOString(),
      closesAt: null,
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    assert.equal(window.statusCode, 200, window.body);
    const rules = `/api/stats/forms/${formId}/rules`;
    const hard = await t.as(admin, 'POST', rules, {
      code: 'cap',
      name: '公路客运量不应超过100万人',
      expression: 'passengers.road <= 100',
      importance: 'hard',
    });
    assert.equal(hard.statusCode, 201, hard.body);
    const soft = await t.as(admin, 'POST', rules, {
      code: 'trips',
      name: '公路班次超过500次，请核实',
      expression: 'trips.road <= 500',
      importance: 'soft',
    });
    assert.equal(soft.statusCode, 201, soft.body);

    base = await serve(t);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A fresh browser context per person, logged in through the login screen. */
  async function login(username: string): Promise<Page> {
    const page = await newPage(browser, { width: 1440, height: 960 });
    await signIn(page, base, username);
    return page;
  }
  const shot = (page: Page, name: string) => screenshot(page, `stats-${name}`, { fullPage: true });
  const state = (page: Page, s: string) =>
    page.locator(`[data-testid="report-state"][data-state="${s}"]`).waitFor();
  const saved = (page: Page) => page.locator('[data-testid="save-status"][data-status="saved"]').waitFor();
  const cell = (page: Page, key: string) => page.getByTestId(`cell-${key}`);
  const reportUrl = (orgUnitId: number) => `${base}/stats/reports/${formId}/${orgUnitId}/${period.id}`;

  /** What a paste of an Excel block delivers to the grid: a paste event carrying tab-separated text. */
  const paste = (page: Page, key: string, tsv: string) =>
    page.evaluate(`(() => {
      const el = document.querySelector('[data-testid="cell-${key}"]');
      el.focus();
      const data = new DataTransfer();
      data.setData('text/plain', ${JSON.stringify(tsv)});
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
  const focused = (page: Page) =>
    page.evaluate<string | null>('document.activeElement?.getAttribute("data-testid") ?? null');

  // One report's way up, step by step; each step starts where the one before left the report.
  let filler: Page;
  let city: Page;
  let province: Page;
  let cityFiller: Page;

  test('the county filler fills, fails a hard rule, fixes it, explains a soft rule and submits', async () => {
    // --- 玄武区 filler: the to-do inbox lists the report as due.
    filler = await login('xw.filler');
    await openMenu(filler, 'menu-stats-inbox', 'menu-stats');
    const due = filler.getByTestId(`inbox-due-${formId}-${ids.xw}-${period.id}`);
    await due.waitFor();
    await shot(filler, '01-inbox');
    await due.getByTestId('inbox-open').click();
    await filler.getByTestId('stats-grid').waitFor();
    await state(filler, 'draft');

    // Type and precision are enforced per cell, with a message naming the cell.
    await cell(filler, 'passengers.water').fill('12.345');
    await filler.getByTestId('cell-errors').getByText('最多 2 位小数').waitFor();
    await cell(filler, 'trips.water').fill('3.5');
    await filler.getByTestId('cell-errors').getByText('应为整数').waitFor();
    await shot(filler, '02-cell-errors');
    await cell(filler, 'passengers.water').fill('12.5');
    await cell(filler, 'trips.water').fill('20');

    // A figure over the hard rule: autosaved, the rule fails live and submission is blocked.
    await cell(filler, 'passengers.road').fill('150');
    await saved(filler);
    const cap = filler.getByTestId('rule-cap');
    await cap.getByText('公路客运量不应超过100万人').waitFor();
    assert.equal(await cap.getAttribute('data-importance'), 'hard');
    assert.equal(await filler.getByTestId('action-submit').isDisabled(), true);
    // The total column is computed and read-only.
    assert.equal(await cell(filler, 'passengers.total').textContent(), '162.50');
    assert.equal(await filler.locator('[data-testid="cell-passengers.total"] input').count(), 0);
    await shot(filler, '03-hard-rule');

    // Keyboard: Down moves to the next row, Tab to the next entry cell.
    await cell(filler, 'passengers.road').focus();
    await filler.keyboard.press('ArrowDown');
    assert.equal(await focused(filler), 'cell-trips.road');
    await filler.keyboard.press('Tab');
    assert.equal(await focused(filler), 'cell-trips.water');

    // A block pasted from Excel at 公路客运量 fixes it and fills 班次; 600 trips fails the soft rule.
    await paste(filler, 'passengers.road', '80\t12.5\r\n600\t20\r\n');
    assert.equal(await cell(filler, 'passengers.road').inputValue(), '80');
    assert.equal(await cell(filler, 'trips.road').inputValue(), '600');
    await filler.getByTestId('rule-trips').waitFor();
    await filler.getByTestId('rule-cap').waitFor({ state: 'detached' });
    await saved(filler);
    assert.equal(await cell(filler, 'passengers.total').textContent(), '92.50');
    assert.equal(await filler.getByTestId('action-submit').isDisabled(), true);

    // The cell's history keeps the value the hard rule refused.
    await cell(filler, 'passengers.road').click();
    await filler.getByTestId('cell-history').getByText('150').waitFor();
    await filler.getByTestId('cell-history').getByText('80', { exact: true }).waitFor();
    await filler.getByTestId('comment-input').fill('含春运加班车');
    await filler.getByTestId('comment-add').click();
    await filler.getByTestId('cell-comments').getByText('含春运加班车').waitFor();

    // The soft failure is explained, and the report goes up with the explanation.
    await filler.getByTestId('explain-trips').fill('新开通城际公交线路，班次增加属实');
    await shot(filler, '04-soft-explained');
    await filler.getByTestId('action-submit').click();
    await state(filler, 'submitted');
  });

  test("the city reviewer sees the county's figures and rule results, and returns it with a reason", async () => {
    city = await login('nj.reviewer');
    await openMenu(city, 'menu-stats-inbox', 'menu-stats');
    const toReview = city.getByTestId(`inbox-toReview-${formId}-${ids.xw}-${period.id}`);
    await toReview.getByTestId('inbox-open').click();
    await state(city, 'submitted');
    assert.equal(await cell(city, 'trips.road').inputValue(), '600');
    assert.equal(await cell(city, 'trips.road').getAttribute('readonly'), '');
    await city.getByTestId('rule-trips').getByText('新开通城际公交线路，班次增加属实').waitFor();
    await cell(city, 'trips.road').click();
    await city.getByTestId('action-return').click();
    await city.getByTestId('return-reason').fill('公路班次与上月差异过大，请核实后重报');
    await city.getByTestId('annotation-0').fill('请与运管台账核对');
    await shot(city, '05-return-dialog');
    await city.getByTestId('return-confirm').click();
    await state(city, 'returned');

    // The returned county is late again: one click on the completeness grid reminds it, and it is logged.
    await city.goto(`${base}/stats/completeness?form=${formId}&period=${period.id}`);
    await city
      .getByTestId('completeness-grid')
      .locator('[data-testid="completeness-row-320102"][data-state="returned"]')
      .waitFor();
    await city.getByTestId('remind-all').click();
    await city.getByTestId('reminder-log').getByText('玄武区交通运输局').waitFor();

    // The city's own aggregate cannot go up while the county is not approved: the refusal is in words.
    cityFiller = await login('nj.filler');
    await cityFiller.goto(`${base}/stats/aggregate?form=${formId}&period=${period.id}`);
    await cityFiller.getByTestId('children-status').getByText('0 / 1').waitFor();
    // The roll-up carries the county's 600 trips, so the soft rule asks the city for its own explanation.
    await cityFiller.getByTestId('explain-trips').fill('县级数据正在核实');
    await cityFiller.getByTestId('action-submit').click();
    await cityFiller.getByTestId('action-refusal').getByText('还有下级报表未审核通过').waitFor();
    await state(cityFiller, 'draft');
  });

  test('the county sees the reason, corrects the cell and resubmits; the city approves', async () => {
    // --- The filler sees the reason and the annotation, corrects the cell and resubmits.
    await filler.goto(reportUrl(ids.xw));
    const banner = filler.getByTestId('return-reason-banner');
    await banner.getByText('公路班次与上月差异过大，请核实后重报').waitFor();
    await banner.getByText('请与运管台账核对').waitFor();
    await state(filler, 'returned');
    await shot(filler, '06-returned');
    // The correction goes in offline: the form-shaped workbook, edited as Excel would, uploaded with a dry run.
    const session = await t.login('xw.filler');
    const download = await t.as(
      session,
      'GET',
      `/api/stats/forms/${formId}/units/${ids.xw}/periods/${period.id}/workbook`,
    );
    assert.equal(download.statusCode, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    assert.ok(sheet);
    let ref: string | null = null;
    sheet.eachRow((row) =>
      row.eachCell((c) => {
        if (c.value === 600 || c.value === '600') ref = c.address;
      }),
    );
    assert.ok(ref, 'the template carries the filled 600 trips');
    sheet.getCell(ref).value = 450;
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());
    await filler.getByRole('tab', { name: 'Excel' }).click();
    await filler.locator('[data-testid="excel-card"] input[type="file"]').setInputFiles({
      name: '玄武区.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: edited,
    });
    await filler.getByTestId('excel-result').getByText('将修改 1 个单元格，发现 0 处错误').waitFor();
    await shot(filler, '06b-excel-dry-run');
    await filler.getByTestId('excel-import').click();
    await filler.getByTestId('excel-result').getByText('已导入 1 个单元格').waitFor();
    await filler.waitForFunction(
      `document.querySelector('[data-testid="cell-trips.road"]')?.value === '450'`,
    );
    await filler.getByTestId('rules-ok').waitFor();
    await filler.getByTestId('action-submit').click();
    await state(filler, 'submitted');

    // --- The city approves the county.
    await city.goto(reportUrl(ids.xw));
    await state(city, 'submitted');
    await city.getByTestId('action-approve').click();
    await state(city, 'approved');
  });

  test('the city submits its aggregate; the province approves it and reads its total by drilling down', async () => {
    // --- 南京市 submits its aggregate, now that every county below is approved.
    await cityFiller.goto(`${base}/stats/aggregate?form=${formId}&period=${period.id}`);
    await cityFiller.locator('[data-testid="report-workspace"][data-kind="aggregate"]').waitFor();
    await cityFiller.getByTestId('children-status').getByText('1 / 1').waitFor();
    assert.equal(await cell(cityFiller, 'trips.road').inputValue(), '450');
    await cityFiller.getByTestId('action-submit').click();
    await state(cityFiller, 'submitted');

    // --- 江苏省 approves the city's aggregate, then reads its own total and drills down.
    province = await login('js.reviewer');
    await openMenu(province, 'menu-stats-inbox', 'menu-stats');
    await province
      .getByTestId(`inbox-toReview-${formId}-${ids.nj}-${period.id}`)
      .getByTestId('inbox-open')
      .click();
    await state(province, 'submitted');
    await province.getByTestId('action-approve').click();
    await state(province, 'approved');

    await openMenu(province, 'menu-stats-aggregate', 'menu-stats');
    await province.getByTestId('pick-form').waitFor();
    await province.goto(`${base}/stats/aggregate?form=${formId}&period=${period.id}`);
    await province.locator('[data-testid="report-workspace"][data-kind="aggregate"]').waitFor();
    await province.getByTestId('children-status').getByText('1 / 1').waitFor();
    assert.equal(await cell(province, 'passengers.road').inputValue(), '80');
    await cell(province, 'passengers.total').click();
    const drill = province.getByTestId('drilldown');
    await drill.getByText('南京市').waitFor();
    await drill.getByText('92.50').waitFor();
    await shot(province, '07-province-aggregate');
  });

  test('the province sees the completeness grid and the analytics', async () => {
    // --- The completeness grid: every expected report of the chain, with its state.
    await openMenu(province, 'menu-stats-completeness', 'menu-stats');
    await province.goto(`${base}/stats/completeness?form=${formId}&period=${period.id}`);
    const grid = province.getByTestId('completeness-grid');
    await grid.locator('[data-testid="completeness-row-320102"][data-state="approved"]').waitFor();
    await grid.locator('[data-testid="completeness-row-320100"][data-state="approved"]').waitFor();
    await grid.locator('[data-testid="completeness-row-320000"]').waitFor();
    await province.getByTestId('rate-county').waitFor();
    await shot(province, '08-completeness');

    // --- Analytics: the province's figure by period, its cities beneath, and the chart.
    await province.goto(`${base}/stats/analytics?form=${formId}&period=${period.id}`);
    await province.getByTestId('analytics-pivot').getByText('南京市交通运输局').waitFor();
    await province.getByTestId('analytics-chart').locator('canvas').waitFor();
    await shot(province, '09-analytics');
  });

  test('the province checks the period in batch; the ministry skips the city level for a county', async () => {
    // --- 批量审核: the run is a job; this test's worker runs it while the page polls.
    await province.goto(`${base}/stats/rule-runs?form=${formId}&period=${period.id}`);
    await province.getByTestId('rule-runs').getByText('本期尚未批量审核').waitFor();
    await province.getByTestId('rule-run-start').click();
    await province.getByTestId('rule-run-state').getByText('排队中').waitFor();
    const worker = new JobWorker({
      db: t.handle.db,
      handlers: statsPart.jobs?.(t.app.platform) ?? {},
      clock: t.clock,
    });
    assert.equal(await worker.runDue(), 1);
    await province.getByTestId('rule-run-state').getByText('已完成').waitFor();
    const failures = province.getByTestId('rule-run-failures');
    await failures.waitFor();
    await province.getByTestId('rule-run-summary').waitFor();
    await shot(province, '10-rule-run');

    // --- 审核层级: 玄武区 reports straight to the province from now on.
    const set = await t.as(admin, 'PUT', `/api/stats/forms/${formId}/review-skips/${ids.xw}/city`, {
      reason: '省直管县试点',
    });
    assert.equal(set.statusCode, 201, set.body);
    const ministry = await login('e2e.admin');
    await ministry.goto(`${base}/stats/review-skips?form=${formId}`);
    const skips = ministry.getByTestId('review-skips');
    await skips.getByText('省直管县试点').waitFor();
    await skips.getByText('玄武区交通运输局').waitFor();
    await shot(ministry, '11-review-skips');
  });
});
