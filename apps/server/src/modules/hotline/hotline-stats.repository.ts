import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { under } from '../../platform/orgs/orgs.repository.ts';
import { visibleTo } from './tickets.repository.ts';

/** A statistics period as instants [from, to) and the caller's jurisdiction. */
export interface StatsScope {
  scopePath: string;
  from: Date;
  to: Date;
}

export interface CountRow {
  key: string;
  name: string | null;
  count: number;
}

// Tickets received in the period that the caller may see; a merged duplicate counts in its original.
const received = (s: StatsScope) => sql`t.received_at >= ${s.from} and t.received_at < ${s.to}
  and t.state <> 'merged' and ${visibleTo(s.scopePath)}`;

export async function countByChannel(db: Executor, s: StatsScope): Promise<CountRow[]> {
  const { rows } = await sql<CountRow>`
    select t.channel as key, null as name, count(*)::int as count
    from hotline_ticket t where ${received(s)} group by t.channel order by count desc, key`.execute(db);
  return rows;
}

export async function countByType(db: Executor, s: StatsScope): Promise<CountRow[]> {
  const { rows } = await sql<CountRow>`
    select t.request_type as key, null as name, count(*)::int as count
    from hotline_ticket t where ${received(s)} group by t.request_type order by count desc, key`.execute(db);
  return rows;
}

export async function countByDomain(db: Executor, s: StatsScope): Promise<CountRow[]> {
  const { rows } = await sql<CountRow>`
    select c.domain as key, null as name, count(*)::int as count
    from hotline_ticket t join hotline_category c on c.code = t.category_code and c.version = t.category_version
    where ${received(s)} group by c.domain order by count desc, key`.execute(db);
  return rows;
}

/**
 * By region (属地, or the centre when the place is unknown), rolled up to the caller's direct
 * subordinate units; a ticket of the caller's own unit counts under the caller.
 */
export async function countByRegion(db: Executor, s: StatsScope): Promise<CountRow[]> {
  const depth = s.scopePath.split('/').filter(Boolean).length;
  const { rows } = await sql<CountRow>`
    select coalesce(c.id, r.own)::text as key, coalesce(c.name, me.name) as name, count(*)::int as count
    from (
      select nullif(split_part(ro.path, '/', ${depth + 2}), '')::bigint as child,
             split_part(ro.path, '/', ${depth + 1})::bigint as own
      from hotline_ticket t join org_unit ro on ro.id = coalesce(t.region_org_id, t.centre_org_id)
      where ${received(s)} and ro.path like ${under(s.scopePath)}
    ) r
    left join org_unit c on c.id = r.child
    join org_unit me on me.id = r.own
    group by 1, 2 order by count desc, key`.execute(db);
  return rows;
}

export interface RateRow {
  received: number;
  inquiries: number;
  instant_answers: number;
  closed: number;
  closed_on_time: number;
  satisfied: number;
  basically_satisfied: number;
  dissatisfied: number;
  unreachable: number;
}

/**
 * The counts behind the three KPIs: inquiries received and answered at once (即时答复率),
 * handled tickets closed in the period and on time (限时办结率), callbacks done in the period by
 * result (回访满意率).
 */
export async function rateCounts(db: Executor, s: StatsScope): Promise<RateRow> {
  const { rows } = await sql<RateRow>`
    select
      (select count(*)::int from hotline_ticket t where ${received(s)}) as received,
      (select count(*)::int from hotline_ticket t where ${received(s)} and t.request_type = 'inquiry'
         and t.state not in ('not_accepted', 'cancelled')) as inquiries,
      (select count(*)::int from hotline_ticket t where ${received(s)} and t.request_type = 'inquiry'
         and t.instant_answer) as instant_answers,
      (select count(*)::int from hotline_ticket t where t.closed_at >= ${s.from} and t.closed_at < ${s.to}
         and not t.instant_answer and ${visibleTo(s.scopePath)}) as closed,
      (select count(*)::int from hotline_ticket t where t.closed_at >= ${s.from} and t.closed_at < ${s.to}
         and not t.instant_answer and t.closed_on_time and ${visibleTo(s.scopePath)}) as closed_on_time,
      ${sql.join(
        (['satisfied', 'basicallySatisfied', 'dissatisfied', 'unreachable'] as const).map(
          (v) => sql`(select count(*)::int from hotline_callback k join hotline_ticket t on t.id = k.ticket_id
            where k.state = 'done' and k.satisfaction = ${v} and k.done_at >= ${s.from} and k.done_at < ${s.to}
              and ${visibleTo(s.scopePath)}) as ${sql.ref(v.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))}`,
        ),
      )}`.execute(db);
  return rows[0] as RateRow;
}

export interface UnitRow {
  org_unit_id: number;
  org_name: string;
  received: number;
  closed: number;
  closed_on_time: number;
  overdue_open: number;
  satisfied: number;
  judged: number;
  on_time_rate: number | null;
  satisfaction_rate: number | null;
  rank: number;
  total: number;
}

/**
 * Handling units of the caller's subtree, ranked: on-time closure first, then callback
 * satisfaction, then volume. Rates are null where nothing was closed or judged.
 */
export async function unitPerformance(
  db: Executor,
  s: StatsScope,
  limit: number,
  offset: number,
): Promise<UnitRow[]> {
  const { rows } = await sql<UnitRow>`
    with handled as (
      select t.handling_org_id as org, count(*)::int as received,
        count(*) filter (where t.closed_at is not null)::int as closed,
        count(*) filter (where t.closed_on_time)::int as closed_on_time,
        count(*) filter (where t.closed_at is null and t.card = 'red')::int as overdue_open
      from hotline_ticket t join org_unit h on h.id = t.handling_org_id
      where t.received_at >= ${s.from} and t.received_at < ${s.to} and t.state <> 'merged'
        and h.path like ${under(s.scopePath)}
      group by t.handling_org_id
    ), judged as (
      select t.handling_org_id as org,
        count(*) filter (where k.satisfaction in ('satisfied', 'basicallySatisfied'))::int as satisfied,
        count(*) filter (where k.satisfaction in ('satisfied', 'basicallySatisfied', 'dissatisfied'))::int as judged
      from hotline_callback k join hotline_ticket t on t.id = k.ticket_id join org_unit h on h.id = t.handling_org_id
      where k.state = 'done' and k.done_at >= ${s.from} and k.done_at < ${s.to} and h.path like ${under(s.scopePath)}
      group by t.handling_org_id
    ), units as (
      select o.id as org_unit_id, o.name as org_name, coalesce(h.received, 0) as received,
        coalesce(h.closed, 0) as closed, coalesce(h.closed_on_time, 0) as closed_on_time,
        coalesce(h.overdue_open, 0) as overdue_open, coalesce(j.satisfied, 0) as satisfied,
        coalesce(j.judged, 0) as judged,
        round(h.closed_on_time::numeric / nullif(h.closed, 0), 4)::float8 as on_time_rate,
        round(j.satisfied::numeric / nullif(j.judged, 0), 4)::float8 as satisfaction_rate
      from (select org from handled union select org from judged) u
      join org_unit o on o.id = u.org
      left join handled h on h.org = u.org left join judged j on j.org = u.org
    )
    select *, rank() over (order by on_time_rate desc nulls last, satisfaction_rate desc nulls last, received desc)::int as rank,
      count(*) over ()::int as total
    from units order by rank, org_unit_id limit ${limit} offset ${offset}`.execute(db);
  return rows;
}
