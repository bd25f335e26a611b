// Search plans saved per incident: each save is a new version (who, when, the inputs and what
// they computed to), so a plan adjusted during the search keeps its predecessors.
import { type AuditContext, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import { offsetOf, type PageQuery, toPage } from '../../platform/http/pagination.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { incidentInScope } from './incident-views.ts';
import { addIncidentEvent } from './incidents.service.ts';
import { planGeoJson } from './plan-geojson.ts';
import type {
  FeatureCollectionDto,
  PlanDto,
  PlanInput,
  PlanResult,
  SavePlanBody,
} from './sar-planning.schemas.ts';
import { computePlan, PlanningError } from './sar-planning.ts';
import { findPlan, insertPlan, listPlans, nextPlanVersion, type PlanRow } from './sar-plans.repository.ts';

/** The pure computation, its refusals as 400s. */
export function computePlanOrFail(input: PlanInput): PlanResult {
  try {
    return computePlan(input);
  } catch (err) {
    if (err instanceof PlanningError) throw badRequest(err.message);
    throw err;
  }
}

const toSummary = (r: PlanRow) => {
  const input = r.input as PlanInput;
  return {
    id: r.id,
    incidentId: r.incident_id,
    version: r.version,
    name: r.name,
    searchObject: input.searchObject,
    patternType: input.pattern?.type ?? null,
    radiusNm: (r.result as PlanResult).radiusNm,
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by,
  };
};

export const toPlanDto = (r: PlanRow): PlanDto => ({
  ...toSummary(r),
  input: r.input as PlanInput,
  result: r.result as PlanResult,
});

export async function savePlan(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  incidentId: number,
  body: SavePlanBody,
  now: Date,
): Promise<PlanRow> {
  const incident = await incidentInScope(trx, actor, incidentId, true);
  if (incident.state === 'closed') throw badRequest(`incident ${incident.code} is closed`);
  const result = computePlanOrFail(body.input);
  const version = await nextPlanVersion(trx, incidentId);
  const row = await insertPlan(trx, {
    incident_id: incidentId,
    version,
    name: body.name ?? null,
    input: body.input,
    result,
    created_at: now,
    created_by_user_id: actor.userId,
    created_by: actor.username,
  });
  await addIncidentEvent(trx, actor, incidentId, 'planSaved', now, {
    planId: row.id,
    text: body.name ?? `v${version}`,
  });
  await recordAudit(trx, ctx, {
    action: 'maritime.plan.save',
    objectType: 'sar_plan',
    objectId: row.id,
    after: { incidentId, version, searchObject: body.input.searchObject, radiusNm: result.radiusNm },
    orgUnitId: incident.org_unit_id,
    orgPath: incident.org_path,
  });
  return row;
}

export async function planPage(db: Executor, actor: Actor, incidentId: number, q: PageQuery) {
  await incidentInScope(db, actor, incidentId);
  return toPage(await listPlans(db, incidentId, q.pageSize, offsetOf(q)), q, toSummary);
}

export async function planInScope(db: Executor, actor: Actor, incidentId: number, planId: number) {
  await incidentInScope(db, actor, incidentId);
  const row = await findPlan(db, incidentId, planId);
  if (!row) throw notFound(`plan ${planId} of incident ${incidentId}`);
  return row;
}

export function planFeatures(row: PlanRow): FeatureCollectionDto {
  return planGeoJson(row.input as PlanInput, row.result as PlanResult, {
    incidentId: row.incident_id,
    planId: row.id,
    version: row.version,
  });
}
