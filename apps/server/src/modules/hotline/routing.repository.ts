import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { under } from '../../platform/orgs/orgs.repository.ts';
import type {
  HotlineRoutingRuleTable,
  HotlineSendBackTable,
  HotlineTransferTable,
  RequestType,
  TransferState,
} from './hotline.tables.ts';

export type RuleRow = Selectable<HotlineRoutingRuleTable> & {
  owner_name: string;
  handling_name: string;
  handling_path: string;
  region_name: string | null;
};
export type TransferRow = Selectable<HotlineTransferTable>;

function selectRules(db: Executor) {
  return db
    .selectFrom('hotline_routing_rule as r')
    .innerJoin('org_unit as ow', 'ow.id', 'r.owner_org_id')
    .innerJoin('org_unit as h', 'h.id', 'r.handling_org_id')
    .leftJoin('org_unit as rg', 'rg.id', 'r.region_org_id')
    .selectAll('r')
    .select([
      'ow.name as owner_name',
      'h.name as handling_name',
      'h.path as handling_path',
      'rg.name as region_name',
    ]);
}

export async function insertRule(trx: Executor, row: Insertable<HotlineRoutingRuleTable>): Promise<number> {
  const { id } = await trx
    .insertInto('hotline_routing_rule')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Rules owned by units in the caller's subtree. */
export async function listRules(db: Executor, scopePath: string, limit: number, offset: number) {
  const q = selectRules(db).where('ow.path', 'like', under(scopePath)).where('r.active', '=', true);
  const [items, count] = await Promise.all([
    q
      .orderBy('r.owner_org_id')
      .orderBy('r.priority', 'desc')
      .orderBy('r.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: items as RuleRow[], total: Number(count.n) };
}

export async function findRuleInScope(db: Executor, id: number, scopePath: string) {
  return selectRules(db)
    .where('r.id', '=', id)
    .where('ow.path', 'like', under(scopePath))
    .executeTakeFirst() as Promise<RuleRow | undefined>;
}

export async function deactivateRule(trx: Executor, id: number): Promise<void> {
  await trx.updateTable('hotline_routing_rule').set({ active: false }).where('id', '=', id).execute();
}

/**
 * Rules that apply to a ticket of this centre, most specific first: rules of the centre and of its
 * ancestors whose type, category prefix and region (the place lies under it) match or are blank;
 * deeper region, longer category prefix, a named type, then priority decide.
 */
export async function matchRules(
  db: Executor,
  t: { centrePath: string; requestType: RequestType; categoryCode: string; regionPath: string | null },
  limit: number,
): Promise<RuleRow[]> {
  const rows = await selectRules(db)
    .where('r.active', '=', true)
    .where(sql<boolean>`${t.centrePath} like ow.path || '%'`)
    .where((eb) => eb.or([eb('r.request_type', 'is', null), eb('r.request_type', '=', t.requestType)]))
    .where((eb) =>
      eb.or([
        eb('r.category_prefix', 'is', null),
        sql<boolean>`${t.categoryCode} like r.category_prefix || '%'`,
      ]),
    )
    .where((eb) =>
      t.regionPath === null
        ? eb('r.region_org_id', 'is', null)
        : eb.or([eb('r.region_org_id', 'is', null), sql<boolean>`${t.regionPath} like rg.path || '%'`]),
    )
    .orderBy(sql`length(coalesce(rg.path, ''))`, 'desc')
    .orderBy(sql`length(coalesce(r.category_prefix, ''))`, 'desc')
    .orderBy(sql`(r.request_type is not null)`, 'desc')
    .orderBy('r.priority', 'desc')
    .orderBy('r.id')
    .limit(limit)
    .execute();
  return rows as RuleRow[];
}

export async function insertTransfer(
  trx: Executor,
  row: Insertable<HotlineTransferTable>,
): Promise<TransferRow> {
  return trx.insertInto('hotline_transfer').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function lockTransfer(trx: Executor, id: number): Promise<TransferRow | undefined> {
  return trx.selectFrom('hotline_transfer').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function setTransferState(
  trx: Executor,
  id: number,
  patch: { state: TransferState; attempts?: number; last_error?: string | null; updated_at: Date },
): Promise<void> {
  await trx.updateTable('hotline_transfer').set(patch).where('id', '=', id).execute();
}

export async function markTransfersDone(trx: Executor, ticketId: number, now: Date): Promise<void> {
  await trx
    .updateTable('hotline_transfer')
    .set({ state: 'doneExternal', updated_at: now })
    .where('ticket_id', '=', ticketId)
    .where('state', '=', 'sent')
    .execute();
}

function selectTransfers(db: Executor) {
  return db
    .selectFrom('hotline_transfer as x')
    .innerJoin('hotline_ticket as t', 't.id', 'x.ticket_id')
    .innerJoin('org_unit as f', 'f.id', 'x.from_org_id')
    .innerJoin('org_unit as d', 'd.id', 'x.to_org_id')
    .innerJoin('org_unit as hb', 'hb.id', 'x.hub_org_id')
    .selectAll('x')
    .select(['t.ticket_no', 'f.name as from_name', 'd.name as to_name', 'hb.name as hub_name']);
}

export type TransferView = TransferRow & {
  ticket_no: string;
  from_name: string;
  to_name: string;
  hub_name: string;
};

export async function findTransferView(db: Executor, id: number): Promise<TransferView | undefined> {
  return selectTransfers(db).where('x.id', '=', id).executeTakeFirst();
}

/** Transfers of tickets the caller may see. */
export async function listTransfers(
  db: Executor,
  scopePath: string,
  state: TransferState | undefined,
  limit: number,
  offset: number,
) {
  let q = selectTransfers(db).where(
    sql<boolean>`exists (select 1 from hotline_ticket_org a join org_unit ao on ao.id = a.org_unit_id
        where a.ticket_id = t.id and ao.path like ${under(scopePath)})`,
  );
  if (state) q = q.where('x.state', '=', state);
  const [items, count] = await Promise.all([
    q.orderBy('x.id', 'desc').limit(limit).offset(offset).execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: items as TransferView[], total: Number(count.n) };
}

export const toTransferDto = (x: TransferView) => ({
  id: x.id,
  ticketId: x.ticket_id,
  ticketNo: x.ticket_no,
  fromOrgId: x.from_org_id,
  fromName: x.from_name,
  toOrgId: x.to_org_id,
  toName: x.to_name,
  hubOrgId: x.hub_org_id,
  hubName: x.hub_name,
  route: x.route,
  state: x.state,
  attempts: x.attempts,
  lastError: x.last_error,
  createdAt: x.created_at.toISOString(),
  updatedAt: x.updated_at.toISOString(),
});

export async function insertSendBack(trx: Executor, row: Insertable<HotlineSendBackTable>): Promise<void> {
  await trx.insertInto('hotline_send_back').values(row).execute();
}

export async function countSendBacksBy(db: Executor, ticketId: number, orgUnitId: number): Promise<number> {
  const row = await db
    .selectFrom('hotline_send_back')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ticket_id', '=', ticketId)
    .where('org_unit_id', '=', orgUnitId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
