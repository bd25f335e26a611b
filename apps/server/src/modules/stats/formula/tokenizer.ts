import type { Axis, FormulaError, FormulaResult } from './ast.ts';

export type Token =
  | { readonly kind: 'number'; readonly value: number; readonly start: number; readonly end: number }
  | {
      readonly kind: 'address';
      readonly row: Axis;
      readonly column: Axis;
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly kind: 'key';
      readonly indicator: string;
      readonly combo: string;
      readonly start: number;
      readonly end: number;
    }
  | { readonly kind: 'name'; readonly text: string; readonly start: number; readonly end: number }
  | { readonly kind: 'form'; readonly text: string; readonly start: number; readonly end: number }
  | { readonly kind: 'op'; readonly text: string; readonly start: number; readonly end: number }
  | { readonly kind: 'end'; readonly start: number; readonly end: number };

export const MAX_SOURCE_LENGTH = 10_000;
const MAX_FORM_LENGTH = 64;

const ADDRESS = /R(\d{1,4}|\*)C(\d{1,4}|\*)(?![A-Za-z0-9_.])/iy;
const KEY = /([A-Za-z_][A-Za-z0-9_]*)\.(\*|[A-Za-z0-9_]+)(?![A-Za-z0-9_.*])/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*(?![A-Za-z0-9_.])/y;
const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?(?![A-Za-z0-9_.])/y;
const OPERATORS = [
  '<=',
  '>=',
  '<>',
  '!=',
  '==',
  '&&',
  '||',
  '=',
  '<',
  '>',
  '!',
  '+',
  '-',
  '*',
  '/',
  '(',
  ')',
  ',',
  ':',
];
const CANONICAL_OP: Readonly<Record<string, string>> = {
  '==': '=',
  '<>': '!=',
  '&&': 'and',
  '||': 'or',
  '!': 'not',
};
// Typed with a Chinese input method.
const FULL_WIDTH: Readonly<Record<string, string>> = { '（': '(', '）': ')', '，': ',', '：': ':' };

const axis = (text: string): Axis => (text === '*' ? '*' : Number(text));

function match(re: RegExp, source: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(source);
}

type Read = { token: Token; error?: undefined } | { token?: undefined; error: FormulaError };

function readToken(source: string, i: number): Read {
  const ch = source[i]!;
  const address = match(ADDRESS, source, i);
  if (address) {
    const end = i + address[0].length;
    const row = axis(address[1]!);
    const column = axis(address[2]!);
    if (row === 0 || column === 0)
      return { error: { message: `行列号应从 1 开始：${address[0]}`, start: i, end } };
    return { token: { kind: 'address', row, column, start: i, end } };
  }
  const key = match(KEY, source, i);
  if (key)
    return { token: { kind: 'key', indicator: key[1]!, combo: key[2]!, start: i, end: i + key[0].length } };
  const name = match(NAME, source, i);
  if (name) {
    const lower = name[0].toLowerCase();
    const end = i + name[0].length;
    if (lower === 'and' || lower === 'or' || lower === 'not')
      return { token: { kind: 'op', text: lower, start: i, end } };
    return { token: { kind: 'name', text: name[0], start: i, end } };
  }
  const number = match(NUMBER, source, i);
  if (number) {
    const value = Number(number[0]);
    const end = i + number[0].length;
    if (!Number.isFinite(value)) return { error: { message: `数值过大：${number[0]}`, start: i, end } };
    return { token: { kind: 'number', value, start: i, end } };
  }
  if (/[0-9.]/.test(ch)) return { error: { message: '数值格式有误', start: i, end: i + 1 } };
  if (ch === '[') {
    const close = source.indexOf(']', i + 1);
    const text = close < 0 ? '' : source.slice(i + 1, close).trim();
    if (close < 0 || text === '' || text.length > MAX_FORM_LENGTH || /[[\n\r]/.test(text))
      return {
        error: {
          message: '表号应写在 [ ] 中，如 [交行统1-2表]',
          start: i,
          end: close < 0 ? source.length : close + 1,
        },
      };
    return { token: { kind: 'form', text, start: i, end: close + 1 } };
  }
  const wide = FULL_WIDTH[ch];
  if (wide) return { token: { kind: 'op', text: wide, start: i, end: i + 1 } };
  const op = OPERATORS.find((o) => source.startsWith(o, i));
  if (!op) return { error: { message: `无法识别的字符 "${ch}"`, start: i, end: i + 1 } };
  return { token: { kind: 'op', text: CANONICAL_OP[op] ?? op, start: i, end: i + op.length } };
}

/** Splits a formula into tokens; the last is 'end'. Words and/or/not become operators. */
export function tokenize(source: string): FormulaResult<Token[]> {
  if (typeof source !== 'string') return { ok: false, error: { message: '公式应为文字', start: 0, end: 0 } };
  if (source.length > MAX_SOURCE_LENGTH)
    return {
      ok: false,
      error: { message: `公式超过 ${MAX_SOURCE_LENGTH} 个字符`, start: 0, end: source.length },
    };
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    if (/\s/.test(source[i]!)) {
      i += 1;
      continue;
    }
    const read = readToken(source, i);
    if (read.token === undefined) return { ok: false, error: read.error };
    tokens.push(read.token);
    i = read.token.end;
  }
  tokens.push({ kind: 'end', start: source.length, end: source.length });
  return { ok: true, value: tokens };
}
