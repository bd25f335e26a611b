import { type Cell, type CellError, checkCellValue } from './layout.ts';

/** A stored value: numbers as exact decimal text (numeric), text as text; both null clears. */
export type StoredValue = { readonly num: string | null; readonly txt: string | null };

export type CellCheck =
  | { readonly ok: true; readonly value: StoredValue }
  | { readonly ok: false; readonly error: CellError };

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;
// A decimal already in its stored form, as DHIS2 clients and exports send them: nothing to normalise.
const CANONICAL = /^-?(?:0|[1-9]\d{0,17})(?:\.\d*[1-9])?$/;
const MAX_INTEGER_DIGITS = 18;

/** A decimal without exponent, '-' only when negative, no leading zeros, no trailing fraction zeros. */
function normaliseDecimal(sign: string | undefined, int: string, frac: string): string {
  const i = int.replace(/^0+(?=\d)/, '') || '0';
  const f = frac.replace(/0+$/, '');
  const body = f ? `${i}.${f}` : i;
  return sign === '-' && /[1-9]/.test(body) ? `-${body}` : body;
}

/** Exact decimal text of a string such as '1,234.50' or '-0.5'; null when it is not one. */
export function exactDecimal(text: string): string | null {
  const m = DECIMAL.exec(text.trim().replace(/,(?=\d{3}(?:\D|$))/g, ''));
  if (!m) return null;
  const [, sign, int = '', frac = ''] = m;
  if (int.replace(/^0+/, '').length > MAX_INTEGER_DIGITS) return null;
  return normaliseDecimal(sign, int, frac);
}

const notANumber = (cell: Cell, raw: unknown): CellError => ({
  cellKey: cell.key,
  address: cell.address,
  code: 'notANumber',
  message: `${cell.address} 应为数值，收到 ${JSON.stringify(raw)?.slice(0, 40)}`,
});

/**
 * Checks a value entered or imported for a cell against the layout (entry cell, type, precision,
 * range) and gives the exact form stored. Numbers may come as JSON numbers or, as DHIS2 clients
 * send them, strings, which keep every digit. null or '' clears the cell. Never throws.
 */
export function checkStoredValue(cell: Cell, input: unknown): CellCheck {
  let raw = input;
  if (raw === null || raw === undefined || raw === '') {
    const error = cell.kind === 'entry' ? null : checkCellValue(cell, 0);
    return error ? { ok: false, error } : { ok: true, value: { num: null, txt: null } };
  }
  if (cell.indicator.valueType === 'text') {
    const text = typeof raw === 'number' ? String(raw) : raw;
    const error = checkCellValue(cell, text);
    return error ? { ok: false, error } : { ok: true, value: { num: null, txt: text as string } };
  }
  if (cell.indicator.valueType === 'boolean')
    raw = raw === true || raw === 'true' ? 1 : raw === false || raw === 'false' ? 0 : raw;
  let exact: string | null;
  if (typeof raw === 'string') exact = CANONICAL.test(raw) && raw !== '-0' ? raw : exactDecimal(raw);
  else if (typeof raw === 'number' && Number.isFinite(raw))
    exact = exactDecimal(raw.toFixed(Math.min(20, Math.max(cell.indicator.decimals, decimalsOf(raw)))));
  else exact = null;
  if (exact === null) return { ok: false, error: notANumber(cell, raw) };
  // The layout checks type, places and range; places counted on the exact text, not a float.
  const dot = exact.indexOf('.');
  const places = dot < 0 ? 0 : exact.length - dot - 1;
  // Within the cell's places, the float's (never more than the text's) are within them too.
  const within = places <= cell.indicator.decimals;
  const error =
    checkCellValue(cell, Number(exact), within ? places : undefined) ??
    (!within
      ? {
          cellKey: cell.key,
          address: cell.address,
          code: 'tooManyDecimals' as const,
          message: `${cell.address} 最多 ${cell.indicator.decimals} 位小数，收到 ${exact}`,
        }
      : null);
  return error ? { ok: false, error } : { ok: true, value: { num: exact, txt: null } };
}

function decimalsOf(value: number): number {
  if (Number.isInteger(value)) return 0;
  const [mantissa = '', exp] = String(value).split('e');
  const frac = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, frac - Number(exp ?? 0));
}

/** A stored value for computation (layout's computeDerived works on numbers). */
export const toCellValue = (v: StoredValue): number | string | null =>
  v.num !== null ? Number(v.num) : v.txt;

/** Rounds an exact decimal (an aggregate from SQL) half away from zero to `decimals` places. */
export function roundDecimal(value: string, decimals: number): string {
  const m = DECIMAL.exec(value);
  if (!m) return value;
  const [, sign, int = '0', frac = ''] = m;
  if (frac.length <= decimals) return normaliseDecimal(sign, int, frac);
  const digits = `${int}${frac.slice(0, decimals)}`;
  const up = Number(frac[decimals]) >= 5;
  const s = (BigInt(digits) + (up ? 1n : 0n)).toString().padStart(decimals + 1, '0');
  const cut = s.length - decimals;
  return normaliseDecimal(sign, s.slice(0, cut), s.slice(cut));
}

/** A computed (float) value shown with its indicator's decimals, without exponent. */
export const formatComputed = (value: number, decimals: number): string =>
  exactDecimal(value.toFixed(decimals)) ?? String(value);
