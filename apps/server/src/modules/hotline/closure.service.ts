import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, badRequest, conflict } from '../../platform/http/errors.ts';
import { cancelPendingCallbacksOf } from './callbacks.repository.ts';
import { scheduleCallbacks } from './callbacks.service.ts';
import { lastClock, startClock } from './clocks.repository.ts';
import { type Ctx, stopTicketClock } from './dispatch.service.ts';
import type { RequestType } from './hotline.tables.ts';
import { noticeUnits } from './notices.ts';
import { insertReply, reviewLatestReply } from './replies.repository.ts';
import { markTransfersDone } from './routing.repository.ts';
import { isOpenState } from './ticket.ts';
import {
  copyAttachments,
  findTicketById,
  insertNote,
  lockTicket,
  type TicketRow,
  updateTicket,
} from './tickets.repository.ts';
import {
  assertCentre,
  assertHandlingUnit,
  createTicket,
  type HotlineDeps,
  lockTicketInScope,
  move,
  TICKET_ENTITY,
} from './tickets.service.ts';

const fresh = async (trx: Executor, id: number) => (await findTicketById(trx, id)) as TicketRow;

/** 答复: the unit states facts, handling and legal basis; the centre reviews it next. */
export async function replyTicket(
  trx: Executor,
  ctx: Ctx,
  deps: HotlineDeps,
  id: number,
  input: { facts: string; handling: string; legalBasis: string },
) {
  const row = await lockTicketInScope(trx, ctx.actor.orgPath, id);
  assertHandlingUnit(ctx.actor.orgPath, row);
  await move(trx, ctx, row, 'reply');
  await insertReply(trx, {
    ticket_id: id,
    org_unit_id: row.handling_org_id as number,
    facts: input.facts,
    handling: input.handling,
    legal_basis: input.legalBasis,
    replied_by: ctx.actor.userId,
    replied_at: ctx.now,
  });
  await stopTicketClock(trx, deps, id, 'handling');
  await noticeUnits(
    trx,
    [row.centre_org_id],
    {
      ticketId: id,
      ticketNo: row.ticket_no,
      title: `12328工单已答复待审核：${row.ticket_no}`,
      body: input.facts.slice(0, 100),
      category: 'hotline.ticket.replied',
    },
    ctx.now,
  );
  return fresh(trx, id);
}

/** The centre's review: 办结 (then the sampled callbacks), or back to the unit with the old deadline. */
export async function reviewTicket(
  trx: Executor,
  ctx: Ctx,
  deps: HotlineDeps,
  id: number,
  input: { approve: boolean; note?: string | undefined },
) {
  const row = await lockTicketInScope(trx, ctx.actor.orgPath, id);
  assertCentre(ctx.actor.orgPath, row);
  const review = { reviewed_by: ctx.actor.userId, reviewed_at: ctx.now, review_note: input.note ?? null };
  if (!input.approve) {
    await move(trx, ctx, row, 'rejectReply', { note: input.note ?? null });
    await reviewLatestReply(trx, id, { review: 'rejected', ...review });
    // The unit's deadline is not renewed by a rejected reply (osTicket: a non-transient SLA).
    const previous = await lastClock(trx, id, 'handling');
    await startClock(trx, {
      ticket_id: id,
      kind: 'handling',
      org_unit_id: row.handling_org_id,
      started_at: ctx.now,
      due_at: previous?.due_at ?? deps.calendar.deadlineAfter(ctx.now, 1),
    });
    return fresh(trx, id);
  }
  await move(trx, ctx, row, 'close', { note: input.note ?? null });
  await reviewLatestReply(trx, id, { review: 'approved', ...review });
  const reply = await stopTicketClock(trx, deps, id, 'reply');
  await updateTicket(trx, id, {
    closed_at: ctx.now,
    closed_on_time: reply ? ctx.now <= reply.due_at : true,
    updated_at: ctx.now,
  });
  await markTransfersDone(trx, id, ctx.now);
  await scheduleCallbacks(trx, ctx, deps, await fresh(trx, id));
  return fresh(trx, id);
}

const MERGEABLE = ['accepted', 'dispatching', 'returned'];

/**
 * Marks a ticket a duplicate of another open ticket. Reversible; the duplicate keeps its own
 * caller, who gets a callback of their own when the original is closed.
 */
export async function mergeTicket(
  trx: Executor,
  ctx: Ctx,
  deps: HotlineDeps,
  id: number,
  input: { targetId: number },
) {
  const row = await lockTicketInScope(trx, ctx.actor.orgPath, id);
  assertCentre(ctx.actor.orgPath, row);
  if (id === input.targetId) throw badRequest('a ticket cannot be merged into itself');
  const target = await lockTicketInScope(trx, ctx.actor.orgPath, input.targetId);
  assertCentre(ctx.actor.orgPath, target);
  if (!isOpenState(target.state))
    throw conflict(`ticket ${target.ticket_no} is ${target.state}: merge into an open one`);
  if (!MERGEABLE.includes(row.state)) throw conflict(`a ${row.state} ticket cannot be merged`);
  await move(trx, ctx, row, 'merge', { into: target.id, intoNo: target.ticket_no });
  await stopTicketClock(trx, deps, id, 'reply');
  await updateTicket(trx, id, { merged_into_id: target.id, updated_at: ctx.now });
  await insertNote(trx, {
    ticket_id: target.id,
    kind: 'internal',
    body: `合并工单 ${row.ticket_no}（来电 ${row.requester_phone ?? '匿名'}）`,
    author_user_id: ctx.actor.userId,
    author_org_id: row.centre_org_id,
    at: ctx.now,
  });
  return fresh(trx, id);
}

/** Undoes a merge: the ticket is back in the dispatch queue with its original reply deadline. */
export async function unmergeTicket(trx: Executor, ctx: Ctx, deps: HotlineDeps, id: number) {
  const row = await lockTicketInScope(trx, ctx.actor.orgPath, id);
  assertCentre(ctx.actor.orgPath, row);
  await move(trx, ctx, row, 'unmerge', { from: row.merged_into_id });
  await updateTicket(trx, id, { merged_into_id: null, updated_at: ctx.now });
  await cancelPendingCallbacksOf(trx, id);
  const previous = await lastClock(trx, id, 'reply');
  await startClock(trx, {
    ticket_id: id,
    kind: 'reply',
    org_unit_id: row.centre_org_id,
    started_at: ctx.now,
    due_at: previous?.due_at ?? deps.calendar.deadlineAfter(ctx.now, 1),
  });
  return fresh(trx, id);
}

export interface SplitPart {
  requestType: RequestType;
  categoryCode: string;
  fields?: Record<string, unknown> | undefined;
  description: string;
}

/**
 * Splits a multi-issue call: each further issue becomes a ticket of its own, linked to the
 * source, with the same caller, place, original time and attachments.
 */
export async function splitTicket(
  trx: Executor,
  ctx: Ctx,
  deps: HotlineDeps,
  id: number,
  input: { parts: readonly SplitPart[] },
) {
  const row = await lockTicketInScope(trx, ctx.actor.orgPath, id);
  assertCentre(ctx.actor.orgPath, row);
  if (!isOpenState(row.state)) throw conflict(`a ${row.state} ticket cannot be split`);
  const created: TicketRow[] = [];
  for (const part of input.parts) {
    const c = await createTicket(trx, ctx, deps, {
      channel: row.channel,
      requestType: part.requestType,
      categoryCode: part.categoryCode,
      fields: part.fields,
      description: part.description,
      locationText: row.location_text,
      lat: row.lat,
      lon: row.lon,
      occurredAt: row.occurred_at,
      regionOrgId: row.region_org_id,
      requesterName: row.requester_name,
      requesterPhone: row.requester_phone,
      centreOrgId: row.centre_org_id,
      receivedAt: row.received_at,
      createdBy: ctx.actor.userId,
      splitFromId: row.id,
    });
    await copyAttachments(trx, row.id, c.ticket.id);
    created.push(c.ticket);
  }
  await recordAudit(trx, ctx.audit, {
    action: 'hotline.ticket.split',
    objectType: TICKET_ENTITY,
    objectId: id,
    after: { into: created.map((c) => c.ticket_no) },
    orgUnitId: row.centre_org_id,
    orgPath: row.centre_path,
  });
  return created;
}

/** 撤销: the citizen withdraws; every running clock stops. */
export async function cancelTicket(
  trx: Executor,
  ctx: Ctx,
  deps: HotlineDeps,
  id: number,
  input: { reason: string },
) {
  const row = await lockTicketInScope(trx, ctx.actor.orgPath, id);
  assertCentre(ctx.actor.orgPath, row);
  await move(trx, ctx, row, 'cancel', { reason: input.reason });
  for (const kind of ['signFor', 'handling', 'reply'] as const) await stopTicketClock(trx, deps, id, kind);
  await updateTicket(trx, id, { closed_at: ctx.now, updated_at: ctx.now });
  return fresh(trx, id);
}

/** A note by anyone who sees the ticket: internal, or public (shown on the citizen's page). */
export async function addNote(
  trx: Executor,
  ctx: Ctx,
  id: number,
  input: { body: string; public?: boolean | undefined },
) {
  const row = await lockTicketInScope(trx, ctx.actor.orgPath, id);
  if (row.state === 'archived') throw new AppError(409, 'conflict', 'an archived ticket is read-only');
  if (input.public) assertCentre(ctx.actor.orgPath, row);
  await lockTicket(trx, id);
  await insertNote(trx, {
    ticket_id: id,
    kind: input.public ? 'public' : 'internal',
    body: input.body,
    author_user_id: ctx.actor.userId,
    author_org_id: null,
    at: ctx.now,
  });
  await recordAudit(trx, ctx.audit, {
    action: 'hotline.ticket.note',
    objectType: TICKET_ENTITY,
    objectId: id,
    after: { kind: input.public ? 'public' : 'internal' },
    orgUnitId: row.centre_org_id,
    orgPath: row.centre_path,
  });
  return fresh(trx, id);
}
