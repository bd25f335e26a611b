// Reads of incidents: the list, the detail the incident desk shows, the timeline.
import type { Executor } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import { offsetOf, type PageQuery, type PageResult, toPage } from '../../platform/http/pagination.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { availableActions } from '../../platform/workflow/index.ts';
import { incidentWorkflow } from './incident-workflow.ts';
import {
  findIncidentInScope,
  type IncidentFilter,
  type IncidentRow,
  latestPlanId,
  listIncidentEvents,
  listIncidents,
  listTaskings,
} from './incidents.repository.ts';
import type { IncidentDetailDto, IncidentDto } from './incidents.schemas.ts';
import type { VesselDto } from './maritime.schemas.ts';
import { parseMmsi } from './mid.ts';
import { findEntryByMmsi } from './vessel-registry.repository.ts';
import { toRegistryEntryDto } from './vessel-registry.service.ts';

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
