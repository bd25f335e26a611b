import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { type Session, startTestApp, type TestApp } from '../../server/test/harness.ts';
import { openConsole, openMenu, pickOption, SCREENSHOTS, screenshot, signIn } from './browser.ts';

// The hotline management console against a real server and Debian's Chromium: the 南京 12328
// supervisor searches and edits the knowledge base, reads the statistics of tickets taken through
// the API, exports them to Excel and previews a routing rule. Screenshots go to JTGOV_SCREENSHOTS.

const ARTICLE_BODY = [
  '从事网约车经营的驾驶员，应当取得网络预约出租汽车驾驶员证。',
  '申请人向服务所在地设区的市级出租汽车行政主管部门提出申请，参加全国公共科目和区域科目考试。',
  '考试合格的，由主管部门核发驾驶员证。',
].join('\n');
const ADDED_LINE = '南京市考试报名可通过“南京交通”微信公众号办理。';

describe('hotline management console in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let agent: Session;
  let articleId: number;
  let expectedUnit: string;
  let redTicketNo: string;
  const ids: Record<string, number> = {};

  const call = async (who: Session, method: string, url: string, body?: unknown) => {
    const res = await t.as(who, method, url, body);
    assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };

  before(async () => {
    // On the wall clock: the browser drops cookies the server dated in its past.
    t = await startTestApp('pglite', {}, { clockStart: Date.now() });
    await t.createUser('e2e.supervisor', '320100', ['hotlineSupervisor']);
    await t.createUser('e2e.agent', '320100', ['hotlineAgent']);
    await t.createUser('e2e.manager', '320100', ['systemAdmin']);
    const supervisor = await t.login('e2e.supervisor');
    agent = await t.login('e2e.agent');
    const manager = await t.login('e2e.manager');
    for (const code of ['320100', '320102', '320106']) ids[code] = await t.orgId(code);

    // A published article of the 南京 centre the agents answer from.
    const article = await call(supervisor, 'POST', '/api/hotline/kb/articles', {
      key: 'ridehail-driver-licence',
      orgUnitId: ids['320100'],
      title: '网约车驾驶员证如何办理',
      body: ARTICLE_BODY,
      domain: 'urbanPassenger',
      tags: ['网约车', '驾驶员证'],
      publish: true,
    });
    articleId = article.id;

    // Tickets of today: two phone complaints, one WeChat complaint, one inquiry answered at once.
    const complaint = (extra: object) => ({
      requestType: 'complaint',
      categoryCode: '0301',
      fields: { plateNo: '苏A·T1234' },
      description: '出租车司机拒载，要求按表计价被拒绝',
      locationText: '南京市玄武区中山路',
      regionOrgId: ids['320102'],
      requesterPhone: '13812345678',
      ...extra,
    });
    const first = await call(agent, 'POST', '/api/hotline/tickets', complaint({}));
    await call(agent, 'POST', '/api/hotline/tickets', complaint({ fields: { plateNo: '苏A·T5678' } }));
    // The first is with 玄武 and overdue: the red card the deadline job would have given it.
    await call(agent, 'POST', `/api/hotline/tickets/${first.id}/dispatch`, { handlingOrgId: ids['320102'] });
    await t.handle.db.updateTable('hotline_ticket').set({ card: 'red' }).where('id', '=', first.id).execute();
    await t.handle.db
      .updateTable('hotline_ticket_clock')
      .set({ due_at: new Date(Date.now() - 3_600_000) })
      .where('ticket_id', '=', first.id)
      .where('stopped_at', 'is', null)
      .execute();
    redTicketNo = first.ticketNo;
    await call(
      agent,
      'POST',
      '/api/hotline/intake',
      complaint({ channel: 'wechat', externalId: 'wx-e2e-1' }),
    );
    await call(agent, 'POST', '/api/hotline/tickets', {
      requestType: 'inquiry',
      categoryCode: '0801',
      description: '咨询网约车驾驶员证怎么办理',
      requesterPhone: '13900001111',
      disposition: 'instantAnswer',
      kbArticleId: articleId,
      answerText: '按知识库答复：向市交通运输局申请，参加考试。',
    });

    // 南京's rule: taxi complaints about 玄武 go to 鼓楼 (not to 玄武, the authority of the place).
    await call(manager, 'POST', '/api/hotline/routing-rules', {
      requestType: 'complaint',
      categoryPrefix: '0301',
      regionOrgId: ids['320102'],
      handlingOrgId: ids['320106'],
    });
    expectedUnit = (await call(manager, 'GET', `/api/orgs/${ids['320106']}`)).name;

    ({ base, browser, page } = await openConsole(t));
  });

  after(async () => {
    await browser?.close();
    await t?.close();
  });

  const shot = (name: string) => screenshot(page, `hotline-admin-${name}`, { fullPage: true });

  test('the supervisor finds an article highlighted, edits it into a new version and sees the history', async () => {
    await signIn(page, base, 'e2e.supervisor');
    await openMenu(page, 'menu-hotline-admin-kb', 'menu-hotline-admin');

    await page.getByTestId('kb-search-input').locator('input').fill('网约车驾驶员证');
    await page.getByTestId('kb-search-input').locator('input').press('Enter');
    const hit = page.getByTestId('kb-hit').first();
    await hit.waitFor();
    // The server's highlight arrives as <mark> elements around the matched words.
    const marks = await hit.locator('mark').allTextContents();
    assert.ok(marks.length > 0, 'the hit has highlighted words');
    assert.ok(
      marks.some((m) => m.includes('网约车') || m.includes('驾驶员')),
      `marks: ${marks.join(' | ')}`,
    );
    assert.equal(await hit.getByTestId('kb-hit-title').textContent(), '网约车驾驶员证如何办理');
    await page.waitForTimeout(200);
    await shot('01-kb-search');

    // Open it and edit: the body gets a line, which is version 2.
    await hit.click();
    await page.getByTestId('kb-article-title').filter({ hasText: '网约车驾驶员证如何办理' }).waitFor();
    assert.equal(await page.getByTestId('kb-article-version').textContent(), 'v1');
    const body = page.getByTestId('kb-edit-body');
    await body.fill(`${ARTICLE_BODY}\n${ADDED_LINE}`);
    await page.getByTestId('kb-edit-note').fill('补充南京报名渠道');
    await page.getByTestId('kb-edit-save').click();
    await page.getByTestId('kb-article-version').filter({ hasText: 'v2' }).waitFor();

    await page.getByRole('tab', { name: '版本历史' }).click();
    const rows = page.getByTestId('kb-versions').locator('tr.ant-table-row');
    await rows.nth(1).waitFor();
    assert.equal(await rows.count(), 2);
    assert.match((await rows.nth(0).textContent()) ?? '', /v2.*补充南京报名渠道/);
    await page.getByTestId('kb-diff-2').click();
    const diff = page.getByTestId('kb-diff');
    await diff.waitFor();
    assert.deepEqual(
      (await diff.locator('[data-op="added"]').allTextContents()).map((s) => s.trim()),
      [`+ ${ADDED_LINE}`],
    );
    assert.equal(await diff.locator('[data-op="removed"]').count(), 0);
    await page.waitForTimeout(300);
    await shot('02-kb-version-diff');
    await page.locator('.ant-modal-close').click();

    // The editor's list: the article is the supervisor's own, now at version 2.
    await openMenu(page, 'menu-hotline-admin-kb', 'menu-hotline-admin');
    await page.getByRole('tab', { name: '文章管理' }).click();
    await page.getByTestId('kb-filter-mine').click();
    const listed = page
      .getByTestId('kb-list')
      .locator('tr.ant-table-row')
      .filter({ hasText: '网约车驾驶员证如何办理' });
    await listed.waitFor();
    assert.match((await listed.textContent()) ?? '', /南京市.*v2.*e2e\.supervisor/);
    await shot('02b-kb-list');
    // Article-use KPI: the instant answer that cited it.
    await page.getByRole('tab', { name: '使用情况' }).click();
    const used = page
      .getByTestId('kb-usage')
      .locator('tr.ant-table-row')
      .filter({ hasText: '网约车驾驶员证如何办理' });
    await used.waitFor();
    const cells = await used.locator('td').allTextContents();
    assert.equal(cells[3], '1', `citations in ${cells.join(' | ')}`);
    await page.getByTestId('kb-usage-chart').locator('canvas').waitFor();
    await page.waitForTimeout(300);
    await shot('02c-kb-usage');

    // The server has the new version as the article's content.
    const stored = await call(agent, 'GET', `/api/hotline/kb/articles/${articleId}`);
    assert.equal(stored.version, 2);
    assert.ok(stored.body.endsWith(ADDED_LINE));
  });

  test('the statistics dashboard charts the tickets taken and exports them to Excel', async () => {
    await openMenu(page, 'menu-hotline-admin-stats', 'menu-hotline-admin');
    const channels = page.getByTestId('stats-chart-channel');
    await channels.locator('canvas').waitFor();
    // Drawn from the four tickets: phone ×3 and WeChat ×1.
    assert.equal(await channels.getAttribute('data-total'), '4');
    assert.equal(await channels.getAttribute('data-bars'), '2');
    assert.match((await page.getByTestId('stats-received').textContent()) ?? '', /4/);
    // The one inquiry was answered at once: 即时答复率 100%.
    assert.equal(await page.getByTestId('stats-instant-rate').textContent(), '100.00%');
    await page.waitForTimeout(500);
    await shot('03-stats');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('stats-export').click(),
    ]);
    assert.match(download.suggestedFilename(), /^hotline-stats-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = join(SCREENSHOTS, 'hotline-admin-export.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const overview = book.getWorksheet('汇总');
    assert.ok(overview, 'the workbook has the overview sheet');
    const received = overview.getRows(1, overview.rowCount)?.find((r) => r.getCell(1).value === '受理总量');
    assert.equal(received?.getCell(2).value, 4);
    const channelSheet = book.getWorksheet('受理渠道');
    assert.ok(channelSheet, 'the workbook has the channel sheet');
  });

  test('the supervision board shows the red card by unit and records an urge with who, when and what', async () => {
    await openMenu(page, 'menu-hotline-admin-supervision', 'menu-hotline-admin');
    await page.locator('[data-testid="board-by-unit"][data-units="1"]').locator('canvas').waitFor();
    const row = page
      .getByTestId('board-tickets')
      .locator('tr.ant-table-row')
      .filter({ hasText: redTicketNo });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /玄武区.*红牌/);
    await page.waitForTimeout(300);
    await shot('05-supervision-board');

    await row.getByTestId('board-urge').click();
    await page.locator('.ant-modal').getByText('督办', { exact: true }).click();
    await page.locator('.ant-modal textarea').fill('请于今日内联系投诉人并反馈处理进展');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });

    await page.getByRole('tab', { name: '催办督办记录' }).click();
    const record = page
      .getByTestId('urge-records')
      .locator('tr.ant-table-row')
      .filter({ hasText: redTicketNo });
    await record.waitFor();
    const text = (await record.textContent()) ?? '';
    assert.match(text, /督办/);
    assert.match(text, /e2e\.supervisor/);
    assert.match(text, /请于今日内联系投诉人并反馈处理进展/);
    assert.match(text, /未答复/);
    await shot('06-urge-records');
  });

  test('the routing preview names the unit of the matching rule', async () => {
    await openMenu(page, 'menu-hotline-admin-routing', 'menu-hotline-admin');
    await page.getByTestId('routing-rules').locator('tr.ant-table-row').first().waitFor();
    await pickOption(page, 'preview-category', '0301', '0301');
    await pickOption(page, 'preview-region', '玄武', '玄武');
    await page.getByTestId('preview-run').click();
    await page.getByTestId('preview-unit').filter({ hasText: expectedUnit }).waitFor();
    assert.equal(await page.getByTestId('preview-source').textContent(), '转办规则');
    await page.waitForTimeout(200);
    await shot('04-routing-preview');

    // The code table valid today, with each category's fields (0301 asks for the plate number).
    await page.getByRole('tab', { name: '业务分类代码' }).click();
    const taxi = page.getByTestId('category-table').locator('tr.ant-table-row').filter({ hasText: '0301' });
    await taxi.waitFor();
    assert.match((await taxi.textContent()) ?? '', /车牌号/);
    await shot('07-categories');
  });
});
