/** Shapes of the hotline management endpoints (apps/server/src/modules/hotline/*.schemas.ts). */

export type { Extension } from '../hotline/types.ts';

export type KbStatus = 'draft' | 'published' | 'retired';
export type OrgLevel = 'ministry' | 'province' | 'city' | 'county';
export type RequestType = 'inquiry' | 'complaint' | 'suggestion' | 'helpRequest';
export type Card = 'none' | 'yellow' | 'red';

export const DOMAIN_KEYS = [
  'highway',
  'waterway',
  'roadTransport',
  'urbanPassenger',
  'maritime',
  'salvage',
  'waterSearchRescue',
  'other',
] as const;
export type DomainKey = (typeof DOMAIN_KEYS)[number];
export const REQUEST_TYPES: readonly RequestType[] = ['inquiry', 'complaint', 'suggestion', 'helpRequest'];

export interface KbArticle {
  id: number;
  key: string;
  orgUnitId: number;
  orgName: string;
  ownerUserId: number | null;
  ownerName: string | null;
  status: KbStatus;
  version: number;
  title: string;
  body: string;
  domain: string;
  categoryCode: string | null;
  tags: string[];
  expiresOn: string | null;
  reviewDueOn: string | null;
  reviewFlagged: boolean;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  editable: boolean;
}

export interface KbVersion {
  version: number;
  title: string;
  body: string;
  domain: string;
  categoryCode: string | null;
  tags: string[];
  changeNote: string | null;
  editedBy: number | null;
  editorName: string | null;
  editedAt: string;
}

export interface KbSearchHit {
  id: number;
  key: string;
  orgUnitId: number;
  orgName: string;
  version: number;
  title: string;
  domain: string;
  categoryCode: string | null;
  tags: string[];
  titleHtml: string;
  snippetHtml: string;
  rank: number;
  updatedAt: string;
}

export interface KbSearchResult {
  items: KbSearchHit[];
  total: number;
  page: number;
  pageSize: number;
  mode: 'fulltext' | 'partial' | 'fuzzy' | 'none';
  terms: string[];
}

export interface KbListFilters {
  status?: KbStatus | undefined;
  domain?: DomainKey | undefined;
  key?: string | undefined;
  level?: OrgLevel | undefined;
  ownerUserId?: number | undefined;
  reviewDue?: boolean | undefined;
  expiringWithin?: number | undefined;
  q?: string | undefined;
}

export interface KbArticleInput {
  key: string;
  orgUnitId: number;
  title: string;
  body: string;
  domain: DomainKey;
  categoryCode?: string;
  tags?: string[];
  expiresOn?: string;
  reviewDueOn?: string;
  publish?: boolean;
}

export interface KbArticlePatch {
  title?: string;
  body?: string;
  domain?: DomainKey;
  categoryCode?: string;
  tags?: string[];
  ownerUserId?: number;
  expiresOn?: string;
  reviewDueOn?: string;
  changeNote?: string;
}

export interface KbUsage {
  id: number;
  key: string;
  title: string;
  orgName: string;
  status: KbStatus;
  views: number;
  citations: number;
}

export interface Ticket {
  id: number;
  ticketNo: string;
  channel: string;
  requestType: RequestType;
  categoryCode: string;
  categoryName: string | null;
  description: string;
  state: string;
  centreName: string;
  handlingOrgId: number | null;
  handlingName: string | null;
  urgeCount: number;
  extensionCount: number;
  supervised: boolean;
  card: Card;
  receivedAt: string;
}

export interface TicketFilters {
  card?: 'yellow' | 'red' | undefined;
  supervised?: boolean | undefined;
  handlingOrgId?: number | undefined;
  state?: string | undefined;
}

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

export interface CountItem {
  key: string;
  name: string;
  count: number;
}

export interface StatsSummary {
  from: string;
  to: string;
  received: number;
  byChannel: CountItem[];
  byType: CountItem[];
  byDomain: CountItem[];
  byRegion: CountItem[];
  instantAnswer: { answered: number; inquiries: number; rate: number | null };
  onTimeClosure: { onTime: number; closed: number; rate: number | null };
  satisfaction: {
    satisfied: number;
    basicallySatisfied: number;
    dissatisfied: number;
    unreachable: number;
    rate: number | null;
  };
}

export interface UnitPerformance {
  rank: number;
  orgUnitId: number;
  orgName: string;
  received: number;
  closed: number;
  closedOnTime: number;
  overdueOpen: number;
  onTimeRate: number | null;
  satisfied: number;
  judged: number;
  satisfactionRate: number | null;
}

export interface CategoryField {
  key: string;
  label: string;
  type: 'text' | 'plateNo' | 'shipName' | 'busLine' | 'number' | 'choice';
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

export interface RoutingRule {
  id: number;
  ownerOrgId: number;
  ownerName: string;
  requestType: RequestType | null;
  categoryPrefix: string | null;
  regionOrgId: number | null;
  regionName: string | null;
  handlingOrgId: number;
  handlingName: string;
  priority: number;
}

export interface RoutingRuleInput {
  requestType?: RequestType;
  categoryPrefix?: string;
  regionOrgId?: number;
  handlingOrgId: number;
  priority?: number;
}

export interface RoutePreviewInput {
  requestType: RequestType;
  categoryCode: string;
  regionOrgId?: number;
}

export interface RoutePreview {
  handlingOrgId: number | null;
  handlingName: string | null;
  source: 'rule' | 'region' | 'none';
  ruleId: number | null;
  candidates: RoutingRule[];
}

export interface OrgHit {
  id: number;
  code: string;
  name: string;
  level: OrgLevel;
  pathNames: string[];
}

export interface UnitCards {
  orgUnitId: number;
  orgName: string;
  yellow: number;
  red: number;
  supervised: number;
}
