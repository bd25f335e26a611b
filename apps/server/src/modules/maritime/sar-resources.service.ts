// SAR resources (搜救力量): rescue vessels, aircraft and their bases, owned by an org unit. Their
// state is a workflow so that every change is in the history and the audit log; `tasked` is
// entered and left only through an incident (incidents.service.ts).
import { type AuditContext, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import { offsetOf, type PageQuery, type PageResult, toPage } from '../../platform/http/pagination.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { defineWorkflow, historyOf, transition } from '../../platform/workflow/index.ts';
import { assertOrgInScope } from './org-scope.ts';
import { RESOURCE_STATES } from './sar.tables.ts';
import {
  findResourceInScope,
  insertResource,
  type LivePosition,
  listResources,
  type ResourceRow,
  updateResource,
} from './sar-resources.repository.ts';
import type {
  CreateResourceBody,
  PatchResourceBody,
  ResourceStateBody,
  ResourcesQuery,
  SarResourceDto,
} from './sar-resources.schemas.ts';

export const resourceWorkflow = defineWorkflow({
  name: 'maritime.resource',
  states: RESOURCE_STATES,
  initial: 'available',
  transitions: {
    task: { from: ['available'], to: 'tasked', permission: 'maritime.manage' },
    release: { from: ['tasked'], to: 'available', permission: 'maritime.manage' },
    maintain: { from: ['available', 'offDuty'], to: 'maintenance', permission: 'maritime.manage' },
    standDown: { from: ['available', 'maintenance'], to: 'offDuty', permission: 'maritime.manage' },
    ready: { from: ['maintenance', 'offDuty'], to: 'available', permission: 'maritime.manage' },
  },
});

const ACTION_TO: Record<ResourceStateBody['state'], 'ready' | 'maintain' | 'standDown'> = {
  available: 'ready',
  maintenance: 'maintain',
  offDuty: 'standDown',
};

/** A resource's DTO; `live`, when given, is its AIS position fresher than the recorded one. */
export function toResourceDto(r: ResourceRow, live?: LivePosition): SarResourceDto {
  const reported = r.lat !== null && r.lon !== null;
  const home = r.home_lat !== null && r.home_lon !== null ? { lat: r.home_lat, lon: r.home_lon } : null;
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    callSign: r.call_sign,
    mmsi: r.mmsi,
    baseId: r.base_id,
    baseName: r.base_name,
    home,
    position: live
      ? { lat: live.lat, lon: live.lon, at: live.at.toISOString(), source: 'ais' }
      : reported
        ? {
            lat: r.lat as number,
            lon: r.lon as number,
            at: r.position_at?.toISOString() ?? null,
            source: 'reported',
          }
        : home
          ? { ...home, at: null, source: 'home' }
          : null,
    speedKn: r.speed_kn,
    state: r.state,
    incidentId: r.incident_id,
    notes: r.notes,
    orgUnitId: r.org_unit_id,
    orgName: r.org_name,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

const auditView = (r: ResourceRow) => ({
  kind: r.kind,
  name: r.name,
  callSign: r.call_sign,
  mmsi: r.mmsi,
  baseId: r.base_id,
  home: r.home_lat === null ? null : [r.home_lat, r.home_lon],
  position: r.lat === null ? null : [r.lat, r.lon],
  speedKn: r.speed_kn,
  orgUnitId: r.org_unit_id,
});

export async function resourcePage(
  db: Executor,
  actor: Actor,
  q: ResourcesQuery,
): Promise<PageResult<SarResourceDto>> {
  return toPage(await listResources(db, actor.orgPath, q, q.pageSize, offsetOf(q)), q, (r) =>
    toResourceDto(r),
  );
}

export async function resourceInScope(db: Executor, actor: Actor, id: number, lock = false) {
  const row = await findResourceInScope(db, id, actor.orgPath, lock);
  if (!row) throw notFound(`SAR resource ${id}`);
  return row;
}

async function assertBase(trx: Executor, actor: Actor, baseId: number | null | undefined, selfId?: number) {
  if (baseId == null) return;
  const base = await findResourceInScope(trx, baseId, actor.orgPath);
  if (base?.kind !== 'base' || base.id === selfId)
    throw badRequest(`SAR resource ${baseId} is not a base in your jurisdiction`);
}

export async function createResource(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  body: CreateResourceBody,
  now: Date,
): Promise<ResourceRow> {
  await assertOrgInScope(trx, actor, body.orgUnitId);
  await assertBase(trx, actor, body.baseId);
  const id = await insertResource(trx, {
    kind: body.kind,
    name: body.name,
    call_sign: body.callSign ?? null,
    mmsi: body.mmsi ?? null,
    base_id: body.baseId ?? null,
    home_lat: body.home?.lat ?? null,
    home_lon: body.home?.lon ?? null,
    lat: body.position?.lat ?? null,
    lon: body.position?.lon ?? null,
    position_at: body.position ? now : null,
    speed_kn: body.speedKn ?? null,
    state: resourceWorkflow.initial,
    notes: body.notes ?? null,
    org_unit_id: body.orgUnitId,
    created_at: now,
    updated_at: now,
  });
  const row = (await findResourceInScope(trx, id, actor.orgPath)) as ResourceRow;
  await recordAudit(trx, ctx, {
    action: 'maritime.resource.create',
    objectType: 'sar_resource',
    objectId: id,
    after: auditView(row),
    orgUnitId: row.org_unit_id,
    orgPath: row.org_path,
  });
  return row;
}

export async function changeResource(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  patch: PatchResourceBody,
  now: Date,
): Promise<ResourceRow> {
  const before = await resourceInScope(trx, actor, id, true);
  if (patch.orgUnitId !== undefined) await assertOrgInScope(trx, actor, patch.orgUnitId);
  await assertBase(trx, actor, patch.baseId, id);
  await updateResource(trx, id, {
    ...(patch.kind !== undefined && { kind: patch.kind }),
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.callSign !== undefined && { call_sign: patch.callSign }),
    ...(patch.mmsi !== undefined && { mmsi: patch.mmsi }),
    ...(patch.baseId !== undefined && { base_id: patch.baseId }),
    ...(patch.home !== undefined && { home_lat: patch.home?.lat ?? null, home_lon: patch.home?.lon ?? null }),
    ...(patch.position !== undefined && {
      lat: patch.position?.lat ?? null,
      lon: patch.position?.lon ?? null,
      position_at: patch.position ? now : null,
    }),
    ...(patch.speedKn !== undefined && { speed_kn: patch.speedKn }),
    ...(patch.notes !== undefined && { notes: patch.notes }),
    ...(patch.orgUnitId !== undefined && { org_unit_id: patch.orgUnitId }),
    updated_at: now,
  });
  const after = (await findResourceInScope(trx, id, actor.orgPath)) as ResourceRow;
  await recordAudit(trx, ctx, {
    action: 'maritime.resource.update',
    objectType: 'sar_resource',
    objectId: id,
    before: auditView(before),
    after: auditView(after),
    orgUnitId: after.org_unit_id,
    orgPath: after.org_path,
  });
  return after;
}

export async function setResourceState(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  body: ResourceStateBody,
  now: Date,
): Promise<ResourceRow> {
  const row = await resourceInScope(trx, actor, id, true);
  const to = await transition(
    trx,
    { audit: ctx, actor, now },
    resourceWorkflow,
    { type: 'sar_resource', id, state: row.state, orgPath: row.org_path },
    ACTION_TO[body.state],
    body.note,
  );
  await updateResource(trx, id, { state: to, updated_at: now });
  return (await findResourceInScope(trx, id, actor.orgPath)) as ResourceRow;
}

/** Tasks or releases a locked, in-scope resource for an incident (the incident records its side). */
export async function moveTasking(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  row: ResourceRow,
  action: 'task' | 'release',
  incidentId: number,
  now: Date,
  note?: string,
): Promise<void> {
  const to = await transition(
    trx,
    { audit: ctx, actor, now },
    resourceWorkflow,
    { type: 'sar_resource', id: row.id, state: row.state, orgPath: row.org_path },
    action,
    { incidentId, ...(note && { note }) },
  );
  await updateResource(trx, row.id, {
    state: to,
    incident_id: action === 'task' ? incidentId : null,
    updated_at: now,
  });
}

export async function resourceHistory(db: Executor, actor: Actor, id: number, page: PageQuery) {
  await resourceInScope(db, actor, id);
  return historyOf(db, 'sar_resource', id, page);
}
