/**
 * Checking what is entered into a form's cells: type, precision and range per cell, refusing
 * values for computed and shaded cells, and reading what a person typed (or pasted from Excel).
 * Booleans are stored as 1 (是) and 0 (否). Pure; errors carry the cell key and its R01C03 address.
 */
import type { Cell, CellValue, CompiledLayout } from './layout.ts';

export type CellErrorCode =
  | 'unknownCell'
  | 'computedCell'
  | 'disabledCell'
  | 'notANumber'
  | 'notAnInteger'
  | 'tooManyDecimals'
  | 'belowMin'
  | 'aboveMax'
  | 'notABoolean'
  | 'notText'
  | 'tooLong';

export interface CellError {
  readonly cellKey: string;
  /** R01C03, or null for a key that is not in the layout. */
  readonly address: string | null;
  readonly code: CellErrorCode;
  /** zh-CN; the console may translate by `code`. */
  readonly message: string;
}

const DEFAULT_MAX_LENGTH = 500;
const BOOLEAN_INPUT: Readonly<Record<string, 0 | 1>> = {
  是: 1,
  否: 0,
  有: 1,
  无: 0,
  true: 1,
  false: 0,
  '1': 1,
  '0': 0,
  y: 1,
  n: 0,
  yes: 1,
  no: 0,
  '√': 1,
  '×': 0,
};

function decimalsOf(value: number): number {
  if (Number.isInteger(value)) return 0;
  const [mantissa = '', exp] = String(value).split('e');
  const frac = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, frac - Number(exp ?? 0));
}

const FULL_WIDTH = /[０-９．－＋]/g;
const halfWidth = (s: string) =>
  s.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

const cellError = (cell: Cell, code: CellErrorCode, message: string): CellError => ({
  cellKey: cell.key,
  address: cell.address,
  code,
  message,
});

/**
 * Checks a value's type, precision and range against the cell; null when it is acceptable.
 * `places`, when the caller knows them from the exact text the number came from, saves working
 * them out of the float (a national import checks 1.4 M values).
 */
export function checkCellValue(cell: Cell, value: unknown, places?: number): CellError | null {
  if (cell.kind === 'computed')
    return cellError(cell, 'computedCell', `${cell.address} 是计算单元格，不能填报`);
  if (cell.kind === 'disabled') return cellError(cell, 'disabledCell', `${cell.address} 不需填报`);
  const ind = cell.indicator;
  if (ind.valueType === 'text') {
    if (typeof value !== 'string') return cellError(cell, 'notText', `${cell.address} 应为文字`);
    const max = ind.maxLength ?? DEFAULT_MAX_LENGTH;
    return value.length > max ? cellError(cell, 'tooLong', `${cell.address} 超过 ${max} 字`) : null;
  }
  if (ind.valueType === 'boolean')
    return value === 0 || value === 1
      ? null
      : cellError(cell, 'notABoolean', `${cell.address} 应为“是”或“否”`);
  if (typeof value !== 'number' || !Number.isFinite(value))
    return cellError(cell, 'notANumber', `${cell.address} 应为数值，收到 ${JSON.stringify(value)}`);
  if (ind.valueType === 'integer' && !Number.isInteger(value))
    return cellError(cell, 'notAnInteger', `${cell.address} 应为整数，收到 ${value}`);
  if ((places ?? decimalsOf(value)) > ind.decimals)
    return cellError(cell, 'tooManyDecimals', `${cell.address} 最多 ${ind.decimals} 位小数，收到 ${value}`);
  if (ind.min !== undefined && value < ind.min)
    return cellError(cell, 'belowMin', `${cell.address} 不应小于 ${ind.min}，收到 ${value}`);
  if (ind.max !== undefined && value > ind.max)
    return cellError(cell, 'aboveMax', `${cell.address} 不应大于 ${ind.max}，收到 ${value}`);
  return null;
}

/**
 * Reads what a person typed into a cell: blank is null (no value); numbers may use full-width
 * digits, thousands separators and, for percentages, a trailing %. The result is checked.
 */
export function parseCellInput(
  cell: Cell,
  input: string,
): { ok: true; value: CellValue | null } | { ok: false; error: CellError } {
  const text = input.trim();
  if (text === '') return { ok: true, value: null };
  let value: CellValue = text;
  if (cell.indicator.valueType === 'boolean') {
    const b = BOOLEAN_INPUT[text.toLowerCase()];
    if (b === undefined)
      return {
        ok: false,
        error: cellError(cell, 'notABoolean', `${cell.address} 应为“是”或“否”，收到 "${text}"`),
      };
    value = b;
  } else if (cell.indicator.valueType !== 'text') {
    let t = halfWidth(text).replace(/[,，](?=\d{3}(?:\D|$))/g, '');
    if (cell.indicator.valueType === 'percentage') t = t.replace(/%$/, '');
    // + 0 turns a typed -0 into 0: a figure has no negative zero (numeric columns have none either).
    value = /^[-+]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) + 0 : Number.NaN;
    if (Number.isNaN(value))
      return { ok: false, error: cellError(cell, 'notANumber', `${cell.address} 应为数值，收到 "${text}"`) };
  }
  const error = checkCellValue(cell, value);
  return error ? { ok: false, error } : { ok: true, value };
}

/** Every problem with entered values: unknown keys, values in computed or disabled cells, bad values. */
export function validateEntries(
  layout: CompiledLayout,
  values: Readonly<Record<string, unknown>>,
): CellError[] {
  const errors: CellError[] = [];
  for (const [key, value] of Object.entries(values)) {
    const cell = layout.byKey.get(key);
    if (!cell) {
      errors.push({ cellKey: key, address: null, code: 'unknownCell', message: `表中没有单元格 ${key}` });
      continue;
    }
    const error = checkCellValue(cell, value);
    if (error) errors.push(error);
  }
  return errors.sort((a, b) => (a.address ?? '').localeCompare(b.address ?? ''));
}

/**
 * Stored values as CellValues: numbers that arrive as exact decimal text (numeric columns, DHIS2
 * strings) become numbers for non-text cells; null, undefined and '' are dropped, unknown keys too.
 */
export function toCellValues(
  layout: CompiledLayout,
  stored: Readonly<Record<string, string | number | null | undefined>>,
): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const [key, value] of Object.entries(stored)) {
    const cell = layout.byKey.get(key);
    if (!cell || value === null || value === undefined || value === '') continue;
    if (cell.indicator.valueType === 'text') out[key] = String(value);
    else {
      const n = typeof value === 'number' ? value : Number(value);
      if (Number.isFinite(n)) out[key] = n;
    }
  }
  return out;
}
