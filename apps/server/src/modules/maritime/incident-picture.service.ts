// What the incident desk sees around a distress: ships nearby from the live picture (with their
// registry entry, never its contacts), the nearest SAR resources of the caller's jurisdiction,
// and — with maritime.contacts.read, audited — the contacts of a ship involved in the incident.
import type { AuditContext } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import { offsetOf, type PageQuery, pageOf } from '../../platform/http/pagination.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { bearingDeg, distanceNm } from './geo.ts';
import { incidentInScope } from './incident-views.ts';
import type { MaritimeRuntime } from './maritime-runtime.ts';
import type { ResourceState } from './sar.tables.ts';
import { type LivePosition, listNearestResources, listTrackedResources } from './sar-resources.repository.ts';
import { toResourceDto } from './sar-resources.service.ts';
import { findContactsByMmsi, findEntriesByMmsi } from './vessel-registry.repository.ts';
import { auditContactsRead, contactsOf } from './vessel-registry.service.ts';
import { toVesselDto } from './vessels.service.ts';

/** Slowest speed at which an ETA means anything (knots). */
const MIN_ETA_SPEED = 0.1;

const etaMinutes = (distance: number, speed: number | null) =>
  speed !== null && speed >= MIN_ETA_SPEED ? (distance / speed) * 60 : null;

/** Ships of the live picture within the radius of the alert position, the distressed one left out. */
export async function nearbyShips(
  db: Executor,
  runtime: MaritimeRuntime,
  actor: Actor,
  id: number,
  q: PageQuery & { radiusNm?: number | undefined },
) {
  const incident = await incidentInScope(db, actor, id);
  const found = runtime.picture
    .near({ lat: incident.lat, lon: incident.lon }, q.radiusNm ?? incident.radius_nm, runtime.now())
    .filter((n) => n.target.mmsi !== incident.mmsi);
  const one = pageOf(found, q);
  const entries = await findEntriesByMmsi(
    db,
    one.items.map((n) => n.target.mmsi),
  );
  const byMmsi = new Map(entries.map((e) => [e.mmsi, e]));
  return {
    ...one,
    items: one.items.map((n) => {
      const entry = byMmsi.get(n.target.mmsi);
      return {
        vessel: toVesselDto(n.target),
        distanceNm: n.distanceNm,
        bearingDeg: n.bearingDeg,
        etaMinutes: etaMinutes(n.distanceNm, n.target.position?.speed ?? null),
        registry: entry ? { id: entry.id, name: entry.name, hasContacts: entry.has_contacts } : null,
      };
    }),
  };
}

/** SAR resources of the caller's jurisdiction nearest the alert position, with ETA at transit speed. */
/**
 * AIS positions of the jurisdiction's resources that carry an MMSI (rescue vessels), where the
 * live picture has heard them since their recorded position.
 */
async function livePositions(db: Executor, runtime: MaritimeRuntime, actor: Actor): Promise<LivePosition[]> {
  const now = runtime.now();
  return (await listTrackedResources(db, actor.orgPath)).flatMap((r) => {
    const p = runtime.picture.get(r.mmsi, now)?.position;
    if (!p || (r.position_at && p.at <= r.position_at.getTime())) return [];
    return [{ id: r.id, lat: p.lat, lon: p.lon, at: new Date(p.at) }];
  });
}

export async function nearestResources(
  db: Executor,
  runtime: MaritimeRuntime,
  actor: Actor,
  id: number,
  q: PageQuery & { state?: ResourceState | undefined },
) {
  const incident = await incidentInScope(db, actor, id);
  const at = { lat: incident.lat, lon: incident.lon };
  const live = await livePositions(db, runtime, actor);
  const liveById = new Map(live.map((l) => [l.id, l]));
  const result = await listNearestResources(
    db,
    actor.orgPath,
    at,
    { state: q.state, kind: undefined },
    q.pageSize,
    offsetOf(q),
    live,
  );
  return {
    items: result.items.map((row) => {
      const resource = toResourceDto(row, liveById.get(row.id));
      const p = resource.position as { lat: number; lon: number };
      const d = distanceNm(at, p);
      return {
        resource,
        distanceNm: d,
        bearingDeg: bearingDeg(at, p),
        etaMinutes: etaMinutes(d, row.speed_kn),
      };
    }),
    total: result.total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * Contacts of the vessel in distress or of a ship now within the incident's radius, wherever it
 * is registered: the incident is the reason to call it. Any other vessel is refused, so an
 * incident cannot serve to read the whole registry. The read is audited under the incident.
 */
export async function incidentContacts(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  runtime: MaritimeRuntime,
  id: number,
  mmsi: number,
) {
  const incident = await incidentInScope(trx, actor, id);
  const involved =
    incident.mmsi === mmsi ||
    runtime.picture
      .near({ lat: incident.lat, lon: incident.lon }, incident.radius_nm, runtime.now())
      .some((n) => n.target.mmsi === mmsi);
  if (!involved) throw forbidden(`vessel ${mmsi} is neither in distress nor near incident ${incident.code}`);
  const row = await findContactsByMmsi(trx, mmsi);
  if (!row) throw notFound(`registry entry of MMSI ${mmsi}`);
  await auditContactsRead(trx, ctx, row, {
    id: incident.id,
    orgUnitId: incident.org_unit_id,
    orgPath: incident.org_path,
  });
  return { mmsi, registryId: row.id, name: row.name, contacts: contactsOf(row) };
}
