/**
 * Form layout (报表表样): indicators (指标) in rows, columns generated from disaggregation
 * dimensions (分组, e.g. 按技术等级 × 按路面类型) as their cartesian product, with total and subtotal
 * columns and sum rows computed by rule. Pure: the stored JSON is a `LayoutDef`; `compileLayout`
 * checks it and gives every cell two stable keys:
 *
 *   address  R01C03               row 1, column 3 (1-based, at least two digits each)
 *   key      mileage.grade1_paved  indicator code '.' option-combo code
 *
 * Store values by key: a key survives a new form version that adds rows or options, while an
 * address is a position and moves (DHIS2 maps the key to dataElement = indicator code,
 * categoryOptionCombo = combo code).
 * Option combos: a leaf column joins one option code per dimension with '_' (grade1_paved); a
 * subtotal column joins a prefix of them (grade1 = all 路面类型 of 一级); the total column is
 * 'total'; a layout without dimensions has the single combo 'default'. Column order follows Chinese
 * forms: 合计 first, then for each option of the first dimension its 小计 and its leaves.
 *
 * A cell is 'entry' (filled by people), 'computed' (derived, never entered), or 'disabled'
 * (shaded "—": listed in `disabled`, or a total over a text or non-aggregatable indicator).
 * Computed cells: a total/subtotal column aggregates the row's leaf cells by the indicator's
 * aggregation type (sum, average, min, max; count sums counts); a row with `sumOf` adds those rows'
 * cells column by column (sum rows win over column totals). Missing inputs are left out; a
 * computed cell with no input present is missing too.
 */

export type ValueType = 'number' | 'integer' | 'percentage' | 'boolean' | 'text';
export type AggregationType = 'sum' | 'average' | 'min' | 'max' | 'count' | 'none';
export type CellValue = number | string;
export type CellValues = Readonly<Record<string, CellValue>>;

export interface IndicatorDef {
  readonly code: string;
  readonly name: string;
  /** 计量单位, e.g. 公里, 万人, %. */
  readonly unit: string;
  readonly valueType: ValueType;
  /** Digits after the point, 0–6; integers have 0. Absolute figures 0, relative ones 2 (报表制度). */
  readonly decimals: number;
  readonly aggregation: AggregationType;
  readonly min?: number;
  readonly max?: number;
  /** Longest text accepted, for text indicators; default 500. */
  readonly maxLength?: number;
}

export interface DimensionDef {
  readonly code: string;
  readonly name: string;
  readonly options: readonly { readonly code: string; readonly name: string }[];
}

export interface RowDef {
  readonly indicator: IndicatorDef;
  /** 其中 nesting shown in the row title; display only. */
  readonly indent?: number;
  /** Indicator codes of rows this row adds up column by column, e.g. 合计 = 国道 + 省道 + …. */
  readonly sumOf?: readonly string[];
}

export interface LayoutDef {
  readonly rows: readonly RowDef[];
  readonly dimensions: readonly DimensionDef[];
  /** A 合计 column (needs at least one dimension). */
  readonly total: boolean;
  /** 小计 columns for each option prefix (needs at least two dimensions). */
  readonly subtotals: boolean;
  /** Cell keys that are not filled in this form. */
  readonly disabled?: readonly string[];
}

export type ColumnKind = 'total' | 'subtotal' | 'leaf';
export interface Column {
  readonly index: number;
  readonly combo: string;
  readonly kind: ColumnKind;
  /** Option names from the first dimension down, e.g. ['一级', '有铺装']; ['合计'] for the total. */
  readonly labels: readonly string[];
  /** Leaf combos aggregated into this column (itself for a leaf). */
  readonly leaves: readonly string[];
}

export type CellKind = 'entry' | 'computed' | 'disabled';
export type FormulaOp = 'sum' | 'average' | 'min' | 'max';
export interface CellFormula {
  readonly op: FormulaOp;
  /** Cell keys of the inputs. */
  readonly of: readonly string[];
}

export interface Cell {
  readonly key: string;
  readonly address: string;
  readonly row: number;
  readonly column: number;
  readonly indicator: IndicatorDef;
  readonly combo: string;
  readonly kind: CellKind;
  readonly formula: CellFormula | null;
}

export interface CompiledLayout {
  readonly def: LayoutDef;
  readonly rows: readonly RowDef[];
  readonly columns: readonly Column[];
  /** Row-major. */
  readonly cells: readonly Cell[];
  readonly byKey: ReadonlyMap<string, Cell>;
  /** Computed cells, each after every computed cell it reads. */
  readonly evaluationOrder: readonly Cell[];
}

export interface LayoutError {
  readonly path: string;
  readonly message: string;
}

const INDICATOR_CODE = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const OPTION_CODE = /^[A-Za-z0-9]{1,32}$/;
const MAX_CELLS = 20_000;

const pad2 = (n: number) => String(n).padStart(2, '0');
export const cellAddress = (row: number, column: number): string => `R${pad2(row)}C${pad2(column)}`;

/** R1C3, r01c03 → {row 1, column 3}; null if not an address. */
export function parseAddress(ref: string): { row: number; column: number } | null {
  const m = /^R(\d{1,4})C(\d{1,4})$/i.exec(ref);
  if (!m) return null;
  const row = Number(m[1]);
  const column = Number(m[2]);
  return row > 0 && column > 0 ? { row, column } : null;
}

function generateColumns(def: LayoutDef): Column[] {
  const dims = def.dimensions;
  if (dims.length === 0)
    return [{ index: 1, combo: 'default', kind: 'leaf', labels: [], leaves: ['default'] }];
  const out: Omit<Column, 'index'>[] = [];
  const walk = (depth: number, codes: string[], names: string[]): string[] => {
    const dim = dims[depth]!;
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

function checkDef(def: LayoutDef): LayoutError[] {
  const errors: LayoutError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  if (def.rows.length === 0) err('rows', '至少需要一行指标');
  const codes = new Set<string>();
  def.rows.forEach((row, i) => {
    const ind = row.indicator;
    const p = `rows[${i}].indicator`;
    if (!INDICATOR_CODE.test(ind.code)) err(`${p}.code`, `指标代码 ${JSON.stringify(ind.code)} 不合规则`);
    if (codes.has(ind.code)) err(`${p}.code`, `指标代码 ${ind.code} 重复`);
    codes.add(ind.code);
    if (!Number.isInteger(ind.decimals) || ind.decimals < 0 || ind.decimals > 6)
      err(`${p}.decimals`, '小数位数应为 0–6');
    if (ind.valueType === 'integer' && ind.decimals !== 0) err(`${p}.decimals`, '整数指标的小数位数应为 0');
    if (ind.min !== undefined && ind.max !== undefined && ind.min > ind.max) err(p, '下限大于上限');
    if (ind.valueType === 'text' && ind.aggregation !== 'none') err(`${p}.aggregation`, '文本指标不能汇总');
  });
  def.rows.forEach((row, i) => {
    for (const code of row.sumOf ?? []) {
      if (code === row.indicator.code) err(`rows[${i}].sumOf`, '合计行不能包含自身');
      else if (!codes.has(code)) err(`rows[${i}].sumOf`, `合计行引用了不存在的指标 ${code}`);
    }
    if (row.sumOf && row.indicator.valueType === 'text') err(`rows[${i}].sumOf`, '文本指标不能作合计行');
  });
  const dimCodes = new Set<string>();
  def.dimensions.forEach((dim, i) => {
    if (dimCodes.has(dim.code)) err(`dimensions[${i}].code`, `分组代码 ${dim.code} 重复`);
    dimCodes.add(dim.code);
    if (dim.options.length === 0) err(`dimensions[${i}].options`, '分组至少需要一个选项');
    const seen = new Set<string>();
    dim.options.forEach((o, j) => {
      if (!OPTION_CODE.test(o.code) || o.code === 'total' || o.code === 'default')
        err(`dimensions[${i}].options[${j}].code`, `选项代码 ${JSON.stringify(o.code)} 不合规则`);
      if (seen.has(o.code)) err(`dimensions[${i}].options[${j}].code`, `选项代码 ${o.code} 重复`);
      seen.add(o.code);
    });
  });
  if (def.total && def.dimensions.length === 0) err('total', '没有分组时不需要合计列');
  if (def.subtotals && def.dimensions.length < 2) err('subtotals', '小计列需要至少两个分组');
  const width = def.dimensions.reduce((n, d) => n * Math.max(1, d.options.length), 1);
  if (width * def.rows.length > MAX_CELLS) err('dimensions', `单元格超过 ${MAX_CELLS} 个`);
  return errors;
}

export type LayoutResult =
  | { readonly ok: true; readonly value: CompiledLayout }
  | { readonly ok: false; readonly error: string; readonly errors: readonly LayoutError[] };

const failed = (errors: LayoutError[]): LayoutResult => ({
  ok: false,
  error: errors.map((e) => `${e.path}: ${e.message}`).join('; '),
  errors,
});

const aggregationOp = (agg: AggregationType): FormulaOp | null =>
  agg === 'none' ? null : agg === 'count' ? 'sum' : agg;

/** Checks a stored layout and generates its columns and cells. */
export function compileLayout(def: LayoutDef): LayoutResult {
  const errors = checkDef(def);
  if (errors.length > 0) return failed(errors);
  const columns = generateColumns(def);
  const disabled = new Set(def.disabled ?? []);
  const rowByCode = new Map(def.rows.map((r) => [r.indicator.code, r]));
  const cells: Cell[] = [];
  const byKey = new Map<string, Cell>();
  // A cell is shaded when listed, when its indicator does not aggregate, or when every input is.
  const memo = new Map<string, boolean>();
  const isDisabled = (row: RowDef, col: Column): boolean => {
    const key = `${row.indicator.code}.${col.combo}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    memo.set(key, false); // a cycle is reported by evaluationOrder
    let shaded = disabled.has(key);
    if (!shaded && row.sumOf) shaded = row.sumOf.every((code) => isDisabled(rowByCode.get(code)!, col));
    else if (!shaded && col.kind !== 'leaf')
      shaded =
        aggregationOp(row.indicator.aggregation) === null ||
        col.leaves.every((leaf) => disabled.has(`${row.indicator.code}.${leaf}`));
    memo.set(key, shaded);
    return shaded;
  };
  def.rows.forEach((row, ri) => {
    for (const col of columns) {
      const key = `${row.indicator.code}.${col.combo}`;
      let kind: CellKind = 'entry';
      let formula: CellFormula | null = null;
      if (isDisabled(row, col)) kind = 'disabled';
      else if (row.sumOf) {
        kind = 'computed';
        const of = row.sumOf.filter((code) => !isDisabled(rowByCode.get(code)!, col));
        formula = { op: 'sum', of: of.map((code) => `${code}.${col.combo}`) };
      } else if (col.kind !== 'leaf') {
        kind = 'computed';
        const of = col.leaves.filter((leaf) => !disabled.has(`${row.indicator.code}.${leaf}`));
        formula = {
          op: aggregationOp(row.indicator.aggregation)!,
          of: of.map((l) => `${row.indicator.code}.${l}`),
        };
      }
      const cell: Cell = {
        key,
        address: cellAddress(ri + 1, col.index),
        row: ri + 1,
        column: col.index,
        indicator: row.indicator,
        combo: col.combo,
        kind,
        formula,
      };
      cells.push(cell);
      byKey.set(key, cell);
    }
  });
  for (const key of disabled)
    if (!byKey.has(key)) errors.push({ path: 'disabled', message: `不存在的单元格 ${key}` });
  const order = evaluationOrder(cells, byKey, errors);
  if (errors.length > 0) return failed(errors);
  return { ok: true, value: { def, rows: def.rows, columns, cells, byKey, evaluationOrder: order } };
}

function evaluationOrder(
  cells: readonly Cell[],
  byKey: ReadonlyMap<string, Cell>,
  errors: LayoutError[],
): Cell[] {
  const order: Cell[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (cell: Cell): boolean => {
    const s = state.get(cell.key);
    if (s === 'done') return true;
    if (s === 'visiting') {
      errors.push({ path: 'rows', message: `合计关系循环引用，涉及 ${cell.key}` });
      return false;
    }
    state.set(cell.key, 'visiting');
    for (const input of cell.formula?.of ?? []) {
      const c = byKey.get(input);
      if (c?.formula && !visit(c)) return false;
    }
    state.set(cell.key, 'done');
    order.push(cell);
    return true;
  };
  for (const cell of cells) if (cell.formula && !visit(cell)) break;
  return order;
}

/** A cell by key (mileage.total) or address (R01C03, R1C3). */
export function findCell(layout: CompiledLayout, ref: string): Cell | undefined {
  const byKey = layout.byKey.get(ref);
  if (byKey) return byKey;
  const a = parseAddress(ref);
  if (!a || a.row > layout.rows.length || a.column > layout.columns.length) return undefined;
  return layout.cells[(a.row - 1) * layout.columns.length + (a.column - 1)];
}

function apply(op: FormulaOp, xs: number[]): number {
  if (op === 'sum') return xs.reduce((a, b) => a + b, 0);
  if (op === 'average') return xs.reduce((a, b) => a + b, 0) / xs.length;
  return op === 'min' ? Math.min(...xs) : Math.max(...xs);
}

/** Rounds half away from zero to `decimals` digits, without binary artefacts (1.005 → 1.01). */
export function roundTo(value: number, decimals: number): number {
  const sign = value < 0 ? -1 : 1;
  const scaled = Math.round(Number(`${Math.abs(value)}e${decimals}`));
  const out = sign * Number(`${scaled}e-${decimals}`);
  return Object.is(out, -0) ? 0 : out;
}

/**
 * Every computed cell from the entered numbers, rounded to its indicator's decimals; a computed
 * cell whose inputs are all missing (absent or null) is null. Values given for computed cells are
 * ignored. Only computed cells are in the result.
 */
export function computeCells(
  layout: CompiledLayout,
  values: ReadonlyMap<string, number | null>,
): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const read = (key: string) => (layout.byKey.get(key)?.kind === 'computed' ? out.get(key) : values.get(key));
  for (const cell of layout.evaluationOrder) {
    const inputs = cell.formula!.of.map(read).filter((v): v is number => typeof v === 'number');
    out.set(
      cell.key,
      inputs.length > 0 ? roundTo(apply(cell.formula!.op, inputs), cell.indicator.decimals) : null,
    );
  }
  return out;
}

/** Entered values (entry cells only) plus every computed cell that has an input. */
export function computeDerived(layout: CompiledLayout, values: CellValues): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  const numbers = new Map<string, number>();
  for (const [key, value] of Object.entries(values)) {
    if (layout.byKey.get(key)?.kind !== 'entry') continue;
    out[key] = value;
    if (typeof value === 'number') numbers.set(key, value);
  }
  for (const [key, value] of computeCells(layout, numbers)) if (value !== null) out[key] = value;
  return out;
}

/** The key of an indicator's cell in an option combo ('default' without disaggregation). */
export const cellKey = (indicator: string, combo: string): string => `${indicator}.${combo}`;

/** indicator and combo of a key; null if it has no '.'. Indicator codes never contain one. */
export function splitCellKey(key: string): { indicator: string; combo: string } | null {
  const dot = key.indexOf('.');
  return dot > 0 && dot < key.length - 1 ? { indicator: key.slice(0, dot), combo: key.slice(dot + 1) } : null;
}

/** Cells people fill in, row-major. */
export const inputCells = (layout: CompiledLayout): { key: string; indicator: string; address: string }[] =>
  layout.cells
    .filter((c) => c.kind === 'entry')
    .map((c) => ({ key: c.key, indicator: c.indicator.code, address: c.address }));

/** Keys of computed cells, row-major. */
export const computedCells = (layout: CompiledLayout): string[] =>
  layout.cells.filter((c) => c.kind === 'computed').map((c) => c.key);

/** The layout's indicators in row order. */
export const layoutIndicators = (layout: CompiledLayout): IndicatorDef[] =>
  layout.rows.map((r) => r.indicator);

export {
  type CellError,
  type CellErrorCode,
  checkCellValue,
  parseCellInput,
  toCellValues,
  validateEntries,
} from './layout-entry.ts';
