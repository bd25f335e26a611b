/**
 * Reading what a person typed or pasted into a cell, with the same rules the server applies
 * (apps/server/src/modules/stats/layout-entry.ts): full-width digits, thousands separators, a
 * trailing % for percentages, 是/否 for booleans; type, decimal places and range per indicator.
 * The result is the exact text sent to the server, or an error code with its parameters.
 */
import type { GridCell } from './layout.ts';

export type CellErrorCode =
  | 'notANumber'
  | 'notAnInteger'
  | 'tooManyDecimals'
  | 'belowMin'
  | 'aboveMax'
  | 'notABoolean'
  | 'tooLong'
  | 'readOnly';

export type CellInput =
  | { ok: true; value: string | null }
  | { ok: false; code: CellErrorCode; params: Record<string, string | number> };

const BOOLEAN: Readonly<Record<string, '0' | '1'>> = {
  是: '1',
  否: '0',
  有: '1',
  无: '0',
  true: '1',
  false: '0',
  '1': '1',
  '0': '0',
  y: '1',
  n: '0',
  yes: '1',
  no: '0',
  '√': '1',
  '×': '0',
};

const halfWidth = (s: string) =>
  s.replace(/[０-９．－＋]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

export function parseCellInput(cell: GridCell, input: string): CellInput {
  if (cell.kind !== 'entry') return { ok: false, code: 'readOnly', params: {} };
  const text = input.trim();
  if (text === '') return { ok: true, value: null };
  const ind = cell.indicator;
  if (ind.valueType === 'text') {
    const max = ind.maxLength ?? 500;
    return text.length > max ? { ok: false, code: 'tooLong', params: { max } } : { ok: true, value: text };
  }
  if (ind.valueType === 'boolean') {
    const b = BOOLEAN[text.toLowerCase()];
    return b === undefined ? { ok: false, code: 'notABoolean', params: {} } : { ok: true, value: b };
  }
  let t = halfWidth(text).replace(/[,，](?=\d{3}(?:\D|$))/g, '');
  if (ind.valueType === 'percentage') t = t.replace(/%$/, '');
  const m = /^([-+]?)(\d+)?(?:\.(\d*))?$/.exec(t);
  if (!m || (m[2] === undefined && !m[3])) return { ok: false, code: 'notANumber', params: { text } };
  const int = (m[2] ?? '0').replace(/^0+(?=\d)/, '');
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (ind.valueType === 'integer' && frac.length > 0)
    return { ok: false, code: 'notAnInteger', params: { text } };
  if (frac.length > ind.decimals)
    return { ok: false, code: 'tooManyDecimals', params: { decimals: ind.decimals } };
  const body = frac ? `${int}.${frac}` : int;
  const value = m[1] === '-' && /[1-9]/.test(body) ? `-${body}` : body;
  const n = Number(value);
  if (ind.min !== undefined && n < ind.min) return { ok: false, code: 'belowMin', params: { min: ind.min } };
  if (ind.max !== undefined && n > ind.max) return { ok: false, code: 'aboveMax', params: { max: ind.max } };
  return { ok: true, value };
}

/** A block copied from Excel: rows by newline, cells by tab; the trailing newline Excel adds is dropped. */
export function parseTsv(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.split('\t'));
}
