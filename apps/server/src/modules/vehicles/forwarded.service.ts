// Reading what subordinate platforms forwarded: filters from the query (scoped to the caller's
// jurisdiction) and the DTOs.
import { badRequest } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import type {
  ForwardedAlarmRow,
  ForwardedFilter,
  ForwardedRegistrationRow,
} from './forwarded-list.repository.ts';

export function forwardedFilterOf(
  actor: Actor,
  q: { linkId?: number; plate?: string; warnType?: number; from?: string; to?: string },
): ForwardedFilter {
  const from = q.from === undefined ? undefined : new Date(q.from);
  const to = q.to === undefined ? undefined : new Date(q.to);
  if (from && to && !(from < to)) throw badRequest('from must precede to');
  return {
    scopePath: actor.orgPath,
    ...(q.linkId !== undefined && { linkId: q.linkId }),
    ...(q.plate !== undefined && { plate: q.plate.trim() }),
    ...(q.warnType !== undefined && { warnType: q.warnType }),
    ...(from && { from }),
    ...(to && { to }),
  };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toForwardedAlarmDto(r: ForwardedAlarmRow) {
  return {
    id: Number(r.id),
    linkId: Number(r.link_id),
    linkName: r.link_name,
    vehicleId: Number(r.vehicle_id),
    plateNo: r.plate_no,
    plateColor: r.plate_color,
    orgUnitId: Number(r.org_unit_id),
    orgName: r.org_name,
    warnType: r.warn_type,
    warnSource: r.warn_source,
    sourcePlatformId: r.source_platform_id,
    warnTime: r.warn_time.toISOString(),
    startTime: iso(r.start_time),
    endTime: iso(r.end_time),
    infoId: Number(r.info_id),
    info: r.info,
    receivedAt: r.received_at.toISOString(),
  };
}

export function toForwardedRegistrationDto(r: ForwardedRegistrationRow) {
  return {
    linkId: Number(r.link_id),
    linkName: r.link_name,
    vehicleId: Number(r.vehicle_id),
    plateNo: r.plate_no,
    plateColor: r.plate_color,
    orgUnitId: Number(r.org_unit_id),
    orgName: r.org_name,
    platformId: r.platform_id,
    producerId: r.producer_id,
    terminalModel: r.terminal_model,
    imei: r.imei,
    terminalId: r.terminal_id,
    simCode: r.sim_code,
    receivedAt: r.received_at.toISOString(),
  };
}
