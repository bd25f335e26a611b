import { recordAudit, SYSTEM_CONTEXT } from '../../platform/audit/audit.service.ts';
import { beijingDateOf, beijingMidnight } from '../../platform/calendar/index.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { findProfile } from './categories.repository.ts';
import {
  listRunningClocksDueBefore,
  refreshTicketCard,
  runningClock,
  setClockCard,
  setClockDue,
} from './clocks.repository.ts';
import { type Ctx, daysLeft } from './dispatch.service.ts';
import { noticeUnits } from './notices.ts';
import {
  answerUrge,
  decideExtension,
  findExtension,
  findUrge,
  hasOpenAutomaticUrge,
  insertExtension,
  insertUrge,
} from './oversight.repository.ts';
import { cardOf, isOpenState } from './ticket.ts';
import { findTicketById, lockTicket, type TicketRow, updateTicket } from './tickets.repository.ts';
import {
  assertCentre,
  assertHandlingUnit,
  type HotlineDeps,
  lockTicketInScope,
  move,
  TICKET_ENTITY,
} from './tickets.service.ts';

export const CARDS_JOB = 'hotline.deadline-cards';

/** The end of the day `n` working days after the day of `due` (an extension adds working days). */
export const extendDue = (deps: HotlineDeps, due: Date, days: number): Date => {
  const day = deps.calendar.addWorkingDays(beijingDateOf(due), days);
  return new Date(beijingMidnight(day).getTime() + 86_400_000 - 1);
};

/** 延期申请, filed by the unit before its handling deadline, within the type's limits. */
export async function requestExtension(
  trx: Executor,
  ctx: Ctx,
  _deps: HotlineDeps,
  id: number,
  input: { days: number; reason: string; legalBasis: string },
) {
  const row = await lockTicketInScope(trx, ctx.actor.orgPath, id);
  assertHandlingUnit(ctx.actor.orgPath, row);
  const profile = await findProfile(trx, row.request_type);
  if (input.days > profile.extension_days)
    throw badRequest(`at most ${profile.extension_days} working days may be asked for a ${row.request_type}`);
  const resumeState = row.state === 'rehandling' ? 'rehandling' : 'in_progress';
  await move(trx, ctx, row, 'requestExtension', { days: input.days });
  const ext = await insertExtension(trx, {
    ticket_id: id,
    org_unit_id: row.handling_org_id as number,
    days: input.days,
    reason: input.reason,
    legal_basis: input.legalBasis,
    requested_by: ctx.actor.userId,
    requested_at: ctx.now,
    resume_state: resumeState,
  });
  await updateTicket(trx, id, { extension_count: row.extension_count + 1, updated_at: ctx.now });
  await noticeUnits(
    trx,
    [row.centre_org_id],
    {
      ticketId: id,
      ticketNo: row.ticket_no,
      title: `12328工单申请延期：${row.ticket_no}`,
      body: `${input.days}个工作日：${input.reason}`,
      category: 'hotline.ticket.extension',
    },
    ctx.now,
  );
  return ext;
}

/** The centre approves (handling and reply deadlines move by the working days asked) or denies. */
export async function decideExtensionRequest(
  trx: Executor,
  ctx: Ctx,
  deps: HotlineDeps,
  id: number,
  extensionId: number,
  input: { approve: boolean; note?: string | undefined },
) {
  const row = await lockTicketInScope(trx, ctx.actor.orgPath, id);
  assertCentre(ctx.actor.orgPath, row);
  const ext = await findExtension(trx, id, extensionId);
  if (!ext) throw notFound(`extension ${extensionId}`);
  if (ext.decision !== 'pending') throw conflict(`extension ${extensionId} is already ${ext.decision}`);
  const action = input.approve ? 'approveExtension' : 'denyExtension';
  await move(trx, ctx, row, ext.resume_state === 'rehandling' ? `${action}Rehandling` : action, {
    extensionId,
  });
  let newDue: Date | null = null;
  if (input.approve) {
    for (const kind of ['handling', 'reply'] as const) {
      const clock = await runningClock(trx, id, kind);
      if (!clock) continue;
      const due = extendDue(deps, clock.due_at, ext.days);
      await setClockDue(trx, clock.id, due);
      await setClockCard(trx, clock.id, cardOf(due, ctx.now, daysLeft(deps)));
      if (kind === 'handling') newDue = due;
    }
    await refreshTicketCard(trx, id);
  }
  const decided = await decideExtension(trx, extensionId, {
    decision: input.approve ? 'approved' : 'denied',
    decided_by: ctx.actor.userId,
    decided_at: ctx.now,
    decision_note: input.note ?? null,
    new_due_at: newDue,
  });
  await noticeUnits(
    trx,
    [ext.org_unit_id],
    {
      ticketId: id,
      ticketNo: row.ticket_no,
      title: `延期申请${input.approve ? '已批准' : '未批准'}：${row.ticket_no}`,
      body: input.note ?? '',
      category: 'hotline.ticket.extension',
    },
    ctx.now,
  );
  return decided;
}

/**
 * 催办 or 督办 by the centre or a unit above it: who, when, what is demanded and by when the
 * answer is due; supervision marks the ticket supervised.
 */
export async function issueUrge(
  trx: Executor,
  ctx: Ctx,
  deps: HotlineDeps,
  id: number,
  input: { kind: 'urge' | 'supervision'; demand: string; answerDays?: number | undefined },
  automatic = false,
) {
  const row = await lockTicketInScope(trx, ctx.actor.orgPath, id);
  assertCentre(ctx.actor.orgPath, row);
  return recordUrge(trx, ctx, deps, row, input, automatic);
}

export async function recordUrge(
  trx: Executor,
  ctx: Ctx,
  deps: HotlineDeps,
  row: TicketRow,
  input: { kind: 'urge' | 'supervision'; demand: string; answerDays?: number | undefined },
  automatic: boolean,
) {
  if (!isOpenState(row.state) && row.state !== 'callback_done')
    throw conflict(`a ${row.state} ticket cannot be urged or supervised`);
  const target = row.handling_org_id ?? row.centre_org_id;
  const urge = await insertUrge(trx, {
    ticket_id: row.id,
    kind: input.kind,
    issued_by: ctx.actor.userId,
    issued_by_name: ctx.actor.username,
    issuer_org_id: automatic ? row.centre_org_id : await issuerOrg(trx, ctx, row),
    target_org_id: target,
    demand: input.demand,
    issued_at: ctx.now,
    answer_due_at: deps.calendar.deadlineAfter(ctx.now, input.answerDays ?? (input.kind === 'urge' ? 1 : 3)),
    automatic,
  });
  await updateTicket(
    trx,
    row.id,
    input.kind === 'urge'
      ? { urge_count: row.urge_count + 1, updated_at: ctx.now }
      : { supervised: true, updated_at: ctx.now },
  );
  await recordAudit(trx, ctx.audit, {
    action: `hotline.ticket.${input.kind}`,
    objectType: TICKET_ENTITY,
    objectId: row.id,
    after: { urgeId: urge.id, demand: input.demand, targetOrgId: target, automatic },
    orgUnitId: row.centre_org_id,
    orgPath: row.centre_path,
  });
  await noticeUnits(
    trx,
    [target],
    {
      ticketId: row.id,
      ticketNo: row.ticket_no,
      title: `${input.kind === 'urge' ? '催办' : '督办'}：${row.ticket_no}`,
      body: input.demand,
      category: `hotline.ticket.${input.kind}`,
    },
    ctx.now,
  );
  return urge;
}

/** The org unit the issuer acts for: the actor's own unit, found on its path. */
async function issuerOrg(_trx: Executor, ctx: Ctx, row: TicketRow): Promise<number> {
  const ids = ctx.actor.orgPath.split('/').filter(Boolean).map(Number);
  return ids.at(-1) ?? row.centre_org_id;
}

/** The answer of the unit an urge or supervision order was addressed to. */
export async function answerUrgeOrder(
  trx: Executor,
  ctx: Ctx,
  id: number,
  urgeId: number,
  input: { answer: string },
) {
  const row = await lockTicketInScope(trx, ctx.actor.orgPath, id);
  if (row.state === 'archived') throw new AppError(409, 'conflict', 'an archived ticket is read-only');
  const urge = await findUrge(trx, id, urgeId);
  if (!urge) throw notFound(`urge ${urgeId}`);
  const target = urge.target_org_id === row.handling_org_id ? row.handling_path : row.centre_path;
  if (!target || !ctx.actor.orgPath.startsWith(target))
    throw new AppError(403, 'forbidden', 'only the unit it was addressed to may answer');
  if (urge.answered_at) throw conflict(`urge ${urgeId} is already answered`);
  const answered = await answerUrge(trx, urgeId, {
    answer: input.answer,
    answered_by: ctx.actor.userId,
    answered_at: ctx.now,
  });
  await recordAudit(trx, ctx.audit, {
    action: 'hotline.urge.answer',
    objectType: TICKET_ENTITY,
    objectId: id,
    after: { urgeId, answer: input.answer },
    orgUnitId: row.centre_org_id,
    orgPath: row.centre_path,
  });
  return answered;
}

/**
 * The card job: recomputes the cards of running clocks near or past due, saves the changes,
 * notifies the unit (yellow, red) and the centre (red), and files an automatic 催办 the first
 * time a handling or sign-for clock turns red.
 */
export async function markCards(db: Db, deps: HotlineDeps): Promise<{ yellow: number; red: number }> {
  const limit = deps.calendar.deadlineAfter(deps.now, 1);
  const clocks = await listRunningClocksDueBefore(db, limit, 5000);
  const counts = { yellow: 0, red: 0 };
  for (const clock of clocks) {
    const card = cardOf(clock.due_at, deps.now, daysLeft(deps));
    if (card === clock.card) continue;
    counts[card === 'red' ? 'red' : 'yellow'] += card === 'none' ? 0 : 1;
    await db.transaction().execute(async (trx) => {
      await lockTicket(trx, clock.ticket_id);
      await setClockCard(trx, clock.id, card);
      await refreshTicketCard(trx, clock.ticket_id);
      const unit = clock.org_unit_id ?? clock.centre_org_id;
      const to = card === 'red' ? [...new Set([unit, clock.centre_org_id])] : [unit];
      await noticeUnits(
        trx,
        to,
        {
          ticketId: clock.ticket_id,
          ticketNo: clock.ticket_no,
          title: `${card === 'red' ? '红牌：已超期' : '黄牌：即将到期'} ${clock.ticket_no}`,
          body: `时限 ${clock.kind}，到期 ${clock.due_at.toISOString()}`,
          category: `hotline.ticket.${card}`,
        },
        deps.now,
      );
      if (card === 'red' && clock.kind !== 'reply' && !(await hasOpenAutomaticUrge(trx, clock.ticket_id))) {
        const row = (await findTicketById(trx, clock.ticket_id)) as TicketRow;
        const ctx: Ctx = {
          audit: SYSTEM_CONTEXT,
          actor: {
            userId: null,
            username: 'hotline.deadlines',
            orgPath: row.centre_path,
            permissions: new Set(),
          },
          now: deps.now,
        };
        await recordUrge(
          trx,
          ctx,
          deps,
          row,
          { kind: 'urge', demand: '工单已超过办理时限，请尽快办理并答复。' },
          true,
        );
      }
    });
  }
  return counts;
}
