// Distress incidents (险情): opened from an alert, worked with tasked resources and a timeline,
// closed with an outcome. States are a workflow (open → active → closed; cancel closes a false
// alarm); the timeline keeps every action with who and when, the audit log keeps the writes.
import { type AuditContext, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { badRequest } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { transition } from '../../platform/workflow/index.ts';
import { incidentInScope } from './incident-views.ts';
import { type IncidentAction, incidentWorkflow } from './incident-workflow.ts';
import {
  closeTasking,
  findIncidentInScope,
  type IncidentRow,
  insertIncident,
  insertIncidentEvent,
  insertTasking,
  listTaskings,
  updateIncident,
} from './incidents.repository.ts';
import type { OpenIncidentBody, PatchIncidentBody } from './incidents.schemas.ts';
import { parseMmsi } from './mid.ts';
import { assertOrgInScope } from './org-scope.ts';
import type { Outcome, TimelineKind } from './sar.tables.ts';
import { moveTasking, resourceInScope } from './sar-resources.service.ts';

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
