import assert from 'node:assert/strict';
import type { Session, TestApp } from '../../../test/harness.ts';
import { XLSX_MIME } from './excel.service.ts';
import { buildWorkbook } from './excel.ts';
import { compileLayout } from './layout.ts';
import type { StatsProbeWorld } from './stats-probes.ts';
import { monthlyPassengerForm } from './stats-test-kit.ts';

/**
 * Jurisdiction probes of the Excel routes (used by src/jurisdiction.test.ts): a 玄武区 user holding
 * every permission against 鼓楼区's report of the probe form (which holds passengers.road = 8).
 */
interface ProbeWorld {
  t: TestApp;
  county: Session;
  stats: StatsProbeWorld;
}

const P = '/api/stats/forms/{formId}/units/{orgUnitId}/periods/{period}/workbook';
const url = (w: ProbeWorld) =>
  `/api/stats/forms/${w.stats.formId}/units/${w.stats.foreignOrgId}/periods/202610/workbook`;

/** 鼓楼区's sheet as its own filler would upload it, with a changed figure. */
async function foreignSheet(): Promise<Buffer> {
  const layout = compileLayout(monthlyPassengerForm('探针统1表').layout as never);
  if (!layout.ok) throw new Error(layout.error);
  return buildWorkbook(
    layout.value,
    {
      header: {
        formNo: '探针统1表',
        name: '道路水路旅客运输量（测试）',
        issuingAuthority: '交通运输部',
        approvingAuthority: '国家统计局',
        approvalNo: '国统制〔2026〕1号',
        validUntil: '2028-12-31',
        version: 1,
      },
      unitName: '鼓楼区交通运输局',
      unitCode: '320106',
      periodId: '202610',
      periodLabel: '2026年10月',
      kind: 'filled',
    },
    { 'passengers.road': 99 },
  );
}

export const EXCEL_PROBES: Record<string, (w: ProbeWorld) => Promise<void>> = {
  [`GET ${P}`]: async (w) => {
    const res = await w.t.as(w.county, 'GET', url(w));
    assert.ok([403, 404].includes(res.statusCode), `GET workbook answered ${res.statusCode}`);
    assert.notEqual(res.headers['content-type'], XLSX_MIME);
  },
  [`POST ${P}`]: async (w) => {
    const payload = await foreignSheet();
    for (const dryRun of [true, false]) {
      const res = await w.t.app.inject({
        method: 'POST',
        url: `${url(w)}?dryRun=${dryRun}`,
        headers: { authorization: `Bearer ${w.county.token}`, 'content-type': XLSX_MIME },
        payload,
      });
      assert.ok([403, 404].includes(res.statusCode), `POST workbook answered ${res.statusCode}: ${res.body}`);
    }
    const after = await w.t.handle.db
      .selectFrom('stats_value')
      .select('num')
      .where('org_unit_id', '=', w.stats.foreignOrgId)
      .where('cell_key', '=', 'passengers.road')
      .executeTakeFirstOrThrow();
    assert.equal(after.num, '8');
  },
};
