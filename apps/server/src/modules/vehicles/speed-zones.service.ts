// Road-class speed zones: validation, jurisdiction (a zone belongs to the unit that manages it)
// and audit. The alarm rules read every enabled zone through speed-zones.source.ts.
import type { Static } from 'typebox';
import { type AuditContext, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, badRequest, notFound } from '../../platform/http/errors.ts';
import { offsetOf, toPage } from '../../platform/http/pagination.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { findOrgUnitInScope } from '../../platform/orgs/orgs.repository.ts';
import {
  deleteZone,
  findZoneInScope,
  insertZone,
  listZones,
  updateZone,
  type ZoneRow,
} from './speed-zones.repository.ts';
import type { CreateZoneBody, UpdateZoneBody, ZoneListQuery } from './speed-zones.schemas.ts';

type CreateZone = Static<typeof CreateZoneBody>;
type UpdateZone = Static<typeof UpdateZoneBody>;

export function toZoneDto(r: ZoneRow) {
  return {
    id: Number(r.id),
    orgUnitId: Number(r.org_unit_id),
    orgName: r.org_name,
    name: r.name,
    roadClass: r.road_class,
    shape: r.shape,
    coordinates: r.coordinates,
    widthM: r.width_m,
    speedLimits: r.speed_limits,
    enabled: r.enabled,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

const auditView = (r: ZoneRow) => {
  const { id: _, createdAt: _c, updatedAt: _u, orgName: _o, ...rest } = toZoneDto(r);
  return rest;
};

/** A polygon needs three distinct vertices, a corridor two and a width. */
function assertGeometry(z: {
  shape: string;
  coordinates: readonly (readonly number[])[];
  widthM: number | null;
}) {
  const distinct = new Set(z.coordinates.map(([lon, lat]) => `${lon},${lat}`)).size;
  if (z.shape === 'polygon' && distinct < 3)
    throw badRequest('a polygon needs at least three distinct vertices');
  if (z.shape === 'corridor' && distinct < 2)
    throw badRequest('a corridor needs at least two distinct points');
  if (z.shape === 'corridor' && z.widthM === null) throw badRequest('a corridor needs widthM');
}

export async function zonePage(db: Executor, actor: Actor, q: Static<typeof ZoneListQuery>) {
  const filter = {
    scopePath: actor.orgPath,
    ...(q.roadClass !== undefined && { roadClass: q.roadClass }),
    ...(q.q !== undefined && { q: q.q }),
  };
  return toPage(await listZones(db, filter, q.pageSize, offsetOf(q)), q, toZoneDto);
}

export async function zoneById(db: Executor, actor: Actor, id: number, forUpdate = false): Promise<ZoneRow> {
  const row = await findZoneInScope(db, id, actor.orgPath, forUpdate);
  if (!row) throw notFound(`speed zone ${id}`);
  return row;
}

export async function createZone(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  input: CreateZone,
  now: Date,
) {
  const org = await findOrgUnitInScope(trx, input.orgUnitId, actor.orgPath);
  if (!org)
    throw new AppError(403, 'out_of_jurisdiction', `org unit ${input.orgUnitId} is not in your jurisdiction`);
  const widthM = input.shape === 'corridor' ? (input.widthM ?? null) : null;
  assertGeometry({ shape: input.shape, coordinates: input.coordinates, widthM });
  const id = await insertZone(trx, {
    org_unit_id: input.orgUnitId,
    name: input.name.trim(),
    road_class: input.roadClass,
    shape: input.shape,
    coordinates: JSON.stringify(input.coordinates),
    width_m: widthM,
    speed_limits: JSON.stringify(input.speedLimits),
    enabled: input.enabled ?? true,
    created_at: now,
    updated_at: now,
  });
  const row = await zoneById(trx, actor, id);
  await recordAudit(trx, ctx, {
    action: 'vehicle.speed-zone.create',
    objectType: 'vehicle_speed_zone',
    objectId: id,
    after: auditView(row),
    orgUnitId: row.org_unit_id,
    orgPath: row.org_path,
  });
  return row;
}

export async function changeZone(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  input: UpdateZone,
  now: Date,
) {
  const before = await zoneById(trx, actor, id, true);
  const shape = input.shape ?? before.shape;
  const coordinates = input.coordinates ?? before.coordinates;
  const widthM = shape === 'corridor' ? (input.widthM !== undefined ? input.widthM : before.width_m) : null;
  assertGeometry({ shape, coordinates, widthM });
  await updateZone(trx, id, {
    ...(input.name !== undefined && { name: input.name.trim() }),
    ...(input.roadClass !== undefined && { road_class: input.roadClass }),
    shape,
    coordinates: JSON.stringify(coordinates),
    width_m: widthM,
    ...(input.speedLimits !== undefined && { speed_limits: JSON.stringify(input.speedLimits) }),
    ...(input.enabled !== undefined && { enabled: input.enabled }),
    updated_at: now,
  });
  const after = await zoneById(trx, actor, id);
  await recordAudit(trx, ctx, {
    action: 'vehicle.speed-zone.update',
    objectType: 'vehicle_speed_zone',
    objectId: id,
    before: auditView(before),
    after: auditView(after),
    orgUnitId: after.org_unit_id,
    orgPath: after.org_path,
  });
  return after;
}

export async function removeZone(trx: Executor, ctx: AuditContext, actor: Actor, id: number): Promise<void> {
  const before = await zoneById(trx, actor, id, true);
  await deleteZone(trx, id);
  await recordAudit(trx, ctx, {
    action: 'vehicle.speed-zone.delete',
    objectType: 'vehicle_speed_zone',
    objectId: id,
    before: auditView(before),
    orgUnitId: before.org_unit_id,
    orgPath: before.org_path,
  });
}
