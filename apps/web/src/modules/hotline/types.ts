/** Shapes of the 12328 hotline API (apps/server/src/modules/hotline/*.schemas.ts). */

export const REQUEST_TYPES = ['inquiry', 'complaint', 'suggestion', 'helpRequest'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const CHANNELS = ['phone', 'web', 'wechat', 'weibo', 'sms', 'app', 'email', 'fax', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const TICKET_STATES = [
  'draft',
  'not_accepted',
  'answered',
  'accepted',
  'dispatching',
  'dispatched',
  'returned',
  'transferred_out',
  'in_progress',
  'extension_requested',
  'awaiting_citizen',
  'replied',
  'closed',
  'callback_pending',
  'callback_done',
  'rehandling',
  'archived',
  'merged',
  'cancelled',
] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export type Card = 'none' | 'yellow' | 'red';

/** States in which the ticket is still being worked on (server: OPEN_STATES). */
export const OPEN_STATES: readonly TicketState[] = [
  'accepted',
  'dispatching',
  'dispatched',
  'returned',
  'transferred_out',
  'in_progress',
  'extension_requested',
  'awaiting_citizen',
  'replied',
  'rehandling',
];
export const isOpen = (s: TicketState): boolean => OPEN_STATES.includes(s);

export interface Ticket {
  id: number;
  ticketNo: string;
  channel: Channel;
  externalId: string | null;
  requestType: RequestType;
  categoryCode: string;
  categoryVersion: number;
  categoryName: string | null;
  fields: Record<string, string>;
  description: string;
  locationText: string | null;
  lat: number | null;
  lon: number | null;
  occurredAt: string | null;
  regionOrgId: number | null;
  requesterName: string | null;
  requesterPhone: string | null;
  state: TicketState;
  centreOrgId: number;
  centreName: string;
  handlingOrgId: number | null;
  handlingName: string | null;
  notAcceptedReason: string | null;
  kbArticleId: number | null;
  instantAnswer: boolean;
  answerText: string | null;
  mergedIntoId: number | null;
  splitFromId: number | null;
  sendBackCount: number;
  extensionCount: number;
  rehandleCount: number;
  dissatisfiedCount: number;
  urgeCount: number;
  supervised: boolean;
  card: Card;
  receivedAt: string;
  acceptedAt: string | null;
  closedAt: string | null;
  closedOnTime: boolean | null;
  archivedAt: string | null;
  updatedAt: string;
}

export interface Clock {
  kind: 'signFor' | 'handling' | 'reply';
  orgUnitId: number | null;
  startedAt: string;
  dueAt: string;
  stoppedAt: string | null;
  card: Card;
}

export interface Note {
  id: number;
  kind: 'internal' | 'public';
  body: string;
  authorUserId: number | null;
  at: string;
}

export interface TicketDetail {
  ticket: Ticket;
  queryCode: string;
  clocks: Clock[];
  notes: Note[];
  attachments: { id: string; filename: string; mime: string; size: number; fileId: string | null }[];
  actions: string[];
}

export interface WorkflowEvent {
  id: number;
  fromState: string;
  toState: string;
  action: string;
  actorUserId: number | null;
  actorUsername: string | null;
  at: string;
  note: unknown;
}

export type FieldType = 'text' | 'plateNo' | 'shipName' | 'busLine' | 'number' | 'choice';
export interface CategoryField {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  choices?: string[];
}

export interface Category {
  code: string;
  version: number;
  domain: string;
  domainName: string;
  name: string;
  fields: CategoryField[];
  validFrom: string;
  validTo: string | null;
}

export interface Reason {
  kind: 'notAccepted' | 'sendBack' | (string & {});
  code: string;
  name: string;
  script: string;
  referral: string | null;
}

export interface RoutePreview {
  handlingOrgId: number | null;
  handlingName: string | null;
  source: 'rule' | 'region' | 'none';
  ruleId: number | null;
}

export interface KbHit {
  id: number;
  key: string;
  orgName: string;
  version: number;
  title: string;
  domain: string;
  categoryCode: string | null;
  titleHtml: string;
  snippetHtml: string;
  rank: number;
}

export interface KbSearchResult {
  items: KbHit[];
  total: number;
  mode: 'fulltext' | 'partial' | 'fuzzy' | 'none';
  terms: string[];
}

export interface KbArticle {
  id: number;
  title: string;
  body: string;
  orgName: string;
  version: number;
}

export interface Duplicate {
  ticket: Ticket;
  samePhone: boolean;
  samePlate: boolean;
  nearInPlaceAndTime: boolean;
  similarity: number;
}

export interface Created {
  id: number;
  ticketNo: string;
  queryCode: string;
  state: TicketState;
}

export type Disposition = 'accept' | 'notAccept' | 'instantAnswer';

export interface AgentTicketBody {
  requestType: RequestType;
  categoryCode: string;
  fields?: Record<string, string>;
  description: string;
  locationText?: string;
  lat?: number;
  lon?: number;
  regionOrgId?: number;
  requesterName?: string;
  requesterPhone?: string;
  disposition?: Disposition;
  notAcceptedReason?: string;
  kbArticleId?: number;
  answerText?: string;
}

export interface Extension {
  id: number;
  ticketId: number;
  ticketNo: string;
  orgUnitId: number;
  days: number;
  reason: string;
  legalBasis: string;
  requestedAt: string;
  decision: 'pending' | 'approved' | 'denied';
  decidedAt: string | null;
  decisionNote: string | null;
  newDueAt: string | null;
}

export interface Reply {
  id: number;
  orgUnitId: number;
  facts: string;
  handling: string;
  legalBasis: string;
  repliedAt: string;
  review: 'pending' | 'approved' | 'rejected';
  reviewNote: string | null;
  reviewedAt: string | null;
}

export const SATISFACTIONS = ['satisfied', 'basicallySatisfied', 'dissatisfied', 'unreachable'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export interface Callback {
  id: number;
  ticketId: number;
  ticketNo: string;
  callerTicketId: number;
  callerTicketNo: string;
  requesterName: string | null;
  requesterPhone: string | null;
  round: number;
  dueAt: string;
  state: 'pending' | 'done' | 'cancelled';
  satisfaction: Satisfaction | null;
  note: string | null;
  doneAt: string | null;
}

export interface TicketFilters {
  state?: string;
  requestType?: RequestType;
  channel?: Channel;
  handlingOrgId?: number;
  card?: 'yellow' | 'red';
  q?: string;
  phone?: string;
  ticketNo?: string;
  supervised?: boolean;
}

export interface PublicRegion {
  id: number;
  code: string;
  name: string;
  parentName: string | null;
}

export interface PublicTicketBody {
  requestType: RequestType;
  categoryCode: string;
  fields?: Record<string, string>;
  description: string;
  locationText?: string;
  lat?: number;
  lon?: number;
  regionCode: string;
  requesterName?: string;
  requesterPhone: string;
  attachments?: { id: string; token: string }[];
}

export interface PublicView {
  ticketNo: string;
  requestType: RequestType;
  categoryName: string | null;
  status: string;
  open: boolean;
  receivedAt: string;
  closedAt: string | null;
  timeline: { at: string; status: string }[];
  answer: string | null;
  /** What the handling unit asks the citizen, while the ticket waits for the answer. */
  question: string | null;
  reply: { facts: string; handling: string; legalBasis: string } | null;
}

/** 等待来电人补充: a question of the handling unit and the citizen's answer. */
export interface CitizenRequest {
  id: number;
  ticketId: number;
  orgUnitId: number;
  question: string;
  askedAt: string;
  answer: string | null;
  answeredVia: 'public' | 'agent' | null;
  answeredAt: string | null;
  pausedWorkingDays: number | null;
}

/** 催办 / 督办 addressed to the handling unit, and its answer. */
export interface Urge {
  id: number;
  ticketId: number;
  ticketNo: string;
  kind: 'urge' | 'supervision';
  issuedBy: number | null;
  issuedByName: string | null;
  issuerOrgId: number;
  targetOrgId: number | null;
  demand: string;
  issuedAt: string;
  answerDueAt: string | null;
  answer: string | null;
  answeredBy: number | null;
  answeredAt: string | null;
  automatic: boolean;
}

export const TRANSFER_STATES = ['readyToSend', 'sent', 'sendFailed', 'doneExternal'] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];

/** 跨市/跨省转办 through the province or the ministry, with its send state. */
export interface Transfer {
  id: number;
  ticketId: number;
  ticketNo: string;
  fromOrgId: number;
  fromName: string;
  toOrgId: number;
  toName: string;
  hubOrgId: number;
  hubName: string;
  route: 'province' | 'ministry';
  state: TransferState;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PublicUpload {
  id: string;
  token: string;
  filename: string;
  mime: string;
  size: number;
}

export interface AttachmentLimits {
  maxBytes: number;
  maxFiles: number;
  types: { mime: string; extensions: string[] }[];
}
