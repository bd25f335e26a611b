import assert from 'node:assert/strict';
import type { Session, TestApp } from '../../../test/harness.ts';
import type { StatsProbeWorld } from './stats-probes.ts';

/**
 * Jurisdiction probes of the form administration routes (used by src/jurisdiction.test.ts): a
 * 玄武区 user holding every permission against 鼓楼区's obligation of the probe form (owned by the
 * ministry) and against the form owned by 苏州市.
 */
interface ProbeWorld {
  t: TestApp;
  county: Session;
  stats: StatsProbeWorld;
}

const F = '/api/stats/forms/{formId}';
const probeForm = (w: ProbeWorld) => `/api/stats/forms/${w.stats.formId}`;
const foreignForm = (w: ProbeWorld) => `/api/stats/forms/${w.stats.foreignFormId}`;

async function denied(w: ProbeWorld, method: string, url: string, body?: unknown) {
  const res = await w.t.as(w.county, method, url, body);
  assert.ok([403, 404].includes(res.statusCode), `${method} ${url} answered ${res.statusCode}: ${res.body}`);
}

export const FORMS_ADMIN_PROBES: Record<string, (w: ProbeWorld) => Promise<void>> = {
  [`GET ${F}/versions/{versionId}`]: async (w) => {
    const version = await w.t.handle.db
      .selectFrom('stats_form_version')
      .select('id')
      .where('form_id', '=', w.stats.foreignFormId)
      .executeTakeFirstOrThrow();
    await denied(w, 'GET', `${foreignForm(w)}/versions/${version.id}`);
    // Nor through a form the county does see.
    await denied(w, 'GET', `${probeForm(w)}/versions/${version.id}`);
  },
  [`POST ${F}/obligations/{obligationId}/end`]: async (w) => {
    const obligation = await w.t.handle.db
      .selectFrom('stats_obligation')
      .select('id')
      .where('form_id', '=', w.stats.formId)
      .where('org_unit_id', '=', w.stats.foreignOrgId)
      .executeTakeFirstOrThrow();
    await denied(w, 'POST', `${probeForm(w)}/obligations/${obligation.id}/end`, { validTo: '2026-03-01' });
    const after = await w.t.handle.db
      .selectFrom('stats_obligation')
      .select('valid_to')
      .where('id', '=', obligation.id)
      .executeTakeFirstOrThrow();
    assert.equal(after.valid_to, null);
  },
  [`PATCH ${F}/rules/{ruleId}`]: async (w) => {
    const sz = await w.t.login('probe.sz.stats');
    const created = await w.t.as(sz, 'POST', `${foreignForm(w)}/rules`, {
      code: 'probe.edit',
      name: '苏州专用表审核',
      expression: 'R01C01 >= 0',
      importance: 'hard',
    });
    assert.equal(created.statusCode, 201, created.body);
    await denied(w, 'PATCH', `${foreignForm(w)}/rules/${created.json().id}`, { active: false });
    await denied(w, 'PATCH', `${probeForm(w)}/rules/${created.json().id}`, { active: false });
  },
  [`POST ${F}/rules/check`]: (w) =>
    denied(w, 'POST', `${foreignForm(w)}/rules/check`, { expression: 'R01C01 >= 0' }),
  [`GET ${F}/windows`]: (w) => denied(w, 'GET', `${foreignForm(w)}/windows`),
};
