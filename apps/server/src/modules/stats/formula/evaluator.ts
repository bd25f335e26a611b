/**
 * Evaluating an audit formula against values fetched through a lookup the caller binds to the
 * database for one (form, unit, period). Operands are named relative to that context, so one
 * batch query can fetch every operand a rule set needs (`operandsOf`, then `operandId` as map key).
 * Each tree is compiled once into closures with its operands resolved (cached per node), so a
 * batch run over thousands of units only looks values up and does arithmetic.
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

const ids = new WeakMap<OperandRef, string>();

/** A stable string for an operand, for maps of fetched values. */
export function operandId(ref: OperandRef): string {
  let id = ids.get(ref);
  if (id === undefined) {
    id = `${ref.form ?? ''}|${ref.periodsBack}|${ref.yearsBack}|${ref.cell}`;
    ids.set(ref, id);
  }
  return id;
}

/** A lookup over values fetched in bulk, keyed by operandId. */
export const mapLookup = (values: ReadonlyMap<string, LookupValue>): ValueLookup => ({
  get: (ref) => values.get(operandId(ref)),
});

/**
 * For batch runs: operands numbered once per rule set (e.g. requiredOperands' order), then one
 * array of values per unit in that order. Faster than a map of ids for thousands of units.
 */
export function slotLookup(refs: readonly OperandRef[]): (values: readonly LookupValue[]) => ValueLookup {
  const byId = new Map(refs.map((r, i) => [operandId(r), i] as const));
  const byRef = new Map<OperandRef, number>(refs.map((r, i) => [r, i] as const));
  const slot = (ref: OperandRef): number => {
    let i = byRef.get(ref);
    if (i === undefined) {
      i = byId.get(operandId(ref)) ?? -1;
      byRef.set(ref, i);
    }
    return i;
  };
  return (values) => ({
    get: (ref) => {
      const i = slot(ref);
      return i < 0 ? undefined : values[i];
    },
  });
}

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

export type SkipReason = 'missingValues' | 'divisionByZero' | 'notNumeric';

class Skip {
  readonly reason: SkipReason;
  constructor(reason: SkipReason) {
    this.reason = reason;
  }
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

const cellText = (ref: CellRef): string => {
  if (ref.kind === 'address') {
    concreteAxis(ref.row);
    concreteAxis(ref.column);
  } else if (ref.combo === '*') throw new TypeError('a template must be expanded before it is evaluated');
  return printCellRef(ref);
};

const refOf = (form: string | null, cell: string, s: Shift): OperandRef => ({
  form,
  periodsBack: s.periods,
  yearsBack: s.years,
  cell,
});

function shifted(node: Node & { type: 'call' }, s: Shift): Shift {
  const n = node.args[1]?.type === 'number' ? node.args[1].value : 1;
  return node.name === 'prev' ? { ...s, periods: s.periods + n } : { ...s, years: s.years + n };
}

type Fn = (lookup: ValueLookup) => number;
/** null: missing. */
type ReadFn = (lookup: ValueLookup) => number | null;
interface Bound {
  readonly fn: Fn;
  readonly operands: readonly Operand[];
}

const isMissing = (v: LookupValue) => v === null || v === undefined || v === '';

function reader(ref: OperandRef): ReadFn {
  return (lookup) => {
    const v = lookup.get(ref);
    if (isMissing(v)) return null;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Skip('notNumeric');
    return v;
  };
}

// Equality allows for binary rounding in sums of decimals.
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const truth = (b: boolean) => (b ? 1 : 0);
const divide = (a: number, b: number) => {
  if (b === 0) throw new Skip('divisionByZero');
  return a / b;
};

/** Binary operators other than and/or. */
export const BINARY_OPS: Readonly<Record<string, (a: number, b: number) => number>> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': divide,
  '=': (a, b) => truth(close(a, b)),
  '!=': (a, b) => truth(!close(a, b)),
  '<': (a, b) => truth(a < b && !close(a, b)),
  '<=': (a, b) => truth(a <= b || close(a, b)),
  '>': (a, b) => truth(a > b && !close(a, b)),
  '>=': (a, b) => truth(a >= b || close(a, b)),
};

function compile(root: Node): Bound {
  const operands: Operand[] = [];
  const values = (args: readonly Node[], s: Shift, blank: boolean): ((lookup: ValueLookup) => number[]) => {
    const parts = args.map((a) => {
      if (a.type !== 'range') {
        const f = build(a, s, blank);
        return (lookup: ValueLookup, out: number[]) => void out.push(f(lookup));
      }
      const refs = rangeCells(a).map((c) => refOf(a.form, c, s));
      operands.push({ refs, range: true, blankTest: blank });
      const reads = refs.map(reader);
      return (lookup: ValueLookup, out: number[]) => {
        for (const r of reads) {
          const v = r(lookup);
          if (v !== null) out.push(v);
        }
      };
    });
    return (lookup) => {
      const out: number[] = [];
      for (const p of parts) p(lookup, out);
      return out;
    };
  };
  const counter = (args: readonly Node[], s: Shift, blank: boolean): Fn => {
    const parts: ReadFn[][] = [];
    let constants = 0;
    for (const a of args) {
      if (a.type === 'range') {
        const refs = rangeCells(a).map((c) => refOf(a.form, c, s));
        operands.push({ refs, range: true, blankTest: blank });
        parts.push(refs.map(reader));
      } else if (a.type === 'cell') {
        const ref = refOf(a.form, cellText(a.ref), s);
        operands.push({ refs: [ref], range: false, blankTest: blank });
        parts.push([reader(ref)]);
      } else {
        build(a, s, blank);
        constants += 1;
      }
    }
    return (lookup) => {
      let k = constants;
      for (const reads of parts) for (const r of reads) if (r(lookup) !== null) k++;
      return k;
    };
  };
  const build = (n: Node, s: Shift, blank: boolean): Fn => {
    switch (n.type) {
      case 'number': {
        const v = n.value;
        return () => v;
      }
      case 'cell': {
        const ref = refOf(n.form, cellText(n.ref), s);
        operands.push({ refs: [ref], range: false, blankTest: blank });
        const read = reader(ref);
        return (lookup) => read(lookup) ?? 0;
      }
      case 'range':
        throw new TypeError('a range outside an aggregate');
      case 'unary': {
        const f = build(n.operand, s, blank);
        return n.op === '-' ? (lookup) => -f(lookup) : (lookup) => truth(f(lookup) === 0);
      }
      case 'binary': {
        const l = build(n.left, s, blank);
        const r = build(n.right, s, blank);
        if (n.op === 'and') return (lookup) => truth(l(lookup) !== 0 && r(lookup) !== 0);
        if (n.op === 'or') return (lookup) => truth(l(lookup) !== 0 || r(lookup) !== 0);
        const op = BINARY_OPS[n.op]!;
        return (lookup) => op(l(lookup), r(lookup));
      }
      case 'call':
        return call(n, s, blank);
    }
  };
  const call = (n: Node & { type: 'call' }, s: Shift, blank: boolean): Fn => {
    const [x, y, z] = n.args;
    switch (n.name) {
      case 'prev':
      case 'lastYear':
        return build(x!, shifted(n, s), blank);
      case 'yoy':
      case 'mom': {
        const now = build(x!, s, blank);
        const back = build(
          x!,
          n.name === 'yoy' ? { ...s, years: s.years + 1 } : { ...s, periods: s.periods + 1 },
          blank,
        );
        return (lookup) => divide(now(lookup), back(lookup)) - 1;
      }
      case 'abs': {
        const f = build(x!, s, blank);
        return (lookup) => Math.abs(f(lookup));
      }
      case 'round': {
        const f = build(x!, s, blank);
        const d = y ? build(y, s, blank) : () => 0;
        return (lookup) => roundTo(f(lookup), Math.max(0, Math.min(10, Math.trunc(d(lookup)))));
      }
      case 'if': {
        const c = build(x!, s, blank);
        const a = build(y!, s, blank);
        const b = build(z!, s, blank);
        return (lookup) => (c(lookup) !== 0 ? a(lookup) : b(lookup));
      }
      case 'isblank': {
        if (x?.type !== 'cell') throw new TypeError('ISBLANK takes a cell');
        const ref = refOf(x.form, cellText(x.ref), s);
        operands.push({ refs: [ref], range: false, blankTest: true });
        const read = reader(ref);
        return (lookup) => truth(read(lookup) === null);
      }
      case 'count':
        return counter(n.args, s, blank);
      default: {
        const all = values(n.args, s, blank);
        const name = n.name;
        return (lookup) => {
          const xs = all(lookup);
          if (xs.length === 0) return 0;
          if (name === 'sum') return xs.reduce((a, b) => a + b, 0);
          if (name === 'avg') return xs.reduce((a, b) => a + b, 0) / xs.length;
          return name === 'min' ? Math.min(...xs) : Math.max(...xs);
        };
      }
    }
  };
  const fn = build(root, { periods: 0, years: 0 }, false);
  return { fn, operands };
}

const compiled = new WeakMap<Node, Bound>();
function bound(node: Node): Bound {
  let b = compiled.get(node);
  if (!b) {
    b = compile(node);
    compiled.set(node, b);
  }
  return b;
}

/** Every operand the formula reads, in order, with the period each is read in. */
export const operandsOf = (node: Node): readonly Operand[] => bound(node).operands;

export type Evaluation =
  | { readonly status: 'value'; readonly value: number }
  | { readonly status: 'skipped'; readonly reason: SkipReason };

/** Decides, by the strategy, whether missing operands make the evaluation skip. */
export function missingDecision(
  operands: readonly Operand[],
  lookup: ValueLookup,
  strategy: MissingValueStrategy,
): 'skip' | 'zero' {
  let counted = 0;
  let missing = 0;
  for (const o of operands) {
    if (o.blankTest) continue;
    counted++;
    let all = true;
    for (const r of o.refs)
      if (!isMissing(lookup.get(r))) {
        all = false;
        break;
      }
    if (all) missing++;
  }
  if (strategy === 'skipIfAnyMissing' && missing > 0) return 'skip';
  if (strategy === 'skipIfAllMissing' && counted > 0 && missing === counted) return 'skip';
  return 'zero';
}

/** The value of an expanded formula; missing cells count as 0 (decide skipping first). */
export function evaluate(node: Node, lookup: ValueLookup): Evaluation {
  const { fn } = bound(node);
  try {
    const value = fn(lookup);
    return Number.isFinite(value) ? { status: 'value', value } : { status: 'skipped', reason: 'notNumeric' };
  } catch (e) {
    if (e instanceof Skip) return { status: 'skipped', reason: e.reason };
    throw e;
  }
}
