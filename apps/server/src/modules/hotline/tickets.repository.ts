import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { under } from '../../platform/orgs/orgs.repository.ts';
import type {
  Channel,
  HotlineAttachmentTable,
  HotlineTicketNoteTable,
  HotlineTicketOrgTable,
  HotlineTicketTable,
  RequestType,
} from './hotline.tables.ts';
import { OPEN_STATES } from './ticket.ts';

export type TicketRow = Selectable<HotlineTicketTable> & {
  centre_path: string;
  centre_name: string;
  handling_path: string | null;
  handling_name: string | null;
  category_name: string | null;
};

/**
 * The jurisdiction rule of tickets: visible to the caller when the owning centre or a unit the
 * ticket was dispatched or transferred to lies in the caller's subtree — so the centre, each such
 * unit and all their ancestors see it; siblings do not. Expects the ticket aliased `t`.
 */
export const visibleTo = (scopePath: string) =>
  sql<boolean>`exists (select 1 from hotline_ticket_org a join org_unit ao on ao.id = a.org_unit_id
    where a.ticket_id = t.id and ao.path like ${under(scopePath)})`;

function selectTickets(db: Executor) {
  return db
    .selectFrom('hotline_ticket as t')
    .innerJoin('org_unit as c', 'c.id', 't.centre_org_id')
    .leftJoin('org_unit as h', 'h.id', 't.handling_org_id')
    .leftJoin('hotline_category as k', (j) =>
      j.onRef('k.code', '=', 't.category_code').onRef('k.version', '=', 't.category_version'),
    )
    .selectAll('t')
    .select(['c.path as centre_path', 'c.name as centre_name', 'h.path as handling_path'])
    .select(['h.name as handling_name', 'k.name as category_name']);
}

/**
 * A new ticket with its centre and, if given, its first clock, in one statement; returns the row
 * as findTicketById would (no handling unit yet). `ticket_no` is provisional: assignTicketNo
 * gives the number last, so the day's counter is locked for the end of the transaction only.
 */
export async function insertNewTicket(
  trx: Executor,
  row: Omit<Insertable<HotlineTicketTable>, 'fields'> & { fields: Record<string, string> },
  categoryName: string,
  clock: { kind: 'reply'; due_at: Date } | null,
): Promise<TicketRow> {
  const since = row.received_at;
  let q = trx
    .with('t', (db) =>
      db
        .insertInto('hotline_ticket')
        .values({ ...row, fields: sql`${JSON.stringify(row.fields)}::jsonb` })
        .returningAll(),
    )
    .with('o', (db) =>
      db
        .insertInto('hotline_ticket_org')
        .columns(['ticket_id', 'org_unit_id', 'role', 'since'])
        .expression((eb) =>
          eb
            .selectFrom('t')
            .select([
              't.id',
              't.centre_org_id',
              sql<'centre'>`'centre'`.as('role'),
              sql<Date>`${since}`.as('since'),
            ]),
        ),
    );
  if (clock)
    q = q.with('k', (db) =>
      db
        .insertInto('hotline_ticket_clock')
        .columns(['ticket_id', 'kind', 'org_unit_id', 'started_at', 'due_at', 'card'])
        .expression((eb) =>
          eb
            .selectFrom('t')
            .select([
              't.id',
              sql<'reply'>`${clock.kind}`.as('kind'),
              't.centre_org_id',
              sql<Date>`${row.accepted_at ?? since}`.as('started_at'),
              sql<Date>`${clock.due_at}`.as('due_at'),
              sql<'none'>`'none'`.as('card'),
            ]),
        ),
    ) as unknown as typeof q;
  const created = await q
    .selectFrom('t')
    .innerJoin('org_unit as c', 'c.id', 't.centre_org_id')
    .selectAll('t')
    .select(['c.path as centre_path', 'c.name as centre_name'])
    .executeTakeFirstOrThrow();
  return { ...created, handling_path: null, handling_name: null, category_name: categoryName } as TicketRow;
}

/** Days for which this process has made sure the next day's sequence exists (a hint only). */
const readiedDays = new Set<string>();

const daySequence = (day: string) => {
  const digits = day.replaceAll('-', '');
  if (!/^\d{8}$/.test(digits)) throw new Error(`not a day: ${day}`);
  return `hotline_ticket_no_${digits}`;
};

/**
 * Creates the number sequence of a day unless it exists, continuing the day's row of the former
 * counter table (hotline_ticket_seq) if it has one. Under a savepoint: when another session creates
 * the same sequence at the same moment, this one's CREATE fails, is rolled back alone, and the
 * sequence the other made is used.
 */
async function ensureDaySequence(trx: Executor, day: string): Promise<void> {
  const name = daySequence(day);
  const { rows } = await sql<{ found: boolean; last: number | null }>`
    select to_regclass(${name}) is not null as found,
      (select last from hotline_ticket_seq where day = ${day}::date) as last`.execute(trx);
  if (rows[0]?.found) return;
  const start = Number(rows[0]?.last ?? 0) + 1;
  await sql`savepoint hotline_day_sequence`.execute(trx);
  try {
    await sql`create sequence if not exists ${sql.id(name)} as bigint start with ${sql.lit(start)}`.execute(
      trx,
    );
    await sql`release savepoint hotline_day_sequence`.execute(trx);
  } catch (err) {
    if ((err as { code?: string }).code !== '23505') throw err;
    await sql`rollback to savepoint hotline_day_sequence`.execute(trx);
  }
}

/**
 * 流水号 (Beijing date + the day's sequence, six digits or more) and the state reached at intake.
 * Each day numbers from a sequence of its own: nextval never waits for another intake's commit
 * (a counter row did, for every intake of the day), at the price of a gap where an intake rolls
 * back after taking its number. Tomorrow's sequence is made with today's, so that at midnight
 * the first intakes do not race to create it.
 */
export async function assignTicketNo(trx: Executor, id: number, day: string, state: string): Promise<string> {
  const tomorrow = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  if (!readiedDays.has(day)) {
    await ensureDaySequence(trx, tomorrow);
    readiedDays.add(day);
  }
  for (let attempt = 0; ; attempt++) {
    // A missing sequence makes to_regclass null, nextval null and the update a no-op.
    const { rows } = await sql<{ ticket_no: string }>`
      with s as (select nextval(to_regclass(${daySequence(day)})) as last)
      update hotline_ticket t
      set ticket_no = ${day.replaceAll('-', '')} || lpad(s.last::text, greatest(6, length(s.last::text)), '0'),
        state = ${state}
      from s where t.id = ${id} and s.last is not null
      returning t.ticket_no`.execute(trx);
    if (rows[0]) return rows[0].ticket_no;
    if (attempt > 0) throw new Error(`no number sequence for ${day}`);
    await ensureDaySequence(trx, day);
  }
}

export async function addTicketOrg(trx: Executor, row: HotlineTicketOrgTable): Promise<void> {
  await trx
    .insertInto('hotline_ticket_org')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function updateTicket(
  trx: Executor,
  id: number,
  patch: Omit<Updateable<HotlineTicketTable>, 'fields'> & { fields?: Record<string, string> },
): Promise<void> {
  const { fields, ...rest } = patch;
  await trx
    .updateTable('hotline_ticket')
    .set({ ...rest, ...(fields && { fields: sql`${JSON.stringify(fields)}::jsonb` }) })
    .where('id', '=', id)
    .execute();
}

export async function findTicketInScope(db: Executor, id: number, scopePath: string) {
  return selectTickets(db).where('t.id', '=', id).where(visibleTo(scopePath)).executeTakeFirst() as Promise<
    TicketRow | undefined
  >;
}

export async function findTicketByNoInScope(db: Executor, ticketNo: string, scopePath: string) {
  return selectTickets(db)
    .where('t.ticket_no', '=', ticketNo)
    .where(visibleTo(scopePath))
    .executeTakeFirst() as Promise<TicketRow | undefined>;
}

/** Unscoped: the public lookup (checked by query code) and jobs. */
export async function findTicketByNo(db: Executor, ticketNo: string) {
  return selectTickets(db).where('t.ticket_no', '=', ticketNo).executeTakeFirst() as Promise<
    TicketRow | undefined
  >;
}

export async function findTicketById(db: Executor, id: number) {
  return selectTickets(db).where('t.id', '=', id).executeTakeFirst() as Promise<TicketRow | undefined>;
}

export async function findTicketByExternalId(db: Executor, channel: Channel, externalId: string) {
  return selectTickets(db)
    .where('t.channel', '=', channel)
    .where('t.external_id', '=', externalId)
    .executeTakeFirst() as Promise<TicketRow | undefined>;
}

/** Row lock taken before a transition; the caller has already checked the jurisdiction. */
export async function lockTicket(trx: Executor, id: number): Promise<void> {
  await trx.selectFrom('hotline_ticket').select('id').where('id', '=', id).forUpdate().execute();
}

export interface TicketFilter {
  scopePath: string;
  state?: readonly string[] | undefined;
  requestType?: RequestType | undefined;
  channel?: Channel | undefined;
  categoryPrefix?: string | undefined;
  handlingOrgId?: number | undefined;
  centreOrgId?: number | undefined;
  phone?: string | undefined;
  ticketNo?: string | undefined;
  q?: string | undefined;
  supervised?: boolean | undefined;
  receivedFrom?: Date | undefined;
  receivedTo?: Date | undefined;
  /** Running clocks past due (red), or due before this limit (yellow or red). */
  card?: { kind: 'red' | 'yellow'; now: Date; yellowLimit: Date } | undefined;
}

export async function listTickets(db: Executor, f: TicketFilter, limit: number, offset: number) {
  let q = selectTickets(db).where(visibleTo(f.scopePath));
  if (f.state?.length) q = q.where('t.state', 'in', f.state);
  if (f.requestType) q = q.where('t.request_type', '=', f.requestType);
  if (f.channel) q = q.where('t.channel', '=', f.channel);
  if (f.categoryPrefix) q = q.where('t.category_code', 'like', `${f.categoryPrefix.replace(/[\\%_]/g, '')}%`);
  if (f.handlingOrgId) q = q.where('t.handling_org_id', '=', f.handlingOrgId);
  if (f.centreOrgId) q = q.where('t.centre_org_id', '=', f.centreOrgId);
  if (f.phone) q = q.where('t.requester_phone', '=', f.phone);
  if (f.ticketNo) q = q.where('t.ticket_no', '=', f.ticketNo);
  if (f.supervised !== undefined) q = q.where('t.supervised', '=', f.supervised);
  if (f.receivedFrom) q = q.where('t.received_at', '>=', f.receivedFrom);
  if (f.receivedTo) q = q.where('t.received_at', '<', f.receivedTo);
  if (f.q) q = q.where('t.description', 'like', `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const card = f.card;
  if (card) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('hotline_ticket_clock as k2')
          .select(sql.lit(1).as('one'))
          .whereRef('k2.ticket_id', '=', 't.id')
          .where('k2.stopped_at', 'is', null)
          .where(
            'k2.due_at',
            card.kind === 'red' ? '<' : '<=',
            card.kind === 'red' ? card.now : card.yellowLimit,
          )
          .$if(card.kind === 'yellow', (qb) => qb.where('k2.due_at', '>=', card.now)),
      ),
    );
  }
  const [items, count] = await Promise.all([
    q.orderBy('t.received_at', 'desc').orderBy('t.id', 'desc').limit(limit).offset(offset).execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: items as TicketRow[], total: Number(count.n) };
}

export interface DuplicateProbe {
  scopePath: string;
  phone?: string | undefined;
  plateNo?: string | undefined;
  lat?: number | undefined;
  lon?: number | undefined;
  at: Date;
  text?: string | undefined;
  since: Date;
  excludeId?: number | undefined;
}

/**
 * Open tickets that may be the same matter: same caller, same plate, near in place and time
 * (about 500 m and 48 h), or similar text (pg_trgm). Each row says which signals matched.
 */
export async function findDuplicateCandidates(db: Executor, p: DuplicateProbe, limit: number) {
  const near =
    p.lat !== undefined && p.lon !== undefined
      ? sql<boolean>`(t.lat is not null and abs(t.lat - ${p.lat}) < 0.0045 and abs(t.lon - ${p.lon}) < 0.0055
          and coalesce(t.occurred_at, t.received_at) between ${new Date(p.at.getTime() - 48 * 3_600_000)}
          and ${new Date(p.at.getTime() + 48 * 3_600_000)})`
      : sql<boolean>`false`;
  const similarity = p.text ? sql<number>`similarity(t.description, ${p.text})` : sql<number>`0`;
  const rows = await selectTickets(db)
    .select([
      p.phone
        ? sql<boolean>`t.requester_phone = ${p.phone}`.as('same_phone')
        : sql<boolean>`false`.as('same_phone'),
      p.plateNo
        ? sql<boolean>`t.fields ->> 'plateNo' = ${p.plateNo}`.as('same_plate')
        : sql<boolean>`false`.as('same_plate'),
      near.as('near'),
      similarity.as('similarity'),
    ])
    .where(visibleTo(p.scopePath))
    .where('t.received_at', '>=', p.since)
    // Only open tickets: a call can join one of those (merge takes an open target); a closed
    // matter the caller raised before shows in the caller's history instead.
    .where('t.state', 'in', OPEN_STATES)
    .$if(p.excludeId !== undefined, (q) => q.where('t.id', '<>', p.excludeId as number))
    .where(() => {
      const any = [near];
      if (p.phone) any.push(sql<boolean>`t.requester_phone = ${p.phone}`);
      if (p.plateNo) any.push(sql<boolean>`t.fields ->> 'plateNo' = ${p.plateNo}`);
      if (p.text) any.push(sql<boolean>`similarity(t.description, ${p.text}) >= 0.25`);
      return sql<boolean>`(${sql.join(any, sql` or `)})`;
    })
    .orderBy(sql.ref('similarity'), 'desc')
    .orderBy('t.received_at', 'desc')
    .limit(limit)
    .execute();
  return rows as (TicketRow & {
    same_phone: boolean;
    same_plate: boolean;
    near: boolean;
    similarity: number;
  })[];
}

export async function insertNote(trx: Executor, row: Insertable<HotlineTicketNoteTable>): Promise<void> {
  await trx.insertInto('hotline_ticket_note').values(row).execute();
}

export async function listNotes(db: Executor, ticketId: number, kinds: readonly ('internal' | 'public')[]) {
  return db
    .selectFrom('hotline_ticket_note')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .where('kind', 'in', kinds)
    .orderBy('id')
    .execute();
}

export async function insertAttachment(trx: Executor, row: Insertable<HotlineAttachmentTable>) {
  await trx.insertInto('hotline_attachment').values(row).execute();
}

/** Attaches a public upload if its claim token matches; returns whether it did. */
export async function claimAttachment(trx: Executor, id: string, claimDigest: string, ticketId: number) {
  const res = await trx
    .updateTable('hotline_attachment')
    .set({ ticket_id: ticketId, claim_digest: null })
    .where('id', '=', id)
    .where('claim_digest', '=', claimDigest)
    .where('ticket_id', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function listAttachments(db: Executor, ticketId: number) {
  return db
    .selectFrom('hotline_attachment')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('uploaded_at')
    .execute();
}

export async function copyAttachments(
  trx: Executor,
  fromTicketId: number,
  toTicketId: number,
): Promise<void> {
  await sql`
    insert into hotline_attachment (id, ticket_id, file_id, filename, mime, size, sm3, storage_key, claim_digest, uploaded_at)
    select gen_random_uuid(), ${toTicketId}, file_id, filename, mime, size, sm3, storage_key, null, uploaded_at
    from hotline_attachment where ticket_id = ${fromTicketId}`.execute(trx);
}

/** Records a hit and returns how many hits the key had in the window, this one included. */
export async function countHit(trx: Executor, key: string, now: Date, windowMs: number): Promise<number> {
  await trx.insertInto('hotline_intake_hit').values({ key, at: now }).execute();
  const row = await trx
    .selectFrom('hotline_intake_hit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', '=', key)
    .where('at', '>', new Date(now.getTime() - windowMs))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function pruneHits(db: Executor, before: Date): Promise<void> {
  await db.deleteFrom('hotline_intake_hit').where('at', '<', before).execute();
}
