import { type AuditContext, recordAudit } from '../../platform/audit/audit.service.ts';
import { loadWorkingCalendar } from '../../platform/calendar/index.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import {
  analyzeStage,
  analyzeValues,
  copyFreshValues,
  deleteStagedValues,
  mergeStagedValues,
  stageWrites,
} from './bulk-values.repository.ts';
import { checkStoredValue } from './cell-values.ts';
import { ensureDraftReports, findUnitsByCodeInScope, lockReportStates } from './exchange.repository.ts';
import {
  type FormWithOwner,
  findFillWindow,
  findFormByCode,
  listExpectedFillers,
} from './forms.repository.ts';
import { formVisible, periodOfForm, windowOf } from './forms.service.ts';
import { type CellIndex, cellIndexOf, ImportWrites } from './import-writes.ts';
import type { CompiledLayout } from './layout.ts';
import type { Period } from './periods.ts';
import { layoutOfVersion, versionFor } from './report-context.ts';
import { listReportsOfUnits } from './reports.repository.ts';
import { anyValues, type WriteMode } from './values.repository.ts';

export type ImportStrategy = 'CREATE_AND_UPDATE' | 'CREATE' | 'UPDATE' | 'DELETE';

export interface DataValueIn {
  readonly dataElement: string;
  readonly period?: string | undefined;
  readonly orgUnit?: string | undefined;
  readonly categoryOptionCombo?: string | undefined;
  readonly attributeOptionCombo?: string | undefined;
  readonly value?: string | number | boolean | null | undefined;
  readonly comment?: string | undefined;
}

export interface ImportRequest {
  readonly dataSet?: string | undefined;
  readonly period?: string | undefined;
  readonly orgUnit?: string | undefined;
  readonly dataValues: readonly DataValueIn[];
}

export interface Conflict {
  object: string;
  value: string;
  errorCode: string;
  indexes: number[];
}

export interface ImportSummary {
  status: 'SUCCESS' | 'WARNING' | 'ERROR';
  description: string;
  dryRun: boolean;
  importStrategy: ImportStrategy;
  importCount: { imported: number; updated: number; ignored: number; deleted: number };
  conflicts: Conflict[];
}

// DHIS2's default category option combo, by code and by its well-known uid.
const DEFAULT_COMBOS = new Set(['', 'default', 'HllvX50cXC0']);
const MAX_CONFLICTS_LISTED = 1000;
// New rows after which an import refreshes the planner's statistics of stats_value.
const ANALYZE_AFTER = 50_000;
// Staged rows after which the staging table is analysed before the joins that read it.
const ANALYZE_STAGE_AFTER = 10_000;

interface PeriodPlan {
  readonly period: Period;
  readonly layout: CompiledLayout;
  readonly cells: CellIndex;
  readonly versionId: number;
  readonly expected: ReadonlySet<number>;
  readonly locked: ReadonlyMap<number, string>;
  readonly windowProblem: string | null;
}

/**
 * Imports a DHIS2-shaped data value set through the same rules as entry: every value checked
 * against its cell, units only inside the caller's jurisdiction and under an obligation, nothing
 * written into a submitted or approved report or outside the fill window. Values that break a
 * rule are conflicts. The rest are COPYed into a staging table and moved in with a few set-based
 * statements (cell history of what they replace included), after the reports they go into are
 * locked and checked once more in one statement; one audit entry covers the whole import. All of
 * it runs in the caller's transaction: a dry run is the caller's to roll back, and the summary
 * means something only once the caller has committed.
 */
export async function importDataValues(
  trx: Executor,
  audit: AuditContext,
  actor: Actor,
  request: ImportRequest,
  strategy: ImportStrategy,
  dryRun: boolean,
  now: Date,
): Promise<ImportSummary> {
  const dataSet = request.dataSet ?? '';
  const form = await findFormByCode(trx, dataSet);
  if (!form) throw notFound(`data set ${JSON.stringify(dataSet)}`);
  await formVisible(trx, actor, form.id);
  const conflicts = new Map<string, Conflict>();
  let conflictCount = 0;
  const conflict = (object: string, value: string, errorCode: string, index: number) => {
    conflictCount += 1;
    const key = `${errorCode}|${object}|${value}`;
    const known = conflicts.get(key);
    if (known) known.indexes.length < 100 && known.indexes.push(index);
    else if (conflicts.size < MAX_CONFLICTS_LISTED)
      conflicts.set(key, { object, value, errorCode, indexes: [index] });
  };

  const codes = new Set<string>();
  const periodIds = new Set<string>();
  for (const v of request.dataValues) {
    codes.add(v.orgUnit ?? request.orgUnit ?? '');
    periodIds.add(v.period ?? request.period ?? '');
  }
  const units = new Map(
    (await findUnitsByCodeInScope(trx, [...codes], actor.orgPath)).map((u) => [u.code, u]),
  );
  const plans = new Map<string, PeriodPlan | string>();
  const calendar = await loadWorkingCalendar(trx);
  for (const id of periodIds)
    plans.set(
      id,
      await planPeriod(
        trx,
        form,
        id,
        [...units.values()].map((u) => u.id),
        actor,
        calendar,
        now,
      ),
    );

  const writes = new ImportWrites();
  for (const [index, v] of request.dataValues.entries()) {
    const periodId = v.period ?? request.period ?? '';
    const code = v.orgUnit ?? request.orgUnit ?? '';
    const plan = plans.get(periodId);
    if (typeof plan === 'string' || plan === undefined) {
      conflict(periodId, plan ?? 'no period', 'E7601', index);
      continue;
    }
    const unit = units.get(code);
    if (!unit) {
      conflict(code, 'org unit unknown or outside your jurisdiction', 'E7610', index);
      continue;
    }
    if (!plan.expected.has(unit.id)) {
      conflict(code, `no obligation to report ${form.code} for ${periodId}`, 'E7611', index);
      continue;
    }
    if (plan.windowProblem) {
      conflict(periodId, plan.windowProblem, 'E7641', index);
      continue;
    }
    const lock = plan.locked.get(unit.id);
    if (lock) {
      conflict(code, `report for ${periodId} is ${lock}`, 'E7643', index);
      continue;
    }
    const combo = DEFAULT_COMBOS.has(v.categoryOptionCombo ?? '')
      ? 'value'
      : (v.categoryOptionCombo as string);
    const key = `${v.dataElement}.${combo}`;
    const at = plan.cells.indexOf.get(key);
    const cell = at === undefined ? undefined : plan.layout.cells[at];
    if (at === undefined || !cell) {
      conflict(key, 'no such cell in the form version in force', 'E7620', index);
      continue;
    }
    if (strategy === 'DELETE') {
      writes.delete(plan.period.id, unit.id, plan.versionId, plan.cells, at);
      continue;
    }
    const checked = checkStoredValue(cell, v.value);
    if (!checked.ok) {
      conflict(key, checked.error.message, `E7630:${checked.error.code}`, index);
      continue;
    }
    writes.set(plan.period.id, unit.id, plan.versionId, plan.cells, at, checked.value.num, checked.value.txt);
  }

  const meta = {
    formId: form.id,
    userId: actor.userId,
    username: actor.username,
    at: now,
    source: 'import' as const,
  };
  const count = { imported: 0, updated: 0, ignored: conflictCount, deleted: 0 };
  if (strategy !== 'DELETE') await ensureDraftReports(trx, form.id, [...writes.filledReports()], now);
  await guardReports(trx, form.id, writes.reportKeys());
  // The first load of a period replaces nothing: no old values to look up and keep, no history
  // to write, so the values are COPYed straight into stats_value. Asked only once the reports are
  // locked: every writer of a report's values holds its row, so no cell appears meanwhile (two
  // first loads at once: the second sees the first's values and merges).
  const fresh =
    (strategy === 'CREATE_AND_UPDATE' || strategy === 'CREATE') &&
    !(await anyValues(
      trx,
      form.id,
      [...periodIds],
      [...units.values()].map((u) => u.id),
    ));
  if (fresh) {
    count.imported = await copyFreshValues(trx, meta, writes.writes());
    // A large load leaves the planner's statistics of stats_value far off (a first load: from
    // nothing to millions of rows), and the roll-ups right after it would plan for a few rows.
    if (count.imported > ANALYZE_AFTER) await analyzeValues(trx);
  } else {
    const staged = await stageWrites(trx, writes.writes());
    if (staged > ANALYZE_STAGE_AFTER) await analyzeStage(trx);
    if (strategy === 'DELETE') count.deleted = await deleteStagedValues(trx, meta, staged, 'del');
    else {
      const mode: WriteMode =
        strategy === 'CREATE' ? 'createOnly' : strategy === 'UPDATE' ? 'updateOnly' : 'upsert';
      const written = await mergeStagedValues(trx, meta, staged, mode);
      if (written.inserted > ANALYZE_AFTER) await analyzeValues(trx);
      count.imported = written.inserted;
      count.updated = written.updated;
      count.deleted = strategy === 'CREATE' ? 0 : await deleteStagedValues(trx, meta, staged, 'clear');
    }
  }
  const written = count.imported + count.updated + count.deleted;
  count.ignored += request.dataValues.length - conflictCount - written;
  const summary: ImportSummary = {
    status: conflictCount === 0 ? 'SUCCESS' : written > 0 ? 'WARNING' : 'ERROR',
    description: dryRun ? 'dry run: nothing was saved' : `import of ${form.code} done`,
    dryRun,
    importStrategy: strategy,
    importCount: count,
    conflicts: [...conflicts.values()],
  };
  await recordAudit(trx, audit, {
    action: 'stats.values.import',
    // An import of which nothing could go in failed, whatever it was meant to do.
    outcome: summary.status === 'ERROR' ? 'failure' : 'success',
    objectType: 'stats_form',
    objectId: form.id,
    after: {
      dataSet: form.code,
      periods: [...periodIds].slice(0, 50),
      units: units.size,
      strategy,
      importCount: count,
      conflicts: conflictCount,
    },
  });
  return summary;
}

/**
 * The workflow guard of the bulk path, set-wise: every report the import writes into is locked
 * (FOR UPDATE, until the transaction ends) and must still be open. A report submitted or approved
 * since the import was planned fails the whole import; nothing is written.
 */
async function guardReports(
  trx: Executor,
  formId: number,
  reports: Iterable<{ period: string; orgUnitId: number }>,
) {
  const closed = (await lockReportStates(trx, formId, [...reports])).filter(
    (r) => r.state === 'submitted' || r.state === 'approved',
  );
  if (closed.length > 0)
    throw new AppError(
      409,
      'conflict',
      `${closed.length} report(s) were submitted or approved while the import ran; import again`,
    );
}

/** What a period of an import is judged by; a string is why none of its values can go in. */
async function planPeriod(
  trx: Executor,
  form: FormWithOwner,
  periodId: string,
  unitIds: readonly number[],
  actor: Actor,
  calendar: Awaited<ReturnType<typeof loadWorkingCalendar>>,
  now: Date,
): Promise<PeriodPlan | string> {
  let period: Period;
  try {
    period = periodOfForm(form, periodId);
  } catch (err) {
    return err instanceof AppError ? err.message : 'bad period';
  }
  const version = await versionFor(trx, form, period).catch(() => null);
  if (!version) return `no version of ${form.code} in force for ${periodId}`;
  const [fillers, reports, configured] = await Promise.all([
    listExpectedFillers(trx, form, period.start, actor.orgPath),
    listReportsOfUnits(trx, form.id, period.id, unitIds),
    findFillWindow(trx, form.id, period.id),
  ]);
  const window = windowOf(form, period, calendar, configured);
  const windowProblem =
    now < window.opensAt
      ? `filling opens at ${window.opensAt.toISOString()}`
      : window.closesAt && now >= window.closesAt
        ? `filling closed at ${window.closesAt.toISOString()}`
        : null;
  const layout = layoutOfVersion(version);
  return {
    period,
    layout,
    cells: cellIndexOf(layout),
    versionId: version.id,
    expected: new Set(fillers.map((f) => f.id)),
    locked: new Map(
      reports
        .filter((r) => r.state === 'submitted' || r.state === 'approved')
        .map((r) => [r.org_unit_id, r.state]),
    ),
    windowProblem,
  };
}
