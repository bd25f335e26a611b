import type { Executor } from '../../platform/db/database.ts';
import { aggregateByChild, aggregateSubtree, type CellAggregation } from './aggregate.repository.ts';
import { formatComputed, roundDecimal, type StoredValue } from './cell-values.ts';
import { type CompiledLayout, computeCells } from './layout.ts';

/** How each entry cell rolls up: by its indicator's aggregation type. */
export const cellAggregations = (layout: CompiledLayout): CellAggregation[] =>
  layout.cells
    .filter((c) => c.kind === 'entry')
    .map((c) => ({ cellKey: c.key, aggregation: c.indicator.aggregation }));

const decimalsByKey = (layout: CompiledLayout) =>
  new Map(layout.cells.map((c) => [c.key, c.indicator.valueType === 'integer' ? 0 : c.indicator.decimals]));

/**
 * The roll-up of a unit's subtree for every entry cell (SQL), rounded to each indicator's
 * decimals (averages have more); computed cells are derived from it by the layout.
 */
export async function rollUp(
  db: Executor,
  formId: number,
  period: string,
  scopePath: string,
  layout: CompiledLayout,
): Promise<Map<string, StoredValue>> {
  const raw = await aggregateSubtree(db, formId, period, scopePath, cellAggregations(layout));
  const places = decimalsByKey(layout);
  const out = new Map<string, StoredValue>();
  for (const [key, value] of raw)
    out.set(key, { num: value === null ? null : roundDecimal(value, places.get(key) ?? 6), txt: null });
  return out;
}

/** Entry values plus computed cells, every value as text: what a report shows and a snapshot keeps. */
export function withComputed(layout: CompiledLayout, entries: ReadonlyMap<string, StoredValue>) {
  const numbers = new Map<string, number | null>();
  for (const [key, v] of entries) if (v.num !== null) numbers.set(key, Number(v.num));
  const computed = new Map<string, string | null>();
  const places = decimalsByKey(layout);
  for (const [key, value] of computeCells(layout, numbers))
    computed.set(key, value === null ? null : formatComputed(value, places.get(key) ?? 0));
  const values: Record<string, string | null> = {};
  for (const [key, v] of entries) values[key] = v.num ?? v.txt;
  return { values, computed: Object.fromEntries(computed) as Record<string, string | null> };
}

/** Per direct child of a unit, the roll-up of the given cells (all entry cells when none given). */
export async function drillDown(
  db: Executor,
  formId: number,
  period: string,
  parentId: number,
  layout: CompiledLayout,
  cellKeys: readonly string[] | null,
) {
  const wanted = cellKeys ? new Set(cellKeys) : null;
  const cells = cellAggregations(layout).filter((c) => !wanted || wanted.has(c.cellKey));
  const places = decimalsByKey(layout);
  return (await aggregateByChild(db, formId, period, parentId, cells)).map((c) => ({
    orgUnitId: c.child_id,
    name: c.child_name,
    code: c.child_code,
    values: Object.fromEntries(
      Object.entries(c.values).map(([key, v]) => [
        key,
        v === null ? null : roundDecimal(v, places.get(key) ?? 6),
      ]),
    ),
  }));
}

/** Cells whose value now differs from what an approval froze. */
export function driftOf(
  frozen: Readonly<Record<string, string | null>>,
  now: Readonly<Record<string, string | null>>,
): { cellKey: string; approved: string | null; current: string | null }[] {
  const keys = new Set([...Object.keys(frozen), ...Object.keys(now)]);
  const out: { cellKey: string; approved: string | null; current: string | null }[] = [];
  for (const key of keys) {
    const a = frozen[key] ?? null;
    const b = now[key] ?? null;
    if (a !== b) out.push({ cellKey: key, approved: a, current: b });
  }
  return out.sort((x, y) => x.cellKey.localeCompare(y.cellKey));
}
