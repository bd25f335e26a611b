import { SYSTEM_CONTEXT } from '../../platform/audit/audit.service.ts';
import { beijingDateOf } from '../../platform/calendar/index.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { PERMISSIONS } from '../../platform/identity/permissions.ts';
import { findOrgUnitByCode } from '../../platform/orgs/orgs.repository.ts';
import { DEMO_FORMS } from './demo-forms.ts';
import { ensureDraftReports } from './exchange.repository.ts';
import { findFormByCode, listExpectedFillers } from './forms.repository.ts';
import { addObligation, createForm } from './forms.service.ts';
import { parsePeriodType, periodOf, shiftPeriod } from './periods.ts';
import { layoutOfVersion, versionFor } from './report-context.ts';
import { updateReportsSubmitted } from './reports.repository.ts';
import { type CellWrite, upsertValues } from './values.repository.ts';

// Provinces whose counties get demo figures: one with cities, one municipality.
const DEMO_PROVINCES = ['320000', '110000'];

const systemActorAt = (orgUnitId: number, orgPath: string): Actor => ({
  userId: 0,
  username: 'system',
  displayName: 'system',
  orgUnitId,
  orgPath,
  permissions: new Set(PERMISSIONS),
  isAdmin: true,
  via: 'token',
  sessionId: null,
  tokenId: null,
  restriction: null,
});

/** A deterministic figure per (unit, cell, period) so reseeding writes nothing new. */
function figure(seed: string, decimals: number): string {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  const whole = 50 + (h % 950);
  return decimals === 0
    ? String(whole * 10)
    : `${whole}.${String(h % 10 ** decimals).padStart(decimals, '0')}`;
}

/**
 * Demo content for `npm start` (demo mode only): the three demo forms owned by the ministry,
 * obliging every county; figures for the counties of 江苏 and 北京 for the last periods, the
 * counties of 南京 already submitted (the reviewers are demo accounts of platform/identity). Idempotent: nothing is
 * added once the first demo form exists.
 */
export async function seedStatsDemo(trx: Executor, now: Date): Promise<number> {
  const mot = await findOrgUnitByCode(trx, 'MOT');
  if (!mot || (await findFormByCode(trx, DEMO_FORMS[0]!.code))) return 0;
  const actor = systemActorAt(mot.id, mot.path);
  const nanjing = await findOrgUnitByCode(trx, '320100');
  let written = 0;
  for (const body of DEMO_FORMS) {
    const form = await createForm(trx, SYSTEM_CONTEXT, actor, body, now);
    await addObligation(trx, SYSTEM_CONTEXT, actor, form.id, {
      orgUnitId: mot.id,
      includeSubtree: true,
      validFrom: '2024-01-01',
      validTo: null,
    });
    const type = parsePeriodType(form.period_type);
    if (!type.ok) continue;
    const current = periodOf(type.value, beijingDateOf(now));
    for (let back = 1; back <= (type.value.kind === 'year' ? 1 : 3); back++) {
      const period = shiftPeriod(current, -back);
      const version = await versionFor(trx, form, period);
      const layout = layoutOfVersion(version);
      const writes: CellWrite[] = [];
      const touched = [];
      for (const code of DEMO_PROVINCES) {
        const province = await findOrgUnitByCode(trx, code);
        if (!province) continue;
        for (const unit of await listExpectedFillers(trx, form, period.start, province.path)) {
          touched.push({ period: period.id, orgUnitId: unit.id, versionId: version.id });
          for (const cell of layout.cells)
            if (cell.kind === 'entry')
              writes.push({
                period: period.id,
                orgUnitId: unit.id,
                cellKey: cell.key,
                num: figure(`${unit.code}|${cell.key}|${period.id}`, cell.indicator.decimals),
                txt: null,
              });
        }
      }
      await ensureDraftReports(trx, form.id, touched, now);
      const counts = await upsertValues(
        trx,
        { formId: form.id, userId: null, username: 'demo', at: now, source: 'import' },
        writes,
      );
      written += counts.inserted;
      if (nanjing && back === 1)
        await updateReportsSubmitted(trx, form.id, period.id, nanjing.path, nanjing.id, now);
    }
  }
  return written;
}
