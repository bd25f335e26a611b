import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { deliverTransfer } from '../../server/src/modules/hotline/dispatch.service.ts';
import {
  type HotlineWorld,
  hotlineWorld,
  taxiComplaint,
} from '../../server/src/modules/hotline/hotline-test-kit.ts';
import { hotlineCalendar } from '../../server/src/modules/hotline/tickets.service.ts';
import { startTestApp, type TestApp } from '../../server/test/harness.ts';
import { launchChromium, newPage, openMenu, pickOption, screenshot, serve, signIn } from './browser.ts';

// Operations on tickets already under way, in Chromium against a real server: the centre
// corrects a ticket's place and the ticket moves to the unit of the new place; a transfer whose
// send failed is sent again from the transfers page.

describe('12328 hotline operations in Chromium', () => {
  let t: TestApp;
  let w: HotlineWorld;
  let browser: Browser;
  let base: string;

  before(async () => {
    t = await startTestApp('pglite', {}, { clockStart: Date.now() });
    w = await hotlineWorld(t);
    base = await serve(t);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await t?.close();
  });

  const login = async (username: string): Promise<Page> => {
    const page = await newPage(browser, { width: 1440, height: 960 });
    await signIn(page, base, username);
    return page;
  };
  const shot = (page: Page, name: string) => screenshot(page, `hotline-ops-${name}`, { fullPage: true });
  const ok = async (res: Promise<{ statusCode: number; body: string }>) => {
    const r = await res;
    assert.ok(r.statusCode < 300, r.body);
    return JSON.parse(r.body);
  };

  test('更改地点: a new address, region and pin; the ticket goes to the unit of the new place', async () => {
    const bus = taxiComplaint(w.ids.xw, { categoryCode: '0401', fields: { busLine: '34路' } });
    const { id } = await ok(t.as(w.agent, 'POST', '/api/hotline/tickets', bus));
    await ok(t.as(w.agent, 'POST', `/api/hotline/tickets/${id}/dispatch`, {}));
    await ok(t.as(w.xwHandler, 'POST', `/api/hotline/tickets/${id}/sign-for`));

    const agent = await login('nj.agent');
    await agent.goto(`${base}/hotline/tickets/${id}`);
    await agent.getByTestId('ticket-unit').getByText('玄武区交通运输局').waitFor();
    await agent.getByTestId('action-relocate').click();
    const dialog = agent.getByTestId('dialog-relocate');
    await dialog.waitFor();
    await agent.getByTestId('dialog-relocate-text').fill('南京市鼓楼区中山北路公交站');
    await pickOption(agent, 'dialog-relocate-region', '鼓楼区交通运输局', '鼓楼');
    const map = agent.getByTestId('dialog-relocate-map');
    await map.locator('canvas').first().waitFor();
    const box = await map.boundingBox();
    assert.ok(box);
    await agent.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.6);
    await agent
      .getByTestId('dialog-relocate-map-coords')
      .getByText(/^\d+\.\d+, \d+\.\d+$/)
      .waitFor();
    await shot(agent, '01-relocate-dialog');
    await agent.getByTestId('dialog-relocate-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await agent.getByTestId('ticket-unit').getByText('鼓楼区交通运输局').waitFor();
    await agent
      .getByTestId('ticket-timeline')
      .getByText(/^更改地点：南京市玄武区中山路/)
      .waitFor();
    await shot(agent, '02-relocated');
    const d = await ok(t.as(w.agent, 'GET', `/api/hotline/tickets/${id}`));
    assert.deepEqual(
      [d.ticket.state, d.ticket.regionOrgId, d.ticket.locationText],
      ['dispatched', w.ids.gl, '南京市鼓楼区中山北路公交站'],
    );
    assert.ok(d.ticket.lat !== 32.05 && d.ticket.lat !== null, 'the new pin is the ticket’s point');
    await agent.close();
  });

  test('a failed transfer is sent again from the transfers page', async () => {
    const setWuxi = (status: 'active' | 'closed') =>
      t.handle.db.updateTable('org_unit').set({ status }).where('code', '=', '320200').execute();
    const { id, ticketNo } = await ok(t.as(w.agent, 'POST', '/api/hotline/tickets', taxiComplaint(w.ids.xw)));
    await setWuxi('closed');
    const x = await ok(
      t.as(w.agent, 'POST', `/api/hotline/tickets/${id}/transfer`, { targetOrgId: await t.orgId('320200') }),
    );
    const deps = {
      secretBox: t.app.platform.secretBox,
      calendar: await hotlineCalendar(t.handle.db),
      now: new Date(),
    };
    await t.handle.db.transaction().execute((trx) => deliverTransfer(trx, deps, x.id));
    await setWuxi('active');

    const agent = await login('nj.agent');
    await openMenu(agent, 'menu-hotline-transfers', 'menu-hotline');
    await agent.getByTestId('transfer-tab-sendFailed').click();
    const row = agent.getByTestId('transfer-table').locator('tr.ant-table-row').filter({ hasText: ticketNo });
    await row.getByTestId('transfer-state').and(agent.locator('[data-state="sendFailed"]')).waitFor();
    await shot(agent, '03-transfer-failed');
    await row.getByTestId('transfer-resend').click();
    await row.waitFor({ state: 'detached' });
    const listed = (await ok(t.as(w.agent, 'GET', '/api/hotline/transfers?pageSize=100'))).items.find(
      (i: { id: number }) => i.id === x.id,
    );
    assert.ok(['readyToSend', 'sent'].includes(listed.state), listed.state);
    await agent.getByTestId('transfer-tab-all').click();
    await row.getByTestId('transfer-state').and(agent.locator('[data-state]')).waitFor();
    const shown = await row.getByTestId('transfer-state').getAttribute('data-state');
    assert.ok(['readyToSend', 'sent'].includes(shown ?? ''), `shown ${shown}`);
    await shot(agent, '04-transfer-resent');
    await agent.close();
  });
});
