import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type Session, startTestApp, type TestApp } from '../../server/test/harness.ts';
import { parseCoordinate } from '../src/modules/maritime/components/geo-format.ts';
import { aspectFit, mercator } from '../src/ui/map/projection.ts';
import { CHINA_SEAS } from '../src/ui/map/types.ts';
import { type Console, openConsole, openMenu, pickOption, signIn } from './browser.ts';
import { DISTRESS, nmeaLines, SHIPS } from './china-coast.ts';

describe('maritime console in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let shot: Console['shot'];
  let admin: Session;
  let replayDir: string;

  before(async () => {
    replayDir = mkdtempSync(join(tmpdir(), 'jtgov-ais-'));
    writeFileSync(join(replayDir, 'china-coast.nmea'), `${nmeaLines().join('\r\n')}\r\n`);
    // On the wall clock: the browser drops cookies the server dated in its past.
    t = await startTestApp('pglite', { JTGOV_AIS_REPLAY_DIR: replayDir }, { clockStart: Date.now() });
    // AIS feeds are instance-wide: configured at the ministry; the duty officer works at 上海.
    await t.createUser('e2e.admin', 'MOT', ['systemAdmin']);
    await t.createUser('e2e.sar', '310000', ['sarDutyOfficer']);
    admin = await t.login('e2e.admin');
    ({ base, browser, page, shot } = await openConsole(t, 'maritime-'));
  });

  after(async () => {
    await browser?.close();
    await t?.close();
    rmSync(replayDir, { recursive: true, force: true });
  });

  const mapCount = async (testId: string, what: 'points' | 'lines' | 'polygons') =>
    Number(await page.getByTestId(testId).getAttribute(`data-${what}`));

  test('a replayed AIS file fills the vessel map', async () => {
    const created = await t.as(admin, 'POST', '/api/maritime/feeds', {
      name: '沿海回放',
      kind: 'file',
      address: 'china-coast.nmea',
      enabled: true,
    });
    assert.equal(created.statusCode, 200, created.body);
    let feed: { stats: { state: string } | null } | undefined;
    for (let i = 0; i < 200 && feed?.stats?.state !== 'finished'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      feed = (await t.as(admin, 'GET', '/api/maritime/feeds')).json().items[0];
    }
    const picture = (await t.as(admin, 'GET', '/api/maritime/vessels?pageSize=50')).json();
    assert.equal(picture.total, SHIPS.length, JSON.stringify({ feed, picture }));

    await signIn(page, base, 'e2e.sar');
    await openMenu(page, 'menu-maritime-vessels', 'menu-maritime');
    await page.getByTestId('vessel-map').waitFor();
    // The default view covers the coast from the Bohai to the South China Sea: every ship is in it.
    await page.locator(`[data-testid="vessel-map"][data-points="${SHIPS.length}"]`).waitFor();
    await page.getByTestId('vessel-list').getByText('DONG HAI JIU 101').waitFor();
    await page.waitForTimeout(300);
    await shot('01-vessel-map');
    assert.equal(await mapCount('vessel-map', 'points'), SHIPS.length);

    // The server filters the picture before paging: a name search leaves one ship on the map.
    await page.getByTestId('vessel-filter-search').locator('input').fill('COSCO');
    await page.locator('[data-testid="vessel-map"][data-points="1"]').waitFor();
    await page.getByTestId('vessel-list').getByText('COSCO XIAMEN').waitFor();
    await page.getByTestId('vessel-filter-search').locator('input').fill('');
    await page.locator(`[data-testid="vessel-map"][data-points="${SHIPS.length}"]`).waitFor();

    // Opening a vessel from the list shows its static data and draws its track.
    await page.getByTestId('vessel-list').getByText('COSCO XIAMEN').click();
    await page.getByTestId('vessel-detail-static').getByText('BOAD').waitFor();
    await shot('02-vessel-detail');
    await page.locator('.ant-drawer-close').click();

    // The feed that filled it, with its statistics charted.
    await openMenu(page, 'menu-maritime-feeds', 'menu-maritime');
    const feedRow = page
      .getByTestId('feed-table')
      .locator('tr.ant-table-row')
      .filter({ hasText: '沿海回放' });
    await feedRow.getByText('回放完成').waitFor();
    // Per ship one position report (1 sentence) and static data (2 sentences): 3 sentences, 2 messages.
    const cells = await feedRow.locator('td').allTextContents();
    assert.deepEqual(cells.slice(4, 7), [String(SHIPS.length * 3), String(SHIPS.length * 2), '0']);
    await page.getByTestId('feed-stats-chart').locator('canvas').waitFor();
    await page.waitForTimeout(300);
    await shot('02b-feeds');
  });

  const pick = (testId: string, option: string) => pickOption(page, testId, option);

  test('an incident opened at a typed position lists the ships nearby, logs an action, gets a search pattern and is closed', async () => {
    // The server's clock stands still in tests; the browser's alert time is the wall clock's, and
    // an alert more than 5 minutes ahead of the server is refused: on a loaded machine the first
    // test alone can take that long, so the server's clock is brought up to the wall clock.
    t.clock.advance(Math.max(0, Date.now() - t.clock.now().getTime()));
    // The rescue vessel is in the registry with contacts; the others are not.
    const duty = await t.login('e2e.sar');
    const registered = await t.as(duty, 'POST', '/api/maritime/registry', {
      mmsi: 413000001,
      name: '东海救101',
      orgUnitId: await t.orgId('310000'),
      contacts: {
        owner: { name: '交通运输部东海救助局', phone: '021-65150000', email: null },
        operator: null,
        emergency: { name: '值班室', phone: '021-65159999', email: null },
      },
    });
    assert.equal(registered.statusCode, 200, registered.body);

    await openMenu(page, 'menu-maritime-incidents', 'menu-maritime');
    const deskMap = page.getByTestId('incident-map');
    await deskMap.locator('canvas').first().waitFor();
    await page.waitForTimeout(500);

    // A click on the map opens the form at the clicked position: the middle of the default view.
    const box = await deskMap.boundingBox();
    assert.ok(box);
    await deskMap.click({ position: { x: box.width / 2, y: box.height / 2 } });
    const view = aspectFit(CHINA_SEAS, box.width, box.height);
    const [, northY] = mercator.project([view.west, view.north]);
    const [, southY] = mercator.project([view.east, view.south]);
    const [, midLat] = mercator.unproject([0, (northY! + southY!) / 2]);
    const clickedLat = parseCoordinate(await page.getByTestId('incident-form-lat').inputValue(), 'lat');
    const clickedLon = parseCoordinate(await page.getByTestId('incident-form-lon').inputValue(), 'lon');
    assert.ok(clickedLat !== null && Math.abs(clickedLat - midLat!) < 0.1, `${clickedLat} ≈ ${midLat}`);
    assert.ok(
      clickedLon !== null && Math.abs(clickedLon - (view.west + view.east) / 2) < 0.1,
      `${clickedLon}`,
    );
    await page.locator('.ant-modal-footer .ant-btn').first().click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });

    await page.getByTestId('incident-open').click();
    await pick('incident-form-source', 'VHF');
    await pick('incident-form-nature', '失去动力漂流');
    // 30°45.0′N 122°39.0′E, typed in degrees and minutes.
    await page.getByTestId('incident-form-lat').fill(`30 ${((DISTRESS.lat % 1) * 60).toFixed(1)} N`);
    await page.getByTestId('incident-form-lon').fill(`122 ${((DISTRESS.lon % 1) * 60).toFixed(1)} E`);
    await shot('03-incident-form');
    await page.getByTestId('incident-open-submit').click();

    // The detail: ships within 20 NM, nearest first; the one 22 NM away is not listed.
    await page.getByTestId('incident-position').filter({ hasText: '30°45.000′N 122°39.000′E' }).waitFor();
    const nearby = page.getByTestId('nearby-table');
    await nearby.getByText('ZHE DAI YU 02187').waitFor();
    const rows = await nearby.locator('tr.ant-table-row').allTextContents();
    const mmsiCells = await nearby.locator('tr.ant-table-row td:nth-child(2)').allTextContents();
    assert.deepEqual(mmsiCells, ['412000002', '413000001', '477000004']);
    // The registered ship shows its registry name; its contacts are read on request only.
    assert.match(rows[1] ?? '', /东海救101/);
    assert.equal(await nearby.getByTestId('contacts-show').count(), 1);
    await nearby.getByTestId('contacts-show').click();
    await page.getByTestId('contacts').getByText('021-65159999').waitFor();
    await page.waitForTimeout(400);
    await shot('04a-contacts');
    await page.locator('.ant-modal-close').click();
    await page.getByTestId('incident-detail-map').locator('canvas').first().waitFor();
    await page.waitForTimeout(300);
    await shot('04-incident-detail');

    // An entry in the action log.
    await page.getByRole('tab', { name: '行动记录' }).click();
    await page.getByTestId('timeline-text').fill('已通过 VHF 16 频道联系东海救101，前往遇险位置');
    await page.getByTestId('timeline-add').click();
    await page.getByTestId('incident-timeline').getByText('已通过 VHF 16 频道联系东海救101').waitFor();

    // Planning from the incident: the LKP is the distress position; the pattern is drawn.
    await page.getByTestId('incident-plan').click();
    await page.getByTestId('plan-form').waitFor();
    assert.equal(await page.getByTestId('plan-lat').inputValue(), '30°45.000′N');
    assert.equal(await page.getByTestId('plan-loaded').count(), 0);
    await page.getByTestId('plan-wind-speed').fill('25');
    await pick('plan-pattern', '平行航线（PS）');
    await page.getByTestId('plan-compute').click();
    await page.getByTestId('plan-result').waitFor();
    await page.locator('[data-testid="plan-map"][data-lines="2"]').waitFor();
    assert.ok((await mapCount('plan-map', 'polygons')) >= 1);
    await page.waitForTimeout(300);
    await shot('05-search-plan');
    await page.getByTestId('plan-save').click();
    await page.getByText('已保存计划第 1 版').waitFor();

    // Reopened, the planning view starts from the saved plan: its inputs, pattern and drawing.
    await page.reload();
    await page.getByTestId('plan-loaded').getByText('已载入第 1 版计划').waitFor();
    assert.equal(await page.getByTestId('plan-wind-speed').inputValue(), '25');
    await page.getByTestId('plan-pattern').getByText('平行航线（PS）').waitFor();
    await page.getByTestId('plan-result').waitFor();
    await page.locator('[data-testid="plan-map"][data-lines="2"]').waitFor();
    await page.waitForTimeout(300);
    await shot('05b-search-plan-reopened');

    // Back at the incident: the plan is on the timeline; closing asks for the outcome.
    await page.goBack();
    await page.getByRole('tab', { name: '行动记录' }).click();
    await page.getByTestId('incident-timeline').getByText('保存搜寻计划').waitFor();
    await page.getByTestId('incident-close').click();
    await pick('incident-outcome', '已救助');
    await page.getByTestId('incident-end-submit').click();
    await page.getByTestId('incident-state').filter({ hasText: '已结案 · 已救助' }).waitFor();
    assert.equal(await page.getByTestId('incident-close').count(), 0);
    await shot('06-incident-closed');

    // The desk lists it closed; in English the same screens read in English.
    await openMenu(page, 'menu-maritime-incidents', 'menu-maritime');
    await page.getByTestId('incident-table').getByText('已结案 · 已救助').waitFor();
    await page.getByTestId('locale-switch').click();
    await page.getByTestId('locale-en-US').click();
    await page.getByTestId('incident-table').getByText('Closed · Rescued').waitFor();
    await openMenu(page, 'menu-maritime-vessels', 'menu-maritime');
    await page.locator(`[data-testid="vessel-map"][data-points="${SHIPS.length}"]`).waitFor();
    await page.getByText(`${SHIPS.length} in view`).waitFor();
    await page.waitForTimeout(300);
    await shot('07-vessels-en');
  });
});
