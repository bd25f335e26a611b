import type { Generated } from 'kysely';

export type RequestType = 'inquiry' | 'complaint' | 'suggestion' | 'helpRequest';
export type Channel = 'phone' | 'web' | 'wechat' | 'weibo' | 'sms' | 'app' | 'email' | 'fax' | 'other';
export type Card = 'none' | 'yellow' | 'red';
export type ClockKind = 'signFor' | 'handling' | 'reply';
export type Satisfaction = 'satisfied' | 'basicallySatisfied' | 'dissatisfied' | 'unreachable';
export type TransferState = 'readyToSend' | 'sent' | 'sendFailed' | 'doneExternal';

/** One per-category input: plate number, bus line, ship name … checked at intake. */
export interface CategoryField {
  readonly key: string;
  readonly label: string;
  readonly type: 'text' | 'plateNo' | 'shipName' | 'busLine' | 'number' | 'choice';
  readonly required: boolean;
  readonly choices?: readonly string[];
}

export interface HotlineCategoryTable {
  id: Generated<number>;
  code: string;
  version: number;
  domain: string;
  name: string;
  parent_code: string | null;
  fields: CategoryField[];
  valid_from: string;
  valid_to: string | null;
}

export interface HotlineReasonTable {
  kind: 'notAccepted' | 'sendBack';
  code: string;
  name: string;
  script: string;
  referral: string | null;
}

export interface HotlineTypeProfileTable {
  request_type: RequestType;
  sign_for_days: number;
  handling_days: number;
  reply_days: number;
  extension_days: number;
  max_extensions: number;
  max_send_backs: number;
  callback_permille: number;
  callback_days: number;
  archive_after_days: number;
}

export interface HotlineTicketSeqTable {
  day: string;
  last: number;
}

export interface HotlineTicketTable {
  id: Generated<number>;
  ticket_no: string;
  /** The query code (提取码) sealed with the instance key: shown again to agents, compared on lookup. */
  query_code_sealed: string;
  channel: Channel;
  external_id: string | null;
  request_type: RequestType;
  category_code: string;
  category_version: number;
  fields: Record<string, string>;
  description: string;
  location_text: string | null;
  lat: number | null;
  lon: number | null;
  occurred_at: Date | null;
  /** Where the matter happened (属地): routing rules match on it. */
  region_org_id: number | null;
  requester_name: string | null;
  requester_phone: string | null;
  state: string;
  centre_org_id: number;
  handling_org_id: Generated<number | null>;
  not_accepted_reason: string | null;
  /** A knowledge-base article cited by an instant answer; the KB's table joins on it. */
  kb_article_id: number | null;
  instant_answer: Generated<boolean>;
  answer_text: string | null;
  merged_into_id: Generated<number | null>;
  split_from_id: number | null;
  send_back_count: Generated<number>;
  /** Extensions asked in the current handling round (reset at 重办): max_extensions caps it. */
  extension_count: Generated<number>;
  rehandle_count: Generated<number>;
  dissatisfied_count: Generated<number>;
  urge_count: Generated<number>;
  /** Questions to the citizen in the current handling round (reset at 重办). */
  citizen_request_count: Generated<number>;
  supervised: Generated<boolean>;
  card: Generated<Card>;
  received_at: Date;
  accepted_at: Generated<Date | null>;
  closed_at: Generated<Date | null>;
  closed_on_time: Generated<boolean | null>;
  archived_at: Generated<Date | null>;
  created_by: number | null;
  updated_at: Date;
}

export interface HotlineTicketOrgTable {
  ticket_id: number;
  org_unit_id: number;
  role: 'centre' | 'handler' | 'hub';
  since: Date;
}

export interface HotlineTicketClockTable {
  id: Generated<number>;
  ticket_id: number;
  kind: ClockKind;
  org_unit_id: number | null;
  started_at: Date;
  due_at: Date;
  stopped_at: Date | null;
  card: Card;
  /** Set while the ticket waits for the citizen: the clock does not run. */
  paused_at: Generated<Date | null>;
}

/** 等待来电人补充: what the handling unit asked the citizen, and the answer. */
export interface HotlineCitizenRequestTable {
  id: Generated<number>;
  ticket_id: number;
  org_unit_id: number;
  question: string;
  asked_by: number | null;
  asked_at: Date;
  answer: string | null;
  answered_via: 'public' | 'agent' | null;
  answered_by: number | null;
  answered_at: Date | null;
  paused_working_days: number | null;
  /** Where the answer takes the ticket back to: the state it was asked from. */
  resume_state: Generated<'in_progress' | 'rehandling'>;
}

export interface HotlineTicketNoteTable {
  id: Generated<number>;
  ticket_id: number;
  kind: 'internal' | 'public';
  body: string;
  author_user_id: number | null;
  author_org_id: number | null;
  at: Date;
}

export interface HotlineAttachmentTable {
  id: string;
  ticket_id: number | null;
  /** A platform file (agent uploads); public uploads are stored by this module (storage_key). */
  file_id: string | null;
  filename: string;
  mime: string;
  size: number;
  sm3: string;
  storage_key: string | null;
  /** SM3 of the claim token given to the uploader; null once attached. */
  claim_digest: string | null;
  uploaded_at: Date;
}

export interface HotlineIntakeHitTable {
  key: string;
  at: Date;
}

export interface HotlineRoutingRuleTable {
  id: Generated<number>;
  owner_org_id: number;
  request_type: RequestType | null;
  category_prefix: string | null;
  region_org_id: number | null;
  handling_org_id: number;
  priority: Generated<number>;
  active: Generated<boolean>;
  created_at: Date;
}

export interface HotlineTransferTable {
  id: Generated<number>;
  ticket_id: number;
  from_org_id: number;
  to_org_id: number;
  hub_org_id: number;
  route: 'province' | 'ministry';
  state: TransferState;
  attempts: Generated<number>;
  last_error: string | null;
  note: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface HotlineSendBackTable {
  id: Generated<number>;
  ticket_id: number;
  org_unit_id: number;
  reason_code: string;
  note: string | null;
  by_user_id: number | null;
  at: Date;
}

export interface HotlineExtensionTable {
  id: Generated<number>;
  ticket_id: number;
  org_unit_id: number;
  days: number;
  reason: string;
  legal_basis: string;
  requested_by: number | null;
  requested_at: Date;
  decision: Generated<'pending' | 'approved' | 'denied'>;
  decided_by: number | null;
  decided_at: Date | null;
  decision_note: string | null;
  new_due_at: Date | null;
  /** Where the decision takes the ticket back to: the state the extension was asked from. */
  resume_state: Generated<'in_progress' | 'rehandling'>;
}

export interface HotlineUrgeTable {
  id: Generated<number>;
  ticket_id: number;
  kind: 'urge' | 'supervision';
  issued_by: number | null;
  issued_by_name: string | null;
  issuer_org_id: number;
  target_org_id: number | null;
  demand: string;
  issued_at: Date;
  answer_due_at: Date | null;
  answer: string | null;
  answered_by: number | null;
  answered_at: Date | null;
  automatic: Generated<boolean>;
}

export interface HotlineReplyTable {
  id: Generated<number>;
  ticket_id: number;
  org_unit_id: number;
  facts: string;
  handling: string;
  legal_basis: string;
  replied_by: number | null;
  replied_at: Date;
  review: Generated<'pending' | 'approved' | 'rejected'>;
  reviewed_by: number | null;
  reviewed_at: Date | null;
  review_note: string | null;
}

export interface HotlineCallbackTable {
  id: Generated<number>;
  /** The ticket whose handling is judged. */
  ticket_id: number;
  /** Whose caller is called: the ticket itself or a duplicate merged into it. */
  caller_ticket_id: number;
  round: number;
  due_at: Date;
  state: 'pending' | 'done' | 'cancelled';
  satisfaction: Satisfaction | null;
  note: string | null;
  agent_user_id: number | null;
  done_at: Date | null;
}

export interface HotlineTables {
  hotline_category: HotlineCategoryTable;
  hotline_reason: HotlineReasonTable;
  hotline_type_profile: HotlineTypeProfileTable;
  hotline_ticket_seq: HotlineTicketSeqTable;
  hotline_ticket: HotlineTicketTable;
  hotline_ticket_org: HotlineTicketOrgTable;
  hotline_ticket_clock: HotlineTicketClockTable;
  hotline_citizen_request: HotlineCitizenRequestTable;
  hotline_ticket_note: HotlineTicketNoteTable;
  hotline_attachment: HotlineAttachmentTable;
  hotline_intake_hit: HotlineIntakeHitTable;
  hotline_routing_rule: HotlineRoutingRuleTable;
  hotline_transfer: HotlineTransferTable;
  hotline_send_back: HotlineSendBackTable;
  hotline_extension: HotlineExtensionTable;
  hotline_urge: HotlineUrgeTable;
  hotline_reply: HotlineReplyTable;
  hotline_callback: HotlineCallbackTable;
}
