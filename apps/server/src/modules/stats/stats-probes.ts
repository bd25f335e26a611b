import assert from 'node:assert/strict';
import type { Session, TestApp } from '../../../test/harness.ts';
import { monthlyPassengerForm } from './stats-test-kit.ts';

/**
 * Jurisdiction probes of every stats operation (used by src/jurisdiction.test.ts): a 玄武区 user
 * holding every permission against 鼓楼区's report and a form owned by 苏州市.
 */
export interface StatsProbeWorld {
  formId: number;
  foreignFormId: number;
  foreignOrgId: number;
  ownOrgId: number;
  /** A batch rule run over 鼓楼区. */
  foreignRunId: number;
}

interface ProbeWorld {
  t: TestApp;
  county: Session;
  stats: StatsProbeWorld;
}

const MARKERS = ['苏州专用表', '鼓楼区交通运输局', '鼓楼区'];

async function denied(w: ProbeWorld, method: string, url: string, body?: unknown) {
  const res = await w.t.as(w.county, method, url, body);
  assert.ok([403, 404].includes(res.statusCode), `${method} ${url} answered ${res.statusCode}: ${res.body}`);
}

async function noForeign(w: ProbeWorld, url: string) {
  const res = await w.t.as(w.county, 'GET', url);
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  for (const marker of MARKERS) assert.ok(!res.body.includes(marker), `${url} leaks ${marker}`);
}

export async function setUpStatsProbes(t: TestApp): Promise<StatsProbeWorld> {
  await t.createUser('probe.mot.stats', 'MOT', ['systemAdmin', 'statsReviewer']);
  await t.createUser('probe.sz.stats', '320500', ['systemAdmin']);
  await t.createUser('probe.gl.filler', '320106', ['staff']);
  const mot = await t.login('probe.mot.stats');
  const sz = await t.login('probe.sz.stats');
  const gl = await t.login('probe.gl.filler');
  const form = await t.as(mot, 'POST', '/api/stats/forms', monthlyPassengerForm('探针统1表'));
  assert.equal(form.statusCode, 201, form.body);
  const formId = form.json().id as number;
  const foreignOrgId = await t.orgId('320106');
  const ob = await t.as(mot, 'POST', `/api/stats/forms/${formId}/obligations`, {
    orgUnitId: foreignOrgId,
    includeSubtree: false,
    validFrom: '2026-01-01',
    validTo: null,
  });
  assert.equal(ob.statusCode, 201, ob.body);
  const foreign = await t.as(sz, 'POST', '/api/stats/forms', {
    ...monthlyPassengerForm('苏统专1表'),
    name: '苏州专用表',
    chainLevels: ['city'],
  });
  assert.equal(foreign.statusCode, 201, foreign.body);
  const url = `/api/stats/forms/${formId}/units/${foreignOrgId}/periods/202610`;
  const saved = await t.as(gl, 'PUT', `${url}/cells`, { cells: [{ key: 'passengers.road', value: '8' }] });
  assert.equal(saved.statusCode, 200, saved.body);
  await t.as(gl, 'POST', `${url}/comments`, { cellKey: 'passengers.road', body: '鼓楼区说明' });
  const reminded = await t.as(mot, 'POST', `/api/stats/forms/${formId}/periods/202610/reminders`, {
    orgUnitIds: [foreignOrgId],
    escalate: false,
    note: '鼓楼区请尽快上报',
  });
  assert.equal(reminded.statusCode, 200, reminded.body);
  const skipped = await t.as(mot, 'PUT', `/api/stats/forms/${formId}/review-skips/${foreignOrgId}/city`, {
    reason: '鼓楼区直报省厅',
  });
  assert.equal(skipped.statusCode, 201, skipped.body);
  const run = await t.as(mot, 'POST', `/api/stats/forms/${formId}/periods/202610/rule-runs`, {
    orgUnitId: foreignOrgId,
  });
  assert.equal(run.statusCode, 202, run.body);
  return {
    foreignRunId: run.json().id,
    formId,
    foreignFormId: foreign.json().id,
    foreignOrgId,
    ownOrgId: await t.orgId('320102'),
  };
}

const base = (w: ProbeWorld) =>
  `/api/stats/forms/${w.stats.formId}/units/${w.stats.foreignOrgId}/periods/202610`;
const foreignForm = (w: ProbeWorld) => `/api/stats/forms/${w.stats.foreignFormId}`;
const P = '/api/stats/forms/{formId}/units/{orgUnitId}/periods/{period}';

export const STATS_PROBES: Record<string, (w: ProbeWorld) => Promise<void>> = {
  'GET /api/stats/forms': (w) => noForeign(w, '/api/stats/forms?pageSize=200'),
  // A form always belongs to its creator's unit; a county has no levels below it to fill one.
  'POST /api/stats/forms': async (w) => {
    const res = await w.t.as(w.county, 'POST', '/api/stats/forms', monthlyPassengerForm('越权统1表'));
    assert.equal(res.statusCode, 400, res.body);
  },
  'GET /api/stats/forms/{formId}': (w) => denied(w, 'GET', foreignForm(w)),
  'PATCH /api/stats/forms/{formId}': async (w) => {
    await denied(w, 'PATCH', foreignForm(w), { name: '越权' });
    await denied(w, 'PATCH', `/api/stats/forms/${w.stats.formId}`, { name: '越权' });
  },
  'POST /api/stats/forms/{formId}/versions': async (w) => {
    const body = { fromPeriod: '202701', layout: monthlyPassengerForm().layout };
    await denied(w, 'POST', `/api/stats/forms/${w.stats.formId}/versions`, body);
    await denied(w, 'POST', `${foreignForm(w)}/versions`, body);
  },
  'GET /api/stats/forms/{formId}/obligations': async (w) => {
    await noForeign(w, `/api/stats/forms/${w.stats.formId}/obligations?pageSize=200`);
    await denied(w, 'GET', `${foreignForm(w)}/obligations`);
  },
  'POST /api/stats/forms/{formId}/obligations': (w) =>
    denied(w, 'POST', `/api/stats/forms/${w.stats.formId}/obligations`, {
      orgUnitId: w.stats.foreignOrgId,
      includeSubtree: true,
      validFrom: '2026-01-01',
      validTo: null,
    }),
  'GET /api/stats/forms/{formId}/rules': (w) => denied(w, 'GET', `${foreignForm(w)}/rules`),
  'POST /api/stats/forms/{formId}/rules': async (w) => {
    const body = { code: 'probe', name: '越权', expression: 'R01C01 >= 0', importance: 'hard' };
    await denied(w, 'POST', `/api/stats/forms/${w.stats.formId}/rules`, body);
    await denied(w, 'POST', `${foreignForm(w)}/rules`, body);
  },
  'GET /api/stats/forms/{formId}/windows/{period}': (w) =>
    denied(w, 'GET', `${foreignForm(w)}/windows/202610`),
  'PUT /api/stats/forms/{formId}/windows/{period}': async (w) => {
    const body = { opensAt: '2026-11-01T00:00:00Z', closesAt: null, deadline: '2026-11-10T00:00:00Z' };
    await denied(w, 'PUT', `/api/stats/forms/${w.stats.formId}/windows/202610`, body);
    await denied(w, 'PUT', `${foreignForm(w)}/windows/202610`, body);
  },
  'GET /api/stats/inbox': (w) => noForeign(w, '/api/stats/inbox?pageSize=200'),
  [`GET ${P}`]: (w) => denied(w, 'GET', base(w)),
  [`PUT ${P}/cells`]: (w) =>
    denied(w, 'PUT', `${base(w)}/cells`, { cells: [{ key: 'passengers.road', value: 1 }] }),
  [`GET ${P}/cells/{cellKey}/history`]: (w) => denied(w, 'GET', `${base(w)}/cells/passengers.road/history`),
  [`POST ${P}/comments`]: (w) =>
    denied(w, 'POST', `${base(w)}/comments`, { cellKey: 'passengers.road', body: 'x' }),
  [`POST ${P}/submit`]: (w) => denied(w, 'POST', `${base(w)}/submit`, {}),
  [`POST ${P}/withdraw`]: (w) => denied(w, 'POST', `${base(w)}/withdraw`),
  [`POST ${P}/approve`]: (w) => denied(w, 'POST', `${base(w)}/approve`),
  [`POST ${P}/publish`]: (w) => denied(w, 'POST', `${base(w)}/publish`),
  [`POST ${P}/return`]: (w) => denied(w, 'POST', `${base(w)}/return`, { reason: '越权' }),
  [`POST ${P}/unlock-requests`]: (w) => denied(w, 'POST', `${base(w)}/unlock-requests`, { reason: '越权' }),
  [`POST ${P}/unlock-decision`]: (w) => denied(w, 'POST', `${base(w)}/unlock-decision`, { grant: true }),
  [`GET ${P}/timeline`]: (w) => denied(w, 'GET', `${base(w)}/timeline`),
  [`GET ${P}/drilldown`]: (w) => denied(w, 'GET', `${base(w)}/drilldown`),
  'GET /api/stats/forms/{formId}/periods/{period}/completeness': async (w) => {
    await noForeign(w, `/api/stats/forms/${w.stats.formId}/periods/202610/completeness?pageSize=200`);
    await denied(
      w,
      'GET',
      `/api/stats/forms/${w.stats.formId}/periods/202610/completeness?orgUnitId=${w.stats.foreignOrgId}`,
    );
  },
  'GET /api/stats/forms/{formId}/periods/{period}/rates': (w) =>
    denied(
      w,
      'GET',
      `/api/stats/forms/${w.stats.formId}/periods/202610/rates?orgUnitId=${w.stats.foreignOrgId}`,
    ),
  'POST /api/stats/forms/{formId}/periods/{period}/reminders': (w) =>
    denied(w, 'POST', `/api/stats/forms/${w.stats.formId}/periods/202610/reminders`, {
      orgUnitIds: [w.stats.foreignOrgId],
      escalate: false,
    }),
  'GET /api/stats/forms/{formId}/reminders': async (w) => {
    await noForeign(w, `/api/stats/forms/${w.stats.formId}/reminders?pageSize=200`);
    await denied(w, 'GET', `${foreignForm(w)}/reminders`);
  },
  'GET /api/stats/forms/{formId}/review-skips': async (w) => {
    await noForeign(w, `/api/stats/forms/${w.stats.formId}/review-skips?pageSize=200`);
    await denied(w, 'GET', `${foreignForm(w)}/review-skips`);
  },
  'PUT /api/stats/forms/{formId}/review-skips/{orgUnitId}/{level}': (w) =>
    denied(w, 'PUT', `/api/stats/forms/${w.stats.formId}/review-skips/${w.stats.foreignOrgId}/province`, {
      reason: '越权',
    }),
  'DELETE /api/stats/forms/{formId}/review-skips/{orgUnitId}/{level}': async (w) => {
    await denied(w, 'DELETE', `/api/stats/forms/${w.stats.formId}/review-skips/${w.stats.foreignOrgId}/city`);
    const kept = await w.t.handle.db
      .selectFrom('stats_review_skip')
      .select('reason')
      .where('org_unit_id', '=', w.stats.foreignOrgId)
      .executeTakeFirst();
    assert.equal(kept?.reason, '鼓楼区直报省厅');
  },
  'POST /api/stats/forms/{formId}/periods/{period}/rule-runs': (w) =>
    denied(w, 'POST', `/api/stats/forms/${w.stats.formId}/periods/202610/rule-runs`, {
      orgUnitId: w.stats.foreignOrgId,
    }),
  'GET /api/stats/forms/{formId}/rule-runs': async (w) => {
    await noForeign(w, `/api/stats/forms/${w.stats.formId}/rule-runs?pageSize=200`);
    await denied(w, 'GET', `${foreignForm(w)}/rule-runs`);
  },
  'GET /api/stats/rule-runs/{runId}': (w) => denied(w, 'GET', `/api/stats/rule-runs/${w.stats.foreignRunId}`),
  'GET /api/stats/rule-runs/{runId}/failures': (w) =>
    denied(w, 'GET', `/api/stats/rule-runs/${w.stats.foreignRunId}/failures`),
  'GET /api/stats/forms/{formId}/pivot': async (w) => {
    const q = 'cellKeys=passengers.road&periods=202610';
    await noForeign(w, `/api/stats/forms/${w.stats.formId}/pivot?${q}&level=county&pageSize=200`);
    await denied(w, 'GET', `/api/stats/forms/${w.stats.formId}/pivot?${q}&orgUnitId=${w.stats.foreignOrgId}`);
    await denied(w, 'GET', `${foreignForm(w)}/pivot?${q}`);
  },
  'GET /api/stats/dataValueSets': (w) =>
    denied(
      w,
      'GET',
      `/api/stats/dataValueSets?dataSet=${encodeURIComponent('探针统1表')}&period=202610&orgUnit=320106&format=json`,
    ),
  'GET /api/stats/dataValueSets/download': async (w) => {
    const set = `dataSet=${encodeURIComponent('探针统1表')}&period=202610`;
    for (const format of ['json', 'csv']) {
      await denied(w, 'GET', `/api/stats/dataValueSets/download?${set}&orgUnit=320106&format=${format}`);
      await denied(
        w,
        'GET',
        `/api/stats/dataValueSets/download?${set}&orgUnit=320100&children=true&format=${format}`,
      );
    }
  },
  'POST /api/stats/dataValueSets': async (w) => {
    const res = await w.t.as(w.county, 'POST', '/api/stats/dataValueSets?importStrategy=CREATE_AND_UPDATE', {
      dataSet: '探针统1表',
      dataValues: [
        {
          dataElement: 'passengers',
          period: '202610',
          orgUnit: '320106',
          categoryOptionCombo: 'road',
          value: '99',
        },
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'ERROR');
    assert.equal(res.json().conflicts[0].errorCode, 'E7610');
    const after = await w.t.handle.db
      .selectFrom('stats_value')
      .select('num')
      .where('org_unit_id', '=', w.stats.foreignOrgId)
      .where('cell_key', '=', 'passengers.road')
      .executeTakeFirstOrThrow();
    assert.equal(after.num, '8');
  },
};
