import type { AuditContext } from '../../platform/audit/index.ts';
import { beijingDateOf } from '../../platform/calendar/index.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import type { Permission } from '../../platform/identity/permissions.ts';
import { safeEqual } from '../../platform/identity/secrets.ts';
import { listPausedClocks, pauseClocks, refreshTicketCard, resumeClock } from './clocks.repository.ts';
import { extendDue } from './deadlines.service.ts';
import { type Ctx, daysLeft } from './dispatch.service.ts';
import type { ClockKind } from './hotline.tables.ts';
import { limitPublic, PUBLIC_LIMITS } from './intake.service.ts';
import { noticeUnits } from './notices.ts';
import {
  findOpenCitizenRequest,
  insertCitizenRequest,
  lockTicketByNo,
  settleCitizenRequest,
} from './pause.repository.ts';
import { cardOf, PUBLIC_STATUS, type TicketState } from './ticket.ts';
import { type TicketRow, updateTicket } from './tickets.repository.ts';
import {
  assertCentre,
  assertHandlingUnit,
  type HotlineDeps,
  lockTicketInScope,
  move,
  revealQueryCode,
} from './tickets.service.ts';

/** The clocks that stop running while the ticket waits for the citizen. */
const PAUSED_KINDS: readonly ClockKind[] = ['handling', 'reply'];

/**
 * 等待来电人补充: the handling unit needs more from the citizen. The ticket waits in
 * awaiting_citizen, its handling and reply clocks pause, and the question is shown on the public
 * page with the tracking number and query code.
 */
export async function askCitizen(
  trx: Executor,
  ctx: Ctx,
  deps: HotlineDeps,
  id: number,
  input: { question: string },
) {
  const row = await lockTicketInScope(trx, ctx.actor.orgPath, id);
  assertHandlingUnit(ctx.actor.orgPath, row);
  const askedFrom = row.state === 'rehandling' ? 'rehandling' : 'in_progress';
  await move(trx, ctx, row, 'askCitizen', { question: input.question });
  await pauseClocks(trx, id, PAUSED_KINDS, deps.now);
  const request = await insertCitizenRequest(trx, {
    ticket_id: id,
    org_unit_id: row.handling_org_id as number,
    question: input.question,
    asked_by: ctx.actor.userId,
    asked_at: deps.now,
    resume_state: askedFrom,
  });
  await updateTicket(trx, id, { citizen_request_count: row.citizen_request_count + 1, updated_at: deps.now });
  await noticeUnits(
    trx,
    [row.centre_org_id],
    {
      ticketId: id,
      ticketNo: row.ticket_no,
      title: `工单待来电人补充信息：${row.ticket_no}`,
      body: input.question,
      category: 'hotline.ticket.awaiting-citizen',
    },
    deps.now,
  );
  return request;
}

/**
 * The citizen's answer: the clocks run again, each deadline moved by the working days paused
 * (working days after the day of the pause up to and including the day of the answer, as the
 * calendar counts a deadline's days), and the ticket is back at its unit in the state it was
 * asked from (in progress, or re-handling).
 */
async function resume(
  trx: Executor,
  ctx: Ctx,
  deps: HotlineDeps,
  row: TicketRow,
  input: { answer: string; via: 'public' | 'agent' },
) {
  const open = await findOpenCitizenRequest(trx, row.id);
  if (row.state !== 'awaiting_citizen' || !open)
    throw new AppError(409, 'conflict', `ticket ${row.ticket_no} is not waiting for the citizen`);
  const pausedDays = deps.calendar.workingDaysBetween(beijingDateOf(open.asked_at), beijingDateOf(deps.now));
  const action = open.resume_state === 'rehandling' ? 'citizenAnsweredRehandling' : 'citizenAnswered';
  await move(trx, ctx, row, action, { via: input.via, pausedWorkingDays: pausedDays });
  for (const clock of await listPausedClocks(trx, row.id)) {
    const due = pausedDays > 0 ? extendDue(deps, clock.due_at, pausedDays) : clock.due_at;
    await resumeClock(trx, clock.id, due, cardOf(due, deps.now, daysLeft(deps)));
  }
  await refreshTicketCard(trx, row.id);
  const settled = await settleCitizenRequest(trx, open.id, {
    answer: input.answer,
    answered_via: input.via,
    answered_by: ctx.actor.userId,
    answered_at: deps.now,
    paused_working_days: pausedDays,
  });
  await updateTicket(trx, row.id, { updated_at: deps.now });
  if (row.handling_org_id !== null)
    await noticeUnits(
      trx,
      [row.handling_org_id],
      {
        ticketId: row.id,
        ticketNo: row.ticket_no,
        title: `来电人已补充信息：${row.ticket_no}`,
        body: input.answer,
        category: 'hotline.ticket.citizen-answered',
      },
      deps.now,
    );
  return settled;
}

/** An agent of the owning centre records what the citizen said on the phone. */
export async function recordCitizenAnswer(
  trx: Executor,
  ctx: Ctx,
  deps: HotlineDeps,
  id: number,
  input: { answer: string },
) {
  const row = await lockTicketInScope(trx, ctx.actor.orgPath, id);
  assertCentre(ctx.actor.orgPath, row);
  return resume(trx, ctx, deps, row, { answer: input.answer, via: 'agent' });
}

/** The citizen answers on the public page: tracking number plus query code, rate limited. */
export async function publicCitizenAnswer(
  trx: Executor,
  audit: AuditContext,
  deps: HotlineDeps,
  ip: string,
  ticketNo: string,
  input: { code: string; answer: string },
) {
  await limitPublic(trx, `answer:ip:${ip}`, PUBLIC_LIMITS.lookupsPerIp, deps.now);
  const row = await lockTicketByNo(trx, ticketNo);
  if (!row || !safeEqual(revealQueryCode(deps.secretBox, row), input.code))
    throw notFound(`ticket ${ticketNo}`);
  const ctx: Ctx = {
    audit,
    actor: {
      userId: null,
      username: 'public.web',
      orgPath: row.centre_path,
      permissions: new Set<Permission>(),
    },
    now: deps.now,
  };
  // The transition's audit entry (by public.web, the answer's channel in its note) records the write.
  await resume(trx, ctx, deps, row, { answer: input.answer, via: 'public' });
  return {
    ticketNo: row.ticket_no,
    status: PUBLIC_STATUS[row.state as TicketState],
    answeredAt: deps.now.toISOString(),
  };
}
