import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type HotlineWorld, hotlineWorld } from '../../server/src/modules/hotline/hotline-test-kit.ts';
import { startTestApp, type TestApp } from '../../server/test/harness.ts';
import { launchChromium, newPage, openMenu, pickOption, screenshot, serve, signIn } from './browser.ts';

// The 12328 console against a real server and Debian's Chromium: an inquiry answered from the
// knowledge base, a complaint through dispatch, extension, reply, closure, an unsatisfied callback
// and re-handling, and the citizen's view of it. Screenshots go to JTGOV_SCREENSHOTS.

const CALLER = { phone: '13912345678', name: '王五' };
const INTERNAL_NOTE = '内部备注：该驾驶员本月第三次被投诉，已约谈其所属公司';
const ARTICLE = {
  key: 'coach-ticket-refund',
  title: '长途客车票退票手续费如何收取',
  body:
    '旅客在客车开车前办理退票的，按票面金额收取一定比例的退票费：开车前2小时以上退票的，收取票价的10%；' +
    '开车前2小时以内退票的，收取票价的20%。开车后不办理退票。因承运人原因造成客车停班、晚点的，全额退还票款。',
};

describe('12328 hotline console in Chromium', () => {
  let t: TestApp;
  let w: HotlineWorld;
  let browser: Browser;
  let base: string;

  before(async () => {
    // On the wall clock: the browser drops cookies the server dated in its past.
    t = await startTestApp('pglite', {}, { clockStart: Date.now() });
    w = await hotlineWorld(t);
    // The city's routing rule: taxi complaints go to 玄武区交通运输局; the KB has a coach-ticket answer.
    await t.createUser('nj.admin', '320100', ['systemAdmin']);
    const admin = await t.login('nj.admin');
    const rule = await t.as(admin, 'POST', '/api/hotline/routing-rules', {
      requestType: 'complaint',
      categoryPrefix: '0301',
      handlingOrgId: w.ids.xw,
    });
    assert.equal(rule.statusCode, 201, rule.body);
    const article = await t.as(w.supervisor, 'POST', '/api/hotline/kb/articles', {
      ...ARTICLE,
      orgUnitId: w.ids.nj,
      domain: 'roadTransport',
      categoryCode: '0303',
      tags: ['退票'],
      publish: true,
    });
    assert.equal(article.statusCode, 201, article.body);
    base = await serve(t);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await t?.close();
  });

  const open = () => newPage(browser, { width: 1440, height: 960 });
  const login = async (username: string): Promise<Page> => {
    const page = await open();
    await signIn(page, base, username);
    return page;
  };
  const shot = (page: Page, name: string) => screenshot(page, `hotline-${name}`, { fullPage: true });
  const radio = (page: Page, scope: string, text: string) =>
    page
      .getByTestId(scope)
      .locator('label.ant-radio-button-wrapper')
      .filter({ hasText: new RegExp(`^${text}$`) })
      .click();
  const state = (page: Page, s: string) =>
    page
      .locator(`[data-testid="ticket-detail"] [data-testid="ticket-state"][data-state="${s}"]`)
      .first()
      .waitFor();
  const submitDialog = async (page: Page, testId: string) => {
    await page.getByTestId(`${testId}-submit`).click();
    await page.getByTestId(testId).waitFor({ state: 'detached' });
  };
  const api = async (url: string) => {
    const res = await t.as(w.supervisor, 'GET', url);
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };

  let agent: Page;
  let complaint: { id: number; no: string; code: string };

  test('an agent takes a call, finds the KB answer and closes it on the spot', async () => {
    agent = await login('nj.agent');
    await openDesk(agent);
    await agent.getByTestId('desk-phone').fill(CALLER.phone);
    await agent.getByTestId('desk-name').fill(CALLER.name);
    await agent.getByTestId('caller-history').getByText('该号码无历史来电').waitFor();
    await radio(agent, 'agent-desk', '信息咨询');
    await radio(agent, 'agent-desk', '道路运输');
    await radio(agent, 'agent-desk', '道路客运');
    await agent.getByTestId('desk-description').fill('咨询长途汽车票开车前一小时退票手续费怎么收');

    await agent.getByTestId('kb-search').locator('input').fill('退票 手续费');
    await agent.getByTestId('kb-search').locator('input').press('Enter');
    const hit = agent.getByTestId('kb-hit').first();
    await hit.locator('mark').first().waitFor();
    assert.match((await hit.textContent()) ?? '', /长途客车票退票手续费如何收取/);
    assert.ok((await hit.locator('mark').count()) >= 2, 'the matched words are highlighted');
    await hit.getByTestId('kb-cite').click();
    await agent.getByTestId('instant-answer').getByText('开车前2小时以内退票的').waitFor();
    await agent.getByTestId('instant-answer').getByRole('button', { name: '填入知识正文' }).click();
    await shot(agent, '01-desk-kb');
    await agent.getByTestId('desk-answer-close').click();
    const outcome = agent.getByTestId('desk-outcome');
    await outcome.getByText('已即时答复并办结').waitFor();

    const tickets = await api(`/api/hotline/tickets?phone=${CALLER.phone}`);
    assert.equal(tickets.total, 1);
    const [answered] = tickets.items;
    const kb = await api(`/api/hotline/kb/search?q=${encodeURIComponent('退票')}`);
    assert.deepEqual(
      [answered.state, answered.instantAnswer, answered.kbArticleId, answered.channel],
      ['closed', true, kb.items[0].id, 'phone'],
      'closed on the spot, citing the article',
    );
  });

  test('another call becomes a complaint dispatched by the routing rule to the district bureau', async () => {
    await agent.getByTestId('desk-phone').fill(CALLER.phone);
    await agent.getByTestId('desk-name').fill(CALLER.name);
    await agent.getByTestId('caller-history').getByText('该号码有 1 条历史工单').waitFor();
    await radio(agent, 'agent-desk', '投诉举报');
    await radio(agent, 'agent-desk', '道路运输');
    await radio(agent, 'agent-desk', '出租汽车');
    await agent.getByTestId('field-plateNo').fill('苏A·T1234');
    await agent.getByTestId('desk-description').fill('出租车司机在新街口拒载，要求按表计价被拒绝');
    await agent.getByTestId('desk-location').fill('南京市玄武区中山路');
    await agent.getByTestId('route-preview').getByText('按转办规则：玄武区交通运输局').waitFor();
    await shot(agent, '02-desk-complaint');
    await agent.getByTestId('desk-dispatch').click();
    const outcome = agent.getByTestId('desk-outcome');
    await outcome.getByText('已受理并转办至玄武区交通运输局').waitFor();
    const code = ((await agent.getByTestId('desk-query-code').textContent()) ?? '').trim();
    assert.match(code, /^\d{6}$/);
    await agent.getByTestId('desk-open-ticket').click();
    await state(agent, 'dispatched');
    const no = ((await agent.getByTestId('ticket-no').textContent()) ?? '').trim();
    complaint = { id: Number(new URL(agent.url()).pathname.split('/').at(-1)), no, code };
    await agent.getByTestId('ticket-unit').getByText('玄武区交通运输局').waitFor();
    // The agent sees the whole number in the audited detail.
    await agent.getByTestId('ticket-facts').getByText(CALLER.phone).waitFor();

    // The caller raised a second matter in the same call: split into a ticket of its own.
    await agent.getByTestId('action-split').click();
    await radio(agent, 'dialog-split', '道路运输');
    await radio(agent, 'dialog-split', '出租汽车');
    await agent.getByTestId('dialog-split').getByTestId('field-plateNo').fill('苏A·T1234');
    await agent.getByTestId('dialog-split-description').fill('该出租车计价器疑似被改装，计费明显偏高');
    await submitDialog(agent, 'dialog-split');
    await agent.getByText('已拆分出工单').waitFor();
    const parts = await api(`/api/hotline/tickets?q=${encodeURIComponent('计价器疑似被改装')}`);
    assert.deepEqual(
      [parts.total, parts.items[0].splitFromId, parts.items[0].requestType, parts.items[0].state],
      [1, complaint.id, 'complaint', 'dispatching'],
      'the split part keeps the caller and the source link, waiting to be dispatched',
    );
  });

  let handler: Page;
  let centre: Page;

  test('the bureau signs for it and asks for an extension; the centre approves it', async () => {
    handler = await login('xw.handler');
    await openMenu(handler, 'menu-hotline-inbox', 'menu-hotline');
    await handler.getByTestId('ticket-table').getByText(complaint.no).click();
    await state(handler, 'dispatched');
    await handler.getByTestId('action-signFor').click();
    await state(handler, 'in_progress');
    await handler.getByTestId('action-requestExtension').click();
    await handler.getByTestId('dialog-extension-reason').fill('需调取出租车行车记录仪和计价器数据');
    await handler.getByTestId('dialog-extension-basis').fill('《巡游出租汽车经营服务管理规定》第四十四条');
    await submitDialog(handler, 'dialog-extension');
    await state(handler, 'extension_requested');

    centre = await login('nj.supervisor');
    await openMenu(centre, 'menu-hotline-review', 'menu-hotline');
    await centre.getByTestId('queue-tab-extension').click();
    await centre.getByTestId('ticket-table').getByText(complaint.no).click();
    await state(centre, 'extension_requested');
    await centre.getByTestId('action-decideExtension').click();
    await centre.getByTestId('dialog-decide-request').getByText('需调取出租车行车记录仪').waitFor();
    await submitDialog(centre, 'dialog-decide');
    await state(centre, 'in_progress');
    await centre.getByTestId('ticket-extensions').getByText('已批准').waitFor();
    await centre.getByTestId('note-body').fill(INTERNAL_NOTE);
    await centre.getByTestId('note-add').click();
    await centre.getByTestId('timeline-note').getByText(INTERNAL_NOTE).waitFor();
    const ext = await api(`/api/hotline/extensions?ticketId=${complaint.id}`);
    assert.deepEqual([ext.total, ext.items[0].decision, ext.items[0].days], [1, 'approved', 5]);
  });

  const replyAs = async (page: Page, handling: string) => {
    await page.getByTestId('action-reply').click();
    await page.getByTestId('dialog-reply-facts').fill('经调查，驾驶员在新街口确有拒载行为');
    await page.getByTestId('dialog-reply-handling').fill(handling);
    await page.getByTestId('dialog-reply-basis').fill('《巡游出租汽车经营服务管理规定》第二十六条');
    await submitDialog(page, 'dialog-reply');
    await state(page, 'replied');
  };
  const reviewAndClose = async () => {
    await openMenu(centre, 'menu-hotline-review', 'menu-hotline');
    await centre.getByTestId('queue-tab-review').click();
    await centre.getByTestId('ticket-table').getByText(complaint.no).click();
    await state(centre, 'replied');
    await centre.getByTestId('ticket-replies').getByText('待审核').waitFor();
    await centre.getByTestId('action-close').click();
    await state(centre, 'callback_pending');
  };

  test('the bureau replies with facts, handling and legal basis; the centre closes it', async () => {
    await handler.reload();
    await state(handler, 'in_progress');
    await replyAs(handler, '已对驾驶员批评教育，并记入服务质量信誉考核');
    await reviewAndClose();
    await shot(centre, '03-closed');
    const detail = await api(`/api/hotline/tickets/${complaint.id}`);
    assert.equal(detail.ticket.closedOnTime, true);
  });

  test('the callback is 不满意: the bureau re-handles it and the centre closes it again', async () => {
    await openMenu(centre, 'menu-hotline-callbacks', 'menu-hotline');
    const row = centre
      .getByTestId('callback-table')
      .locator('tr.ant-table-row')
      .filter({ hasText: complaint.no });
    await row.getByText(CALLER.phone).waitFor();
    await row.getByTestId('callback-record').click();
    await radio(centre, 'dialog-callback', '不满意');
    await centre.getByTestId('dialog-callback-note').fill('车费未退还');
    await shot(centre, '04-callback');
    await submitDialog(centre, 'dialog-callback');
    await centre.getByText('工单退回原承办单位重办').waitFor();
    const re = (await api(`/api/hotline/tickets/${complaint.id}`)).ticket;
    assert.deepEqual([re.state, re.handlingOrgId, re.rehandleCount], ['rehandling', w.ids.xw, 1]);

    await openMenu(handler, 'menu-hotline-inbox', 'menu-hotline');
    await handler.getByTestId('queue-tab-rehandle').click();
    await handler.getByTestId('ticket-table').getByText(complaint.no).click();
    await state(handler, 'rehandling');
    await replyAs(handler, '已责令驾驶员退还车费，并对其罚款200元');
    await reviewAndClose();
    await centre.getByTestId('ticket-replies').getByText('已责令驾驶员退还车费').waitFor();
    await shot(centre, '05-rehandled-closed');

    await openMenu(centre, 'menu-hotline-callbacks', 'menu-hotline');
    const again = centre
      .getByTestId('callback-table')
      .locator('tr.ant-table-row')
      .filter({ hasText: complaint.no });
    await again.getByTestId('callback-record').click();
    await radio(centre, 'dialog-callback', '满意');
    await submitDialog(centre, 'dialog-callback');
    await centre.getByTestId('callbacks-done').click();
    await centre.getByTestId('callback-table').getByText('不满意').waitFor();
    const done = (await api(`/api/hotline/tickets/${complaint.id}`)).ticket;
    assert.deepEqual([done.state, done.dissatisfiedCount], ['callback_done', 1]);
  });

  test('the public query page shows the citizen-visible timeline, no internal note, no personal data', async () => {
    const citizen = await open();
    await citizen.goto(`${base}/public/hotline/query`);
    await citizen.getByTestId('query-no').fill(complaint.no);
    await citizen.getByTestId('query-code').fill(complaint.code);
    await citizen.getByTestId('query-submit').click();
    const view = citizen.getByTestId('public-view');
    await view.waitFor();
    const statuses = await citizen.getByTestId('public-timeline-entry').allInnerTexts();
    assert.deepEqual(
      statuses.map((s) => s.split(' ')[0]),
      ['已受理', '转办中', '办理中', '已办结', '重新办理中', '办理中', '已办结'],
    );
    await view.getByTestId('public-status').getByText('已办结').waitFor();
    await citizen.getByTestId('public-reply').getByText('已责令驾驶员退还车费').waitFor();
    await shot(citizen, '06-public-query');
    const text = (await citizen.locator('body').textContent()) ?? '';
    const html = await citizen.content();
    for (const secret of [
      INTERNAL_NOTE,
      '第三次被投诉',
      CALLER.phone,
      CALLER.phone.slice(-4),
      CALLER.name,
      '车费未退还',
    ])
      assert.ok(!text.includes(secret) && !html.includes(secret), `the public page shows ${secret}`);
    // A wrong query code shows nothing of the ticket.
    await citizen.goto(`${base}/public/hotline/query?no=${complaint.no}&code=000000`);
    await citizen.getByTestId('query-error').waitFor();
    assert.equal(await citizen.getByTestId('public-view').count(), 0);
  });

  test('a citizen files on the public form and the centre of the place gets it', async () => {
    const citizen = await open();
    await citizen.setViewportSize({ width: 390, height: 844 });
    await citizen.goto(`${base}/public/hotline`);
    await radio(citizen, 'public-form', '投诉举报');
    await radio(citizen, 'public-form', '城市客运');
    await radio(citizen, 'public-form', '城市公共汽电车');
    await citizen.getByTestId('field-busLine').fill('游2路');
    await citizen.getByTestId('public-description').fill('游2路公交车在玄武门站不停靠，乘客无法上车');
    await pickOption(citizen, 'public-region', '玄武区交通运输局', '玄武');
    await citizen.getByTestId('public-location').fill('玄武门站');
    await citizen.getByTestId('public-phone').fill('13800001111');
    await shot(citizen, '07-public-form');
    await citizen.getByTestId('public-submit').click();
    const done = citizen.getByTestId('public-submitted');
    await done.waitFor().catch(async (e) => {
      await shot(citizen, '07-public-form-failed');
      throw new Error(`${e}: ${await citizen.locator('body').textContent()}`);
    });
    const no = /\d{14}/.exec((await done.textContent()) ?? '')?.[0];
    assert.ok(no);
    const filed = await api(`/api/hotline/tickets?ticketNo=${no}`);
    assert.deepEqual(
      [filed.total, filed.items[0].channel, filed.items[0].centreOrgId, filed.items[0].state],
      [1, 'web', w.ids.nj, 'dispatching'],
    );
  });
});

async function openDesk(page: Page) {
  await openMenu(page, 'menu-hotline-desk', 'menu-hotline');
  await page.getByTestId('agent-desk').waitFor();
}
