import { createHash } from 'node:crypto';
import { defineWorkflow, type StateOf } from '../../platform/workflow/index.ts';
import type { Card, CategoryField } from './hotline.tables.ts';

/** What guards look at; the service fills it from the locked ticket row and its profile. */
export interface TicketGuardView {
  readonly sendBackCount: number;
  readonly maxSendBacks: number;
  readonly extensionCount: number;
  readonly maxExtensions: number;
  /** The running handling clock's due time, if any. */
  readonly handlingDue: Date | null;
  readonly now: Date;
  readonly kbArticleId: number | null;
  readonly pendingCallbacks: number;
  /** Times the unit has asked the citizen for more information (等待来电人补充). */
  readonly citizenRequestCount: number;
}

/** Times a unit may pause a ticket to ask the citizen for more: past that, it decides on what it has. */
export const MAX_CITIZEN_REQUESTS = 2;

const beforeHandlingDue = (t: TicketGuardView) => t.handlingDue === null || t.now <= t.handlingDue;

/**
 * The 12328 ticket lifecycle (hotline.md §3.3). Intake takes draft → accepted → dispatching in
 * one transaction; overlays (cards, 催办 count, 督办) are columns, not states.
 */
export const ticketWorkflow = defineWorkflow({
  name: 'hotline.ticket',
  states: [
    'draft',
    'not_accepted',
    'answered',
    'accepted',
    'dispatching',
    'dispatched',
    'returned',
    'transferred_out',
    'in_progress',
    'awaiting_citizen',
    'extension_requested',
    'replied',
    'closed',
    'callback_pending',
    'callback_done',
    'rehandling',
    'archived',
    'merged',
    'cancelled',
  ] as const,
  initial: 'draft',
  transitions: {
    accept: { from: ['draft'], to: 'accepted', permission: 'hotline.intake' },
    notAccept: { from: ['draft'], to: 'not_accepted', permission: 'hotline.intake' },
    instantAnswer: {
      from: ['draft'],
      to: 'answered',
      permission: 'hotline.intake',
      guard: (_a, t: TicketGuardView) => (t.kbArticleId !== null ? true : 'kb_article_required'),
    },
    closeAnswered: { from: ['answered'], to: 'closed', permission: 'hotline.intake' },
    queue: { from: ['accepted'], to: 'dispatching', permission: 'hotline.intake' },
    dispatch: { from: ['dispatching', 'returned'], to: 'dispatched', permission: 'hotline.intake' },
    reroute: { from: ['dispatched', 'in_progress'], to: 'dispatched', permission: 'hotline.intake' },
    transferOut: { from: ['dispatching', 'returned'], to: 'transferred_out', permission: 'hotline.intake' },
    // Taken by the exchange job for the receiving (or, on failure, the sending) centre.
    transferReceived: { from: ['transferred_out'], to: 'dispatching' },
    transferFailed: { from: ['transferred_out'], to: 'dispatching' },
    signFor: { from: ['dispatched'], to: 'in_progress', permission: 'hotline.handle' },
    sendBack: {
      from: ['dispatched', 'in_progress'],
      to: 'returned',
      permission: 'hotline.handle',
      guard: (_a, t: TicketGuardView) =>
        t.sendBackCount >= t.maxSendBacks
          ? 'send_back_cap_reached'
          : beforeHandlingDue(t)
            ? true
            : 'handling_deadline_passed',
    },
    requestExtension: {
      from: ['in_progress', 'rehandling'],
      to: 'extension_requested',
      permission: 'hotline.handle',
      guard: (_a, t: TicketGuardView) =>
        t.extensionCount >= t.maxExtensions
          ? 'extension_cap_reached'
          : beforeHandlingDue(t)
            ? true
            : 'handling_deadline_passed',
    },
    // 等待来电人补充: the handling and reply clocks pause until the citizen answers (on the
    // public page with tracking number and query code, or by phone to an agent of the centre).
    // A unit re-handling a ticket (重办) may need more from the citizen just as much.
    askCitizen: {
      from: ['in_progress', 'rehandling'],
      to: 'awaiting_citizen',
      permission: 'hotline.handle',
      guard: (_a, t: TicketGuardView) =>
        t.citizenRequestCount >= MAX_CITIZEN_REQUESTS
          ? 'citizen_request_cap_reached'
          : beforeHandlingDue(t)
            ? true
            : 'handling_deadline_passed',
    },
    // The answer takes the ticket back to where it was asked: handling, or re-handling (重办).
    citizenAnswered: { from: ['awaiting_citizen'], to: 'in_progress' },
    citizenAnsweredRehandling: { from: ['awaiting_citizen'], to: 'rehandling' },
    // A decision takes the ticket back to where the extension was asked: handling, or 重办.
    approveExtension: { from: ['extension_requested'], to: 'in_progress', permission: 'hotline.supervise' },
    denyExtension: { from: ['extension_requested'], to: 'in_progress', permission: 'hotline.supervise' },
    approveExtensionRehandling: {
      from: ['extension_requested'],
      to: 'rehandling',
      permission: 'hotline.supervise',
    },
    denyExtensionRehandling: {
      from: ['extension_requested'],
      to: 'rehandling',
      permission: 'hotline.supervise',
    },
    reply: { from: ['in_progress', 'rehandling'], to: 'replied', permission: 'hotline.handle' },
    rejectReply: { from: ['replied'], to: 'in_progress', permission: 'hotline.supervise' },
    close: { from: ['replied'], to: 'closed', permission: 'hotline.supervise' },
    sampleCallback: { from: ['closed'], to: 'callback_pending' },
    completeCallback: {
      from: ['callback_pending'],
      to: 'callback_done',
      permission: 'hotline.supervise',
      guard: (_a, t: TicketGuardView) => (t.pendingCallbacks === 0 ? true : 'callbacks_pending'),
    },
    rehandle: { from: ['callback_done'], to: 'rehandling', permission: 'hotline.supervise' },
    merge: { from: ['accepted', 'dispatching', 'returned'], to: 'merged', permission: 'hotline.intake' },
    unmerge: { from: ['merged'], to: 'dispatching', permission: 'hotline.intake' },
    cancel: {
      from: ['accepted', 'dispatching', 'returned', 'dispatched', 'in_progress', 'awaiting_citizen'],
      to: 'cancelled',
      permission: 'hotline.intake',
    },
    archive: { from: ['closed', 'callback_done', 'not_accepted', 'cancelled'], to: 'archived' },
  },
});

export type TicketState = StateOf<typeof ticketWorkflow>;
export const TICKET_STATES = ticketWorkflow.states;

/** Open311 and the public page know two statuses; the fine state goes to the notes. */
export const OPEN_STATES: readonly TicketState[] = [
  'accepted',
  'dispatching',
  'dispatched',
  'returned',
  'transferred_out',
  'in_progress',
  'awaiting_citizen',
  'extension_requested',
  'replied',
  'rehandling',
];
export const isOpenState = (s: string): boolean => (OPEN_STATES as readonly string[]).includes(s);

/** Where the handling unit works (states in which the unit, not the centre, holds the ticket). */
export const AT_UNIT_STATES: readonly TicketState[] = [
  'dispatched',
  'in_progress',
  'awaiting_citizen',
  'extension_requested',
  'rehandling',
];

/** The citizen-facing label of each state (zh-CN); internal detail never reaches the public page. */
export const PUBLIC_STATUS: Record<TicketState, string> = {
  draft: '登记中',
  not_accepted: '不予受理',
  answered: '已答复',
  accepted: '已受理',
  dispatching: '已受理',
  dispatched: '转办中',
  returned: '转办中',
  transferred_out: '转办中',
  in_progress: '办理中',
  awaiting_citizen: '待您补充信息',
  extension_requested: '办理中',
  replied: '办理中',
  closed: '已办结',
  callback_pending: '已办结',
  callback_done: '已办结',
  rehandling: '重新办理中',
  archived: '已办结',
  merged: '已合并',
  cancelled: '已撤销',
};

/** 流水号: Beijing date + a six-digit daily sequence, e.g. 20261127000042. */
export const formatTicketNo = (beijingDate: string, seq: number): string =>
  `${beijingDate.replaceAll('-', '')}${String(seq).padStart(6, '0')}`;

/**
 * Whether a closed ticket's caller is called back: a stable function of the ticket number and
 * the type's share (‰), so re-running sampling never changes the answer and the share holds
 * over many tickets.
 */
export function sampledForCallback(ticketNo: string, permille: number): boolean {
  if (permille >= 1000) return true;
  if (permille <= 0) return false;
  const bucket = createHash('sha256').update(`hotline.callback:${ticketNo}`).digest().readUInt16BE(0) % 1000;
  return bucket < permille;
}

/** Card of a clock: red once past due; yellow from one working day before the due day. */
export function cardOf(
  due: Date,
  now: Date,
  workingDaysLeft: (today: Date, due: Date) => number,
  stopped: Date | null = null,
): Card {
  const at = stopped ?? now;
  if (at > due) return 'red';
  if (stopped) return 'none';
  return workingDaysLeft(now, due) <= 1 ? 'yellow' : 'none';
}

export const worstCard = (cards: readonly Card[]): Card =>
  cards.includes('red') ? 'red' : cards.includes('yellow') ? 'yellow' : 'none';

// Mainland plates: province abbreviation, an issuing-office letter, 5 (or 6, new energy) characters.
const PLATE =
  /^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳]$/;

/** Normalises a plate as typed (spaces, dots, lower case) before checking it. */
export const normalisePlate = (v: string): string => v.replace(/[\s·.-]/g, '').toUpperCase();

/**
 * Checks and normalises the category's fields; returns the clean values or the first problem.
 * Unknown keys are refused, so a typo does not silently lose what the caller said.
 */
export function validateFields(
  specs: readonly CategoryField[],
  input: Record<string, unknown>,
): { ok: true; fields: Record<string, string> } | { ok: false; problem: string } {
  const known = new Set(specs.map((s) => s.key));
  const stray = Object.keys(input).find((k) => !known.has(k));
  if (stray) return { ok: false, problem: `unknown field ${stray}` };
  const out: Record<string, string> = {};
  for (const spec of specs) {
    const raw = input[spec.key];
    const value = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '';
    if (raw !== undefined && raw !== null && typeof raw !== 'string' && typeof raw !== 'number')
      return { ok: false, problem: `${spec.key} must be text` };
    if (!value) {
      if (spec.required) return { ok: false, problem: `${spec.key} (${spec.label}) is required` };
      continue;
    }
    if (value.length > 100) return { ok: false, problem: `${spec.key} is longer than 100 characters` };
    if (spec.type === 'plateNo') {
      const p = normalisePlate(value);
      if (!PLATE.test(p)) return { ok: false, problem: `${spec.key}: ${value} is not a plate number` };
      out[spec.key] = p;
      continue;
    }
    if (spec.type === 'number' && !/^-?\d+(\.\d+)?$/.test(value))
      return { ok: false, problem: `${spec.key} must be a number` };
    if (spec.type === 'choice' && !spec.choices?.includes(value))
      return { ok: false, problem: `${spec.key} must be one of ${spec.choices?.join(', ')}` };
    out[spec.key] = value;
  }
  return { ok: true, fields: out };
}

/** Mainland mobile or fixed-line number as callers give it; digits only, up to 20. */
export const normalisePhone = (v: string): string =>
  v.replace(/[\s\-()+]/g, '').replace(/^86(?=1\d{10}$)/, '');
export const isPhone = (v: string): boolean => /^\d{5,20}$/.test(v);
