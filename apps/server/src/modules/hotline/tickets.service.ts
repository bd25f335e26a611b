import { randomInt, randomUUID } from 'node:crypto';
import { type AuditContext, type AuditEntry, recordAudits } from '../../platform/audit/audit.service.ts';
import { beijingDateOf, loadWorkingCalendar, type WorkingCalendar } from '../../platform/calendar/index.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, badRequest, notFound } from '../../platform/http/errors.ts';
import type { PageQuery, PageResult } from '../../platform/http/pagination.ts';
import { offsetOf } from '../../platform/http/pagination.ts';
import type { SecretBox } from '../../platform/identity/secrets.ts';
import { findOrgUnitInScope } from '../../platform/orgs/orgs.repository.ts';
import { type ActionOf, type TransitionContext, transition } from '../../platform/workflow/index.ts';
import { findCurrentCategory, findProfile, findReason } from './categories.repository.ts';
import { runningClock } from './clocks.repository.ts';
import type { Channel, RequestType } from './hotline.tables.ts';
import { articleForCitation } from './kb-search.service.ts';
import {
  isPhone,
  normalisePhone,
  type TicketGuardView,
  type TicketState,
  ticketWorkflow,
  validateFields,
} from './ticket.ts';
import {
  assignTicketNo,
  findTicketByExternalId,
  findTicketByNoInScope,
  findTicketInScope,
  insertNewTicket,
  listTickets,
  lockTicket,
  type TicketFilter,
  type TicketRow,
  updateTicket,
} from './tickets.repository.ts';

/** What every ticket operation needs besides the transaction. */
export interface HotlineDeps {
  readonly secretBox: SecretBox;
  readonly calendar: WorkingCalendar;
  readonly now: Date;
}

let cachedCalendar: { at: number; calendar: WorkingCalendar } | undefined;
/** The working calendar, re-read at most once a minute (a few dozen rows; edits are rare). */
export async function hotlineCalendar(db: Executor, now = Date.now()): Promise<WorkingCalendar> {
  if (!cachedCalendar || now - cachedCalendar.at > 60_000)
    cachedCalendar = { at: now, calendar: await loadWorkingCalendar(db) };
  return cachedCalendar.calendar;
}

export const TICKET_ENTITY = 'hotline_ticket';

export interface NewTicket {
  readonly channel: Channel;
  readonly externalId?: string | null | undefined;
  readonly requestType: RequestType;
  readonly categoryCode: string;
  readonly fields?: Record<string, unknown> | undefined;
  readonly description: string;
  readonly locationText?: string | null | undefined;
  readonly lat?: number | null | undefined;
  readonly lon?: number | null | undefined;
  readonly occurredAt?: Date | null | undefined;
  readonly regionOrgId?: number | null | undefined;
  readonly requesterName?: string | null | undefined;
  readonly requesterPhone?: string | null | undefined;
  /** The hotline centre that owns the ticket. */
  readonly centreOrgId: number;
  readonly receivedAt?: Date | undefined;
  readonly createdBy?: number | null | undefined;
  /** accept (default), 不予受理 with a reason, or 即时答复 citing a KB article. */
  readonly disposition?: 'accept' | 'notAccept' | 'instantAnswer' | undefined;
  readonly notAcceptedReason?: string | undefined;
  readonly kbArticleId?: number | undefined;
  readonly answerText?: string | undefined;
  readonly splitFromId?: number | undefined;
}

export interface CreatedTicket {
  readonly ticket: TicketRow;
  /** 提取码: with the tracking number, lets the citizen look up progress. */
  readonly queryCode: string;
  /** False when an intake gateway re-sent a message already taken (same channel and external id). */
  readonly created: boolean;
}

/** The guard view of a ticket: counters, its type's limits and the running handling clock. */
export async function guardViewOf(db: Executor, row: TicketRow, now: Date): Promise<TicketGuardView> {
  const profile = await findProfile(db, row.request_type);
  const handling = await runningClock(db, row.id, 'handling');
  const pending = await db
    .selectFrom('hotline_callback')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ticket_id', '=', row.id)
    .where('state', '=', 'pending')
    .executeTakeFirstOrThrow();
  return {
    sendBackCount: row.send_back_count,
    maxSendBacks: profile.max_send_backs,
    extensionCount: row.extension_count,
    maxExtensions: profile.max_extensions,
    handlingDue: handling?.due_at ?? null,
    now,
    kbArticleId: row.kb_article_id,
    pendingCallbacks: Number(pending.n),
    citizenRequestCount: row.citizen_request_count,
  };
}

/** Takes one transition of the ticket and saves the new state; the row is updated in place. */
export async function move(
  trx: Executor,
  ctx: TransitionContext,
  row: TicketRow,
  action: ActionOf<typeof ticketWorkflow>,
  note?: unknown,
): Promise<TicketState> {
  if (row.state === 'archived') throw new AppError(409, 'conflict', 'an archived ticket is read-only');
  const to = await transition(
    trx,
    ctx,
    ticketWorkflow,
    {
      type: TICKET_ENTITY,
      id: row.id,
      state: row.state as TicketState,
      orgPath: row.centre_path,
      // Only guards read the view (three queries); most transitions have none.
      ...(ticketWorkflow.transitions[action].guard && { entity: await guardViewOf(trx, row, ctx.now) }),
    },
    action,
    note,
  );
  await updateTicket(trx, row.id, { state: to, updated_at: ctx.now });
  (row as { state: string }).state = to;
  return to;
}

const newQueryCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

export const revealQueryCode = (box: SecretBox, row: Pick<TicketRow, 'query_code_sealed'>): string =>
  box.open(row.query_code_sealed);

type IntakeStep = { action: ActionOf<typeof ticketWorkflow>; note?: unknown };

/**
 * Creates a ticket from any channel: validates type, category and its fields, issues the
 * tracking number and query code, and takes the intake transitions (accepted → dispatching, or
 * 不予受理, or 即时答复 citing an article in force for the agent's unit, and closed at once).
 * Idempotent on (channel, external id).
 *
 * Written for concurrent intake: reads first, then the ticket with its centre and clock in one
 * statement, the transitions' history, the number (from the day's sequence, which no intake waits
 * for) and the audit entries (on a chain no other transaction holds): no row that every intake
 * writes, so concurrent intakes do not queue behind each other's commits.
 */
export async function createTicket(
  trx: Executor,
  ctx: TransitionContext,
  deps: HotlineDeps,
  input: NewTicket,
): Promise<CreatedTicket> {
  if (input.externalId) {
    const existing = await findTicketByExternalId(trx, input.channel, input.externalId);
    if (existing)
      return { ticket: existing, queryCode: revealQueryCode(deps.secretBox, existing), created: false };
  }
  const category = await findCurrentCategory(trx, input.categoryCode);
  if (!category) throw badRequest(`unknown category ${input.categoryCode}`);
  const checked = validateFields(category.fields, input.fields ?? {});
  if (!checked.ok) throw badRequest(`category ${category.code}: ${checked.problem}`);
  const phone = input.requesterPhone ? normalisePhone(input.requesterPhone) : null;
  if (phone !== null && !isPhone(phone)) throw badRequest(`not a phone number: ${input.requesterPhone}`);
  if ((input.lat == null) !== (input.lon == null)) throw badRequest('lat and lon go together');
  const disposition = input.disposition ?? 'accept';
  if (disposition === 'notAccept') {
    if (!input.notAcceptedReason || !(await findReason(trx, 'notAccepted', input.notAcceptedReason)))
      throw badRequest(`a 不予受理 reason code is required (got ${input.notAcceptedReason ?? 'none'})`);
  }
  const now = deps.now;
  let steps: IntakeStep[] = [{ action: 'accept' }, { action: 'queue' }];
  if (disposition === 'notAccept')
    steps = [{ action: 'notAccept', note: { reason: input.notAcceptedReason } }];
  if (disposition === 'instantAnswer') {
    if (!input.kbArticleId || !input.answerText?.trim())
      throw badRequest('an instant answer cites a knowledge-base article and says what was answered');
    // In force for the agent's unit (published, unexpired, not overridden below it), or 400.
    const agentPath = ctx.actor.orgPath;
    if (!agentPath) throw badRequest('an instant answer is given for a unit');
    const cited = await articleForCitation(trx, { orgPath: agentPath }, input.kbArticleId, now);
    steps = [
      { action: 'instantAnswer', note: { kbArticleId: cited.id, key: cited.key, version: cited.version } },
      { action: 'closeAnswered' },
    ];
  }
  const profile = await findProfile(trx, input.requestType);
  const day = beijingDateOf(now);
  const queryCode = newQueryCode();
  const accepted = disposition === 'accept';
  const answered = disposition === 'instantAnswer';
  const row = await insertNewTicket(
    trx,
    {
      ticket_no: `pending-${randomUUID()}`,
      query_code_sealed: deps.secretBox.seal(queryCode),
      channel: input.channel,
      external_id: input.externalId ?? null,
      request_type: input.requestType,
      category_code: category.code,
      category_version: category.version,
      fields: checked.fields,
      description: input.description.trim(),
      location_text: input.locationText?.trim() || null,
      lat: input.lat ?? null,
      lon: input.lon ?? null,
      occurred_at: input.occurredAt ?? null,
      region_org_id: input.regionOrgId ?? null,
      requester_name: input.requesterName?.trim() || null,
      requester_phone: phone,
      state: 'draft',
      centre_org_id: input.centreOrgId,
      not_accepted_reason: disposition === 'notAccept' ? (input.notAcceptedReason ?? null) : null,
      kb_article_id: answered ? (input.kbArticleId ?? null) : null,
      instant_answer: answered,
      answer_text: answered ? (input.answerText ?? null) : null,
      split_from_id: input.splitFromId ?? null,
      received_at: input.receivedAt ?? now,
      accepted_at: accepted || answered ? now : null,
      closed_at: answered ? now : null,
      closed_on_time: answered ? true : null,
      created_by: input.createdBy ?? null,
      updated_at: now,
    },
    category.name,
    accepted ? { kind: 'reply', due_at: deps.calendar.deadlineAfter(now, profile.reply_days) } : null,
  );
  // A new ticket: no clock has run, nothing was sent back, extended or called back.
  const view: TicketGuardView = {
    sendBackCount: 0,
    maxSendBacks: profile.max_send_backs,
    extensionCount: 0,
    maxExtensions: profile.max_extensions,
    handlingDue: null,
    now,
    kbArticleId: row.kb_article_id,
    pendingCallbacks: 0,
    citizenRequestCount: 0,
  };
  const audits: AuditEntry[] = [];
  let state = row.state as TicketState;
  for (const step of steps) {
    state = await transition(
      trx,
      ctx,
      ticketWorkflow,
      { type: TICKET_ENTITY, id: row.id, state, orgPath: row.centre_path, entity: view },
      step.action,
      step.note,
      { deferAudit: audits },
    );
  }
  const ticketNo = await assignTicketNo(trx, row.id, day, state);
  await recordAudits(trx, ctx.audit, [
    {
      action: 'hotline.ticket.create',
      objectType: TICKET_ENTITY,
      objectId: row.id,
      after: {
        ticketNo,
        channel: input.channel,
        requestType: input.requestType,
        categoryCode: category.code,
      },
      orgUnitId: input.centreOrgId,
      orgPath: row.centre_path,
    },
    ...audits,
  ]);
  return { ticket: { ...row, ticket_no: ticketNo, state }, queryCode, created: true };
}

/** A ticket the caller may see, or 404. */
export async function ticketInScope(db: Executor, scopePath: string, id: number): Promise<TicketRow> {
  const row = await findTicketInScope(db, id, scopePath);
  if (!row) throw notFound(`ticket ${id}`);
  return row;
}

/** Locks a ticket the caller may see and returns it fresh. */
export async function lockTicketInScope(trx: Executor, scopePath: string, id: number): Promise<TicketRow> {
  await ticketInScope(trx, scopePath, id);
  await lockTicket(trx, id);
  return ticketInScope(trx, scopePath, id);
}

export async function ticketByNo(db: Executor, scopePath: string, ticketNo: string): Promise<TicketRow> {
  const row = await findTicketByNoInScope(db, ticketNo, scopePath);
  if (!row) throw notFound(`ticket ${ticketNo}`);
  return row;
}

export async function ticketPage(
  db: Executor,
  filter: TicketFilter,
  page: PageQuery,
): Promise<PageResult<TicketRow>> {
  const result = await listTickets(db, filter, page.pageSize, offsetOf(page));
  return { ...result, page: page.page, pageSize: page.pageSize };
}

/** An org unit the caller may name (routing targets, regions), or out_of_jurisdiction. */
export async function orgInScope(db: Executor, scopePath: string, id: number) {
  const org = await findOrgUnitInScope(db, id, scopePath);
  if (!org) throw new AppError(403, 'out_of_jurisdiction', `org unit ${id} is not in your jurisdiction`);
  if (org.status !== 'active') throw badRequest(`org unit ${org.name} is ${org.status}`);
  return org;
}

/** Centre-side actions: the caller acts for the owning centre or one of its ancestors. */
export function assertCentre(scopePath: string, row: TicketRow): void {
  if (!row.centre_path.startsWith(scopePath))
    throw new AppError(403, 'forbidden', `only the centre that owns ticket ${row.ticket_no} may do this`);
}

/** Unit-side actions: the caller belongs to the current handling unit (or a department of it). */
export function assertHandlingUnit(scopePath: string, row: TicketRow): void {
  if (!row.handling_path || !scopePath.startsWith(row.handling_path))
    throw new AppError(403, 'forbidden', `only the handling unit of ticket ${row.ticket_no} may do this`);
}

export type { AuditContext };
