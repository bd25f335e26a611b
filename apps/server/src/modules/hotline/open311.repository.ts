import { type Insertable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { under } from '../../platform/orgs/orgs.repository.ts';
import type { Open311RequestTable, Open311ServiceType } from './open311.tables.ts';

export async function serviceTypes(db: Executor): Promise<Map<string, Open311ServiceType>> {
  const rows = await db.selectFrom('open311_service').select(['service_code', 'type']).execute();
  return new Map(rows.map((r) => [r.service_code, r.type]));
}

export async function setServiceType(db: Executor, code: string, type: Open311ServiceType, now: Date) {
  await db
    .insertInto('open311_service')
    .values({ service_code: code, type, updated_at: now })
    .onConflict((oc) => oc.column('service_code').doUpdateSet({ type, updated_at: now }))
    .execute();
}

export async function insertRequest(db: Executor, row: Insertable<Open311RequestTable>): Promise<number> {
  const { id } = await db
    .insertInto('open311_request')
    .values({ ...row, payload: JSON.stringify(row.payload) as never })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function lockRequest(db: Executor, id: number) {
  return db.selectFrom('open311_request').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateRequest(db: Executor, id: number, patch: Updateable<Open311RequestTable>) {
  const { payload, ...rest } = patch;
  await db
    .updateTable('open311_request')
    .set({ ...rest, ...(payload !== undefined && { payload: JSON.stringify(payload) as never }) })
    .where('id', '=', id)
    .execute();
}

export async function findRequestByToken(db: Executor, token: string) {
  return db
    .selectFrom('open311_request as r')
    .leftJoin('hotline_ticket as t', 't.id', 'r.ticket_id')
    .select(['r.token', 'r.status', 't.ticket_no'])
    .where('r.token', '=', token)
    .executeTakeFirst();
}

export interface Open311RequestRow {
  ticket_no: string;
  state: string;
  category_code: string;
  service_name: string;
  description: string;
  requester_name: string | null;
  agency: string;
  received_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  location_text: string | null;
  lat: number | null;
  lon: number | null;
  media_url: string | null;
  expected_at: Date | null;
}

export interface Open311RequestFilter {
  /** The jurisdiction served (its subtree of hotline centres). */
  scopePath: string;
  /** Tracking numbers; when given, every other filter is ignored (GeoReport v2). */
  ticketNos?: readonly string[] | undefined;
  serviceCodes?: readonly string[] | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  states?: readonly string[] | undefined;
}

/** Tickets that came in through Open311, newest first: only those are published by GET requests. */
export async function listRequests(db: Executor, f: Open311RequestFilter, limit: number, offset: number) {
  const conditions = [sql`ce.path like ${under(f.scopePath)}`];
  if (f.ticketNos) conditions.push(sql`t.ticket_no = any(${f.ticketNos}::text[])`);
  else {
    if (f.serviceCodes) conditions.push(sql`t.category_code = any(${f.serviceCodes}::text[])`);
    if (f.from) conditions.push(sql`t.received_at >= ${f.from}`);
    if (f.to) conditions.push(sql`t.received_at <= ${f.to}`);
    if (f.states) conditions.push(sql`t.state = any(${f.states}::text[])`);
  }
  const { rows } = await sql<Open311RequestRow>`
    select t.ticket_no, t.state, t.category_code, c.name as service_name, t.description, t.requester_name,
      coalesce(h.name, ce.name) as agency, t.received_at, t.updated_at, t.closed_at, t.location_text,
      t.lat, t.lon, r.media_url,
      (select k.due_at from hotline_ticket_clock k
       where k.ticket_id = t.id and k.kind = 'reply' and k.stopped_at is null
       order by k.started_at desc limit 1) as expected_at
    from open311_request r
    join hotline_ticket t on t.id = r.ticket_id
    join hotline_category c on c.code = t.category_code and c.version = t.category_version
    join org_unit ce on ce.id = t.centre_org_id
    left join org_unit h on h.id = t.handling_org_id
    where ${sql.join(conditions, sql` and `)}
    order by t.received_at desc, t.id desc
    limit ${limit} offset ${offset}`.execute(db);
  return rows;
}
