// What JT/T 809 links carried per hour, and the link reports (0x9102 → 0x1102, 2019 only) this
// platform asks of its subordinates or answers to its superior. Instance-wide like the links.
import type { LinkReport } from '@jtgov/jt809';
import { type AuditContext, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { offsetOf, type PageQuery, toPage } from '../../platform/http/pagination.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import type { PlatformLinkRow } from './platform-links.repository.ts';
import { linkById } from './platform-links.service.ts';
import {
  findReport,
  insertReport,
  listReports,
  type PlatformLinkReportRow,
  trafficHours,
} from './platform-links-stats.repository.ts';
import { MAX_TRAFFIC_HOURS, type ReportBody, type TrafficQuery } from './platform-links-stats.schemas.ts';
import { hourOf } from './platform-links-traffic.ts';

const HOUR_MS = 3_600_000;
const nullableNumber = (v: string | number | null) => (v === null ? null : Number(v));

export const toReportDto = (r: PlatformLinkReportRow) => ({
  id: Number(r.id),
  linkId: Number(r.link_id),
  origin: r.origin,
  startTime: r.start_time.toISOString(),
  endTime: r.end_time.toISOString(),
  requestedAt: r.requested_at.toISOString(),
  answeredAt: r.answered_at?.toISOString() ?? null,
  platformId: r.platform_id,
  lostLocations: nullableNumber(r.lost_locations),
  disconnects: r.disconnects,
  disconnectedSeconds: nullableNumber(r.disconnected_seconds),
});

export async function linkTraffic(db: Executor, actor: Actor, id: number, q: TrafficQuery, now: Date) {
  await linkById(db, actor, id);
  const to = hourOf(new Date(q.to ? Date.parse(q.to) + HOUR_MS - 1 : now.getTime() + HOUR_MS));
  const from = q.from ? hourOf(new Date(q.from)) : new Date(to.getTime() - 24 * HOUR_MS);
  if (from >= to) throw badRequest('from must be before to');
  if (to.getTime() - from.getTime() > MAX_TRAFFIC_HOURS * HOUR_MS)
    throw badRequest(`at most ${MAX_TRAFFIC_HOURS} hours at once`);
  const rows = await trafficHours(db, id, from, to);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    hours: rows.map((r) => ({
      hour: new Date(r.hour).toISOString(),
      framesIn: Number(r.frames_in),
      framesOut: Number(r.frames_out),
      bytesIn: Number(r.bytes_in),
      bytesOut: Number(r.bytes_out),
      positions: Number(r.positions),
      errors: Number(r.errors),
      reconnects: Number(r.reconnects),
    })),
  };
}

export async function reportPage(db: Executor, actor: Actor, id: number, q: PageQuery) {
  await linkById(db, actor, id);
  return toPage(await listReports(db, id, q.pageSize, offsetOf(q)), q, toReportDto);
}

/** The checks before a report is asked of a subordinate: which link, and whether it can answer. */
export async function reportableLink(
  db: Executor,
  actor: Actor,
  id: number,
  body: ReportBody,
): Promise<PlatformLinkRow> {
  const link = await linkById(db, actor, id);
  if (link.direction !== 'subordinate')
    throw badRequest('only a subordinate platform is asked for a link report; the superior asks this one');
  if (link.edition !== '2019') throw badRequest('0x9102 link reports exist only in JT/T 809-2019');
  if (Date.parse(body.startTime) >= Date.parse(body.endTime))
    throw badRequest('startTime must be before endTime');
  return link;
}

const reportColumns = (report: LinkReport | null) => ({
  platform_id: report?.platformId ?? null,
  lost_locations: report?.lostLocations ?? null,
  disconnects: report?.disconnects ?? null,
  disconnected_seconds: report?.disconnectedSeconds ?? null,
});

/** Stores what a subordinate answered (or null: nothing in time) to this platform's 0x9102. */
export async function recordRequestedReport(
  trx: Executor,
  ctx: AuditContext,
  link: PlatformLinkRow,
  body: ReportBody,
  requestedAt: Date,
  answer: { report: LinkReport; at: Date } | null,
) {
  const id = await insertReport(trx, {
    link_id: link.id,
    origin: 'requested',
    start_time: new Date(body.startTime),
    end_time: new Date(body.endTime),
    requested_at: requestedAt,
    answered_at: answer?.at ?? null,
    ...reportColumns(answer?.report ?? null),
  });
  const dto = toReportDto((await findReport(trx, id)) as PlatformLinkReportRow);
  await recordAudit(trx, ctx, {
    action: 'vehicle.platformLink.report',
    objectType: 'platform_link',
    objectId: link.id,
    after: dto,
  });
  return dto;
}

/** Stores a report the superior asked of this platform and the answer sent. */
export async function recordAskedReport(db: Executor, linkId: number, report: LinkReport, askedAt: Date) {
  await insertReport(db, {
    link_id: linkId,
    origin: 'asked',
    start_time: new Date(report.startTime * 1000),
    end_time: new Date(report.endTime * 1000),
    requested_at: askedAt,
    answered_at: askedAt,
    ...reportColumns(report),
  });
}
