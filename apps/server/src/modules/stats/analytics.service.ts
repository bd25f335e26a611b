import type { Executor } from '../../platform/db/database.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { findOrgUnitInScope } from '../../platform/orgs/orgs.repository.ts';
import type { OrgLevel } from '../../platform/orgs/orgs.tables.ts';
import {
  aggregatePivot,
  listPivotUnits,
  type PivotUnitRow,
  type PivotValueRow,
  publishedPivot,
} from './analytics.repository.ts';
import { formatComputed, roundDecimal } from './cell-values.ts';
import { listVersions, type VersionRow } from './forms.repository.ts';
import { formVisible, periodOfForm } from './forms.service.ts';
import { type CompiledLayout, computeCells } from './layout.ts';
import { comparePeriods, type Period, previousPeriod, samePeriodLastYear } from './periods.ts';
import { layoutOfVersion } from './report-context.ts';
import type { AggregationType } from './stats.tables.ts';

export type Figure = 'working' | 'published';

export interface PivotQuery {
  readonly cellKeys: readonly string[];
  readonly periods: readonly string[];
  readonly orgUnitId?: number | undefined;
  readonly level?: OrgLevel | undefined;
  readonly figure: Figure;
  readonly page: number;
  readonly pageSize: number;
}

interface PivotCell {
  cellKey: string;
  period: string;
  value: string | null;
  previous: string | null;
  lastYear: string | null;
  mom: number | null;
  yoy: number | null;
}

/** Entry cells a set of cells is computed from (themselves for entry cells). */
function entryInputs(layout: CompiledLayout, keys: readonly string[]): string[] {
  const out = new Set<string>();
  const visit = (key: string) => {
    const cell = layout.byKey.get(key);
    if (!cell || cell.kind === 'disabled') return;
    if (cell.kind === 'entry') out.add(key);
    else for (const input of cell.formula?.of ?? []) visit(input);
  };
  for (const key of keys) visit(key);
  return [...out];
}

const change = (now: string | null, before: string | null): number | null => {
  if (now === null || before === null) return null;
  const a = Number(now);
  const b = Number(before);
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return Math.round(((a - b) / Math.abs(b)) * 1_000_000) / 1_000_000;
};

/** A period's version and its compiled layout. */
interface PeriodLayout {
  readonly version: VersionRow;
  readonly layout: CompiledLayout;
}

const hasCell = (layout: CompiledLayout, key: string) => {
  const cell = layout.byKey.get(key);
  return cell !== undefined && cell.kind !== 'disabled';
};

/**
 * The version in force for each period (the latest one starting on or before it); history from
 * before the form's first version (imported from the software it replaced) reads as the first.
 */
function layoutsOf(versions: readonly VersionRow[], periods: readonly Period[]) {
  const out = new Map<string, PeriodLayout>();
  for (const p of periods) {
    const version = versions.findLast((v) => v.effective_from <= p.start) ?? versions[0];
    if (version) out.set(p.id, { version, layout: layoutOfVersion(version) });
  }
  return out;
}

/** The periods that share each version, so that each group is read with its own layout. */
function byVersion(layouts: ReadonlyMap<string, PeriodLayout>) {
  const groups = new Map<number, { layout: CompiledLayout; periods: string[] }>();
  for (const [period, { version, layout }] of layouts) {
    const group = groups.get(version.id) ?? { layout, periods: [] };
    group.periods.push(period);
    groups.set(version.id, group);
  }
  return [...groups.values()];
}

/**
 * Working figures by (unit, period) of one version's periods: entry cells rolled up in SQL,
 * computed cells derived, both by that version's layout; a cell it lacks stays absent (null).
 */
async function workingFigures(
  db: Executor,
  formId: number,
  layout: CompiledLayout,
  units: readonly PivotUnitRow[],
  periods: readonly string[],
  wantedKeys: readonly string[],
  out: Map<string, string | null>,
): Promise<void> {
  const keys = wantedKeys.filter((k) => hasCell(layout, k));
  const inputs = entryInputs(layout, keys);
  const byType = new Map<AggregationType, string[]>();
  for (const key of inputs) {
    const type = layout.byKey.get(key)?.indicator.aggregation ?? 'none';
    byType.set(type, [...(byType.get(type) ?? []), key]);
  }
  const rows: PivotValueRow[] = [];
  for (const [type, cellKeys] of byType)
    rows.push(...(await aggregatePivot(db, formId, units, periods, cellKeys, type)));
  const places = (key: string) => {
    const i = layout.byKey.get(key)?.indicator;
    return i?.valueType === 'integer' ? 0 : (i?.decimals ?? 6);
  };
  const numbers = new Map<string, Map<string, number | null>>();
  for (const r of rows) {
    const at = `${r.unit_id}|${r.period}`;
    const value = r.value === null ? null : roundDecimal(r.value, places(r.cell_key));
    out.set(`${at}|${r.cell_key}`, value);
    const m = numbers.get(at) ?? new Map<string, number | null>();
    m.set(r.cell_key, value === null ? null : Number(value));
    numbers.set(at, m);
  }
  const computed = keys.filter((k) => layout.byKey.get(k)?.kind === 'computed');
  if (computed.length > 0)
    for (const [at, m] of numbers) {
      const all = computeCells(layout, m);
      for (const key of computed) {
        const v = all.get(key);
        out.set(`${at}|${key}`, v === null || v === undefined ? null : formatComputed(v, places(key)));
      }
    }
}

/** Published figures of one version's periods, only for the cells that version has. */
async function publishedFigures(
  db: Executor,
  formId: number,
  layout: CompiledLayout,
  units: readonly PivotUnitRow[],
  periods: readonly string[],
  wantedKeys: readonly string[],
  out: Map<string, string | null>,
): Promise<void> {
  const keys = wantedKeys.filter((k) => hasCell(layout, k));
  const ids = units.map((u) => u.id);
  for (const r of await publishedPivot(db, formId, ids, periods, keys))
    out.set(`${r.unit_id}|${r.period}|${r.cell_key}`, r.value);
}

/**
 * Pivot of indicator cells × org units × periods (报表分析): rows are the scope unit's children or
 * its units at one level, one page of them, plus the scope unit itself as the total. Each value
 * is the working figure (rolled up now, in SQL) or the published one (the last approval's
 * snapshot), with its change over the previous period (环比) and the same period a year before
 * (同比) in the same figure. Each period is read with the version in force for it, cells matched
 * by key: a cell its version lacks is null there. The layout returned is the latest period's.
 */
export async function pivot(db: Executor, actor: Actor, formId: number, q: PivotQuery) {
  const form = await formVisible(db, actor, formId);
  const scope = await findOrgUnitInScope(db, q.orgUnitId ?? actor.orgUnitId, actor.orgPath);
  if (!scope) throw notFound('org unit');
  const periods = [...new Set(q.periods)].map((p) => periodOfForm(form, p)).sort(comparePeriods);
  const latest = periods.at(-1);
  if (!latest) throw badRequest('at least one period is needed');
  const before = (p: Period) => [previousPeriod(p), samePeriodLastYear(p)];
  const layouts = layoutsOf(
    await listVersions(db, form.id),
    periods.flatMap((p) => [p, ...before(p)]),
  );
  const shown = periods.map((p) => {
    const at = layouts.get(p.id);
    if (!at) throw badRequest(`form ${form.code} has no version in force for ${p.id}`);
    return { period: p.id, ...at };
  });
  const { version, layout } = shown.at(-1) as (typeof shown)[number];
  for (const key of q.cellKeys)
    if (!shown.some((s) => hasCell(s.layout, key)))
      throw badRequest(`no cell ${key} in ${form.code} for these periods`);
  const first = layout.cells.find((c) => c.kind !== 'disabled');
  const cellKeys = q.cellKeys.length > 0 ? q.cellKeys : first ? [first.key] : [];
  const page = await listPivotUnits(db, scope, q.level, q.pageSize, (q.page - 1) * q.pageSize);
  const units: PivotUnitRow[] = [
    { id: scope.id, name: scope.name, code: scope.code, level: scope.level, path: scope.path },
    ...page.items,
  ];
  const figures = new Map<string, string | null>();
  const read = q.figure === 'working' ? workingFigures : publishedFigures;
  for (const group of byVersion(layouts))
    await read(db, form.id, group.layout, units, group.periods, cellKeys, figures);
  const rowOf = (u: PivotUnitRow) => ({
    orgUnitId: u.id,
    name: u.name,
    code: u.code,
    level: u.level,
    cells: cellKeys.flatMap((key) =>
      periods.map((p): PivotCell => {
        const at = (id: string) => figures.get(`${u.id}|${id}|${key}`) ?? null;
        const value = at(p.id);
        const previous = at(previousPeriod(p).id);
        const lastYear = at(samePeriodLastYear(p).id);
        return {
          cellKey: key,
          period: p.id,
          value,
          previous,
          lastYear,
          mom: change(value, previous),
          yoy: change(value, lastYear),
        };
      }),
    ),
  });
  const [self, ...rest] = units.map(rowOf);
  return {
    figure: q.figure,
    periods: periods.map((p) => p.id),
    cellKeys: [...cellKeys],
    version: { id: version.id, versionNo: version.version_no },
    periodVersions: shown.map((s) => ({
      period: s.period,
      versionId: s.version.id,
      versionNo: s.version.version_no,
    })),
    layout: layout.def,
    total: self as ReturnType<typeof rowOf>,
    rows: { items: rest, total: page.total, page: q.page, pageSize: q.pageSize },
  };
}
