import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Axis, BinaryOp, CellRef, FunctionName, Node } from './ast.ts';
import { parseFormula } from './parser.ts';
import { printFormula } from './printer.ts';

/** The tree without source offsets, as plain JSON. */
const shape = (n: Node): unknown => JSON.parse(JSON.stringify(strip(n)));
function strip(n: Node): unknown {
  const { start: _s, end: _e, ...rest } = n;
  switch (n.type) {
    case 'unary':
      return { ...rest, operand: strip(n.operand) };
    case 'binary':
      return { ...rest, left: strip(n.left), right: strip(n.right) };
    case 'call':
      return { ...rest, args: n.args.map(strip) };
    default:
      return rest;
  }
}

const parsed = (source: string): Node => {
  const r = parseFormula(source);
  assert.ok(r.ok, `${source}: ${r.ok ? '' : `${r.error.message} at ${r.error.start}`}`);
  return r.value;
};
const canonical = (source: string) => printFormula(parsed(source));
const failure = (source: string) => {
  const r = parseFormula(source);
  assert.ok(!r.ok, `${source} should not parse`);
  return r.error;
};

describe('formula syntax', () => {
  test('operands: addresses, keys, other forms, ranges, period shifts', () => {
    assert.equal(canonical('r1c2 = national.class1_paved'), 'R01C02 = national.class1_paved');
    assert.equal(canonical('R05C02<=[ 交行统1-2表 ]R01C02'), 'R05C02 <= [交行统1-2表]R01C02');
    assert.equal(canonical('R01C01 = sum(R02C01:R07C01)'), 'R01C01 = SUM(R02C01:R07C01)');
    assert.equal(canonical('sum([F]R1C1:[F]R1C5) > 0'), 'SUM([F]R01C01:R01C05) > 0');
    assert.equal(
      canonical('abs(R01C01/LASTYEAR(R01C01)-1) <= 0.3'),
      'ABS(R01C01 / lastYear(R01C01) - 1) <= 0.3',
    );
    assert.equal(canonical('prev(R01C01, 3) == R01C01'), 'prev(R01C01, 3) = R01C01');
    assert.deepEqual(shape(parsed('R01C*')), {
      type: 'cell',
      form: null,
      ref: { kind: 'address', row: 1, column: '*' },
    });
    assert.deepEqual(shape(parsed('total.*')), {
      type: 'cell',
      form: null,
      ref: { kind: 'key', indicator: 'total', combo: '*' },
    });
  });

  test('precedence: or < and < not < comparison < + - < * / < unary minus', () => {
    assert.equal(canonical('a.b + b.c * c.d'), 'a.b + b.c * c.d');
    assert.equal(canonical('(a.b + b.c) * c.d'), '(a.b + b.c) * c.d');
    assert.equal(canonical('R1C1 - (R1C2 - R1C3)'), 'R01C01 - (R01C02 - R01C03)');
    assert.equal(canonical('R1C1 - R1C2 - R1C3'), 'R01C01 - R01C02 - R01C03');
    assert.equal(
      canonical('not R1C1 > 1 && R1C2 < 2 || R1C3 <> 0'),
      'not R01C01 > 1 and R01C02 < 2 or R01C03 != 0',
    );
    assert.equal(canonical('-R1C1 * 2'), '-R01C01 * 2');
    assert.equal(canonical('-(R1C1 * 2)'), '-(R01C01 * 2)');
    const t = parsed('1 + 2 * 3 = 7 and not 0');
    assert.equal(t.type === 'binary' && t.op, 'and');
  });

  test('Chinese input: full-width brackets, commas and spaces', () => {
    assert.equal(canonical('SUM（R1C1，R1C2）　＝　R1C3'.replace('＝', '=')), 'SUM(R01C01, R01C02) = R01C03');
  });

  test('errors point at the offending text', () => {
    assert.deepEqual(failure('R01C01 = '), { message: '公式不完整', start: 9, end: 9 });
    assert.equal(failure('R01C01 + foo(1)').start, 9);
    assert.match(failure('R01C01 + foo(1)').message, /foo/);
    const chained = failure('1 < R01C01 < 3');
    assert.equal(chained.start, 11);
    assert.match(chained.message, /and/);
    assert.match(failure('R01C01:R01C03 > 0').message, /SUM/);
    assert.match(failure('SUM(a.b:c.d)').message, /行列地址/);
    assert.match(failure('IF(1, 2)').message, /3 个参数/);
    assert.match(failure('prev(R01C01, 0)').message, /1–120/);
    assert.match(failure('ISBLANK(1)').message, /单元格/);
    assert.match(failure('[交行统1-2表 R01C01').message, /表号/);
    assert.match(failure('R00C01').message, /从 1 开始/);
    assert.equal(failure('(R01C01').message, '缺少右括号');
    assert.equal(failure('R01C01)').message, '多余的右括号');
    assert.match(failure(`${'('.repeat(200)}1${')'.repeat(200)}`).message, /嵌套/);
  });
});

const axisArb: fc.Arbitrary<Axis> = fc.integer({ min: 1, max: 9999 });
const codeArb = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
const cellRefArb: fc.Arbitrary<CellRef> = fc.oneof(
  fc.record({
    kind: fc.constant('address' as const),
    row: fc.oneof(axisArb, fc.constant('*' as const)),
    column: axisArb,
  }),
  fc.record({
    kind: fc.constant('key' as const),
    indicator: codeArb,
    combo: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_]{1,12}$/), fc.constant('*')),
  }),
);
const formArb = fc.option(
  fc
    .string({ minLength: 1, maxLength: 20 })
    .map((s) => s.replace(/[[\]\r\n]/g, '').trim())
    .filter((s) => s.length > 0),
  { nil: null },
);
const span = { start: 0, end: 0 };
const numberArb: fc.Arbitrary<Node> = fc
  .double({ min: 0, max: 1e25, noNaN: true })
  .map((v) => ({ type: 'number', value: Math.abs(v), ...span }) as Node);
const cellArb: fc.Arbitrary<Node> = fc
  .record({ form: formArb, ref: cellRefArb })
  .map((c) => ({ type: 'cell', ...c, ...span }) as Node);
const rangeArb: fc.Arbitrary<Node> = fc
  .record({ form: formArb, r0: axisArb, c0: axisArb, r1: axisArb, c1: axisArb })
  .map(
    ({ form, r0, c0, r1, c1 }) =>
      ({ type: 'range', form, from: { row: r0, column: c0 }, to: { row: r1, column: c1 }, ...span }) as Node,
  );
const OPS: BinaryOp[] = ['or', 'and', '=', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/'];

const { node: nodeArb } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    numberArb,
    cellArb,
    fc
      .record({ op: fc.constantFrom(...OPS), left: tie('node'), right: tie('node') })
      .map((b) => ({ type: 'binary', ...b, ...span }) as Node),
    fc
      .record({ op: fc.constantFrom('-' as const, 'not' as const), operand: tie('node') })
      .map((u) => ({ type: 'unary', ...u, ...span }) as Node),
    fc
      .record({
        name: fc.constantFrom<FunctionName>('sum', 'avg', 'min', 'max', 'count'),
        args: fc.array(fc.oneof(tie('node'), rangeArb), { minLength: 1, maxLength: 3 }),
      })
      .map((c) => ({ type: 'call', ...c, ...span }) as Node),
    fc
      .record({ name: fc.constantFrom<FunctionName>('abs', 'yoy', 'mom'), arg: tie('node') })
      .map(({ name, arg }) => ({ type: 'call', name, args: [arg], ...span }) as Node),
    fc
      .record({
        name: fc.constantFrom<FunctionName>('prev', 'lastYear'),
        arg: tie('node'),
        n: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
      })
      .map(
        ({ name, arg, n }) =>
          ({
            type: 'call',
            name,
            args: n === null ? [arg] : [arg, { type: 'number', value: n, ...span }],
            ...span,
          }) as Node,
      ),
    fc
      .tuple(tie('node'), tie('node'), tie('node'))
      .map((args) => ({ type: 'call', name: 'if', args, ...span }) as Node),
    cellArb.map((c) => ({ type: 'call', name: 'isblank', args: [c], ...span }) as Node),
    fc.tuple(tie('node'), fc.integer({ min: 0, max: 6 })).map(
      ([x, d]) =>
        ({
          type: 'call',
          name: 'round',
          args: [x, { type: 'number', value: d, ...span }],
          ...span,
        }) as Node,
    ),
  ),
}));

describe('formula properties', () => {
  test('any tree prints to text that parses back to the same tree', () => {
    fc.assert(
      fc.property(nodeArb, (node) => {
        const text = printFormula(node);
        const back = parseFormula(text);
        assert.ok(back.ok, `${text}: ${back.ok ? '' : back.error.message}`);
        assert.deepEqual(shape(back.value), shape(node));
      }),
      { numRuns: 500 },
    );
  });

  test('garbage never throws, and errors stay inside the text', () => {
    const fragments = [
      'R01C01',
      'r*c2',
      '(',
      ')',
      'SUM',
      'prev',
      'if',
      ',',
      ':',
      '+',
      '*',
      '[表]',
      '[',
      ']',
      '1.5',
      '1e',
      'and',
      'not',
      '=',
      '<',
      '-',
      'a.*',
      '.',
      '（',
      ' ',
      '"',
    ];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 60 }),
          fc.array(fc.constantFrom(...fragments), { maxLength: 30 }).map((xs) => xs.join('')),
        ),
        (text) => {
          const r = parseFormula(text);
          if (!r.ok) {
            assert.ok(
              r.error.start >= 0 && r.error.end <= text.length && r.error.start <= r.error.end,
              JSON.stringify(r.error),
            );
            assert.ok(r.error.message.length > 0);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
