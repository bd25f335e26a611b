import {
  type Axis,
  type CellRef,
  COMPARISON_PRECEDENCE,
  type FunctionName,
  NEGATE_PRECEDENCE,
  NOT_PRECEDENCE,
  type Node,
  PRECEDENCE,
} from './ast.ts';

const ATOM = 100;
const SPELLING: Readonly<Record<FunctionName, string>> = {
  sum: 'SUM',
  avg: 'AVG',
  min: 'MIN',
  max: 'MAX',
  count: 'COUNT',
  abs: 'ABS',
  round: 'ROUND',
  if: 'IF',
  isblank: 'ISBLANK',
  prev: 'prev',
  lastYear: 'lastYear',
  yoy: 'yoy',
  mom: 'mom',
};

const axis = (a: Axis) => (a === '*' ? '*' : String(a).padStart(2, '0'));
const address = (row: Axis, column: Axis) => `R${axis(row)}C${axis(column)}`;

export const printCellRef = (ref: CellRef): string =>
  ref.kind === 'address' ? address(ref.row, ref.column) : `${ref.indicator}.${ref.combo}`;

const formPrefix = (form: string | null) => (form === null ? '' : `[${form}]`);

function precedence(node: Node): number {
  if (node.type === 'binary') return PRECEDENCE[node.op];
  if (node.type === 'unary') return node.op === '-' ? NEGATE_PRECEDENCE : NOT_PRECEDENCE;
  return ATOM;
}

/** Canonical text of a formula: parses back to the same tree. */
export function printFormula(node: Node): string {
  switch (node.type) {
    case 'number':
      return String(node.value);
    case 'cell':
      return formPrefix(node.form) + printCellRef(node.ref);
    case 'range':
      return `${formPrefix(node.form)}${address(node.from.row, node.from.column)}:${address(node.to.row, node.to.column)}`;
    case 'call':
      return `${SPELLING[node.name]}(${node.args.map(printFormula).join(', ')})`;
    case 'unary': {
      const inner = printFormula(node.operand);
      const wrap = precedence(node.operand) < precedence(node);
      if (node.op === 'not') return `not ${wrap ? `(${inner})` : inner}`;
      // "- -1" and "--1" both read back; the space keeps it legible.
      return wrap ? `-(${inner})` : inner.startsWith('-') ? `- ${inner}` : `-${inner}`;
    }
    case 'binary': {
      const prec = PRECEDENCE[node.op];
      const chained = prec === COMPARISON_PRECEDENCE;
      const l = printFormula(node.left);
      const r = printFormula(node.right);
      const lp = precedence(node.left);
      const rp = precedence(node.right);
      const left = lp < prec || (chained && lp === prec) ? `(${l})` : l;
      const right = rp <= prec ? `(${r})` : r;
      return `${left} ${node.op} ${right}`;
    }
  }
}
