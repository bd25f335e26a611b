import { beijingMidnight } from '../../platform/calendar/index.ts';
import type { Executor } from '../../platform/db/database.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { offsetOf, type PageQuery } from '../../platform/http/pagination.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import {
  countByChannel,
  countByDomain,
  countByRegion,
  countByType,
  rateCounts,
  type StatsScope,
  type UnitRow,
  unitPerformance,
} from './hotline-stats.repository.ts';
import { DOMAINS } from './reference-data.ts';

const MAX_DAYS = 366;

/** The period [from, to] in Beijing days as instants, in the caller's jurisdiction. */
export function statsScope(actor: Actor, from: string, to: string): StatsScope {
  if (to < from) throw badRequest('from must not be after to');
  const start = beijingMidnight(from);
  const end = new Date(beijingMidnight(to).getTime() + 86_400_000);
  if (end.getTime() - start.getTime() > MAX_DAYS * 86_400_000) throw badRequest(`at most ${MAX_DAYS} days`);
  return { scopePath: actor.orgPath, from: start, to: end };
}

export const CHANNEL_NAMES: Record<string, string> = {
  phone: '电话',
  web: '网站',
  wechat: '微信',
  weibo: '微博',
  sms: '短信',
  app: '移动客户端',
  email: '电子邮件',
  fax: '传真',
  other: '其他',
};
export const TYPE_NAMES: Record<string, string> = {
  inquiry: '信息咨询',
  complaint: '投诉举报',
  suggestion: '意见建议',
  helpRequest: '求助',
};
const DOMAIN_NAMES: Record<string, string> = Object.fromEntries(DOMAINS.map((d) => [d.key, d.name]));

/** A share as a fraction with four decimals, or null when nothing was counted. */
const rate = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

const named = (rows: { key: string; name: string | null; count: number }[], names: Record<string, string>) =>
  rows.map((r) => ({ key: r.key, name: r.name ?? names[r.key] ?? r.key, count: r.count }));

/** Volumes by channel, type, domain and region, and the three national KPIs (JT/T 1019.5 style). */
export async function hotlineSummary(db: Executor, scope: StatsScope) {
  const [channels, types, domains, regions, r] = await Promise.all([
    countByChannel(db, scope),
    countByType(db, scope),
    countByDomain(db, scope),
    countByRegion(db, scope),
    rateCounts(db, scope),
  ]);
  const judged = r.satisfied + r.basically_satisfied + r.dissatisfied;
  return {
    from: scope.from.toISOString(),
    to: scope.to.toISOString(),
    received: r.received,
    byChannel: named(channels, CHANNEL_NAMES),
    byType: named(types, TYPE_NAMES),
    byDomain: named(domains, DOMAIN_NAMES),
    byRegion: named(regions, {}),
    instantAnswer: {
      answered: r.instant_answers,
      inquiries: r.inquiries,
      rate: rate(r.instant_answers, r.inquiries),
    },
    onTimeClosure: { onTime: r.closed_on_time, closed: r.closed, rate: rate(r.closed_on_time, r.closed) },
    satisfaction: {
      satisfied: r.satisfied,
      basicallySatisfied: r.basically_satisfied,
      dissatisfied: r.dissatisfied,
      unreachable: r.unreachable,
      rate: rate(r.satisfied + r.basically_satisfied, judged),
    },
  };
}

export type HotlineSummary = Awaited<ReturnType<typeof hotlineSummary>>;

export const toUnitDto = (row: UnitRow) => ({
  rank: row.rank,
  orgUnitId: row.org_unit_id,
  orgName: row.org_name,
  received: row.received,
  closed: row.closed,
  closedOnTime: row.closed_on_time,
  overdueOpen: row.overdue_open,
  onTimeRate: row.on_time_rate,
  satisfied: row.satisfied,
  judged: row.judged,
  satisfactionRate: row.satisfaction_rate,
});

export async function unitRanking(db: Executor, scope: StatsScope, page: PageQuery) {
  const rows = await unitPerformance(db, scope, page.pageSize, offsetOf(page));
  return { items: rows.map(toUnitDto), total: rows[0]?.total ?? 0, page: page.page, pageSize: page.pageSize };
}
