import {
  type Axis,
  type BinaryOp,
  COMPARISON_PRECEDENCE,
  type FormulaError,
  type FormulaResult,
  FUNCTIONS,
  functionNamed,
  type Node,
  PRECEDENCE,
} from './ast.ts';
import { type Token, tokenize } from './tokenizer.ts';

// Deeper nesting than this is not a formula anyone writes; the bound keeps recursion safe.
const MAX_DEPTH = 60;

class ParseFailure {
  readonly error: FormulaError;
  constructor(error: FormulaError) {
    this.error = error;
  }
}

const BINARY = new Set(Object.keys(PRECEDENCE));

/** Parses an audit formula (syntax in ast.ts). Never throws; errors carry source offsets. */
export function parseFormula(source: string): FormulaResult<Node> {
  const tokens = tokenize(source);
  if (!tokens.ok) return tokens;
  try {
    return { ok: true, value: new Parser(tokens.value).parseAll() };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: e.error };
    return { ok: false, error: { message: `公式无法解析：${String(e)}`, start: 0, end: source.length } };
  }
}

class Parser {
  #pos = 0;
  #depth = 0;
  readonly tokens: readonly Token[];
  constructor(tokens: readonly Token[]) {
    this.tokens = tokens;
  }

  parseAll(): Node {
    const node = this.expression(0);
    const t = this.peek();
    if (t.kind !== 'end') this.fail(t, t.kind === 'op' && t.text === ')' ? '多余的右括号' : '此处应为运算符');
    return node;
  }

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.#pos + offset, this.tokens.length - 1)]!;
  }

  next(): Token {
    const t = this.peek();
    this.#pos += 1;
    return t;
  }

  fail(at: { start: number; end: number }, message: string): never {
    throw new ParseFailure({ message, start: at.start, end: at.end });
  }

  isOp(t: Token, text: string): boolean {
    return t.kind === 'op' && t.text === text;
  }

  expect(text: string, message: string): Token {
    const t = this.peek();
    if (!this.isOp(t, text)) this.fail(t, message);
    return this.next();
  }

  /** Precedence climbing over binary operators that bind tighter than `min`. */
  expression(min: number): Node {
    if (++this.#depth > MAX_DEPTH) this.fail(this.peek(), `公式嵌套超过 ${MAX_DEPTH} 层`);
    let left = this.prefix();
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'op' || !BINARY.has(t.text)) break;
      const op = t.text as BinaryOp;
      const prec = PRECEDENCE[op];
      if (prec <= min) break;
      this.next();
      const right = this.expression(prec);
      left = { type: 'binary', op, left, right, start: left.start, end: right.end };
      if (prec === COMPARISON_PRECEDENCE && this.peek().kind === 'op') {
        const after = this.peek() as Token & { text: string };
        if (PRECEDENCE[after.text as BinaryOp] === COMPARISON_PRECEDENCE)
          this.fail(after, '比较不能连写，请用 and 连接，如 a <= b and b <= c');
      }
    }
    this.#depth -= 1;
    return left;
  }

  prefix(): Node {
    const t = this.peek();
    if (this.isOp(t, '-')) {
      this.next();
      const operand = this.expression(PRECEDENCE['*']);
      return { type: 'unary', op: '-', operand, start: t.start, end: operand.end };
    }
    if (this.isOp(t, 'not')) {
      this.next();
      const operand = this.expression(PRECEDENCE.and);
      return { type: 'unary', op: 'not', operand, start: t.start, end: operand.end };
    }
    return this.primary(false);
  }

  primary(rangeAllowed: boolean): Node {
    const t = this.next();
    switch (t.kind) {
      case 'number':
        return { type: 'number', value: t.value, start: t.start, end: t.end };
      case 'form':
      case 'address':
      case 'key':
        return this.cellOrRange(t, rangeAllowed);
      case 'name':
        return this.call(t);
      case 'op':
        if (t.text === '(') {
          const inner = this.expression(0);
          const close = this.expect(')', '缺少右括号');
          return { ...inner, start: t.start, end: close.end };
        }
        return this.fail(t, t.text === ')' ? '括号内缺少内容' : '此处应为数值、单元格或函数');
      default:
        return this.fail(t, '公式不完整');
    }
  }

  cellOrRange(first: Token, rangeAllowed: boolean): Node {
    let form: string | null = null;
    let cell = first;
    if (first.kind === 'form') {
      form = first.text;
      cell = this.next();
      if (cell.kind !== 'address' && cell.kind !== 'key')
        this.fail(cell, `[${form}] 后应紧跟单元格，如 [${form}]R01C01`);
    }
    if (!this.isOp(this.peek(), ':')) {
      const ref =
        cell.kind === 'address'
          ? { kind: 'address' as const, row: cell.row, column: cell.column }
          : cell.kind === 'key'
            ? { kind: 'key' as const, indicator: cell.indicator, combo: cell.combo }
            : this.fail(cell, '此处应为单元格');
      return { type: 'cell', form, ref, start: first.start, end: cell.end };
    }
    const colon = this.next();
    if (cell.kind !== 'address') this.fail(cell, '区域的两端应为行列地址，如 R02C01:R07C01');
    if (!rangeAllowed) this.fail(colon, '区域只能用在 SUM、AVG、MIN、MAX、COUNT 中');
    let last = this.next();
    if (last.kind === 'form') {
      if (last.text !== form) this.fail(last, '区域两端应在同一张表');
      last = this.next();
    }
    if (last.kind !== 'address') this.fail(last, '区域的两端应为行列地址，如 R02C01:R07C01');
    const axesOk = (a: Axis, b: Axis) => (a === '*') === (b === '*');
    if (!axesOk(cell.row, last.row) || !axesOk(cell.column, last.column))
      this.fail(last, '区域两端的通配行列应一致');
    return {
      type: 'range',
      form,
      from: { row: cell.row, column: cell.column },
      to: { row: last.row, column: last.column },
      start: first.start,
      end: last.end,
    };
  }

  call(nameToken: Token & { kind: 'name' }): Node {
    const name = functionNamed(nameToken.text);
    if (!name) this.fail(nameToken, `未知的函数或名称 "${nameToken.text}"`);
    const spec = FUNCTIONS[name];
    this.expect('(', `${nameToken.text} 后应有括号`);
    const args: Node[] = [];
    if (!this.isOp(this.peek(), ')'))
      for (;;) {
        if (++this.#depth > MAX_DEPTH) this.fail(this.peek(), `公式嵌套超过 ${MAX_DEPTH} 层`);
        const t = this.peek();
        const isRange =
          spec.ranges &&
          (t.kind === 'address' || t.kind === 'form') &&
          this.isOp(this.peek(t.kind === 'form' ? 2 : 1), ':');
        args.push(isRange ? this.primary(true) : this.expression(0));
        this.#depth -= 1;
        if (!this.isOp(this.peek(), ',')) break;
        this.next();
      }
    const close = this.expect(')', `${nameToken.text} 缺少右括号或逗号`);
    const span = { start: nameToken.start, end: close.end };
    if (args.length < spec.min || args.length > spec.max)
      this.fail(
        span,
        spec.min === spec.max
          ? `${nameToken.text} 需要 ${spec.min} 个参数`
          : `${nameToken.text} 需要 ${spec.min}–${spec.max} 个参数`,
      );
    if (name === 'isblank' && args[0]!.type !== 'cell') this.fail(args[0]!, 'ISBLANK 的参数应为单元格');
    if ((name === 'prev' || name === 'lastYear') && args[1]) {
      const n = args[1];
      if (n.type !== 'number' || !Number.isInteger(n.value) || n.value < 1 || n.value > 120)
        this.fail(n, `${nameToken.text} 的第二个参数应为 1–120 的整数`);
    }
    return { type: 'call', name, args, ...span };
  }
}
