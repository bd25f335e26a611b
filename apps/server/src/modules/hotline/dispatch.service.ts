import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, badRequest, conflict } from '../../platform/http/errors.ts';
import { findOrgUnitInScope } from '../../platform/orgs/orgs.repository.ts';
import type { TransitionContext, WorkflowActor } from '../../platform/workflow/index.ts';
import { findCurrentCategory, findProfile, findReason } from './categories.repository.ts';
import { refreshTicketCard, runningClock, startClock, stopClock } from './clocks.repository.ts';
import type { ClockKind, RequestType } from './hotline.tables.ts';
import { noticeUnits } from './notices.ts';
import { countSendBacksBy, insertSendBack, matchRules, type RuleRow } from './routing.repository.ts';
import { cardOf, validateFields } from './ticket.ts';
import {
  addTicketOrg,
  findTicketById,
  insertNote,
  type TicketRow,
  updateTicket,
} from './tickets.repository.ts';
import {
  assertCentre,
  assertHandlingUnit,
  type HotlineDeps,
  lockTicketInScope,
  move,
  TICKET_ENTITY,
} from './tickets.service.ts';

export { deliverTransfer, hubOf, resendTransfer, TRANSFER_JOB, transferTicket } from './transfer.service.ts';

/** A transition context whose actor acts for a unit (a user, or a system actor of a unit). */
export type Ctx = TransitionContext & { actor: WorkflowActor & { orgPath: string } };

export const daysLeft = (deps: HotlineDeps) => (today: Date, due: Date) =>
  deps.calendar.workingDaysBetween(beijing(today), beijing(due));
const beijing = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Stops a running clock, keeping red if it stopped late. */
export async function stopTicketClock(trx: Executor, deps: HotlineDeps, ticketId: number, kind: ClockKind) {
  const running = await runningClock(trx, ticketId, kind);
  if (!running) return undefined;
  const stopped = await stopClock(
    trx,
    ticketId,
    kind,
    deps.now,
    cardOf(running.due_at, deps.now, daysLeft(deps), deps.now),
  );
  await refreshTicketCard(trx, ticketId);
  return stopped;
}

export async function startTicketClock(
  trx: Executor,
  deps: HotlineDeps,
  ticketId: number,
  kind: ClockKind,
  orgUnitId: number | null,
  workingDays: number,
): Promise<void> {
  await stopTicketClock(trx, deps, ticketId, kind);
  const due = deps.calendar.deadlineAfter(deps.now, workingDays);
  await startClock(trx, {
    ticket_id: ticketId,
    kind,
    org_unit_id: orgUnitId,
    started_at: deps.now,
    due_at: due,
    card: cardOf(due, deps.now, daysLeft(deps)),
  });
  await refreshTicketCard(trx, ticketId);
}

export interface RouteQuestion {
  requestType: RequestType;
  categoryCode: string;
  regionOrgId?: number | null | undefined;
}

export interface RouteAnswer {
  handlingOrgId: number | null;
  handlingName: string | null;
  source: 'rule' | 'region' | 'none';
  ruleId: number | null;
  candidates: RuleRow[];
}

/**
 * The handling unit for a ticket of this centre: the most specific matching rule; without one,
 * the place's own authority when it lies in the centre's area (属地管理); else none (the
 * dispatcher chooses, or transfers).
 */
export async function resolveRoute(db: Executor, centrePath: string, q: RouteQuestion): Promise<RouteAnswer> {
  const region = q.regionOrgId ? await findOrgUnitInScope(db, q.regionOrgId, '/') : undefined;
  const candidates = await matchRules(
    db,
    {
      centrePath,
      requestType: q.requestType,
      categoryCode: q.categoryCode,
      regionPath: region?.path ?? null,
    },
    5,
  );
  const best = candidates.find((r) => r.handling_path.startsWith(centrePath));
  if (best)
    return {
      handlingOrgId: best.handling_org_id,
      handlingName: best.handling_name,
      source: 'rule',
      ruleId: best.id,
      candidates,
    };
  if (region?.status === 'active' && region.path.startsWith(centrePath))
    return {
      handlingOrgId: region.id,
      handlingName: region.name,
      source: 'region',
      ruleId: null,
      candidates,
    };
  return { handlingOrgId: null, handlingName: null, source: 'none', ruleId: null, candidates };
}

async function handOver(trx: Executor, ctx: Ctx, deps: HotlineDeps, row: TicketRow, unitId: number) {
  const profile = await findProfile(trx, row.request_type);
  await updateTicket(trx, row.id, { handling_org_id: unitId, updated_at: deps.now });
  await addTicketOrg(trx, { ticket_id: row.id, org_unit_id: unitId, role: 'handler', since: deps.now });
  await stopTicketClock(trx, deps, row.id, 'handling');
  await startTicketClock(trx, deps, row.id, 'signFor', unitId, profile.sign_for_days);
  await noticeUnits(
    trx,
    [unitId],
    {
      ticketId: row.id,
      ticketNo: row.ticket_no,
      title: `12328工单待签收：${row.ticket_no}`,
      body: row.description.slice(0, 100),
      category: 'hotline.ticket.dispatched',
    },
    ctx.now,
  );
}

async function targetUnit(trx: Executor, row: TicketRow, explicit: number | undefined) {
  if (explicit !== undefined) {
    const org = await findOrgUnitInScope(trx, explicit, row.centre_path);
    if (!org)
      throw new AppError(
        403,
        'out_of_jurisdiction',
        `unit ${explicit} is outside the centre's area: transfer it`,
      );
    if (org.status !== 'active') throw badRequest(`org unit ${org.name} is ${org.status}`);
    return org.id;
  }
  const route = await resolveRoute(trx, row.centre_path, {
    requestType: row.request_type,
    categoryCode: row.category_code,
    regionOrgId: row.region_org_id,
  });
  if (route.handlingOrgId === null) throw conflict('no routing rule applies: name the handling unit');
  return route.handlingOrgId;
}

/** 转办 to a unit in the centre's area (named, or by the routing rules). */
export async function dispatchTicket(
  trx: Executor,
  ctx: Ctx,
  deps: HotlineDeps,
  id: number,
  input: { handlingOrgId?: number | undefined; note?: string | undefined },
) {
  const row = await lockTicketInScope(trx, ctx.actor.orgPath, id);
  assertCentre(ctx.actor.orgPath, row);
  const unitId = await targetUnit(trx, row, input.handlingOrgId);
  await move(trx, ctx, row, 'dispatch', { handlingOrgId: unitId, note: input.note ?? null });
  await handOver(trx, ctx, deps, row, unitId);
  return (await findTicketById(trx, id)) as TicketRow;
}

/** Pulls a ticket from its unit and gives it to another (re-route after a re-categorisation). */
export async function rerouteTicket(
  trx: Executor,
  ctx: Ctx,
  deps: HotlineDeps,
  id: number,
  input: { handlingOrgId?: number | undefined; note?: string | undefined },
) {
  const row = await lockTicketInScope(trx, ctx.actor.orgPath, id);
  assertCentre(ctx.actor.orgPath, row);
  const unitId = await targetUnit(trx, row, input.handlingOrgId);
  if (unitId === row.handling_org_id) throw conflict('the ticket is already with that unit');
  await move(trx, ctx, row, 'reroute', {
    from: row.handling_org_id,
    handlingOrgId: unitId,
    note: input.note ?? null,
  });
  await handOver(trx, ctx, deps, row, unitId);
  return (await findTicketById(trx, id)) as TicketRow;
}

/** 签收 by the handling unit: stops the sign-for clock and starts the handling clock. */
export async function signForTicket(trx: Executor, ctx: Ctx, deps: HotlineDeps, id: number) {
  const row = await lockTicketInScope(trx, ctx.actor.orgPath, id);
  assertHandlingUnit(ctx.actor.orgPath, row);
  await move(trx, ctx, row, 'signFor');
  const profile = await findProfile(trx, row.request_type);
  await stopTicketClock(trx, deps, id, 'signFor');
  await startTicketClock(trx, deps, id, 'handling', row.handling_org_id, profile.handling_days);
  return (await findTicketById(trx, id)) as TicketRow;
}

/** 退回 to the centre with a coded reason; the type's cap stops endless ping-pong. */
export async function sendBackTicket(
  trx: Executor,
  ctx: Ctx,
  deps: HotlineDeps,
  id: number,
  input: { reasonCode: string; note?: string | undefined },
) {
  const row = await lockTicketInScope(trx, ctx.actor.orgPath, id);
  assertHandlingUnit(ctx.actor.orgPath, row);
  if (!(await findReason(trx, 'sendBack', input.reasonCode)))
    throw badRequest(`unknown reason ${input.reasonCode}`);
  const unitId = row.handling_org_id as number;
  await move(trx, ctx, row, 'sendBack', { reasonCode: input.reasonCode, note: input.note ?? null });
  await insertSendBack(trx, {
    ticket_id: id,
    org_unit_id: unitId,
    reason_code: input.reasonCode,
    note: input.note ?? null,
    by_user_id: ctx.actor.userId,
    at: ctx.now,
  });
  await stopTicketClock(trx, deps, id, 'signFor');
  await stopTicketClock(trx, deps, id, 'handling');
  await updateTicket(trx, id, {
    handling_org_id: null,
    send_back_count: row.send_back_count + 1,
    updated_at: ctx.now,
  });
  await noticeUnits(
    trx,
    [row.centre_org_id],
    {
      ticketId: id,
      ticketNo: row.ticket_no,
      title: `12328工单被退回：${row.ticket_no}`,
      body: `退回原因：${input.reasonCode}（该单位第${(await countSendBacksBy(trx, id, unitId)).toString()}次退回）`,
      category: 'hotline.ticket.sent-back',
    },
    ctx.now,
  );
  return (await findTicketById(trx, id)) as TicketRow;
}

const RECATEGORISABLE = ['dispatching', 'returned', 'dispatched', 'in_progress'];
const AT_UNIT = ['dispatched', 'in_progress'];

/**
 * Re-categorises (a new category version and fields, optionally a new type) and, when asked,
 * re-routes: a ticket already with a unit moves to the unit the rules now give.
 */
export async function recategoriseTicket(
  trx: Executor,
  ctx: Ctx,
  deps: HotlineDeps,
  id: number,
  input: {
    categoryCode: string;
    fields?: Record<string, unknown> | undefined;
    requestType?: RequestType | undefined;
    reroute?: boolean | undefined;
  },
) {
  const row = await lockTicketInScope(trx, ctx.actor.orgPath, id);
  assertCentre(ctx.actor.orgPath, row);
  if (!RECATEGORISABLE.includes(row.state)) throw conflict(`a ${row.state} ticket cannot be re-categorised`);
  const category = await findCurrentCategory(trx, input.categoryCode);
  if (!category) throw badRequest(`unknown category ${input.categoryCode}`);
  const checked = validateFields(category.fields, input.fields ?? row.fields);
  if (!checked.ok) throw badRequest(`category ${category.code}: ${checked.problem}`);
  await updateTicket(trx, id, {
    category_code: category.code,
    category_version: category.version,
    fields: checked.fields,
    ...(input.requestType && { request_type: input.requestType }),
    updated_at: ctx.now,
  });
  await recordAudit(trx, ctx.audit, {
    action: 'hotline.ticket.recategorise',
    objectType: TICKET_ENTITY,
    objectId: id,
    before: {
      categoryCode: row.category_code,
      categoryVersion: row.category_version,
      requestType: row.request_type,
    },
    after: {
      categoryCode: category.code,
      categoryVersion: category.version,
      requestType: input.requestType ?? row.request_type,
    },
    orgUnitId: row.centre_org_id,
    orgPath: row.centre_path,
  });
  if (!input.reroute) return (await findTicketById(trx, id)) as TicketRow;
  const route = await resolveRoute(trx, row.centre_path, {
    requestType: input.requestType ?? row.request_type,
    categoryCode: category.code,
    regionOrgId: row.region_org_id,
  });
  if (route.handlingOrgId === null || route.handlingOrgId === row.handling_org_id)
    return (await findTicketById(trx, id)) as TicketRow;
  if (row.state === 'dispatched' || row.state === 'in_progress')
    return rerouteTicket(trx, ctx, deps, id, { handlingOrgId: route.handlingOrgId, note: 'recategorised' });
  return dispatchTicket(trx, ctx, deps, id, { handlingOrgId: route.handlingOrgId, note: 'recategorised' });
}

const placeOf = (text: string | null, regionName: string | undefined) =>
  `${text ?? '—'}${regionName ? `［${regionName}］` : ''}`;

/**
 * 更改地点: the centre corrects where the matter happened. A ticket already with a unit goes to
 * the unit the routing rules give for the new place (through re-routing and its guards); a place
 * outside the centre's area cannot be followed while a unit holds the ticket.
 */
export async function relocateTicket(
  trx: Executor,
  ctx: Ctx,
  deps: HotlineDeps,
  id: number,
  input: {
    locationText: string;
    regionOrgId?: number | undefined;
    lat?: number | undefined;
    lon?: number | undefined;
    note?: string | undefined;
  },
) {
  const row = await lockTicketInScope(trx, ctx.actor.orgPath, id);
  assertCentre(ctx.actor.orgPath, row);
  if (!RECATEGORISABLE.includes(row.state)) throw conflict(`a ${row.state} ticket cannot change its place`);
  if ((input.lat == null) !== (input.lon == null)) throw badRequest('lat and lon go together');
  const region = input.regionOrgId ? await findOrgUnitInScope(trx, input.regionOrgId, '/') : undefined;
  if (input.regionOrgId && !region) throw badRequest(`unknown org unit ${input.regionOrgId}`);
  const before = {
    locationText: row.location_text,
    regionOrgId: row.region_org_id,
    lat: row.lat,
    lon: row.lon,
  };
  const after = {
    locationText: input.locationText.trim(),
    regionOrgId: region?.id ?? null,
    lat: input.lat ?? null,
    lon: input.lon ?? null,
  };
  const route = AT_UNIT.includes(row.state)
    ? await resolveRoute(trx, row.centre_path, {
        requestType: row.request_type,
        categoryCode: row.category_code,
        regionOrgId: after.regionOrgId,
      })
    : null;
  if (route?.handlingOrgId === null && region && !region.path.startsWith(row.centre_path))
    throw conflict(
      `${region.name} is outside the centre's area: have the unit send the ticket back, then transfer it`,
    );
  await updateTicket(trx, id, {
    location_text: after.locationText,
    region_org_id: after.regionOrgId,
    lat: after.lat,
    lon: after.lon,
    updated_at: ctx.now,
  });
  await recordAudit(trx, ctx.audit, {
    action: 'hotline.ticket.relocate',
    objectType: TICKET_ENTITY,
    objectId: id,
    before,
    after,
    orgUnitId: row.centre_org_id,
    orgPath: row.centre_path,
  });
  const oldRegion = row.region_org_id ? await findOrgUnitInScope(trx, row.region_org_id, '/') : undefined;
  await insertNote(trx, {
    ticket_id: id,
    kind: 'internal',
    body: `更改地点：${placeOf(before.locationText, oldRegion?.name)} → ${placeOf(after.locationText, region?.name)}${
      input.note ? `（${input.note}）` : ''
    }`,
    author_user_id: ctx.actor.userId,
    author_org_id: row.centre_org_id,
    at: ctx.now,
  });
  if (!route?.handlingOrgId || route.handlingOrgId === row.handling_org_id)
    return (await findTicketById(trx, id)) as TicketRow;
  return rerouteTicket(trx, ctx, deps, id, { handlingOrgId: route.handlingOrgId, note: 'relocated' });
}
