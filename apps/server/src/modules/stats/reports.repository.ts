import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { under } from '../../platform/orgs/orgs.repository.ts';
import type {
  StatsCellCommentTable,
  StatsReportTable,
  StatsSnapshotTable,
  StatsUnlockRequestTable,
} from './stats.tables.ts';

export type ReportRow = Selectable<StatsReportTable>;
export type ReportWithOrg = ReportRow & { org_path: string; org_name: string; org_level: string };
export type CommentRow = Selectable<StatsCellCommentTable>;
export type SnapshotRow = Selectable<StatsSnapshotTable>;
export type UnlockRequestRow = Selectable<StatsUnlockRequestTable>;

const withOrg = (db: Executor) =>
  db
    .selectFrom('stats_report as r')
    .innerJoin('org_unit as o', 'o.id', 'r.org_unit_id')
    .selectAll('r')
    .select(['o.path as org_path', 'o.name as org_name', 'o.level as org_level']);

export async function findReport(
  db: Executor,
  formId: number,
  orgUnitId: number,
  period: string,
): Promise<ReportWithOrg | undefined> {
  return withOrg(db)
    .where('r.form_id', '=', formId)
    .where('r.org_unit_id', '=', orgUnitId)
    .where('r.period', '=', period)
    .executeTakeFirst();
}

/** A report in the caller's jurisdiction, locked for the transaction that will change it. */
export async function lockReportInScope(
  db: Executor,
  id: number,
  scopePath: string,
): Promise<ReportWithOrg | undefined> {
  const row = await db
    .selectFrom('stats_report as r')
    .innerJoin('org_unit as o', 'o.id', 'r.org_unit_id')
    .select('r.id')
    .where('r.id', '=', id)
    .where('o.path', 'like', under(scopePath))
    .forUpdate('r')
    .executeTakeFirst();
  if (!row) return undefined;
  return withOrg(db).where('r.id', '=', id).executeTakeFirst();
}

export async function findReportInScope(
  db: Executor,
  id: number,
  scopePath: string,
): Promise<ReportWithOrg | undefined> {
  return withOrg(db).where('r.id', '=', id).where('o.path', 'like', under(scopePath)).executeTakeFirst();
}

/** Creates the report unless it exists (a concurrent creator wins); returns it locked. */
export async function ensureReport(db: Executor, row: Insertable<StatsReportTable>): Promise<ReportWithOrg> {
  await db
    .insertInto('stats_report')
    .values(row)
    .onConflict((oc) => oc.columns(['form_id', 'period', 'org_unit_id']).doNothing())
    .execute();
  const locked = await db
    .selectFrom('stats_report')
    .select('id')
    .where('form_id', '=', row.form_id)
    .where('period', '=', row.period)
    .where('org_unit_id', '=', row.org_unit_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return withOrg(db).where('r.id', '=', locked.id).executeTakeFirstOrThrow();
}

export async function updateReport(
  db: Executor,
  id: number,
  patch: Updateable<StatsReportTable>,
): Promise<void> {
  await db.updateTable('stats_report').set(patch).where('id', '=', id).execute();
}

/** The reports of a form and period for a set of units (the completeness grid, child checks). */
export async function listReportsOfUnits(
  db: Executor,
  formId: number,
  period: string,
  orgUnitIds: readonly number[],
): Promise<ReportRow[]> {
  if (orgUnitIds.length === 0) return [];
  return db
    .selectFrom('stats_report')
    .selectAll()
    .where('form_id', '=', formId)
    .where('period', '=', period)
    .where(sql<boolean>`org_unit_id = any(${orgUnitIds})`)
    .execute();
}

/** Reports of one unit in given (form, period) pairs: the filler's inbox. */
export async function listReportsOfUnit(db: Executor, orgUnitId: number, formIds: readonly number[]) {
  if (formIds.length === 0) return [];
  return db
    .selectFrom('stats_report')
    .selectAll()
    .where('org_unit_id', '=', orgUnitId)
    .where(sql<boolean>`form_id = any(${formIds})`)
    .execute();
}

/** Reports waiting for the reviewing unit's decision. */
export async function listAwaitingReview(db: Executor, reviewerOrgUnitId: number): Promise<ReportWithOrg[]> {
  return withOrg(db)
    .where('r.reviewer_org_unit_id', '=', reviewerOrgUnitId)
    .where('r.state', '=', 'submitted')
    .orderBy('r.submitted_at')
    .limit(500)
    .execute();
}

export async function insertComment(
  db: Executor,
  row: Insertable<StatsCellCommentTable>,
): Promise<CommentRow> {
  return db.insertInto('stats_cell_comment').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function listComments(db: Executor, reportId: number): Promise<CommentRow[]> {
  return db
    .selectFrom('stats_cell_comment')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('id')
    .execute();
}

export async function insertSnapshot(
  db: Executor,
  row: Omit<Insertable<StatsSnapshotTable>, 'cells'> & { cells: Record<string, string | null> },
): Promise<void> {
  await db
    .insertInto('stats_snapshot')
    .values({ ...row, cells: JSON.stringify(row.cells) as unknown as Record<string, string | null> })
    .execute();
}

export async function latestSnapshot(db: Executor, reportId: number): Promise<SnapshotRow | undefined> {
  return db
    .selectFrom('stats_snapshot')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertUnlockRequest(
  db: Executor,
  row: Insertable<StatsUnlockRequestTable>,
): Promise<UnlockRequestRow> {
  return db.insertInto('stats_unlock_request').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findPendingUnlock(
  db: Executor,
  reportId: number,
): Promise<UnlockRequestRow | undefined> {
  return db
    .selectFrom('stats_unlock_request')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('state', '=', 'pending')
    .forUpdate()
    .executeTakeFirst();
}

export async function decideUnlock(
  db: Executor,
  id: number,
  patch: Updateable<StatsUnlockRequestTable>,
): Promise<void> {
  await db.updateTable('stats_unlock_request').set(patch).where('id', '=', id).execute();
}

export async function listUnlockRequests(db: Executor, reportId: number): Promise<UnlockRequestRow[]> {
  return db
    .selectFrom('stats_unlock_request')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('id')
    .execute();
}

/** Periods that already have a report of the form (versions must not change under them). */
export async function listReportedPeriods(db: Executor, formId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('stats_report')
    .select('period')
    .distinct()
    .where('form_id', '=', formId)
    .execute();
  return rows.map((r) => r.period);
}

/** Demo content: marks the drafts of a subtree's units submitted to a reviewer. */
export async function updateReportsSubmitted(
  db: Executor,
  formId: number,
  period: string,
  scopePath: string,
  reviewerId: number,
  now: Date,
): Promise<void> {
  await db
    .updateTable('stats_report as r')
    .set({ state: 'submitted', submitted_at: now, reviewer_org_unit_id: reviewerId, updated_at: now })
    .where('r.form_id', '=', formId)
    .where('r.period', '=', period)
    .where('r.state', '=', 'draft')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('org_unit as o')
          .select('o.id')
          .whereRef('o.id', '=', 'r.org_unit_id')
          .where('o.path', 'like', under(scopePath))
          .where('o.level', '=', 'county'),
      ),
    )
    .execute();
}
