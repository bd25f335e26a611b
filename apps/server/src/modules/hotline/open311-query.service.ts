import { SYSTEM_CONTEXT } from '../../platform/audit/audit.service.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { AppError, badRequest, notFound } from '../../platform/http/errors.ts';
import {
  findRequestByToken,
  listRequests,
  lockRequest,
  type Open311RequestFilter,
  updateRequest,
} from './open311.repository.ts';
import { ticketContext, toNewTicket, withoutPersonal } from './open311.service.ts';
import { Open311List, redactPersonal } from './open311-format.ts';
import { STATE_INFO } from './tickets.dto.ts';
import { createTicket, type HotlineDeps } from './tickets.service.ts';

export const MAX_REQUESTS = 1000;
const MAX_RANGE_MS = 90 * 86_400_000;

const OPEN_STATES = STATE_INFO.filter((s) => s.open311 === 'open').map((s) => s.code as string);
const CLOSED_STATES = STATE_INFO.filter((s) => s.open311 === 'closed').map((s) => s.code as string);
const STATUS_OF = new Map(STATE_INFO.map((s) => [s.code as string, s]));

export interface RequestQuery {
  ids?: readonly string[] | undefined;
  serviceCodes?: readonly string[] | undefined;
  start?: Date | undefined;
  end?: Date | undefined;
  statuses?: readonly ('open' | 'closed')[] | undefined;
  page: number;
  pageSize: number;
}

/** The range GET requests covers: at most 90 days; by default the last 90. */
export function rangeOf(q: { start?: Date | undefined; end?: Date | undefined }, now: Date) {
  const end = q.end ?? (q.start ? new Date(Math.min(q.start.getTime() + MAX_RANGE_MS, now.getTime())) : now);
  const start = q.start ?? new Date(end.getTime() - MAX_RANGE_MS);
  if (end < start) throw badRequest('end_date is before start_date');
  if (end.getTime() - start.getTime() > MAX_RANGE_MS)
    throw badRequest('start_date and end_date are more than 90 days apart');
  return { start, end };
}

export async function requestList(db: Executor, scopePath: string, q: RequestQuery, now: Date) {
  let filter: Open311RequestFilter;
  if (q.ids) filter = { scopePath, ticketNos: q.ids };
  else {
    const { start, end } = rangeOf(q, now);
    const states = q.statuses
      ? [
          ...(q.statuses.includes('open') ? OPEN_STATES : []),
          ...(q.statuses.includes('closed') ? CLOSED_STATES : []),
        ]
      : undefined;
    filter = { scopePath, serviceCodes: q.serviceCodes, from: start, to: end, states };
  }
  const rows = await listRequests(db, filter, q.pageSize, (q.page - 1) * q.pageSize);
  return new Open311List(
    'request',
    rows.map((r) => {
      const info = STATUS_OF.get(r.state);
      const closed = info?.open311 !== 'open';
      return {
        service_request_id: r.ticket_no,
        status: closed ? 'closed' : 'open',
        status_notes: `${info?.publicStatus ?? '办理中'}（${r.state}）`,
        service_name: r.service_name,
        service_code: r.category_code,
        description: redactPersonal(r.description, [r.requester_name]),
        agency_responsible: r.agency,
        service_notice: null,
        requested_datetime: r.received_at.toISOString(),
        updated_datetime: (closed && r.closed_at ? r.closed_at : r.updated_at).toISOString(),
        expected_datetime: closed ? null : (r.expected_at?.toISOString() ?? null),
        address: r.location_text,
        address_id: null,
        zipcode: null,
        lat: r.lat,
        long: r.lon,
        media_url: r.media_url,
      };
    }),
  );
}

/** GET tokens/{token}: the tracking number once the queued request became a ticket. */
export async function tokenLookup(db: Executor, token: string) {
  const row = await findRequestByToken(db, token);
  if (!row) throw notFound(`token ${token} not found`);
  return new Open311List('request', [{ service_request_id: row.ticket_no ?? null, token: row.token }]);
}

/**
 * The batch job: turns a queued POST into a ticket. A request the ticket service refuses (its
 * category closed meanwhile, a bad phone number) is marked failed and is not retried.
 */
export async function createQueuedTicket(db: Db, deps: HotlineDeps, requestId: number): Promise<void> {
  try {
    await db.transaction().execute(async (trx) => {
      const row = await lockRequest(trx, requestId);
      if (row?.status !== 'pending') return;
      const user = await trx
        .selectFrom('app_user as u')
        .innerJoin('org_unit as o', 'o.id', 'u.org_unit_id')
        .select(['u.username', 'o.path'])
        .where('u.id', '=', row.user_id)
        .executeTakeFirstOrThrow();
      const client = {
        tokenId: row.api_token_id,
        userId: row.user_id,
        username: user.username,
        orgUnitId: row.centre_org_id,
        orgPath: user.path,
      };
      const audit = {
        ...SYSTEM_CONTEXT,
        userId: row.user_id,
        username: user.username,
        orgUnitId: row.centre_org_id,
        orgPath: user.path,
      };
      const input = toNewTicket(row.payload);
      const created = await createTicket(trx, ticketContext(client, audit, deps.now), deps, input);
      await updateRequest(trx, requestId, {
        status: 'created',
        ticket_id: created.ticket.id,
        payload: withoutPersonal(input),
        updated_at: deps.now,
      });
    });
  } catch (err) {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    await db.transaction().execute((trx) =>
      updateRequest(trx, requestId, {
        status: 'failed',
        error: err.message,
        payload: {},
        updated_at: deps.now,
      }),
    );
  }
}
