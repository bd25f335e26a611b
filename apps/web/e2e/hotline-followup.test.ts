import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  type HotlineWorld,
  hotlineWorld,
  taxiComplaint,
} from '../../server/src/modules/hotline/hotline-test-kit.ts';
import { png1x1 } from '../../server/src/platform/files/sniff.fixtures.ts';
import { startTestApp, type TestApp } from '../../server/test/harness.ts';
import { launchChromium, newPage, openMenu, pickOption, screenshot, serve, signIn } from './browser.ts';

// What happens to a ticket after intake, in Chromium against a real server: the unit asks the
// citizen, who answers on the public page; a second call joins the open ticket from the desk's
// duplicate hints; the centre supervises and the unit answers; the board opens the ticket; a
// cross-area transfer is listed with its send state; the public form takes a photo and a pin.

const QUESTION = '请补充乘车时间和发票照片，以便调取行车记录';
const ANSWER = '乘车时间为12月1日晚8点左右，发票已拍照留存';
const DEMAND = '请单位负责人督办，三日内反馈处理进展';
const URGE_ANSWER = '已约谈出租车公司，驾驶员停运学习，处理结果将于本周内答复';

describe('12328 hotline follow-up in Chromium', () => {
  let t: TestApp;
  let w: HotlineWorld;
  let browser: Browser;
  let base: string;
  let first: { id: number; ticketNo: string; queryCode: string };

  before(async () => {
    t = await startTestApp('pglite', {}, { clockStart: Date.now() });
    w = await hotlineWorld(t);
    // A taxi complaint already at 玄武区交通运输局, signed for.
    const created = await t.as(w.agent, 'POST', '/api/hotline/tickets', taxiComplaint(w.ids.xw));
    assert.equal(created.statusCode, 201, created.body);
    first = created.json();
    const dispatched = await t.as(w.agent, 'POST', `/api/hotline/tickets/${first.id}/dispatch`, {
      handlingOrgId: w.ids.xw,
    });
    assert.equal(dispatched.statusCode, 200, dispatched.body);
    const signed = await t.as(w.xwHandler, 'POST', `/api/hotline/tickets/${first.id}/sign-for`);
    assert.equal(signed.statusCode, 200, signed.body);
    base = await serve(t);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await t?.close();
  });

  const login = async (username: string, viewport = { width: 1440, height: 960 }): Promise<Page> => {
    const page = await newPage(browser, viewport);
    await signIn(page, base, username);
    return page;
  };
  const shot = (page: Page, name: string) => screenshot(page, `hotline-followup-${name}`, { fullPage: true });
  const state = (page: Page, s: string) =>
    page
      .locator(`[data-testid="ticket-detail"] [data-testid="ticket-state"][data-state="${s}"]`)
      .first()
      .waitFor();
  const submitDialog = async (page: Page, testId: string) => {
    await page.getByTestId(`${testId}-submit`).click();
    await page.getByTestId(testId).waitFor({ state: 'detached' });
  };
  const radio = (page: Page, scope: string, text: string) =>
    page
      .getByTestId(scope)
      .locator('label.ant-radio-button-wrapper')
      .filter({ hasText: new RegExp(`^${text}$`) })
      .click();
  const api = async (url: string) => {
    const res = await t.as(w.supervisor, 'GET', url);
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };

  let handler: Page;

  test('the unit asks the citizen; the citizen answers on the public page; the answer is on the ticket', async () => {
    handler = await login('xw.handler');
    await handler.goto(`${base}/hotline/tickets/${first.id}`);
    await state(handler, 'in_progress');
    await handler.getByTestId('action-askCitizen').click();
    await handler.getByTestId('dialog-ask-question').fill(QUESTION);
    await submitDialog(handler, 'dialog-ask');
    await state(handler, 'awaiting_citizen');
    await handler.getByTestId('ticket-citizen-requests').getByText('等待来电人补充').waitFor();

    const citizen = await newPage(browser, { width: 390, height: 844 });
    await citizen.goto(`${base}/public/hotline/query?no=${first.ticketNo}&code=${first.queryCode}`);
    await citizen.getByTestId('public-status').getByText('待您补充信息').waitFor();
    await citizen.getByTestId('public-question').getByText(QUESTION).waitFor();
    await citizen.getByTestId('public-answer-text').fill(ANSWER);
    await shot(citizen, '01-public-question');
    await citizen.getByTestId('public-answer-send').click();
    await citizen.getByTestId('public-status').getByText('办理中').waitFor();
    assert.equal(await citizen.getByTestId('public-question').count(), 0, 'the question is answered');

    await handler.reload();
    await state(handler, 'in_progress');
    await handler.getByTestId('timeline-citizen').getByText(ANSWER).waitFor();
    await handler.getByTestId('citizen-answer').getByText('网上补充').waitFor();
    await shot(handler, '02-ticket-answered');
    const requests = (await api(`/api/hotline/tickets/${first.id}/citizen-requests`)).items;
    assert.deepEqual(
      requests.map((r: { answeredVia: string; answer: string }) => [r.answeredVia, r.answer]),
      [['public', ANSWER]],
    );
  });

  test('a second caller about the same taxi joins the open ticket from the duplicate hints', async () => {
    const agent = await login('nj.agent');
    await openMenu(agent, 'menu-hotline-desk', 'menu-hotline');
    await agent.getByTestId('desk-phone').fill('13900002222');
    await radio(agent, 'agent-desk', '投诉举报');
    await radio(agent, 'agent-desk', '道路运输');
    await radio(agent, 'agent-desk', '出租汽车');
    await agent.getByTestId('field-plateNo').fill('苏A·T1234');
    await agent.getByTestId('desk-description').fill('同一辆出租车在中山路拒载，我也要投诉');
    const hint = agent.locator(`[data-testid="dup-item"][data-ticket-no="${first.ticketNo}"]`);
    await hint.waitFor();
    await shot(agent, '03-duplicate-hint');
    await hint.getByTestId('dup-join').click();
    await agent.getByTestId('desk-outcome').getByText(`并入工单 ${first.ticketNo}`).waitFor();
    const joined = (await api('/api/hotline/tickets?phone=13900002222')).items;
    assert.deepEqual(
      joined.map((x: { state: string; mergedIntoId: number | null }) => [x.state, x.mergedIntoId]),
      [['merged', first.id]],
      'the call is a ticket of its own (its caller, its callback), merged into the open one',
    );
    await agent.close();
  });

  test('the centre supervises; the unit answers from its inbox; the board opens the ticket', async () => {
    const centre = await login('nj.supervisor');
    await centre.goto(`${base}/hotline/tickets/${first.id}`);
    await state(centre, 'in_progress');
    await centre.getByTestId('action-urge').click();
    await centre.getByTestId('dialog-urge').getByText('督办', { exact: true }).click();
    await centre.getByTestId('dialog-urge').locator('textarea').fill(DEMAND);
    await submitDialog(centre, 'dialog-urge');
    await centre.getByTestId('ticket-urges').getByText(DEMAND).waitFor();

    // The hotline menu is open already (the handler came from a ticket page).
    await openMenu(handler, 'menu-hotline-inbox', 'menu-hotline');
    const open = handler.getByTestId('inbox-urges').locator('tr.ant-table-row').filter({ hasText: DEMAND });
    await open.getByTestId('urge-answer-open').click();
    await handler.getByTestId('dialog-urge-answer-text').fill(URGE_ANSWER);
    await submitDialog(handler, 'dialog-urge-answer');
    // The inbox lists what is still to answer: the answered order leaves it.
    await open.waitFor({ state: 'detached' });
    await shot(handler, '04-inbox-urge-answered');

    await openMenu(centre, 'menu-hotline-admin-supervision', 'menu-hotline-admin');
    await centre.getByTestId('board-view').getByText('督办中').click();
    const row = centre
      .getByTestId('board-tickets')
      .locator('tr.ant-table-row')
      .filter({ hasText: first.ticketNo });
    await row.waitFor();
    await shot(centre, '05-board-supervised');
    await row.getByTestId('board-ticket').click();
    await centre.getByTestId('ticket-detail').waitFor();
    assert.equal(((await centre.getByTestId('ticket-no').textContent()) ?? '').trim(), first.ticketNo);
    await centre.getByTestId('ticket-urges').getByText(URGE_ANSWER).waitFor();
    const urges = (await api(`/api/hotline/urges?ticketId=${first.id}`)).items;
    assert.deepEqual(
      urges.map((u: { kind: string; answer: string | null }) => [u.kind, u.answer]),
      [['supervision', URGE_ANSWER]],
    );
    await centre.close();
  });

  test('a cross-area transfer goes out through the province and is listed with its send state', async () => {
    const created = await t.as(
      w.agent,
      'POST',
      '/api/hotline/tickets',
      taxiComplaint(w.ids.xw, { description: '苏州的出租车在南京拒载', requesterPhone: '13900003333' }),
    );
    assert.equal(created.statusCode, 201, created.body);
    const other = created.json();
    const agent = await login('nj.agent');
    await agent.goto(`${base}/hotline/tickets/${other.id}`);
    await state(agent, 'dispatching');
    await agent.getByTestId('action-transferOut').click();
    await pickOption(agent, 'dialog-transfer-target', '苏州市交通运输局', '苏州');
    await submitDialog(agent, 'dialog-transfer');
    await state(agent, 'transferred_out');

    await openMenu(agent, 'menu-hotline-transfers', 'menu-hotline');
    const row = agent
      .getByTestId('transfer-table')
      .locator('tr.ant-table-row')
      .filter({ hasText: other.ticketNo });
    await row.getByText('苏州市交通运输局').waitFor();
    await row.getByText('江苏省交通运输厅').waitFor();
    const sendState = await row.getByTestId('transfer-state').getAttribute('data-state');
    const listed = (await api('/api/hotline/transfers')).items.find(
      (x: { ticketNo: string }) => x.ticketNo === other.ticketNo,
    );
    assert.equal(sendState, listed.state, 'the screen shows the send state the server keeps');
    await agent.getByTestId(`transfer-tab-${listed.state}`).click();
    await row.waitFor();
    await shot(agent, '06-transfers');
    await agent.close();
  });

  test('the public form takes a photo and a pin on the map; the ticket shows both', async () => {
    const citizen = await newPage(browser, { width: 390, height: 844 });
    await citizen.goto(`${base}/public/hotline`);
    await radio(citizen, 'public-form', '投诉举报');
    await radio(citizen, 'public-form', '城市客运');
    await radio(citizen, 'public-form', '城市公共汽电车');
    await citizen.getByTestId('field-busLine').fill('游1路');
    await citizen.getByTestId('public-description').fill('游1路公交车在中华门站急刹车，乘客摔倒');
    await pickOption(citizen, 'public-region', '玄武区交通运输局', '玄武');
    await citizen.getByTestId('public-phone').fill('13800004444');
    await citizen.getByTestId('public-attach-limits').getByText('最多 5 个文件').waitFor();
    await citizen
      .getByTestId('public-attachments')
      .locator('input[type=file]')
      .setInputFiles({ name: 'bus.png', mimeType: 'image/png', buffer: Buffer.from(png1x1()) });
    await citizen.getByTestId('public-attached').getByText('bus.png').waitFor();
    const map = citizen.getByTestId('public-map');
    await map.locator('canvas').first().waitFor();
    const box = await map.boundingBox();
    assert.ok(box);
    await citizen.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.55);
    await citizen
      .getByTestId('public-map-coords')
      .getByText(/^\d+\.\d+, \d+\.\d+$/)
      .waitFor();
    await citizen.getByTestId('public-map').and(citizen.locator('[data-points="1"]')).waitFor();
    await shot(citizen, '07-public-form-photo-pin');
    await citizen.getByTestId('public-submit').click();
    const done = citizen.getByTestId('public-submitted');
    await done.waitFor();
    const no = /\d{14}/.exec((await done.textContent()) ?? '')?.[0];
    assert.ok(no);
    const filed = (await api(`/api/hotline/tickets?ticketNo=${no}`)).items[0];
    assert.ok(filed.lat !== null && filed.lon !== null, 'the pin is the ticket’s place');
    const detail = await api(`/api/hotline/tickets/${filed.id}`);
    assert.deepEqual(
      detail.attachments.map((a: { filename: string; mime: string }) => [a.filename, a.mime]),
      [['bus.png', 'image/png']],
    );

    const agent = await login('nj.agent');
    await agent.goto(`${base}/hotline/tickets/${filed.id}`);
    await agent.getByTestId('ticket-attachments').getByText('bus.png').waitFor();
    await agent.locator('[data-testid="ticket-map"][data-points="1"]').waitFor();
    await shot(agent, '08-ticket-photo-map');
    await agent.close();
  });
});
