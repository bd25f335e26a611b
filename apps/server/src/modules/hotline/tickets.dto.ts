import type { Selectable } from 'kysely';
import type { ClockRow } from './clocks.repository.ts';
import type { HotlineAttachmentTable, HotlineTicketNoteTable } from './hotline.tables.ts';
import { isOpenState, PUBLIC_STATUS, TICKET_STATES, type TicketState, ticketWorkflow } from './ticket.ts';
import type { TicketRow } from './tickets.repository.ts';

/** 13812345678 → 138****5678; short numbers keep only their last two digits. */
export const maskPhone = (phone: string | null): string | null =>
  phone === null
    ? null
    : phone.length >= 11
      ? `${phone.slice(0, 3)}****${phone.slice(-4)}`
      : `${'*'.repeat(Math.max(0, phone.length - 2))}${phone.slice(-2)}`;

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export function toTicketDto(row: TicketRow, opts: { mask: boolean } = { mask: true }) {
  return {
    id: row.id,
    ticketNo: row.ticket_no,
    channel: row.channel,
    externalId: row.external_id,
    requestType: row.request_type,
    categoryCode: row.category_code,
    categoryVersion: row.category_version,
    categoryName: row.category_name,
    fields: row.fields,
    description: row.description,
    locationText: row.location_text,
    lat: row.lat,
    lon: row.lon,
    occurredAt: iso(row.occurred_at),
    regionOrgId: row.region_org_id,
    requesterName:
      opts.mask && row.requester_name ? `${row.requester_name.slice(0, 1)}**` : row.requester_name,
    requesterPhone: opts.mask ? maskPhone(row.requester_phone) : row.requester_phone,
    state: row.state as TicketState,
    centreOrgId: row.centre_org_id,
    centreName: row.centre_name,
    handlingOrgId: row.handling_org_id,
    handlingName: row.handling_name,
    notAcceptedReason: row.not_accepted_reason,
    kbArticleId: row.kb_article_id,
    instantAnswer: row.instant_answer,
    answerText: row.answer_text,
    mergedIntoId: row.merged_into_id,
    splitFromId: row.split_from_id,
    sendBackCount: row.send_back_count,
    extensionCount: row.extension_count,
    rehandleCount: row.rehandle_count,
    dissatisfiedCount: row.dissatisfied_count,
    urgeCount: row.urge_count,
    supervised: row.supervised,
    card: row.card,
    receivedAt: row.received_at.toISOString(),
    acceptedAt: iso(row.accepted_at),
    closedAt: iso(row.closed_at),
    closedOnTime: row.closed_on_time,
    archivedAt: iso(row.archived_at),
    updatedAt: row.updated_at.toISOString(),
  };
}

export const toClockDto = (row: ClockRow) => ({
  kind: row.kind,
  orgUnitId: row.org_unit_id,
  startedAt: row.started_at.toISOString(),
  dueAt: row.due_at.toISOString(),
  stoppedAt: iso(row.stopped_at),
  pausedAt: iso(row.paused_at),
  card: row.card,
});

export const toNoteDto = (row: Selectable<HotlineTicketNoteTable>) => ({
  id: row.id,
  kind: row.kind,
  body: row.body,
  authorUserId: row.author_user_id,
  at: row.at.toISOString(),
});

export const toAttachmentDto = (row: Selectable<HotlineAttachmentTable>) => ({
  id: row.id,
  filename: row.filename,
  mime: row.mime,
  size: Number(row.size),
  fileId: row.file_id,
});

/** The status list: every state, its public label, its Open311 status and where it can go. */
export const STATE_INFO = TICKET_STATES.map((code) => ({
  code,
  publicStatus: PUBLIC_STATUS[code],
  open311: isOpenState(code) || code === 'draft' ? ('open' as const) : ('closed' as const),
  next: [
    ...new Set(
      Object.values(ticketWorkflow.transitions)
        .filter((t) => (t.from as readonly string[]).includes(code))
        .map((t) => t.to),
    ),
  ],
}));
