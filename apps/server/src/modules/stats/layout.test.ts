import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseLayout } from './layout.schema.ts';
import {
  type CompiledLayout,
  cellKey,
  compileLayout,
  computeCells,
  computeDerived,
  computedCells,
  findCell,
  inputCells,
  type LayoutDef,
  layoutIndicators,
  parseCellInput,
  roundTo,
  splitCellKey,
  validateEntries,
} from './layout.ts';
import { highwayMileageLayout } from './test-fixtures.ts';

const compiled = (def: LayoutDef): CompiledLayout => {
  const r = compileLayout(def);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.value;
};
const mileage = compiled(highwayMileageLayout);
const cell = (ref: string) => {
  const c = findCell(mileage, ref);
  assert.ok(c, ref);
  return c;
};

describe('columns from dimensions', () => {
  test('合计 first, then each 技术等级 with its 小计 and its 路面类型 leaves', () => {
    assert.equal(mileage.columns.length, 1 + 6 * 4);
    assert.deepEqual(
      mileage.columns.slice(0, 6).map((c) => [c.index, c.combo, c.kind, c.labels.join('/')]),
      [
        [1, 'total', 'total', '合计'],
        [2, 'expressway', 'subtotal', '高速/小计'],
        [3, 'expressway_paved', 'leaf', '高速/有铺装'],
        [4, 'expressway_simple', 'leaf', '高速/简易铺装'],
        [5, 'expressway_unpaved', 'leaf', '高速/未铺装'],
        [6, 'class1', 'subtotal', '一级/小计'],
      ],
    );
    assert.equal(mileage.columns[0]!.leaves.length, 18);
  });

  test('every cell has an address and a key that find the same cell', () => {
    assert.equal(mileage.cells.length, 7 * 25);
    for (const c of mileage.cells) {
      assert.equal(findCell(mileage, c.address), c);
      assert.equal(findCell(mileage, c.key), c);
    }
    assert.equal(cell('R02C03').key, 'national.expressway_paved');
    assert.equal(cell('r2c3').key, 'national.expressway_paved');
    assert.equal(findCell(mileage, 'R08C01'), undefined);
    assert.equal(findCell(mileage, 'R01C26'), undefined);
  });

  test('without subtotals, or with one dimension, only the leaves and the total', () => {
    const one = compiled({
      ...highwayMileageLayout,
      dimensions: highwayMileageLayout.dimensions.slice(0, 1),
      subtotals: false,
      disabled: [],
    });
    assert.deepEqual(
      one.columns.map((c) => c.combo),
      ['total', 'expressway', 'class1', 'class2', 'class3', 'class4', 'substandard'],
    );
    const none = compiled({
      ...highwayMileageLayout,
      dimensions: [],
      total: false,
      subtotals: false,
      disabled: [],
    });
    assert.deepEqual(none.cells.map((c) => c.key).slice(0, 2), ['total.default', 'national.default']);
  });
});

describe('computed and shaded cells', () => {
  test('the total row sums the rows below column by column; totals and subtotals aggregate leaves', () => {
    assert.equal(cell('total.class2_paved').kind, 'computed');
    assert.deepEqual(cell('total.class2_paved').formula, {
      op: 'sum',
      of: ['national', 'provincial', 'county', 'township', 'special', 'village'].map(
        (r) => `${r}.class2_paved`,
      ),
    });
    assert.deepEqual(cell('national.expressway').formula, {
      op: 'sum',
      of: ['national.expressway_paved', 'national.expressway_simple'],
    });
    assert.equal(cell('national.expressway_unpaved').kind, 'disabled');
    assert.equal(cell('national.class1_paved').kind, 'entry');
  });

  test('a subtotal over shaded cells only is shaded, and sum rows leave shaded cells out', () => {
    assert.equal(cell('county.expressway').kind, 'disabled');
    assert.equal(cell('total.expressway_unpaved').formula?.of.length, 4);
    assert.ok(!cell('total.expressway_unpaved').formula?.of.includes('county.expressway_unpaved'));
  });

  test('derived cells are computed in dependency order and rounded to the indicator decimals', () => {
    const out = computeDerived(mileage, {
      'national.expressway_paved': 1.1,
      'national.expressway_simple': 2.2,
      'provincial.expressway_paved': 0.001,
      'national.class1_unpaved': 5,
      'total.total': 999, // entered into a computed cell: replaced
    });
    assert.equal(out['national.expressway'], 3.3);
    assert.equal(out['national.total'], 8.3);
    assert.equal(out['total.expressway_paved'], 1.101);
    assert.equal(out['total.expressway'], 3.301);
    assert.equal(out['total.total'], 8.301);
    assert.equal(out['total.class2'], undefined, 'nothing entered below: missing, not 0');
  });

  test('average, min and max totals follow the indicator aggregation type', () => {
    const def: LayoutDef = {
      rows: [
        {
          indicator: {
            code: 'dist',
            name: '平均运距',
            unit: '公里',
            valueType: 'number',
            decimals: 1,
            aggregation: 'average',
          },
        },
        {
          indicator: {
            code: 'top',
            name: '最高',
            unit: '公里',
            valueType: 'integer',
            decimals: 0,
            aggregation: 'max',
          },
        },
        {
          indicator: {
            code: 'note',
            name: '说明',
            unit: '',
            valueType: 'text',
            decimals: 0,
            aggregation: 'none',
          },
        },
      ],
      dimensions: [
        {
          code: 'g',
          name: '等级',
          options: [
            { code: 'a', name: 'A' },
            { code: 'b', name: 'B' },
            { code: 'c', name: 'C' },
          ],
        },
      ],
      total: true,
      subtotals: false,
    };
    const l = compiled(def);
    const out = computeDerived(l, { 'dist.a': 1, 'dist.b': 2.5, 'top.a': 3, 'top.c': 9, 'note.a': '无' });
    assert.equal(out['dist.total'], 1.8);
    assert.equal(out['top.total'], 9);
    assert.equal(findCell(l, 'note.total')?.kind, 'disabled');
  });

  test('computing keeps totals equal to the sum of the leaves for any entered values', () => {
    const entry = mileage.cells.filter((c) => c.kind === 'entry');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(entry.length - 1), fc.integer({ min: 0, max: 10_000_000 })), {
          maxLength: 60,
        }),
        (picks) => {
          const values: Record<string, number> = {};
          for (const [i, v] of picks) values[entry[i]!.key] = v / 1000;
          const out = computeDerived(mileage, values);
          const leaves = Object.entries(values).map(([, v]) => v);
          const expected =
            leaves.length === 0
              ? undefined
              : roundTo(
                  leaves.reduce((a, b) => a + b, 0),
                  3,
                );
          assert.equal(out['total.total'], expected);
        },
      ),
    );
  });
});

describe('layout definition errors', () => {
  test('bad codes, dangling and cyclic sum rows, and unknown shaded cells are reported with paths', () => {
    const bad = compileLayout({
      ...highwayMileageLayout,
      rows: [
        { indicator: { ...highwayMileageLayout.rows[1]!.indicator, code: 'a' }, sumOf: ['b'] },
        { indicator: { ...highwayMileageLayout.rows[1]!.indicator, code: 'b' }, sumOf: ['a'] },
        { indicator: { ...highwayMileageLayout.rows[1]!.indicator, code: 'c' }, sumOf: ['zzz'] },
        { indicator: { ...highwayMileageLayout.rows[1]!.indicator, code: '1x', decimals: 9 } },
      ],
    });
    assert.equal(bad.ok, false);
    const messages = bad.ok ? [] : bad.errors.map((e) => `${e.path}: ${e.message}`);
    assert.ok(
      messages.some((m) => m.includes('zzz')),
      messages.join('\n'),
    );
    assert.ok(messages.some((m) => m.startsWith('rows[3].indicator.code')));
    assert.ok(messages.some((m) => m.startsWith('rows[3].indicator.decimals')));
    const cyclic = compileLayout({
      ...highwayMileageLayout,
      disabled: [],
      rows: [
        { indicator: { ...highwayMileageLayout.rows[1]!.indicator, code: 'a' }, sumOf: ['b'] },
        { indicator: { ...highwayMileageLayout.rows[1]!.indicator, code: 'b' }, sumOf: ['a'] },
      ],
    });
    assert.ok(!cyclic.ok && cyclic.errors.some((e) => e.message.includes('循环')));
    const unknown = compileLayout({ ...highwayMileageLayout, disabled: ['national.nope'] });
    assert.ok(!unknown.ok && unknown.errors.some((e) => e.message.includes('national.nope')));
  });
});

describe('entered values', () => {
  test('typed input: blanks, full-width digits, thousands separators, percentages', () => {
    const km = cell('national.class1_paved');
    assert.deepEqual(parseCellInput(km, '  '), { ok: true, value: null });
    assert.deepEqual(parseCellInput(km, '1,234.5'), { ok: true, value: 1234.5 });
    assert.deepEqual(parseCellInput(km, '１２．５'), { ok: true, value: 12.5 });
    // A typed -0 is the figure 0, not a negative zero the console would show apart.
    assert.ok(Object.is((parseCellInput(km, '-0') as { value: number }).value, 0));
    const r = parseCellInput(km, '12公里');
    assert.ok(!r.ok && r.error.code === 'notANumber' && r.error.address === 'R02C07');
    const p = parseCellInput(km, '1.2345');
    assert.ok(!p.ok && p.error.code === 'tooManyDecimals');
    const neg = parseCellInput(km, '-1');
    assert.ok(!neg.ok && neg.error.code === 'belowMin');
  });

  test('parsing typed input never throws, and what it accepts passes validation', () => {
    fc.assert(
      fc.property(fc.constantFrom(...mileage.cells), fc.string(), (c, s) => {
        const r = parseCellInput(c, s);
        if (r.ok && r.value !== null) assert.deepEqual(validateEntries(mileage, { [c.key]: r.value }), []);
      }),
    );
  });

  test('validation names every bad cell by key and address', () => {
    const errors = validateEntries(mileage, {
      'national.class1_paved': 10.5,
      'total.total': 3,
      'national.expressway_unpaved': 1,
      'national.class2_paved': '十',
      'nope.total': 1,
    });
    assert.deepEqual(
      errors.map((e) => [e.cellKey, e.address, e.code]),
      [
        ['nope.total', null, 'unknownCell'],
        ['total.total', 'R01C01', 'computedCell'],
        ['national.expressway_unpaved', 'R02C05', 'disabledCell'],
        ['national.class2_paved', 'R02C11', 'notANumber'],
      ],
    );
  });

  test('rounding is half away from zero without binary artefacts', () => {
    assert.equal(roundTo(1.005, 2), 1.01);
    assert.equal(roundTo(-2.5, 0), -3);
    assert.equal(roundTo(0.1 + 0.2, 3), 0.3);
    assert.equal(roundTo(-0.0001, 2), 0);
  });
});

describe('stored layout JSON', () => {
  test('a layout survives JSON and compiles to the same cells', () => {
    const r = parseLayout(JSON.parse(JSON.stringify(highwayMileageLayout)));
    assert.ok(r.ok, r.ok ? '' : r.error);
    assert.deepEqual(
      r.value.cells.map((c) => [c.key, c.address, c.kind]),
      mileage.cells.map((c) => [c.key, c.address, c.kind]),
    );
  });

  test('a wrong shape is refused with JSON paths, and garbage never throws', () => {
    const r = parseLayout({ ...highwayMileageLayout, total: 'yes', extra: 1 });
    assert.ok(!r.ok);
    assert.ok(
      r.errors.some((e) => e.path === '/total'),
      r.error,
    );
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        parseLayout(json);
      }),
    );
  });

  test('keys split back into indicator and option combo; cell lists for storage', () => {
    assert.equal(cellKey('national', 'class1_paved'), 'national.class1_paved');
    assert.deepEqual(splitCellKey('national.class1_paved'), { indicator: 'national', combo: 'class1_paved' });
    assert.equal(splitCellKey('national'), null);
    for (const c of inputCells(mileage)) assert.equal(findCell(mileage, c.key)?.kind, 'entry');
    assert.equal(inputCells(mileage).length + computedCells(mileage).length, 7 * 25 - 5);
    assert.deepEqual(
      layoutIndicators(mileage).map((i) => i.code),
      ['total', 'national', 'provincial', 'county', 'township', 'special', 'village'],
    );
  });

  test('computeCells over a Map gives null for totals with nothing below', () => {
    const out = computeCells(
      mileage,
      new Map([
        ['village.class4_unpaved', 2],
        ['village.class4_paved', null],
      ]),
    );
    assert.equal(out.get('total.total'), 2);
    assert.equal(out.get('village.class4'), 2);
    assert.equal(out.get('national.total'), null);
    assert.equal(out.has('village.class4_unpaved'), false);
  });

  test('booleans are typed as 是/否 and stored as 1/0', () => {
    const l = compiled({
      rows: [
        {
          indicator: {
            code: 'open',
            name: '是否通车',
            unit: '',
            valueType: 'boolean',
            decimals: 0,
            aggregation: 'count',
          },
        },
      ],
      dimensions: [],
      total: false,
      subtotals: false,
    });
    const c = findCell(l, 'R01C01')!;
    assert.deepEqual(parseCellInput(c, '是'), { ok: true, value: 1 });
    assert.deepEqual(parseCellInput(c, '否'), { ok: true, value: 0 });
    const r = parseCellInput(c, '也许');
    assert.ok(!r.ok && r.error.code === 'notABoolean');
    assert.equal(validateEntries(l, { 'open.default': 2 })[0]?.code, 'notABoolean');
  });
});
