import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type Jt808Gateway, startGateway } from '../../server/src/modules/vehicles/index.ts';
import { type Session, startTestApp, type TestApp } from '../../server/test/harness.ts';
import { type Console, openConsole, openMenu, pickOption, signIn } from './browser.ts';
import { Terminal, type TerminalVehicle } from './jt808-terminal.ts';

const until = async (check: () => Promise<boolean>, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
};

interface Driven extends TerminalVehicle {
  vehicleType: string;
  /** km/h: the coach drives over its type's 100 km/h limit. */
  speed: number;
}

const FLEET: readonly Driven[] = [
  {
    phone: '13951000001',
    plateNo: '苏A51001',
    plateColor: 2,
    terminalId: 'E2E0001',
    lat: 32.06,
    lon: 118.62,
    direction: 90,
    vehicleType: 'scheduledCoach',
    speed: 118,
  },
  {
    phone: '13951000002',
    plateNo: '苏A51002',
    plateColor: 2,
    terminalId: 'E2E0002',
    lat: 31.92,
    lon: 118.95,
    direction: 30,
    vehicleType: 'dangerousGoods',
    speed: 62,
  },
  {
    phone: '13951000003',
    plateNo: '苏A51003',
    plateColor: 2,
    terminalId: 'E2E0003',
    lat: 32.2,
    lon: 118.8,
    direction: 200,
    vehicleType: 'heavyFreight',
    speed: 75,
  },
];

const PARKED: Driven = {
  phone: '13951000004',
  plateNo: '苏A51004',
  plateColor: 2,
  terminalId: 'E2E0004',
  lat: 31.98,
  lon: 118.7,
  direction: 0,
  vehicleType: 'charteredCoach',
  speed: 0,
};
const ALL = FLEET.length + 1;

describe('vehicles console in Chromium', () => {
  let t: TestApp;
  let gw: Jt808Gateway;
  let browser: Browser;
  let page: Page;
  let base: string;
  let shot: Console['shot'];
  let city: Session;
  const terminals: Terminal[] = [];
  let driving: NodeJS.Timeout | undefined;
  let drives: Promise<void> = Promise.resolve();

  before(async () => {
    t = await startTestApp('pglite', {}, { clockStart: Date.now() });
    gw = await startGateway({ db: t.handle.db, port: 0, host: '127.0.0.1', clock: t.clock });
    await t.createUser('e2e.nj', '320100', ['orgAdmin']);
    await t.createUser('e2e.duty', '320100', ['staff']);
    city = await t.login('e2e.nj');
    for (const v of [...FLEET, PARKED]) {
      const created = await t.as(city, 'POST', '/api/vehicles', {
        plateNo: v.plateNo,
        plateColor: v.plateColor,
        vehicleType: v.vehicleType,
        operatorName: '南京交运集团',
        orgUnitId: await t.orgId('320100'),
        terminalPhone: v.phone,
      });
      assert.equal(created.statusCode, 201, created.body);
    }
    ({ base, browser, page, shot } = await openConsole(t, 'vehicles-'));
  });

  after(async () => {
    if (driving) clearInterval(driving);
    await drives;
    await Promise.all(terminals.map((x) => x.close()));
    await browser?.close();
    await gw?.close();
    await t?.close();
  });

  const mapPoints = async () => Number(await page.getByTestId('vehicle-map').getAttribute('data-points'));

  /** Every second each terminal drives on and reports; the server's clock keeps the wall time. */
  const drive = (speedOf: (v: Driven) => number) => {
    const tick = async () => {
      t.clock.advance(Date.now() - t.clock.now().getTime());
      const now = Date.now();
      await Promise.all(terminals.map((term, i) => term.report(now, speedOf(FLEET[i] as Driven))));
    };
    drives = tick();
    driving = setInterval(() => {
      drives = drives.then(tick);
    }, 1000);
  };

  test('terminals over the gateway appear on the map and move between refreshes', async () => {
    for (const v of FLEET) {
      const term = await Terminal.open(gw.port, v);
      await term.signOn();
      terminals.push(term);
    }
    // A vehicle that reported once and went away: offline where it was last seen.
    const gone = await Terminal.open(gw.port, PARKED);
    await gone.signOn();
    await gone.report(Date.now(), 0);
    await gone.close();
    drive((v) => v.speed);

    await signIn(page, base, 'e2e.duty');
    // The roadmap placeholder is gone: 重点营运车辆 is a submenu of real pages.
    assert.equal(await page.getByTestId('menu-upcoming-vehicles').count(), 0);
    await openMenu(page, 'menu-vehicles-monitor', 'menu-vehicles');
    await page.locator(`[data-testid="vehicle-map"][data-points="${ALL}"]`).waitFor();
    const list = page.getByTestId('vehicle-list');
    for (const v of [...FLEET, PARKED]) await list.getByText(v.plateNo).waitFor();
    await page.getByText(`车辆 ${ALL} 辆`).waitFor();
    // The status filter: the one that went away is the only one offline.
    await page.getByTestId('vehicle-filter-state').getByText('离线').click();
    await page.locator('[data-testid="vehicle-map"][data-points="1"]').waitFor();
    await page.getByText('车辆 1 辆').waitFor();
    await list.getByText('苏A51004').waitFor();
    // The type filter: 两客一危 are the coaches and the dangerous goods truck.
    await page.getByTestId('vehicle-filter-state').getByText('全部').click();
    await pickOption(page, 'vehicle-filter-type', '两客一危');
    await page.getByText('车辆 3 辆').waitFor();
    assert.equal(await list.getByText('苏A51003').count(), 0);
    await page.getByTestId('vehicle-filter-type').locator('.ant-select-clear').click();
    await page.getByText(`车辆 ${ALL} 辆`).waitFor();
    await page.waitForTimeout(400);
    await shot('00-monitor');

    // The detail's latest state follows the refreshes: the coach has moved east.
    await list.getByText('苏A51001').click();
    const registry = page.getByTestId('vehicle-detail-registry');
    await registry.getByText('南京交运集团').waitFor();
    await registry.getByText('班线客车').waitFor();
    const positionCell = registry.locator('tr').filter({ hasText: '位置' }).locator('td');
    const first = await positionCell.textContent();
    const lonOf = (text: string | null) => Number((text ?? '').split(',')[1]);
    await until(async () => {
      const now = await positionCell.textContent();
      return now !== null && now !== '' && now !== first;
    });
    const second = await positionCell.textContent();
    assert.ok(lonOf(second) > lonOf(first), `${first} → ${second}`);

    // Track playback: the line is drawn and the play button moves a marker along it.
    await page.locator('[data-testid="vehicle-map"][data-lines="1"]').waitFor();
    assert.equal(await mapPoints(), ALL + 1);
    const at = page.getByTestId('vehicle-track-at');
    const startAt = await at.textContent();
    await page.getByTestId('vehicle-track-play').click();
    await until(async () => (await at.textContent()) !== startAt);
    await page.waitForTimeout(400);
    await shot('01-monitor-track');
    await page.locator('.ant-drawer-close').click();
  });

  test('an overspeeding coach raises an alarm that is acknowledged, handled and closed on the board', async () => {
    // The coach has driven at 118 km/h (limit 100) for well over 10 s: the map shows it in alarm.
    await page.getByTestId('vehicle-filter-state').getByText('报警中').click();
    await page.getByTestId('vehicle-list').getByText('苏A51001').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="vehicle-map"][data-points="1"]').waitFor();
    assert.equal(await page.getByTestId('vehicle-list').getByText('苏A51002').count(), 0);
    await page.getByTestId('vehicle-filter-state').getByText('全部').click();
    await page.locator(`[data-testid="vehicle-map"][data-points="${ALL}"]`).waitFor();
    await page.waitForTimeout(400);
    await shot('02-monitor-alarm');

    await openMenu(page, 'menu-vehicles-alarms', 'menu-vehicles');
    const table = page.getByTestId('alarm-table');
    // Only overspeed: at night (Beijing time) the coach may raise a night-speed alarm as well.
    await pickOption(page, 'alarm-filter-kind', /^超速$/);
    const row = table.locator('tr.ant-table-row').filter({ hasText: '苏A51001' });
    await row.waitFor();
    await row.getByText('待确认').waitFor();
    await page.getByTestId('alarm-counts-chart').locator('canvas').waitFor();
    await page.waitForTimeout(400);
    await shot('03-alarm-board');

    await row.click();
    const detail = page.getByTestId('alarm-detail');
    await detail.getByTestId('alarm-detail-state').getByText('待确认').waitFor();
    await page.getByTestId('alarm-acknowledge').click();
    await detail.getByTestId('alarm-detail-state').getByText('已确认').waitFor();
    await page.getByTestId('alarm-handle').click();
    await page.getByTestId('alarm-note').fill('已电话联系驾驶员减速');
    await page.getByTestId('alarm-note-submit').click();
    await detail.getByTestId('alarm-detail-state').getByText('处理中').waitFor();
    // Closing without a note is refused by the form.
    await page.getByTestId('alarm-close').click();
    await page.getByTestId('alarm-note-submit').click();
    await page.getByText('办结须填写处理意见').waitFor();
    await page.getByTestId('alarm-note').fill('驾驶员已减速，企业已处理');
    await page.getByTestId('alarm-note-submit').click();
    await detail.getByTestId('alarm-detail-state').getByText('已办结').waitFor();
    const history = page.getByTestId('alarm-history');
    await history.getByText('已电话联系驾驶员减速').waitFor();
    await history.getByText('驾驶员已减速，企业已处理').waitFor();
    assert.equal(await page.getByTestId('alarm-close').count(), 0);
    await page.waitForTimeout(400);
    await shot('04-alarm-closed');
    await page.locator('.ant-drawer-close').click();
    await row.getByText('已办结').waitFor();

    // The board reads in English too.
    await page.getByTestId('locale-switch').click();
    await page.getByTestId('locale-en-US').click();
    await row.getByText('Closed').waitFor();
    await page.getByText('Alarms by kind').waitFor();
    await page.waitForTimeout(400);
    await shot('05-alarm-board-en');
  });
});
