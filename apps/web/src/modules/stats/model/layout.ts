/**
 * The grid of a form layout, as the server's `compileLayout` builds it (apps/server/src/modules/stats/layout.ts):
 * columns are the cartesian product of the dimensions' options (合计 first, then per option of the
 * first dimension its 小计 and leaves); a cell's key is `indicator.combo`, its address R01C03.
 * Computed cells (total/subtotal columns, sumOf rows) are derived here too, so the grid shows
 * subtotals while a person types; the server's figures replace them after each save.
 */
import type { AggregationType, IndicatorDef, LayoutDef } from './types.ts';

export type CellKind = 'entry' | 'computed' | 'disabled';
type Op = 'sum' | 'average' | 'min' | 'max';

export interface GridColumn {
  index: number;
  combo: string;
  kind: 'total' | 'subtotal' | 'leaf';
  /** Option names from the first dimension down; ['合计'] for the total. */
  labels: string[];
  leaves: string[];
}

export interface GridCell {
  key: string;
  address: string;
  row: number;
  column: number;
  indicator: IndicatorDef;
  kind: CellKind;
  formula: { op: Op; of: string[] } | null;
}

export interface Grid {
  def: LayoutDef;
  columns: GridColumn[];
  /** Row-major: rows[r][c]. */
  cells: GridCell[][];
  byKey: Map<string, GridCell>;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
export const cellAddress = (row: number, column: number) => `R${pad2(row)}C${pad2(column)}`;

function generateColumns(def: LayoutDef): GridColumn[] {
  const dims = def.dimensions;
  if (dims.length === 0)
    return [{ index: 1, combo: 'default', kind: 'leaf', labels: [], leaves: ['default'] }];
  const out: Omit<GridColumn, 'index'>[] = [];
  const walk = (depth: number, codes: string[], names: string[]): string[] => {
    const dim = dims[depth];
    if (!dim) return [];
    const leaves: string[] = [];
    for (const option of dim.options) {
      const c = [...codes, option.code];
      const n = [...names, option.name];
      if (depth === dims.length - 1) {
        out.push({ combo: c.join('_'), kind: 'leaf', labels: n, leaves: [c.join('_')] });
        leaves.push(c.join('_'));
        continue;
      }
      const at = out.length;
      const below = walk(depth + 1, c, n);
      if (def.subtotals)
        out.splice(at, 0, { combo: c.join('_'), kind: 'subtotal', labels: [...n, '小计'], leaves: below });
      leaves.push(...below);
    }
    return leaves;
  };
  const all = walk(0, [], []);
  if (def.total) out.unshift({ combo: 'total', kind: 'total', labels: ['合计'], leaves: all });
  return out.map((c, i) => ({ ...c, index: i + 1 }));
}

const opOf = (agg: AggregationType): Op | null => (agg === 'none' ? null : agg === 'count' ? 'sum' : agg);

export function buildGrid(def: LayoutDef): Grid {
  const columns = generateColumns(def);
  const disabled = new Set(def.disabled ?? []);
  const rowByCode = new Map(def.rows.map((r) => [r.indicator.code, r]));
  const memo = new Map<string, boolean>();
  const isDisabled = (row: LayoutDef['rows'][number], col: GridColumn): boolean => {
    const key = `${row.indicator.code}.${col.combo}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    memo.set(key, false);
    let shaded = disabled.has(key);
    if (!shaded && row.sumOf)
      shaded = row.sumOf.every((code) => {
        const r = rowByCode.get(code);
        return !r || isDisabled(r, col);
      });
    else if (!shaded && col.kind !== 'leaf')
      shaded =
        opOf(row.indicator.aggregation) === null ||
        col.leaves.every((leaf) => disabled.has(`${row.indicator.code}.${leaf}`));
    memo.set(key, shaded);
    return shaded;
  };
  const byKey = new Map<string, GridCell>();
  const cells = def.rows.map((row, ri) =>
    columns.map((col) => {
      const key = `${row.indicator.code}.${col.combo}`;
      let kind: CellKind = 'entry';
      let formula: GridCell['formula'] = null;
      if (isDisabled(row, col)) kind = 'disabled';
      else if (row.sumOf) {
        kind = 'computed';
        const of = row.sumOf.filter((code) => {
          const r = rowByCode.get(code);
          return r && !isDisabled(r, col);
        });
        formula = { op: 'sum', of: of.map((code) => `${code}.${col.combo}`) };
      } else if (col.kind !== 'leaf') {
        kind = 'computed';
        const of = col.leaves.filter((leaf) => !disabled.has(`${row.indicator.code}.${leaf}`));
        formula = {
          op: opOf(row.indicator.aggregation) ?? 'sum',
          of: of.map((l) => `${row.indicator.code}.${l}`),
        };
      }
      const cell: GridCell = {
        key,
        address: cellAddress(ri + 1, col.index),
        row: ri,
        column: col.index - 1,
        indicator: row.indicator,
        kind,
        formula,
      };
      byKey.set(key, cell);
      return cell;
    }),
  );
  return { def, columns, cells, byKey };
}

const apply = (op: Op, xs: number[]) =>
  op === 'sum'
    ? xs.reduce((a, b) => a + b, 0)
    : op === 'average'
      ? xs.reduce((a, b) => a + b, 0) / xs.length
      : op === 'min'
        ? Math.min(...xs)
        : Math.max(...xs);

/** Every computed cell from the entered values, formatted to its indicator's decimals. */
export function computeAll(grid: Grid, entered: ReadonlyMap<string, number>): Map<string, string | null> {
  const out = new Map<string, number | null>();
  const visiting = new Set<string>();
  const figureOf = (key: string): number | null => {
    const cell = grid.byKey.get(key);
    if (!cell) return null;
    if (cell.kind !== 'computed') return entered.get(key) ?? null;
    if (out.has(key)) return out.get(key) ?? null;
    if (visiting.has(key)) return null;
    visiting.add(key);
    const inputs = (cell.formula?.of ?? []).map(figureOf).filter((v): v is number => v !== null);
    const v = inputs.length > 0 && cell.formula ? apply(cell.formula.op, inputs) : null;
    out.set(key, v);
    return v;
  };
  const result = new Map<string, string | null>();
  for (const row of grid.cells)
    for (const cell of row)
      if (cell.kind === 'computed') {
        const v = figureOf(cell.key);
        const places = cell.indicator.valueType === 'integer' ? 0 : cell.indicator.decimals;
        result.set(cell.key, v === null ? null : v.toFixed(places));
      }
  return result;
}

/** Column header rows for the grid: one row per dimension level, with spans. */
export function headerRows(grid: Grid): { label: string; span: number; rowSpan: number }[][] {
  const depth = Math.max(1, ...grid.columns.map((c) => c.labels.length));
  const rows: { label: string; span: number; rowSpan: number }[][] = Array.from({ length: depth }, () => []);
  for (let level = 0; level < depth; level++) {
    let i = 0;
    while (i < grid.columns.length) {
      const col = grid.columns[i];
      if (!col) break;
      const label = col.labels[level];
      if (label === undefined) {
        i++;
        continue;
      }
      // A column whose labels end here spans the remaining header rows.
      const rowSpan = col.labels.length - 1 === level ? depth - level : 1;
      let span = 1;
      if (rowSpan === 1) {
        const prefix = col.labels.slice(0, level + 1).join('\u0000');
        while (
          i + span < grid.columns.length &&
          (grid.columns[i + span]?.labels.length ?? 0) > level + 1 &&
          grid.columns[i + span]?.labels.slice(0, level + 1).join('\u0000') === prefix
        )
          span++;
      }
      rows[level]?.push({ label, span, rowSpan });
      i += span;
    }
  }
  return rows;
}
