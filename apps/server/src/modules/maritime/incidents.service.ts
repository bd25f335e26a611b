// Distress incidents (险情): opened from an alert, worked with tasked resources and a timeline,
// closed with an outcome. States are a workflow (open → active → closed; cancel closes a false
// alarm); the timeline keeps every action with who and when, the audit log keeps the writes.
import { type AuditContext, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import { offsetOf, type PageQuery, type PageResult, toPage } from '../../platform/http/pagination.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { availableActions, defineWorkflow, transition } from '../../platform/workflow/index.ts';
import {
  closeTasking,
  findIncidentInScope,
  type IncidentFilter,
  type IncidentRow,
  insertIncident,
  insertIncidentEvent,
  insertTasking,
  latestPlanId,
  listIncidentEvents,
  listIncidents,
  listTaskings,
  updateIncident,
} from './incidents.repository.ts';
import type {
  IncidentDetailDto,
  IncidentDto,
  OpenIncidentBody,
  PatchIncidentBody,
} from './incidents.schemas.ts';
import type { VesselDto } from './maritime.schemas.ts';
import { parseMmsi } from './mid.ts';
import { assertOrgInScope } from './org-scope.ts';
import { INCIDENT_STATES, type Outcome, type TimelineKind } from './sar.tables.ts';
import { moveTasking, resourceInScope } from './sar-resources.service.ts';
import { findEntryByMmsi } from './vessel-registry.repository.ts';
import { toRegistryEntryDto } from './vessel-registry.service.ts';

interface IncidentGuardView {
  readonly openTaskings: number;
}

const noTaskedResources = (_actor: unknown, e: IncidentGuardView) =>
  e.openTaskings === 0 ? true : ('resources_tasked' as const);

export const incidentWorkflow = defineWorkflow({
  name: 'maritime.incident',
  states: INCIDENT_STATES,
  initial: 'open',
  transitions: {
    activate: { from: ['open'], to: 'active', permission: 'maritime.manage' },
    close: {
      from: ['open', 'active'],
      to: 'closed',
      permission: 'maritime.manage',
      guard: noTaskedResources,
    },
    cancel: {
      from: ['open', 'active'],
      to: 'closed',
      permission: 'maritime.manage',
      guard: noTaskedResources,
    },
  },
});

export type IncidentAction = 'activate' | 'close' | 'cancel';

/** Looks up what the live picture knows of an MMSI right now. */
export type LiveLookup = (mmsi: number) => VesselDto | null;

export function toIncidentDto(r: IncidentRow): IncidentDto {
  return {
    id: r.id,
    code: r.code ?? `SAR-${r.id}`,
    state: r.state,
    outcome: r.outcome,
    source: r.source,
    position: { lat: r.lat, lon: r.lon },
    alertAt: r.alert_at.toISOString(),
    mmsi: r.mmsi,
    vesselName: r.vessel_name,
    personsOnBoard: r.persons_on_board,
    nature: r.nature,
    description: r.description,
    radiusNm: r.radius_nm,
    orgUnitId: r.org_unit_id,
    orgName: r.org_name,
    openedAt: r.opened_at.toISOString(),
    openedBy: r.opened_by,
    closedAt: r.closed_at?.toISOString() ?? null,
    closedBy: r.closed_by,
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function incidentInScope(db: Executor, actor: Actor, id: number, lock = false) {
  const row = await findIncidentInScope(db, id, actor.orgPath, lock);
  if (!row) throw notFound(`incident ${id}`);
  return row;
}

export async function incidentDetail(
  db: Executor,
  actor: Actor,
  live: LiveLookup,
  row: IncidentRow,
): Promise<IncidentDetailDto> {
  const [registry, taskings, planId] = await Promise.all([
    row.mmsi === null ? undefined : findEntryByMmsi(db, row.mmsi),
    listTaskings(db, row.id),
    latestPlanId(db, row.id),
  ]);
  const openTaskings = taskings.filter((t) => t.released_at === null).length;
  return {
    ...toIncidentDto(row),
    distressedVessel:
      row.mmsi === null
        ? null
        : {
            mmsi: row.mmsi,
            mmsiKind: parseMmsi(row.mmsi).kind,
            live: live(row.mmsi),
            registry: registry ? toRegistryEntryDto(registry) : null,
          },
    taskings: taskings.map((t) => ({
      resourceId: t.resource_id,
      resourceName: t.resource_name,
      resourceKind: t.resource_kind,
      callSign: t.call_sign,
      taskedAt: t.tasked_at.toISOString(),
      taskedBy: t.tasked_by,
      releasedAt: t.released_at?.toISOString() ?? null,
      releasedBy: t.released_by,
    })),
    actions: availableActions(incidentWorkflow, row.state, actor, { openTaskings }),
    latestPlanId: planId,
  };
}

export async function incidentPage(
  db: Executor,
  actor: Actor,
  q: IncidentFilter & PageQuery,
): Promise<PageResult<IncidentDto>> {
  return toPage(await listIncidents(db, actor.orgPath, q, q.pageSize, offsetOf(q)), q, toIncidentDto);
}

async function addEvent(
  trx: Executor,
  actor: Actor,
  incidentId: number,
  kind: TimelineKind,
  now: Date,
  extra: { text?: string | null; resourceId?: number; planId?: number; from?: string; to?: string } = {},
) {
  await insertIncidentEvent(trx, {
    incident_id: incidentId,
    kind,
    text: extra.text ?? null,
    resource_id: extra.resourceId ?? null,
    plan_id: extra.planId ?? null,
    from_state: extra.from ?? null,
    to_state: extra.to ?? null,
    actor_user_id: actor.userId,
    actor_username: actor.username,
    at: now,
  });
}

export { addEvent as addIncidentEvent };

const auditView = (r: IncidentRow) => ({
  state: r.state,
  source: r.source,
  position: [r.lat, r.lon],
  alertAt: r.alert_at.toISOString(),
  mmsi: r.mmsi,
  personsOnBoard: r.persons_on_board,
  nature: r.nature,
  radiusNm: r.radius_nm,
  orgUnitId: r.org_unit_id,
});

export async function openIncident(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  body: OpenIncidentBody,
  now: Date,
): Promise<IncidentRow> {
  const orgUnitId = body.orgUnitId ?? actor.orgUnitId;
  await assertOrgInScope(trx, actor, orgUnitId);
  const alertAt = new Date(body.alertAt);
  if (alertAt.getTime() > now.getTime() + 5 * 60_000) throw badRequest('alertAt lies in the future');
  if (body.mmsi != null && parseMmsi(body.mmsi).kind === 'unknown')
    throw badRequest(`MMSI ${body.mmsi} is not a valid station identity`);
  const id = await insertIncident(trx, {
    org_unit_id: orgUnitId,
    state: incidentWorkflow.initial,
    source: body.source,
    lat: body.position.lat,
    lon: body.position.lon,
    alert_at: alertAt,
    mmsi: body.mmsi ?? null,
    persons_on_board: body.personsOnBoard ?? null,
    nature: body.nature,
    description: body.description ?? null,
    radius_nm: body.radiusNm ?? 20,
    opened_at: now,
    opened_by: actor.username,
    updated_at: now,
  });
  await updateIncident(trx, id, { code: `SAR-${now.getUTCFullYear()}-${String(id).padStart(5, '0')}` });
  await addEvent(trx, actor, id, 'opened', now, { text: body.description ?? null, to: 'open' });
  const row = (await findIncidentInScope(trx, id, actor.orgPath)) as IncidentRow;
  await recordAudit(trx, ctx, {
    action: 'maritime.incident.open',
    objectType: 'sar_incident',
    objectId: id,
    after: auditView(row),
    orgUnitId: row.org_unit_id,
    orgPath: row.org_path,
  });
  return row;
}

function assertNotClosed(row: IncidentRow) {
  if (row.state === 'closed') throw badRequest(`incident ${row.code} is closed`);
}

export async function changeIncident(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  patch: PatchIncidentBody,
  now: Date,
): Promise<IncidentRow> {
  const before = await incidentInScope(trx, actor, id, true);
  assertNotClosed(before);
  if (patch.mmsi != null && parseMmsi(patch.mmsi).kind === 'unknown')
    throw badRequest(`MMSI ${patch.mmsi} is not a valid station identity`);
  await updateIncident(trx, id, {
    ...(patch.mmsi !== undefined && { mmsi: patch.mmsi }),
    ...(patch.personsOnBoard !== undefined && { persons_on_board: patch.personsOnBoard }),
    ...(patch.nature !== undefined && { nature: patch.nature }),
    ...(patch.description !== undefined && { description: patch.description }),
    ...(patch.radiusNm !== undefined && { radius_nm: patch.radiusNm }),
    updated_at: now,
  });
  const after = (await findIncidentInScope(trx, id, actor.orgPath)) as IncidentRow;
  const changed = Object.keys(patch).join(', ');
  await addEvent(trx, actor, id, 'updated', now, { text: changed });
  await recordAudit(trx, ctx, {
    action: 'maritime.incident.update',
    objectType: 'sar_incident',
    objectId: id,
    before: auditView(before),
    after: auditView(after),
    orgUnitId: after.org_unit_id,
    orgPath: after.org_path,
  });
  return after;
}

export async function logToIncident(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  text: string,
  now: Date,
): Promise<IncidentRow> {
  const row = await incidentInScope(trx, actor, id, true);
  assertNotClosed(row);
  await addEvent(trx, actor, id, 'log', now, { text });
  await updateIncident(trx, id, { updated_at: now });
  await recordAudit(trx, ctx, {
    action: 'maritime.incident.log',
    objectType: 'sar_incident',
    objectId: id,
    after: { text },
    orgUnitId: row.org_unit_id,
    orgPath: row.org_path,
  });
  return (await findIncidentInScope(trx, id, actor.orgPath)) as IncidentRow;
}

async function move(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  row: IncidentRow,
  action: IncidentAction,
  now: Date,
  note?: string,
  outcome?: Outcome,
) {
  const taskings = await listTaskings(trx, row.id);
  const to = await transition(
    trx,
    { audit: ctx, actor, now },
    incidentWorkflow,
    {
      type: 'sar_incident',
      id: row.id,
      state: row.state,
      orgPath: row.org_path,
      entity: { openTaskings: taskings.filter((t) => t.released_at === null).length },
    },
    action,
    { ...(note && { note }), ...(outcome && { outcome }) },
  );
  await updateIncident(trx, row.id, {
    state: to,
    updated_at: now,
    ...(to === 'closed' && { outcome: outcome ?? 'falseAlarm', closed_at: now, closed_by: actor.username }),
  });
  await addEvent(trx, actor, row.id, 'stateChanged', now, {
    text: [outcome, note].filter(Boolean).join(': ') || null,
    from: row.state,
    to,
  });
}

export async function transitionIncident(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  action: IncidentAction,
  now: Date,
  input: { note?: string | undefined; outcome?: Outcome | undefined } = {},
): Promise<IncidentRow> {
  const row = await incidentInScope(trx, actor, id, true);
  await move(
    trx,
    ctx,
    actor,
    row,
    action,
    now,
    input.note,
    action === 'cancel' ? 'falseAlarm' : input.outcome,
  );
  return (await findIncidentInScope(trx, id, actor.orgPath)) as IncidentRow;
}

/** Tasks an available resource of your jurisdiction; an open incident becomes active. */
export async function taskResource(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  resourceId: number,
  now: Date,
  note?: string,
): Promise<IncidentRow> {
  const row = await incidentInScope(trx, actor, id, true);
  assertNotClosed(row);
  const resource = await resourceInScope(trx, actor, resourceId, true);
  if (resource.kind === 'base') throw badRequest(`${resource.name} is a base, not a unit one can task`);
  await moveTasking(trx, ctx, actor, resource, 'task', id, now, note);
  await insertTasking(trx, {
    incident_id: id,
    resource_id: resourceId,
    tasked_at: now,
    tasked_by: actor.username,
  });
  await addEvent(trx, actor, id, 'resourceTasked', now, { resourceId, text: note ?? null });
  if (row.state === 'open') await move(trx, ctx, actor, row, 'activate', now);
  else await updateIncident(trx, id, { updated_at: now });
  return (await findIncidentInScope(trx, id, actor.orgPath)) as IncidentRow;
}

export async function releaseResource(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  resourceId: number,
  now: Date,
  note?: string,
): Promise<IncidentRow> {
  await incidentInScope(trx, actor, id, true);
  const resource = await resourceInScope(trx, actor, resourceId, true);
  if (resource.incident_id !== id) throw badRequest(`${resource.name} is not tasked to incident ${id}`);
  await moveTasking(trx, ctx, actor, resource, 'release', id, now, note);
  await closeTasking(trx, id, resourceId, now, actor.username);
  await addEvent(trx, actor, id, 'resourceReleased', now, { resourceId, text: note ?? null });
  await updateIncident(trx, id, { updated_at: now });
  return (await findIncidentInScope(trx, id, actor.orgPath)) as IncidentRow;
}

export async function incidentTimeline(db: Executor, actor: Actor, id: number, q: PageQuery) {
  await incidentInScope(db, actor, id);
  const result = await listIncidentEvents(db, id, q.pageSize, offsetOf(q));
  return toPage(result, q, (e) => ({
    id: e.id,
    kind: e.kind,
    text: e.text,
    resourceId: e.resource_id,
    resourceName: e.resource_name,
    planId: e.plan_id,
    fromState: e.from_state,
    toState: e.to_state,
    actorUsername: e.actor_username,
    at: e.at.toISOString(),
  }));
}
