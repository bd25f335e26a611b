/**
 * Validation rules (审核公式) built on the formula language: importance hard (强制性审核, blocks
 * submission) or soft (核实性审核, needs a written explanation, 强制上报), a message template,
 * a missing-value strategy, and templates expanded across a row or column of the form's layout.
 *
 * Message templates: text with `{expression}` placeholders, each any formula (e.g. `{R01C01}`,
 * `{lastYear(R01C01)}`, `{yoy(R01C01)*100}`), plus `{left}` and `{right}` for the two sides of the
 * rule's top comparison. Values print with up to 4 decimals; a missing one as 空.
 *   公路里程合计 {left} 应等于各行政等级之和 {right}
 */
import { type CompiledLayout, findCell } from '../layout.ts';
import type { Axis, CellRef, FormulaError, FormulaResult, Node } from './ast.ts';
import { COMPARISON_PRECEDENCE, PRECEDENCE } from './ast.ts';
import {
  BINARY_OPS,
  type Evaluation,
  evaluate,
  type MissingValueStrategy,
  missingDecision,
  type OperandRef,
  operandId,
  operandsOf,
  type SkipReason,
  type ValueLookup,
} from './evaluator.ts';
import { parseFormula } from './parser.ts';
import { printCellRef } from './printer.ts';

export type Importance = 'hard' | 'soft';

export interface ValidationRuleDef {
  readonly code: string;
  readonly name: string;
  /** A comparison or logical formula that holds for good data. */
  readonly expression: string;
  readonly importance: Importance;
  /** Shown when the rule fails; placeholders as above. Default: the rule's name and both sides. */
  readonly message?: string;
  readonly missingValues?: MissingValueStrategy;
}

type MessagePart = string | { readonly side: 'left' | 'right' } | { readonly node: Node };

export interface CompiledRule {
  readonly def: ValidationRuleDef;
  /** The def's code, plus [C03] or [R02] for an instance of a template. */
  readonly code: string;
  readonly instance: string | null;
  readonly ast: Node;
  readonly message: readonly MessagePart[];
  readonly template: 'row' | 'column' | null;
  /** Keys of this form's cells read in the current period, to mark in the grid; set by expandRule. */
  readonly cellKeys: readonly string[];
}

export interface RuleResult {
  readonly code: string;
  readonly name: string;
  readonly importance: Importance;
  readonly status: 'pass' | 'fail' | 'skipped';
  readonly reason: SkipReason | null;
  readonly left: number | null;
  readonly right: number | null;
  /** The filled-in message, for failures. */
  readonly message: string | null;
  /** The rule's cells of this form and period (CompiledRule.cellKeys). */
  readonly cellKeys: readonly string[];
}

export type RuleError = FormulaError & { readonly field: 'expression' | 'message' };

const isBoolean = (n: Node): boolean =>
  (n.type === 'binary' && (PRECEDENCE[n.op] === COMPARISON_PRECEDENCE || n.op === 'and' || n.op === 'or')) ||
  (n.type === 'unary' && n.op === 'not') ||
  (n.type === 'call' &&
    (n.name === 'isblank' || (n.name === 'if' && (isBoolean(n.args[1]!) || isBoolean(n.args[2]!)))));

function parseMessage(template: string): FormulaResult<MessagePart[]> {
  const parts: MessagePart[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    if (open > i) parts.push(template.slice(i, open));
    const close = template.indexOf('}', open);
    if (close < 0)
      return { ok: false, error: { message: '消息中的 { 缺少 }', start: open, end: template.length } };
    const raw = template.slice(open + 1, close);
    const inner = raw.trim();
    if (inner === 'left' || inner === 'right') parts.push({ side: inner });
    else {
      const r = parseFormula(raw);
      if (!r.ok)
        return {
          ok: false,
          error: { ...r.error, start: open + 1 + r.error.start, end: open + 1 + r.error.end },
        };
      parts.push({ node: r.value });
    }
    i = close + 1;
  }
  if (i < template.length) parts.push(template.slice(i));
  return { ok: true, value: parts };
}

function templateAxis(nodes: readonly Node[]): FormulaResult<'row' | 'column' | null> {
  const axes = new Set<'row' | 'column'>();
  let at: Node | null = null;
  const visit = (n: Node): void => {
    const note = (row: Axis, column: Axis) => {
      if (row === '*') axes.add('row');
      if (column === '*') axes.add('column');
      if (row === '*' || column === '*') at ??= n;
    };
    if (n.type === 'cell') {
      if (n.ref.kind === 'address') note(n.ref.row, n.ref.column);
      else if (n.ref.combo === '*') note(0, '*');
    } else if (n.type === 'range') note(n.from.row, n.from.column);
    else if (n.type === 'unary') visit(n.operand);
    else if (n.type === 'binary') {
      visit(n.left);
      visit(n.right);
    } else if (n.type === 'call') n.args.forEach(visit);
  };
  nodes.forEach(visit);
  if (axes.size > 1)
    return {
      ok: false,
      error: { message: '模板只能沿一行或一列展开，不能同时用 R* 和 C*', start: at!.start, end: at!.end },
    };
  return { ok: true, value: axes.size === 0 ? null : [...axes][0]! };
}

const messageNodes = (parts: readonly MessagePart[]) =>
  parts.flatMap((p) => (typeof p !== 'string' && 'node' in p ? [p.node] : []));

/** Parses a rule's expression and message. */
export function compileRule(
  def: ValidationRuleDef,
): { ok: true; value: CompiledRule } | { ok: false; error: RuleError } {
  const ast = parseFormula(def.expression);
  if (!ast.ok) return { ok: false, error: { ...ast.error, field: 'expression' } };
  if (!isBoolean(ast.value))
    return {
      ok: false,
      error: {
        message: '审核公式应为比较式，如 R01C01 = SUM(R02C01:R07C01)',
        start: 0,
        end: def.expression.length,
        field: 'expression',
      },
    };
  const message = parseMessage(def.message ?? `${def.name}：{left} / {right}`);
  if (!message.ok) return { ok: false, error: { ...message.error, field: 'message' } };
  const axis = templateAxis([ast.value, ...messageNodes(message.value)]);
  if (!axis.ok) return { ok: false, error: { ...axis.error, field: 'expression' } };
  return {
    ok: true,
    value: {
      def,
      code: def.code,
      instance: null,
      ast: ast.value,
      message: message.value,
      template: axis.value,
      cellKeys: [],
    },
  };
}

function substitute(n: Node, axis: 'row' | 'column', index: number, combo: string): Node {
  const fill = (a: Axis, mine: boolean): Axis => (a === '*' && mine ? index : a);
  switch (n.type) {
    case 'cell': {
      const ref: CellRef =
        n.ref.kind === 'address'
          ? {
              kind: 'address',
              row: fill(n.ref.row, axis === 'row'),
              column: fill(n.ref.column, axis === 'column'),
            }
          : n.ref.combo === '*'
            ? { ...n.ref, combo }
            : n.ref;
      return { ...n, ref };
    }
    case 'range':
      return {
        ...n,
        from: { row: fill(n.from.row, axis === 'row'), column: fill(n.from.column, axis === 'column') },
        to: { row: fill(n.to.row, axis === 'row'), column: fill(n.to.column, axis === 'column') },
      };
    case 'unary':
      return { ...n, operand: substitute(n.operand, axis, index, combo) };
    case 'binary':
      return {
        ...n,
        left: substitute(n.left, axis, index, combo),
        right: substitute(n.right, axis, index, combo),
      };
    case 'call':
      return { ...n, args: n.args.map((a) => substitute(a, axis, index, combo)) };
    default:
      return n;
  }
}

/** This form's cells a formula names (range corners included), with their source spans. */
function ownCells(nodes: readonly Node[]): { text: string; node: Node }[] {
  const out: { text: string; node: Node }[] = [];
  const visit = (n: Node): void => {
    if (n.type === 'cell' && n.form === null) out.push({ text: printCellRef(n.ref), node: n });
    else if (n.type === 'range' && n.form === null)
      for (const corner of [n.from, n.to])
        out.push({ text: printCellRef({ kind: 'address', ...corner }), node: n });
    else if (n.type === 'unary') visit(n.operand);
    else if (n.type === 'binary') {
      visit(n.left);
      visit(n.right);
    } else if (n.type === 'call') n.args.forEach(visit);
  };
  nodes.forEach(visit);
  return out;
}

function currentCellKeys(ast: Node, layout: CompiledLayout): string[] {
  const keys = new Set<string>();
  for (const operand of operandsOf(ast))
    for (const ref of operand.refs)
      if (ref.form === null && ref.periodsBack === 0 && ref.yearsBack === 0) {
        const cell = findCell(layout, ref.cell);
        if (cell) keys.add(cell.key);
      }
  return [...keys];
}

/**
 * Checks a rule's cells against its form's layout and expands a template into one rule per row or
 * column where every cell it names exists, is not shaded and holds numbers.
 */
export function expandRule(rule: CompiledRule, layout: CompiledLayout): FormulaResult<CompiledRule[]> {
  const nodesOf = (r: CompiledRule) => [r.ast, ...messageNodes(r.message)];
  if (rule.template === null) {
    const unknown = ownCells(nodesOf(rule)).find((c) => !findCell(layout, c.text));
    if (unknown)
      return {
        ok: false,
        error: {
          message: `表中没有单元格 ${unknown.text}`,
          start: unknown.node.start,
          end: unknown.node.end,
        },
      };
    return { ok: true, value: [{ ...rule, cellKeys: currentCellKeys(rule.ast, layout) }] };
  }
  const axis = rule.template;
  const count = axis === 'row' ? layout.rows.length : layout.columns.length;
  const out: CompiledRule[] = [];
  for (let i = 1; i <= count; i++) {
    const combo = axis === 'column' ? layout.columns[i - 1]!.combo : '*';
    const sub = (n: Node) => substitute(n, axis, i, combo);
    const ast = sub(rule.ast);
    const message = rule.message.map((p) =>
      typeof p !== 'string' && 'node' in p ? { node: sub(p.node) } : p,
    );
    const usable = ownCells([ast, ...messageNodes(message)]).every((c) => {
      const cell = findCell(layout, c.text);
      return cell !== undefined && cell.kind !== 'disabled' && cell.indicator.valueType !== 'text';
    });
    if (!usable) continue;
    const instance = `${axis === 'row' ? 'R' : 'C'}${String(i).padStart(2, '0')}`;
    out.push({
      ...rule,
      code: `${rule.def.code}[${instance}]`,
      instance,
      ast,
      message,
      template: null,
      cellKeys: currentCellKeys(ast, layout),
    });
  }
  return { ok: true, value: out };
}

/** Every operand a rule set reads, once each, for one batch fetch. */
export function requiredOperands(rules: readonly CompiledRule[]): OperandRef[] {
  const seen = new Map<string, OperandRef>();
  for (const rule of rules)
    for (const node of [rule.ast, ...messageNodes(rule.message)])
      for (const operand of operandsOf(node)) for (const ref of operand.refs) seen.set(operandId(ref), ref);
  return [...seen.values()];
}

const show = (v: number | null) => (v === null ? '空' : String(Number(v.toFixed(4))));

function sideValue(n: Node, lookup: ValueLookup): number | null {
  const e = evaluate(n, lookup);
  return e.status === 'value' ? e.value : null;
}

// Hot in batch runs: results are built as literals; an object spread here cost 20× the rule.
const result = (
  rule: CompiledRule,
  status: RuleResult['status'],
  reason: SkipReason | null,
  left: number | null,
  right: number | null,
  message: string | null,
): RuleResult => ({
  code: rule.code,
  name: rule.def.name,
  importance: rule.def.importance,
  status,
  reason,
  left,
  right,
  message,
  cellKeys: rule.cellKeys,
});

/** Runs one expanded rule. */
export function runRule(rule: CompiledRule, lookup: ValueLookup): RuleResult {
  if (rule.template !== null) throw new TypeError(`rule ${rule.code} is a template: expand it first`);
  const strategy = rule.def.missingValues ?? 'skipIfAnyMissing';
  if (missingDecision(operandsOf(rule.ast), lookup, strategy) === 'skip')
    return result(rule, 'skipped', 'missingValues', null, null, null);
  const top = rule.ast;
  const sides = top.type === 'binary' && PRECEDENCE[top.op] === COMPARISON_PRECEDENCE;
  const l = sides ? evaluate(top.left, lookup) : null;
  const r = sides ? evaluate(top.right, lookup) : null;
  const left = l?.status === 'value' ? l.value : null;
  const right = r?.status === 'value' ? r.value : null;
  // The top comparison is decided from its two sides rather than evaluating them twice.
  const whole: Evaluation = !sides
    ? evaluate(top, lookup)
    : l!.status === 'skipped'
      ? l!
      : r!.status === 'skipped'
        ? r!
        : { status: 'value', value: BINARY_OPS[top.op]!(l!.value, r!.value) };
  if (whole.status === 'skipped') return result(rule, 'skipped', whole.reason, left, right, null);
  if (whole.value !== 0) return result(rule, 'pass', null, left, right, null);
  const message = rule.message
    .map((p) =>
      typeof p === 'string'
        ? p
        : 'side' in p
          ? show(p.side === 'left' ? left : right)
          : show(sideValue(p.node, lookup)),
    )
    .join('');
  return result(rule, 'fail', null, left, right, message);
}

export const runRules = (rules: readonly CompiledRule[], lookup: ValueLookup): RuleResult[] =>
  rules.map((r) => runRule(r, lookup));

/** Failures that block submission, and those that need a written explanation (强制上报说明). */
export function classifyResults(results: readonly RuleResult[]): {
  blocking: RuleResult[];
  needExplanation: RuleResult[];
} {
  const failed = results.filter((r) => r.status === 'fail');
  return {
    blocking: failed.filter((r) => r.importance === 'hard'),
    needExplanation: failed.filter((r) => r.importance === 'soft'),
  };
}
