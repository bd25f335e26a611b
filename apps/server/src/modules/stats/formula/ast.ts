/**
 * The audit-formula language (审核公式): syntax tree and the syntax it comes from.
 *
 * Operands
 *   R01C02                  cell of this form, this unit, this period: row 1, column 2 (R1C2 too)
 *   national.class1_paved   the same by key: indicator code '.' option combo (see layout.ts)
 *   [交行统1-2表]R01C02      a cell of another form (its 表号 in brackets), same unit; the lookup
 *                           reads that form's period covering this one (its own period type)
 *   [交行统1-2表]total.total
 *   R02C03:R07C03           a rectangular range, only as an argument of SUM, AVG, MIN, MAX, COUNT
 *   12  0.3  1.5e3          numbers
 * Periods: any expression inside these is read in another period; they compose.
 *   prev(R01C01)            previous period (环比); prev(R01C01, 3) three periods back
 *   lastYear(R01C01)        same period last year (同比); lastYear(R01C01, 2) two years back
 *   yoy(x)                  x / lastYear(x) - 1, the year-on-year growth rate
 *   mom(x)                  x / prev(x) - 1, the period-on-period growth rate
 * Operators, loosest first: or (||); and (&&); not (!); = == != <> < <= > >= (not chained);
 *   + -; * /; unary -. Comparisons give 1 or 0; any non-zero number is true. `=` allows for
 *   binary rounding (1e-9 relative), so 0.1 + 0.2 = 0.3 holds.
 * Functions (case-insensitive): SUM, AVG, MIN, MAX, COUNT over values and ranges (missing cells in
 *   a range are left out; COUNT counts present ones); ABS(x); ROUND(x[, digits]); IF(c, a, b);
 *   ISBLANK(cell) is 1 when the cell has no value (and does not count as a missing operand).
 * Templates: a rule written once for a whole row or column. `C*` in an address, or `.*` as a key's
 *   combo, means "each column"; `R*` means "each row". A template expands to one rule per column
 *   (or row) in which all its cells of this form exist and are filled or computed.
 * Full-width （），and spaces are accepted, as typed with a Chinese input method.
 *
 * Examples
 *   R01C01 = SUM(R02C01:R07C01)                      合计 equals the sum of its parts
 *   R01C* = SUM(R02C*:R07C*)                          the same for every column (template)
 *   total.* >= national.*                             key form of a column template
 *   R05C02 <= [交行统1-2表]R01C02                     cross-form check
 *   ABS(R01C01 / lastYear(R01C01) - 1) <= 0.3        同比 change within ±30 %
 *   ABS(yoy(R01C01)) <= 0.3 and ABS(mom(R01C01)) <= 0.5
 *   IF(R03C01 > 0, R04C01 > 0, 1)                     if there are vehicles there are drivers
 */

export type Axis = number | '*';

export type CellRef =
  | { readonly kind: 'address'; readonly row: Axis; readonly column: Axis }
  | { readonly kind: 'key'; readonly indicator: string; readonly combo: string };

export type BinaryOp = 'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/';
export type UnaryOp = '-' | 'not';
export type FunctionName =
  | 'sum'
  | 'avg'
  | 'min'
  | 'max'
  | 'count'
  | 'abs'
  | 'round'
  | 'if'
  | 'isblank'
  | 'prev'
  | 'lastYear'
  | 'yoy'
  | 'mom';

interface Span {
  /** Offsets into the source text, end exclusive. */
  readonly start: number;
  readonly end: number;
}

export type Node =
  | (Span & { readonly type: 'number'; readonly value: number })
  | (Span & { readonly type: 'cell'; readonly form: string | null; readonly ref: CellRef })
  | (Span & {
      readonly type: 'range';
      readonly form: string | null;
      readonly from: { readonly row: Axis; readonly column: Axis };
      readonly to: { readonly row: Axis; readonly column: Axis };
    })
  | (Span & { readonly type: 'unary'; readonly op: UnaryOp; readonly operand: Node })
  | (Span & { readonly type: 'binary'; readonly op: BinaryOp; readonly left: Node; readonly right: Node })
  | (Span & { readonly type: 'call'; readonly name: FunctionName; readonly args: readonly Node[] });

export interface FormulaError {
  /** zh-CN. */
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

export type FormulaResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: FormulaError };

/** Binding strength of binary operators, tighter is higher; comparisons do not chain. */
export const PRECEDENCE: Readonly<Record<BinaryOp, number>> = {
  or: 1,
  and: 2,
  '=': 4,
  '!=': 4,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
};
export const NOT_PRECEDENCE = 3;
export const NEGATE_PRECEDENCE = 7;
export const COMPARISON_PRECEDENCE = 4;

/** Argument counts, and whether ranges may be arguments. */
export const FUNCTIONS: Readonly<Record<FunctionName, { min: number; max: number; ranges: boolean }>> = {
  sum: { min: 1, max: 255, ranges: true },
  avg: { min: 1, max: 255, ranges: true },
  min: { min: 1, max: 255, ranges: true },
  max: { min: 1, max: 255, ranges: true },
  count: { min: 1, max: 255, ranges: true },
  abs: { min: 1, max: 1, ranges: false },
  round: { min: 1, max: 2, ranges: false },
  if: { min: 3, max: 3, ranges: false },
  isblank: { min: 1, max: 1, ranges: false },
  prev: { min: 1, max: 2, ranges: false },
  lastYear: { min: 1, max: 2, ranges: false },
  yoy: { min: 1, max: 1, ranges: false },
  mom: { min: 1, max: 1, ranges: false },
};

/** Canonical spelling of a function name typed in any case, or null. */
export function functionNamed(name: string): FunctionName | null {
  const lower = name.toLowerCase();
  if (lower === 'lastyear') return 'lastYear';
  return Object.hasOwn(FUNCTIONS, lower) ? (lower as FunctionName) : null;
}
