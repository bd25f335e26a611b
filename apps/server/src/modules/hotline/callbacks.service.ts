import { SYSTEM_CONTEXT } from '../../platform/audit/audit.service.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import {
  callbacksOfRound,
  completeCallback,
  findCallback,
  insertCallback,
  listArchivable,
  mergedInto,
} from './callbacks.repository.ts';
import { findProfile } from './categories.repository.ts';
import { recordUrge } from './deadlines.service.ts';
import { type Ctx, startTicketClock } from './dispatch.service.ts';
import type { Satisfaction } from './hotline.tables.ts';
import { sampledForCallback } from './ticket.ts';
import { findTicketById, lockTicket, type TicketRow, updateTicket } from './tickets.repository.ts';
import { assertCentre, type HotlineDeps, move, ticketInScope } from './tickets.service.ts';

export const ARCHIVE_JOB = 'hotline.archive';

/**
 * At 办结: the ticket's caller and every merged caller is called back when its own type's
 * sampling rule picks it (a stable choice by ticket number). Any pick puts the ticket in the
 * callback queue.
 */
export async function scheduleCallbacks(
  trx: Executor,
  ctx: Ctx,
  deps: HotlineDeps,
  row: TicketRow,
): Promise<number> {
  const callers = [
    { id: row.id, ticket_no: row.ticket_no, request_type: row.request_type },
    ...(await mergedInto(trx, row.id)),
  ];
  const round = row.rehandle_count + 1;
  let picked = 0;
  for (const caller of callers) {
    const profile = await findProfile(trx, caller.request_type);
    if (!sampledForCallback(caller.ticket_no, profile.callback_permille)) continue;
    await insertCallback(trx, {
      ticket_id: row.id,
      caller_ticket_id: caller.id,
      round,
      due_at: deps.calendar.deadlineAfter(ctx.now, profile.callback_days),
      state: 'pending',
    });
    picked += 1;
  }
  if (picked > 0)
    await move(trx, { ...ctx, actor: { ...ctx.actor, permissions: new Set() } }, row, 'sampleCallback');
  return picked;
}

/**
 * Records one callback. When the round is complete the ticket is 已回访; a 不满意 sends it back
 * to the same unit (重办) with new deadlines, and a repeated 不满意 opens a 督办.
 */
export async function recordCallback(
  trx: Executor,
  ctx: Ctx,
  deps: HotlineDeps,
  callbackId: number,
  input: { satisfaction: Satisfaction; note?: string | undefined },
) {
  const cb = await findCallback(trx, callbackId);
  if (!cb) throw notFound(`callback ${callbackId}`);
  const visible = await ticketInScope(trx, ctx.actor.orgPath, cb.ticket_id);
  assertCentre(ctx.actor.orgPath, visible);
  if (cb.state !== 'pending') throw conflict(`callback ${callbackId} is ${cb.state}`);
  await lockTicket(trx, cb.ticket_id);
  await completeCallback(trx, callbackId, {
    satisfaction: input.satisfaction,
    note: input.note ?? null,
    agent_user_id: ctx.actor.userId,
    done_at: ctx.now,
  });
  const round = await callbacksOfRound(trx, cb.ticket_id, cb.round);
  if (round.some((c) => c.state === 'pending')) return (await findCallback(trx, callbackId)) ?? cb;
  const row = (await findTicketById(trx, cb.ticket_id)) as TicketRow;
  await move(trx, ctx, row, 'completeCallback', { round: cb.round });
  if (round.some((c) => c.satisfaction === 'dissatisfied')) {
    const dissatisfied = row.dissatisfied_count + 1;
    await move(trx, ctx, row, 'rehandle', { round: cb.round });
    const profile = await findProfile(trx, row.request_type);
    await updateTicket(trx, row.id, {
      dissatisfied_count: dissatisfied,
      rehandle_count: row.rehandle_count + 1,
      // The caps on extensions and questions to the citizen apply per handling round.
      extension_count: 0,
      citizen_request_count: 0,
      closed_at: null,
      closed_on_time: null,
      updated_at: ctx.now,
    });
    await startTicketClock(trx, deps, row.id, 'handling', row.handling_org_id, profile.handling_days);
    await startTicketClock(trx, deps, row.id, 'reply', row.centre_org_id, profile.reply_days);
    if (dissatisfied >= 2) {
      await recordUrge(
        trx,
        ctx,
        deps,
        (await findTicketById(trx, row.id)) as TicketRow,
        { kind: 'supervision', demand: '回访再次不满意，请单位负责人督办并重新答复。' },
        true,
      );
    }
  }
  return (await findCallback(trx, callbackId)) ?? cb;
}

/** The archive job: final tickets quiet for their type's period become read-only. */
export async function archiveQuiet(db: Db, deps: HotlineDeps): Promise<number> {
  const due = await listArchivable(db, deps.now, 1000);
  for (const { id } of due) {
    await db.transaction().execute(async (trx) => {
      await lockTicket(trx, id);
      const row = (await findTicketById(trx, id)) as TicketRow;
      const ctx: Ctx = {
        audit: SYSTEM_CONTEXT,
        actor: {
          userId: null,
          username: 'hotline.archive',
          orgPath: row.centre_path,
          permissions: new Set(),
        },
        now: deps.now,
      };
      await move(trx, ctx, row, 'archive');
      await updateTicket(trx, id, { archived_at: deps.now });
    });
  }
  return due.length;
}
