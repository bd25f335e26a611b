/**
 * Evaluating an audit formula against values fetched through a lookup the caller binds to the
 * database for one (form, unit, period). Operands are named relative to that context, so one
 * batch query can fetch every operand a rule set needs (`operandsOf`, then `operandId` as map key).
 *
 * Missing values (DHIS2's missingValueStrategy, applied over all operands of the rule):
 *   skipIfAnyMissing (default)  any missing operand → skipped
 *   skipIfAllMissing            all missing → skipped; otherwise missing counts as 0
 *   neverSkip                   missing counts as 0
 * A range counts as one operand, missing only if every cell in it is; ISBLANK's cell is never
 * counted. A division by zero (e.g. 同比 against a zero last year) or a text value where a number
 * is needed makes the rule skipped too, with that reason.
 */
import { roundTo } from '../layout.ts';
import type { Axis, CellRef, Node } from './ast.ts';
import { printCellRef } from './printer.ts';

export type MissingValueStrategy = 'skipIfAnyMissing' | 'skipIfAllMissing' | 'neverSkip';

/** A cell relative to the context: form null is the rule's own form. */
export interface OperandRef {
  readonly form: string | null;
  /** Periods back (prev); 0 is the context period. */
  readonly periodsBack: number;
  /** Years back (lastYear), applied after periodsBack. */
  readonly yearsBack: number;
  /** 'R01C02' or 'indicator.combo' as written; resolve with findCell on that form's layout. */
  readonly cell: string;
}

export type LookupValue = number | string | null | undefined;

export interface ValueLookup {
  get(ref: OperandRef): LookupValue;
}

export const operandId = (ref: OperandRef): string =>
  `${ref.form ?? ''}|${ref.periodsBack}|${ref.yearsBack}|${ref.cell}`;

/** A lookup over values fetched in bulk, keyed by operandId. */
export const mapLookup = (values: ReadonlyMap<string, LookupValue>): ValueLookup => ({
  get: (ref) => values.get(operandId(ref)),
});

interface Shift {
  readonly periods: number;
  readonly years: number;
}

export interface Operand {
  readonly refs: readonly OperandRef[];
  /** A range: missing only when all its cells are. */
  readonly range: boolean;
  /** Inside ISBLANK: never makes the rule skip. */
  readonly blankTest: boolean;
}

const concreteAxis = (a: Axis): number => {
  if (a === '*') throw new TypeError('a template must be expanded before it is evaluated');
  return a;
};

function rangeCells(node: Node & { type: 'range' }): string[] {
  const r0 = concreteAxis(node.from.row);
  const r1 = concreteAxis(node.to.row);
  const c0 = concreteAxis(node.from.column);
  const c1 = concreteAxis(node.to.column);
  const out: string[] = [];
  for (let r = Math.min(r0, r1); r <= Math.max(r0, r1); r++)
    for (let c = Math.min(c0, c1); c <= Math.max(c0, c1); c++)
      out.push(printCellRef({ kind: 'address', row: r, column: c }));
  return out;
}

const refOf = (form: string | null, cell: string, s: Shift): OperandRef => ({
  form,
  periodsBack: s.periods,
  yearsBack: s.years,
  cell,
});

const cellText = (ref: CellRef): string => {
  if (ref.kind === 'address') {
    concreteAxis(ref.row);
    concreteAxis(ref.column);
  } else if (ref.combo === '*') throw new TypeError('a template must be expanded before it is evaluated');
  return printCellRef(ref);
};

function shifted(node: Node & { type: 'call' }, s: Shift): Shift {
  const n = node.args[1]?.type === 'number' ? node.args[1].value : 1;
  return node.name === 'prev' ? { ...s, periods: s.periods + n } : { ...s, years: s.years + n };
}

/** Every operand the formula reads, in order, with the period each is read in. */
export function operandsOf(node: Node): Operand[] {
  const out: Operand[] = [];
  const walk = (n: Node, s: Shift, blankTest: boolean): void => {
    switch (n.type) {
      case 'number':
        return;
      case 'cell':
        out.push({ refs: [refOf(n.form, cellText(n.ref), s)], range: false, blankTest });
        return;
      case 'range':
        out.push({ refs: rangeCells(n).map((c) => refOf(n.form, c, s)), range: true, blankTest });
        return;
      case 'unary':
        walk(n.operand, s, blankTest);
        return;
      case 'binary':
        walk(n.left, s, blankTest);
        walk(n.right, s, blankTest);
        return;
      case 'call':
        if (n.name === 'prev' || n.name === 'lastYear') {
          walk(n.args[0]!, shifted(n, s), blankTest);
          return;
        }
        if (n.name === 'yoy' || n.name === 'mom') {
          walk(n.args[0]!, s, blankTest);
          const back = n.name === 'yoy' ? { ...s, years: s.years + 1 } : { ...s, periods: s.periods + 1 };
          walk(n.args[0]!, back, blankTest);
          return;
        }
        for (const a of n.args) walk(a, s, blankTest || n.name === 'isblank');
    }
  };
  walk(node, { periods: 0, years: 0 }, false);
  return out;
}

export type SkipReason = 'missingValues' | 'divisionByZero' | 'notNumeric';

class Skip {
  readonly reason: SkipReason;
  constructor(reason: SkipReason) {
    this.reason = reason;
  }
}

// Equality allows for binary rounding in sums of decimals.
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

export type Evaluation =
  | { readonly status: 'value'; readonly value: number }
  | { readonly status: 'skipped'; readonly reason: SkipReason };

/** Decides, by the strategy, whether missing operands make the evaluation skip. */
export function missingDecision(
  operands: readonly Operand[],
  lookup: ValueLookup,
  strategy: MissingValueStrategy,
): 'skip' | 'zero' {
  const counted = operands.filter((o) => !o.blankTest);
  const missing = counted.filter((o) => o.refs.every((r) => isMissing(lookup.get(r)))).length;
  if (strategy === 'skipIfAnyMissing' && missing > 0) return 'skip';
  if (strategy === 'skipIfAllMissing' && counted.length > 0 && missing === counted.length) return 'skip';
  return 'zero';
}

const isMissing = (v: LookupValue) => v === null || v === undefined || v === '';

/** The value of an expanded formula; missing cells count as 0 (decide skipping first). */
export function evaluate(node: Node, lookup: ValueLookup): Evaluation {
  const read = (form: string | null, cell: string, s: Shift): number | null => {
    const v = lookup.get(refOf(form, cell, s));
    if (isMissing(v)) return null;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Skip('notNumeric');
    return v;
  };
  const truth = (b: boolean) => (b ? 1 : 0);
  const divide = (a: number, b: number) => {
    if (b === 0) throw new Skip('divisionByZero');
    return a / b;
  };
  const values = (args: readonly Node[], s: Shift): number[] =>
    args.flatMap((a) =>
      a.type === 'range'
        ? rangeCells(a)
            .map((c) => read(a.form, c, s))
            .filter((v): v is number => v !== null)
        : [ev(a, s)],
    );
  const ev = (n: Node, s: Shift): number => {
    switch (n.type) {
      case 'number':
        return n.value;
      case 'cell':
        return read(n.form, cellText(n.ref), s) ?? 0;
      case 'range':
        throw new TypeError('a range outside an aggregate');
      case 'unary':
        return n.op === '-' ? -ev(n.operand, s) : truth(ev(n.operand, s) === 0);
      case 'binary': {
        if (n.op === 'and') return truth(ev(n.left, s) !== 0 && ev(n.right, s) !== 0);
        if (n.op === 'or') return truth(ev(n.left, s) !== 0 || ev(n.right, s) !== 0);
        const a = ev(n.left, s);
        const b = ev(n.right, s);
        switch (n.op) {
          case '+':
            return a + b;
          case '-':
            return a - b;
          case '*':
            return a * b;
          case '/':
            return divide(a, b);
          case '=':
            return truth(close(a, b));
          case '!=':
            return truth(!close(a, b));
          case '<':
            return truth(a < b && !close(a, b));
          case '<=':
            return truth(a <= b || close(a, b));
          case '>':
            return truth(a > b && !close(a, b));
          case '>=':
            return truth(a >= b || close(a, b));
        }
        throw new TypeError(`operator ${n.op}`);
      }
      case 'call':
        return call(n, s);
    }
  };
  const call = (n: Node & { type: 'call' }, s: Shift): number => {
    const [x, y, z] = n.args;
    switch (n.name) {
      case 'prev':
      case 'lastYear':
        return ev(x!, shifted(n, s));
      case 'yoy':
        return divide(ev(x!, s), ev(x!, { ...s, years: s.years + 1 })) - 1;
      case 'mom':
        return divide(ev(x!, s), ev(x!, { ...s, periods: s.periods + 1 })) - 1;
      case 'abs':
        return Math.abs(ev(x!, s));
      case 'round':
        return roundTo(ev(x!, s), y ? Math.max(0, Math.min(10, Math.trunc(ev(y, s)))) : 0);
      case 'if':
        return ev(x!, s) !== 0 ? ev(y!, s) : ev(z!, s);
      case 'isblank':
        return truth(x?.type === 'cell' && read(x.form, cellText(x.ref), s) === null);
      case 'count':
        return n.args.reduce(
          (k, a) =>
            k +
            (a.type === 'range'
              ? rangeCells(a).filter((c) => read(a.form, c, s) !== null).length
              : a.type === 'cell'
                ? truth(read(a.form, cellText(a.ref), s) !== null)
                : 1),
          0,
        );
      default: {
        const xs = values(n.args, s);
        if (xs.length === 0) return 0;
        if (n.name === 'sum') return xs.reduce((a, b) => a + b, 0);
        if (n.name === 'avg') return xs.reduce((a, b) => a + b, 0) / xs.length;
        return n.name === 'min' ? Math.min(...xs) : Math.max(...xs);
      }
    }
  };
  try {
    const value = ev(node, { periods: 0, years: 0 });
    return Number.isFinite(value) ? { status: 'value', value } : { status: 'skipped', reason: 'notNumeric' };
  } catch (e) {
    if (e instanceof Skip) return { status: 'skipped', reason: e.reason };
    throw e;
  }
}
