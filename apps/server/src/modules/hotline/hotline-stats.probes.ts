import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { Session, TestApp } from '../../../test/harness.ts';

/**
 * Jurisdiction probes of the hotline statistics, used by src/jurisdiction.test.ts: a 玄武区 user's
 * figures never include the 鼓楼区 ticket the hotline probes seed (received on the test day).
 */
const DAY = 'from=2026-11-01&to=2026-11-30';
const FOREIGN = '鼓楼';

async function okBody(w: { t: TestApp; county: Session }, url: string) {
  const res = await w.t.as(w.county, 'GET', url);
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  return res;
}

export const HOTLINE_STATS_PROBES: Record<string, (w: { t: TestApp; county: Session }) => Promise<void>> = {
  'GET /api/hotline/stats/summary': async (w) => {
    const res = await okBody(w, `/api/hotline/stats/summary?${DAY}`);
    assert.ok(!res.body.includes(FOREIGN), res.body);
    const own = (await okBody(w, '/api/hotline/tickets?pageSize=200')).json().total;
    assert.ok(res.json().received <= own, 'counts only tickets the county may see');
  },
  'GET /api/hotline/stats/units': async (w) => {
    const res = await okBody(w, `/api/hotline/stats/units?${DAY}&pageSize=200`);
    assert.ok(!res.body.includes(FOREIGN), res.body);
  },
  'GET /api/hotline/stats/export.xlsx': async (w) => {
    const res = await okBody(w, `/api/hotline/stats/export.xlsx?${DAY}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    book.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        assert.ok(!JSON.stringify(row.values).includes(FOREIGN), `${sheet.name} leaks ${FOREIGN}`),
      ),
    );
  },
};
