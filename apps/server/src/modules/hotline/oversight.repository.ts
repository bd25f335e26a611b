import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { under } from '../../platform/orgs/orgs.repository.ts';
import type { HotlineExtensionTable, HotlineUrgeTable } from './hotline.tables.ts';

export type ExtensionRow = Selectable<HotlineExtensionTable>;
export type UrgeRow = Selectable<HotlineUrgeTable>;

const visible = (scopePath: string) =>
  sql<boolean>`exists (select 1 from hotline_ticket_org a join org_unit ao on ao.id = a.org_unit_id
    where a.ticket_id = t.id and ao.path like ${under(scopePath)})`;

export async function insertExtension(trx: Executor, row: Insertable<HotlineExtensionTable>) {
  return trx.insertInto('hotline_extension').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findExtension(db: Executor, ticketId: number, id: number) {
  return db
    .selectFrom('hotline_extension')
    .selectAll()
    .where('id', '=', id)
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
}

export async function decideExtension(
  trx: Executor,
  id: number,
  patch: Pick<ExtensionRow, 'decision' | 'decided_by' | 'decided_at' | 'decision_note' | 'new_due_at'>,
): Promise<ExtensionRow> {
  return trx
    .updateTable('hotline_extension')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listExtensions(
  db: Executor,
  f: { scopePath: string; decision?: ExtensionRow['decision'] | undefined; ticketId?: number | undefined },
  limit: number,
  offset: number,
) {
  let q = db
    .selectFrom('hotline_extension as e')
    .innerJoin('hotline_ticket as t', 't.id', 'e.ticket_id')
    .selectAll('e')
    .select('t.ticket_no')
    .where(visible(f.scopePath));
  if (f.decision) q = q.where('e.decision', '=', f.decision);
  if (f.ticketId) q = q.where('e.ticket_id', '=', f.ticketId);
  const [items, count] = await Promise.all([
    q.orderBy('e.id', 'desc').limit(limit).offset(offset).execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function insertUrge(trx: Executor, row: Insertable<HotlineUrgeTable>): Promise<UrgeRow> {
  return trx.insertInto('hotline_urge').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findUrge(db: Executor, ticketId: number, id: number) {
  return db
    .selectFrom('hotline_urge')
    .selectAll()
    .where('id', '=', id)
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
}

export async function answerUrge(
  trx: Executor,
  id: number,
  patch: { answer: string; answered_by: number | null; answered_at: Date },
): Promise<UrgeRow> {
  return trx
    .updateTable('hotline_urge')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listUrges(
  db: Executor,
  f: {
    scopePath: string;
    kind?: UrgeRow['kind'] | undefined;
    open?: boolean | undefined;
    ticketId?: number | undefined;
  },
  limit: number,
  offset: number,
) {
  let q = db
    .selectFrom('hotline_urge as u')
    .innerJoin('hotline_ticket as t', 't.id', 'u.ticket_id')
    .innerJoin('org_unit as i', 'i.id', 'u.issuer_org_id')
    .leftJoin('org_unit as g', 'g.id', 'u.target_org_id')
    .selectAll('u')
    .select(['t.ticket_no', 'i.name as issuer_name', 'g.name as target_name'])
    .where(visible(f.scopePath));
  if (f.kind) q = q.where('u.kind', '=', f.kind);
  if (f.open === true) q = q.where('u.answered_at', 'is', null);
  if (f.open === false) q = q.where('u.answered_at', 'is not', null);
  if (f.ticketId) q = q.where('u.ticket_id', '=', f.ticketId);
  const [items, count] = await Promise.all([
    q.orderBy('u.id', 'desc').limit(limit).offset(offset).execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function hasOpenAutomaticUrge(db: Executor, ticketId: number): Promise<boolean> {
  const row = await db
    .selectFrom('hotline_urge')
    .select('id')
    .where('ticket_id', '=', ticketId)
    .where('automatic', '=', true)
    .where('answered_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** A running clock of ticket `t` whose due time is in [from, to) (either end open when null). */
const runningClockDue = (from: Date | null, to: Date, inclusive: boolean) =>
  sql<boolean>`exists (select 1 from hotline_ticket_clock k where k.ticket_id = t.id and k.stopped_at is null
    and k.due_at ${sql.raw(inclusive ? '<=' : '<')} ${to}${from ? sql` and k.due_at >= ${from}` : sql``})`;

/**
 * The supervision board's summary: per handling unit (the centre while a ticket has none), its
 * open tickets with a yellow card, a red card, and under supervision; most red first. Cards are
 * read from the running clocks as the ticket list's card filter reads them (red: a clock overdue;
 * yellow: a clock due within `yellowLimit`), so the summary and the list agree between job runs.
 */
export async function cardsByUnit(
  db: Executor,
  f: { scopePath: string; openStates: readonly string[]; now: Date; yellowLimit: Date },
  limit: number,
  offset: number,
) {
  const red = runningClockDue(null, f.now, false);
  const yellow = runningClockDue(f.now, f.yellowLimit, true);
  const q = db
    .selectFrom('hotline_ticket as t')
    .innerJoin('org_unit as o', (j) =>
      j.onRef('o.id', '=', sql`coalesce(t.handling_org_id, t.centre_org_id)`),
    )
    .where(visible(f.scopePath))
    .where('t.state', '=', sql<string>`any(${sql.val([...f.openStates])}::text[])`)
    .where((eb) => eb.or([eb('t.supervised', '=', true), runningClockDue(null, f.yellowLimit, true)]))
    .groupBy(['o.id', 'o.name', 'o.path']);
  const [items, count] = await Promise.all([
    q
      .select([
        'o.id as org_unit_id',
        'o.name as org_name',
        sql<number>`(count(*) filter (where ${yellow}))::int`.as('yellow'),
        sql<number>`(count(*) filter (where ${red}))::int`.as('red'),
        sql<number>`(count(*) filter (where t.supervised))::int`.as('supervised'),
      ])
      .orderBy('red', 'desc')
      .orderBy('yellow', 'desc')
      .orderBy('o.path')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom(q.select('o.id').as('g'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
