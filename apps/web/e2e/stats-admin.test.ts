import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { seedStatsDemo } from '../../server/src/modules/stats/demo.seed.ts';
import { startTestApp, type TestApp } from '../../server/test/harness.ts';
import { launchChromium, newPage, openMenu, pickOption, screenshot, serve, signIn } from './browser.ts';

// Form administration and data exchange against a real server and Debian's Chromium, on the demo
// forms: an administrator makes a new layout version of 交行统5-1表, adds an audit formula after
// checking it, sets a fill window; a county imports a dataValueSets CSV, first as a dry run.

/** A month `back` months before this one in Beijing time, as a period id (202610). */
function monthBack(back: number): string {
  const beijing = new Date(Date.now() + 8 * 3600_000);
  const d = new Date(Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth() - back, 1));
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** 202610 as the console names it: 2026年10月. */
const periodName = (id: string) => `${id.slice(0, 4)}年${Number(id.slice(4))}月`;

describe('statistics administration console in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let formId: number;
  let xw: number;
  // 南京's counties submitted last month (locked); two months ago they are drafts.
  const period = monthBack(2);

  before(async () => {
    t = await startTestApp('pglite', {}, { clockStart: Date.now() });
    await t.handle.db.transaction().execute((trx) => seedStatsDemo(trx, new Date()));
    await t.createUser('e2e.admin', 'MOT', ['systemAdmin']);
    await t.createUser('xw.filler', '320102', ['staff']); // 玄武区
    const admin = await t.login('e2e.admin');
    const forms = await t.as(admin, 'GET', `/api/stats/forms?q=${encodeURIComponent('交行统5-1表')}`);
    formId = forms.json().items[0].id;
    xw = await t.orgId('320102');
    base = await serve(t);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function login(username: string): Promise<Page> {
    const page = await newPage(browser, { width: 1440, height: 960 });
    await signIn(page, base, username);
    return page;
  }
  const shot = (page: Page, name: string) => screenshot(page, `stats-admin-${name}`, { fullPage: true });
  /** Types a date-time into an antd DatePicker and confirms it. */
  async function pickDateTime(page: Page, testId: string, value: string) {
    const input = page.getByTestId(testId);
    await input.click();
    await input.fill(value);
    await input.press('Enter');
  }

  let admin: Page;

  test('an administrator makes a new version of a demo form from the previous one', async () => {
    admin = await login('e2e.admin');
    await openMenu(admin, 'menu-stats-forms', 'menu-stats');
    await admin.getByTestId('forms-search').locator('input').fill('5-1');
    const row = admin.getByTestId('form-row-交行统5-1表');
    await row.getByText('国家统计局').first().waitFor();
    // The other demo forms leave the list once the search reaches the server.
    await admin.getByTestId('form-row-交行统1-1表').waitFor({ state: 'detached' });
    assert.equal(await admin.getByTestId('forms-table').locator('tbody tr.ant-table-row').count(), 1);
    await shot(admin, '01-forms');
    await row.getByTestId('form-open').click();

    // Version 1's layout: 5 rows × (合计 + 4 sources); the 合计 row and column are computed.
    await admin.getByTestId('layout-view').waitFor();
    await admin.getByTestId('form-header').getByText('国统制').waitFor();
    assert.equal(await admin.getByTestId('layout-indicators').locator('tbody tr').count(), 5);
    assert.equal(await admin.getByTestId('cell-highway.central').inputValue(), 'R02C02');
    assert.match((await admin.getByTestId('cell-total.total').textContent()) ?? '', /^Σ R01C01$/);
    await shot(admin, '02-version-1');

    // The new version starts as a copy; one more sector is added to the JSON and previewed live.
    await admin.getByTestId('version-new').click();
    const json = admin.getByTestId('version-json');
    const layout = JSON.parse(await json.inputValue());
    assert.equal(layout.rows.length, 5);
    layout.rows.push({
      indicator: {
        code: 'rail',
        name: '铁路专用线',
        unit: '万元',
        valueType: 'number',
        decimals: 0,
        aggregation: 'sum',
        min: 0,
      },
      indent: 1,
    });
    layout.rows[0].sumOf.push('rail');
    await json.fill(JSON.stringify(layout, null, 2));
    const modal = admin.locator('.ant-modal');
    await modal.getByTestId('layout-indicators').getByText('铁路专用线', { exact: true }).waitFor();
    await shot(admin, '03-new-version');
    await admin.getByTestId('version-create').click();
    await admin.getByTestId('version-row-2').waitFor();
    await admin.getByText('第2版表式（自').waitFor();
    assert.equal(await admin.getByTestId('layout-indicators').locator('tbody tr').count(), 6);
    await admin.getByTestId('tab-versions').getByText('（2）').waitFor();
  });

  test('the administrator checks a formula against the layout, then adds it', async () => {
    await admin.getByTestId('tab-rules').click();
    await admin.getByTestId('rule-add').click();
    await admin.getByTestId('rule-code').fill('hw');
    await admin.getByTestId('rule-name').fill('公路建设中央投资不超过合计');
    await admin.getByTestId('rule-expression').fill('R02C09 <= R02C01');
    await admin.getByTestId('rule-check').click();
    const result = admin.getByTestId('rule-check-result');
    await result.getByText('表中没有单元格 R02C09').waitFor();
    assert.equal(await result.getAttribute('data-ok'), 'false');
    await shot(admin, '04-rule-check-error');
    await admin.getByTestId('rule-expression').fill('highway.central <= highway.total');
    await admin.getByTestId('rule-check').click();
    await admin.getByTestId('rule-check-result').and(admin.locator('[data-ok="true"]')).waitFor();
    await admin.getByTestId('rule-check-result').getByText('highway.central、highway.total').waitFor();
    await admin.getByTestId('rule-save').click();
    await admin.getByTestId('rule-row-hw').getByText('highway.central <= highway.total').waitFor();
    await shot(admin, '05-rules');
  });

  test('the administrator sets the fill window of a period', async () => {
    await admin.getByTestId('tab-windows').click();
    await admin.getByTestId('window-current').waitFor();
    await admin.getByTestId('window-current').getByText('按制度规则推算').waitFor();
    const deadline = new Date(Date.now() + 10 * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
    await pickDateTime(admin, 'window-deadline', `${deadline} 18:00`);
    await admin.getByTestId('window-save').click();
    await admin.getByTestId('window-current').getByText('已单独设置').waitFor();
    await admin.getByTestId('windows-table').getByText(`${deadline} 18:00`).waitFor();
    await shot(admin, '06-window');
  });

  test('a county imports a CSV: the dry run shows the summary and a conflict, the import changes the report', async () => {
    const filler = await login('xw.filler');
    await openMenu(filler, 'menu-stats-exchange', 'menu-stats');
    const csv = [
      'dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup',
      `highway,${period},320102,central,,4321,,,,`,
      // 鼓楼区 is a sibling county: not in 玄武区's jurisdiction.
      `highway,${period},320106,central,,99,,,,`,
    ].join('\n');
    await filler
      .getByTestId('import-card')
      .locator('input[type=file]')
      .setInputFiles({
        name: 'values.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv),
      });
    await pickOption(filler, 'import-data-set', '交行统5-1表');
    await filler.getByTestId('import-run').click();
    const summary = filler.getByTestId('import-summary');
    await summary.getByText('试导入结果').waitFor();
    assert.equal(await summary.getAttribute('data-status'), 'WARNING');
    assert.equal(
      await filler.getByTestId('import-count-updated').locator('.ant-statistic-content-value').textContent(),
      '1',
    );
    await filler.getByTestId('import-conflicts').getByText('E7610').waitFor();
    await filler.getByTestId('import-conflicts').getByText('320106').waitFor();
    await shot(filler, '07-dry-run');
    // Nothing was written by the dry run.
    const report = `${base}/stats/reports/${formId}/${xw}/${period}`;
    const check = await newPage(browser, { width: 1440, height: 960 });
    await signIn(check, base, 'xw.filler');
    await check.goto(report);
    await check.getByTestId('stats-grid').waitFor();
    assert.notEqual(await check.getByTestId('cell-highway.central').inputValue(), '4321');

    await filler.getByTestId('import-confirm').click();
    await summary.getByText('已导入').waitFor();
    assert.equal(
      await filler.getByTestId('import-count-updated').locator('.ant-statistic-content-value').textContent(),
      '1',
    );
    await shot(filler, '08-imported');

    await check.reload();
    await check.getByTestId('stats-grid').waitFor();
    assert.equal(await check.getByTestId('cell-highway.central').inputValue(), '4321');
    await screenshot(check, 'stats-admin-09-report-after-import', { fullPage: true });

    // The export, streamed whole, gives the imported value back as a dataValueSets CSV line.
    await pickOption(filler, 'export-form', '交行统5-1表');
    await filler.getByTestId('export-period').click();
    await filler
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .getByText(periodName(period))
      .click();
    await filler.keyboard.press('Escape');
    await filler.getByTestId('export-org').click();
    await filler.getByTestId('export-org').locator('input').fill('玄武');
    await filler.locator('.ant-select-dropdown:visible .ant-select-item-option').getByText('320102').click();
    await shot(filler, '10-export');
    const [download] = await Promise.all([
      filler.waitForEvent('download'),
      filler.getByTestId('export-download').click(),
    ]);
    assert.match(download.url(), /\/api\/stats\/dataValueSets\/download\?/);
    assert.equal(download.suggestedFilename(), `交行统5-1表-${period}-320102.csv`);
    const text = await readFile(await download.path(), 'utf8');
    assert.match(text, /^dataelement,period,orgunit,catoptcombo,attroptcombo,value,/);
    assert.match(text, new RegExp(`^highway,${period},320102,central,,4321,`, 'm'));
    assert.ok(
      text
        .split('\n')
        .every((line) => line === '' || /^[^,]+,[^,]+,320102,/.test(line) || line.startsWith('dataelement,')),
      'only 玄武区 values: the export is scoped to the unit asked for',
    );
  });
});
