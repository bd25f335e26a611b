import { randomBytes } from 'node:crypto';
import { type AuditContext, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { findFileInScope } from '../../platform/files/files.repository.ts';
import type { FileStorage, IncomingFile } from '../../platform/files/files.service.ts';
import { storeUpload } from '../../platform/files/files.service.ts';
import { AppError, badRequest, notFound } from '../../platform/http/errors.ts';
import type { PageQuery } from '../../platform/http/pagination.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import type { Permission } from '../../platform/identity/permissions.ts';
import { safeEqual, sm3Hex } from '../../platform/identity/secrets.ts';
import { findOrgUnitByCode, findOrgUnitInScope } from '../../platform/orgs/orgs.repository.ts';
import { historyOf, type TransitionContext, type WorkflowActor } from '../../platform/workflow/index.ts';
import { findOpenCitizenRequest } from './pause.repository.ts';
import { listRepliesOf } from './replies.repository.ts';
import { isOpenState, normalisePhone, normalisePlate, PUBLIC_STATUS, type TicketState } from './ticket.ts';
import { toTicketDto } from './tickets.dto.ts';
import {
  claimAttachment,
  countHit,
  findDuplicateCandidates,
  findTicketByNo,
  insertAttachment,
} from './tickets.repository.ts';
import {
  createTicket,
  type HotlineDeps,
  type NewTicket,
  revealQueryCode,
  TICKET_ENTITY,
  ticketPage,
} from './tickets.service.ts';

/** Captcha-free limits on the public form, per hour: per client address and per phone number. */
export const PUBLIC_LIMITS = { perIp: 10, perPhone: 5, uploadsPerIp: 30, lookupsPerIp: 60 } as const;
const HOUR = 3_600_000;

/** Counts a hit of a public caller against an hourly limit; 429 past it. */
export async function limitPublic(trx: Executor, key: string, max: number, now: Date): Promise<void> {
  // Keys are digests: the table never holds a caller's address or number.
  if ((await countHit(trx, sm3Hex(key), now, HOUR)) > max)
    throw new AppError(429, 'rate_limited', 'too many requests; please try again later');
}

/** The centre that takes a public ticket about this place: its city's authority (or the province's). */
async function centreForRegion(trx: Executor, regionCode: string) {
  const region = await findOrgUnitByCode(trx, regionCode);
  if (region?.status !== 'active') throw badRequest(`unknown region ${regionCode}`);
  if (region.level !== 'county' || region.parent_id === null) return { region, centreId: region.id };
  return { region, centreId: region.parent_id };
}

const systemActor = (username: string, orgPath: string, permissions: Permission[]): WorkflowActor => ({
  userId: null,
  username,
  orgPath,
  permissions: new Set(permissions),
});

export interface AgentTicketInput extends Omit<NewTicket, 'channel' | 'centreOrgId' | 'occurredAt'> {
  readonly occurredAt?: string | undefined;
  readonly fileIds?: readonly string[] | undefined;
}

async function assertRegion(trx: Executor, regionOrgId: number | null | undefined): Promise<void> {
  if (regionOrgId == null) return;
  const org = await findOrgUnitInScope(trx, regionOrgId, '/');
  if (org?.status !== 'active') throw badRequest(`unknown region org unit ${regionOrgId}`);
}

/** 12328 agent entry during a call: channel phone, owned by the agent's centre. */
export async function agentIntake(
  trx: Executor,
  ctx: TransitionContext & { actor: Actor },
  deps: HotlineDeps,
  input: AgentTicketInput,
) {
  await assertRegion(trx, input.regionOrgId);
  const { fileIds, occurredAt, ...rest } = input;
  const created = await createTicket(trx, ctx, deps, {
    ...rest,
    channel: 'phone',
    centreOrgId: ctx.actor.orgUnitId,
    createdBy: ctx.actor.userId,
    occurredAt: occurredAt ? new Date(occurredAt) : null,
  });
  for (const fileId of fileIds ?? []) {
    const file = await findFileInScope(trx, fileId, ctx.actor.orgPath);
    if (!file) throw badRequest(`file ${fileId} not found`);
    await insertAttachment(trx, {
      id: fileId,
      ticket_id: created.ticket.id,
      file_id: fileId,
      filename: file.filename,
      mime: file.mime,
      size: file.size,
      sm3: file.sm3,
      storage_key: null,
      claim_digest: null,
      uploaded_at: file.created_at,
    });
  }
  return created;
}

export interface GatewayTicketInput extends Omit<NewTicket, 'centreOrgId' | 'occurredAt' | 'receivedAt'> {
  readonly externalId: string;
  readonly occurredAt?: string | undefined;
  readonly receivedAt?: string | undefined;
}

/** SMS, WeChat and app gateways (an API token of the centre): idempotent by external id. */
export async function gatewayIntake(
  trx: Executor,
  ctx: TransitionContext & { actor: Actor },
  deps: HotlineDeps,
  input: GatewayTicketInput,
) {
  await assertRegion(trx, input.regionOrgId);
  const { occurredAt, receivedAt, ...rest } = input;
  return createTicket(trx, ctx, deps, {
    ...rest,
    centreOrgId: ctx.actor.orgUnitId,
    createdBy: ctx.actor.userId,
    occurredAt: occurredAt ? new Date(occurredAt) : null,
    ...(receivedAt && { receivedAt: new Date(receivedAt) }),
  });
}

export interface PublicTicketInput
  extends Omit<NewTicket, 'channel' | 'centreOrgId' | 'occurredAt' | 'regionOrgId' | 'disposition'> {
  readonly regionCode: string;
  readonly occurredAt?: string | undefined;
  readonly attachments?: readonly { id: string; token: string }[] | undefined;
}

/** The public web form: rate limited per address and per phone number, attachments by claim token. */
export async function publicIntake(
  trx: Executor,
  audit: AuditContext,
  deps: HotlineDeps,
  ip: string,
  input: PublicTicketInput,
) {
  await limitPublic(trx, `intake:ip:${ip}`, PUBLIC_LIMITS.perIp, deps.now);
  await limitPublic(
    trx,
    `intake:phone:${normalisePhone(input.requesterPhone ?? '')}`,
    PUBLIC_LIMITS.perPhone,
    deps.now,
  );
  const { region, centreId } = await centreForRegion(trx, input.regionCode);
  const centre = await findOrgUnitInScope(trx, centreId, '/');
  if (!centre) throw badRequest(`no hotline centre for ${input.regionCode}`);
  const { attachments, regionCode, occurredAt, ...rest } = input;
  const ctx: TransitionContext = {
    audit,
    actor: systemActor('public.web', centre.path, ['hotline.intake']),
    now: deps.now,
  };
  const created = await createTicket(trx, ctx, deps, {
    ...rest,
    channel: 'web',
    centreOrgId: centre.id,
    regionOrgId: region.id,
    occurredAt: occurredAt ? new Date(occurredAt) : null,
  });
  for (const a of attachments ?? []) {
    if (!(await claimAttachment(trx, a.id, sm3Hex(a.token), created.ticket.id)))
      throw badRequest(`attachment ${a.id} is unknown, already used, or its token does not match`);
  }
  return created;
}

/** A public upload, kept unattached until an intake claims it with the returned token. */
export async function publicUpload(
  trx: Executor,
  storage: FileStorage,
  audit: AuditContext,
  ip: string,
  now: Date,
  file: IncomingFile,
) {
  await limitPublic(trx, `upload:ip:${ip}`, PUBLIC_LIMITS.uploadsPerIp, now);
  const stored = await storeUpload(storage, file);
  const token = randomBytes(18).toString('base64url');
  try {
    await insertAttachment(trx, {
      id: stored.id,
      ticket_id: null,
      file_id: null,
      filename: stored.filename,
      mime: stored.mime,
      size: stored.size,
      sm3: stored.sm3,
      storage_key: stored.id,
      claim_digest: sm3Hex(token),
      uploaded_at: now,
    });
    await recordAudit(trx, audit, {
      action: 'hotline.attachment.upload',
      objectType: 'hotline_attachment',
      objectId: stored.id,
      after: { filename: stored.filename, mime: stored.mime, size: stored.size, sm3: stored.sm3 },
    });
  } catch (err) {
    await storage.store.remove(stored.id);
    throw err;
  }
  return { id: stored.id, token, filename: stored.filename, mime: stored.mime, size: stored.size };
}

/**
 * Progress by tracking number and query code. Only the citizen-visible timeline: public status
 * labels with times and the approved reply — no internal notes, no names, no phone numbers.
 */
export async function publicLookup(
  trx: Executor,
  deps: HotlineDeps,
  ip: string,
  ticketNo: string,
  code: string,
) {
  await limitPublic(trx, `lookup:ip:${ip}`, PUBLIC_LIMITS.lookupsPerIp, deps.now);
  const row = await findTicketByNo(trx, ticketNo);
  if (!row || !safeEqual(revealQueryCode(deps.secretBox, row), code)) throw notFound(`ticket ${ticketNo}`);
  const history = await historyOf(trx, TICKET_ENTITY, row.id, { page: 1, pageSize: 200 });
  const timeline: { at: string; status: string }[] = [];
  for (const e of history.items) {
    const status = PUBLIC_STATUS[e.toState as TicketState] ?? '办理中';
    if (timeline.at(-1)?.status !== status) timeline.push({ at: e.at, status });
  }
  const finished = ['closed', 'callback_pending', 'callback_done', 'archived'].includes(row.state);
  const reply = finished
    ? (await listRepliesOf(trx, row.id)).find((r) => r.review === 'approved')
    : undefined;
  return {
    ticketNo: row.ticket_no,
    requestType: row.request_type,
    categoryName: row.category_name,
    status: PUBLIC_STATUS[row.state as TicketState] ?? '办理中',
    open: isOpenState(row.state),
    receivedAt: row.received_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    timeline,
    answer: row.instant_answer ? row.answer_text : null,
    // What the handling unit asked, while the ticket waits for the citizen's answer.
    question:
      row.state === 'awaiting_citizen'
        ? ((await findOpenCitizenRequest(trx, row.id))?.question ?? null)
        : null,
    reply: reply ? { facts: reply.facts, handling: reply.handling, legalBasis: reply.legal_basis } : null,
  };
}

export interface DuplicateQuery {
  phone?: string | undefined;
  plateNo?: string | undefined;
  lat?: number | undefined;
  lon?: number | undefined;
  at?: string | undefined;
  text?: string | undefined;
}

/** Open tickets that may be the same matter, for the agent to join instead of filing anew. */
export async function duplicateSuggestions(db: Executor, actor: Actor, q: DuplicateQuery, now: Date) {
  if (!q.phone && !q.plateNo && q.lat === undefined && !q.text)
    throw badRequest('give at least one of phone, plateNo, lat/lon, text');
  const rows = await findDuplicateCandidates(
    db,
    {
      scopePath: actor.orgPath,
      phone: q.phone ? normalisePhone(q.phone) : undefined,
      plateNo: q.plateNo ? normalisePlate(q.plateNo) : undefined,
      lat: q.lat,
      lon: q.lon,
      at: q.at ? new Date(q.at) : now,
      text: q.text,
      since: new Date(now.getTime() - 30 * 24 * HOUR),
    },
    20,
  );
  return rows.map((r) => ({
    ticket: toTicketDto(r),
    samePhone: r.same_phone,
    samePlate: r.same_plate,
    nearInPlaceAndTime: r.near,
    similarity: Math.round(Number(r.similarity) * 100) / 100,
  }));
}

/** Caller history for the agent desk: a sensitive read, audited. */
export async function callerHistory(
  trx: Executor,
  audit: AuditContext,
  actor: Actor,
  phone: string,
  page: PageQuery,
) {
  const normalised = normalisePhone(phone);
  await recordAudit(trx, audit, {
    action: 'hotline.caller.read',
    objectType: 'hotline_caller',
    objectId: sm3Hex(normalised).slice(0, 16),
  });
  return ticketPage(trx, { scopePath: actor.orgPath, phone: normalised }, page);
}
