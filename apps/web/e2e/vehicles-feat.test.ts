// The superior's 下级平台上报 page (forwarded JT/T 809 alarms and registrations, filtered) and the
// 路段限速 page (a road-class zone added through its form) in Chromium against the real server.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type Session, startTestApp, type TestApp } from '../../server/test/harness.ts';
import { type Console, openConsole, openMenu, pickOption, signIn } from './browser.ts';

describe('forwarded reports and speed zones in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let shot: Console['shot'];
  let admin: Session;

  before(async () => {
    t = await startTestApp('pglite', {}, { clockStart: Date.now() });
    await t.createUser('e2e.js', '320000', ['orgAdmin']);
    admin = await t.login('e2e.js');
    const db = t.handle.db;
    const now = t.clock.now();
    const jiangsu = await t.orgId('320000');
    const { id: linkId } = await db
      .insertInto('platform_link')
      .values({
        name: '南京市监管平台',
        direction: 'subordinate',
        org_unit_id: jiangsu,
        host: null,
        port: null,
        down_link_host: null,
        down_link_port: null,
        gnss_center_id: 32010001,
        user_id: 3201,
        password_sealed: 'x',
        edition: '2019',
        encrypt: false,
        m1: 0,
        ia1: 0,
        ic1: 0,
        enabled: false,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const plates = ['苏A60001', '苏A60002', '苏B60003'];
    for (const [i, plate] of plates.entries()) {
      const { id: vehicleId } = await db
        .insertInto('vehicle')
        .values({
          plate_no: plate,
          plate_color: 2,
          vehicle_type: 'heavyFreight',
          operator_name: '南京市监管平台',
          org_unit_id: jiangsu,
          terminal_phone: `1396000000${i}`,
          auth_code: 'x',
          status: 'active',
          forwarded_by: linkId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('vehicle_forwarded_alarm')
        .values({
          link_id: linkId,
          vehicle_id: vehicleId,
          warn_type: i === 1 ? 2 : 1,
          warn_source: null,
          source_platform_id: '32010000001',
          warn_time: new Date(now.getTime() - (i + 1) * 600_000),
          start_time: null,
          end_time: null,
          info: i === 1 ? '连续驾驶超过 4 小时' : `车速 ${110 + i} km/h`,
          received_at: now,
        })
        .execute();
      await db
        .insertInto('vehicle_forwarded_registration')
        .values({
          vehicle_id: vehicleId,
          link_id: linkId,
          platform_id: '32010000001',
          producer_id: 'JTGOV',
          terminal_model: 'SIM-1',
          imei: null,
          terminal_id: `T6000${i}`,
          sim_code: `1396000000${i}`,
          received_at: now,
        })
        .execute();
    }
    ({ base, browser, page, shot } = await openConsole(t, 'vehicles-feat-'));
    await signIn(page, base, 'e2e.js');
  });

  after(async () => {
    await browser?.close();
    await t?.close();
  });

  const rows = (testId: string) => page.getByTestId(testId).locator('tbody tr.ant-table-row');
  /** Waits until the table shows this many rows (the filtered list has arrived). */
  const rowCount = async (testId: string, n: number) => {
    const deadline = Date.now() + 15_000;
    while ((await rows(testId).count()) !== n) {
      if (Date.now() > deadline) throw new Error(`${testId}: not ${n} rows`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  test('下级平台上报: the forwarded alarms, filtered by type; the registrations tab', async () => {
    await openMenu(page, 'menu-vehicles-forwarded', 'menu-vehicles');
    await page.waitForURL('**/vehicles/forwarded');
    await rows('forwarded-alarm-table').first().waitFor();
    assert.equal(await rows('forwarded-alarm-table').count(), 3);
    assert.match((await rows('forwarded-alarm-table').first().textContent()) ?? '', /苏A60001.*超速报警/);
    await pickOption(page, 'forwarded-filter-type', '疲劳驾驶报警');
    await rowCount('forwarded-alarm-table', 1);
    assert.match((await rows('forwarded-alarm-table').first().textContent()) ?? '', /苏A60002.*连续驾驶/);
    await shot('forwarded-alarms');
    await page.getByTestId('forwarded-tab-registrations').click();
    await rows('forwarded-registration-table').first().waitFor();
    assert.equal(await rows('forwarded-registration-table').count(), 3);
    await page.getByTestId('forwarded-filter-plate').locator('input').fill('苏B');
    await page.getByTestId('forwarded-filter-plate').locator('input').press('Enter');
    await rowCount('forwarded-registration-table', 1);
    assert.match((await rows('forwarded-registration-table').first().textContent()) ?? '', /苏B60003.*SIM-1/);
    await shot('forwarded-registrations');
  });

  test('路段限速: a 国道 corridor added through the form is listed and stored', async () => {
    await openMenu(page, 'menu-vehicles-speed-zones', 'menu-vehicles');
    await page.waitForURL('**/vehicles/speed-zones');
    await page.getByTestId('zone-create').click();
    await page.getByTestId('zone-name').fill('G312 南京段');
    await page.getByTestId('zone-points').fill('118.80,32.05\n118.90,32.05');
    await page.getByTestId('zone-limit-heavyFreight').fill('70');
    await page.getByTestId('zone-limit-scheduledCoach').fill('80');
    await shot('speed-zone-form');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await rows('zone-table').first().waitFor();
    const text = (await rows('zone-table').first().textContent()) ?? '';
    assert.match(text, /G312 南京段.*国道.*道路走廊 60 m.*班线客车 80.*重型货车 70/);
    await shot('speed-zones');
    const stored = (await t.as(admin, 'GET', '/api/vehicles/speed-zones')).json();
    assert.deepEqual(
      [stored.total, stored.items[0].coordinates, stored.items[0].speedLimits],
      [
        1,
        [
          [118.8, 32.05],
          [118.9, 32.05],
        ],
        { heavyFreight: 70, scheduledCoach: 80 },
      ],
    );
  });
});
