import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { compileLayout, computeDerived, findCell } from '../layout.ts';
import { highwayMileageLayout } from '../test-fixtures.ts';
import {
  type LookupValue,
  mapLookup,
  type OperandRef,
  operandId,
  slotLookup,
  type ValueLookup,
} from './evaluator.ts';
import {
  type CompiledRule,
  classifyResults,
  compileRule,
  expandRule,
  requiredOperands,
  runRule,
  type ValidationRuleDef,
} from './rules.ts';

const compiled = compileLayout(highwayMileageLayout);
assert.ok(compiled.ok);
const layout = compiled.value;

const rule = (expression: string, extra: Partial<ValidationRuleDef> = {}): CompiledRule => {
  const r = compileRule({ code: 'T1', name: '测试', importance: 'hard', expression, ...extra });
  assert.ok(r.ok, r.ok ? '' : `${r.error.message} at ${r.error.start}`);
  if (r.value.template !== null) return r.value;
  const checked = expandRule(r.value, layout);
  assert.ok(checked.ok, checked.ok ? '' : checked.error.message);
  return checked.value[0]!;
};

/**
 * Values of one unit by period: 'cur', 'prev' (one back), 'ly' (a year back), plus other forms.
 * Cells are addressed as the layout names them: keys are resolved to R01C01-style too.
 */
function lookupOf(
  periods: Record<string, Record<string, LookupValue>>,
): ValueLookup & { asked: OperandRef[] } {
  const asked: OperandRef[] = [];
  return {
    asked,
    get(ref) {
      asked.push(ref);
      const period =
        ref.periodsBack === 0 && ref.yearsBack === 0
          ? 'cur'
          : ref.yearsBack === 0
            ? `prev${ref.periodsBack}`
            : `ly${ref.yearsBack}`;
      const values = periods[`${ref.form ?? ''}${period}`] ?? {};
      if (ref.form !== null) return values[ref.cell];
      const cell = findCell(layout, ref.cell);
      return cell ? (values[cell.key] ?? values[cell.address]) : undefined;
    },
  };
}

const filled = (values: Record<string, number>) => computeDerived(layout, values) as Record<string, number>;

describe('running rules', () => {
  test('a total against the sum of its parts passes and fails with both sides shown', () => {
    const r = rule('R01C01 = SUM(R02C01:R07C01)', { message: '合计 {left} 应等于分项之和 {right}' });
    const good = filled({ 'national.class1_paved': 10.5, 'village.class4_unpaved': 0.25 });
    assert.deepEqual(runRule(r, lookupOf({ cur: good })), {
      code: 'T1',
      name: '测试',
      importance: 'hard',
      status: 'pass',
      reason: null,
      left: 10.75,
      right: 10.75,
      message: null,
      cellKeys: ['total', 'national', 'provincial', 'county', 'township', 'special', 'village'].map(
        (r) => `${r}.total`,
      ),
    });
    const bad = runRule(r, lookupOf({ cur: { ...good, 'total.total': 11 } }));
    assert.equal(bad.status, 'fail');
    assert.equal(bad.message, '合计 11 应等于分项之和 10.75');
  });

  test('equality allows for binary rounding of decimal sums', () => {
    const r = rule('R02C03 + R03C03 = 0.3');
    assert.equal(runRule(r, lookupOf({ cur: { R02C03: 0.1, R03C03: 0.2 } })).status, 'pass');
  });

  test('同比 and 环比 thresholds read the same period last year and the previous period', () => {
    const yoy = rule('ABS(R02C07 / lastYear(R02C07) - 1) <= 0.3', {
      importance: 'soft',
      message: '同比变化 {yoy(R02C07) * 100}%',
    });
    assert.equal(runRule(yoy, lookupOf({ cur: { R02C07: 120 }, ly1: { R02C07: 100 } })).status, 'pass');
    const big = runRule(yoy, lookupOf({ cur: { R02C07: 140 }, ly1: { R02C07: 100 } }));
    assert.equal(big.status, 'fail');
    assert.equal(big.message, '同比变化 40%');
    const mom = rule('mom(R02C07) >= -0.5 and prev(R02C07, 2) <= R02C07');
    assert.equal(
      runRule(mom, lookupOf({ cur: { R02C07: 60 }, prev1: { R02C07: 100 }, prev2: { R02C07: 50 } })).status,
      'pass',
    );
    assert.equal(
      runRule(mom, lookupOf({ cur: { R02C07: 40 }, prev1: { R02C07: 100 }, prev2: { R02C07: 30 } })).status,
      'fail',
    );
    const composed = rule('lastYear(prev(R02C07)) = 7');
    const lk = lookupOf({});
    runRule(composed, lk);
    assert.deepEqual(lk.asked[0], { form: null, periodsBack: 1, yearsBack: 1, cell: 'R02C07' });
  });

  test('a zero last year makes a growth rule skipped, not failed', () => {
    const r = rule('ABS(yoy(R02C07)) <= 0.3');
    const out = runRule(r, lookupOf({ cur: { R02C07: 5 }, ly1: { R02C07: 0 } }));
    assert.equal(out.status, 'skipped');
    assert.equal(out.reason, 'divisionByZero');
  });

  test('cells of another form are read through the lookup by 表号', () => {
    const r = rule('R02C07 <= [交行统1-2表]R01C02');
    const lk = lookupOf({ cur: { R02C07: 5 }, '交行统1-2表cur': { R01C02: 4 } });
    assert.equal(runRule(r, lk).status, 'fail');
    assert.deepEqual(lk.asked.at(-1), { form: '交行统1-2表', periodsBack: 0, yearsBack: 0, cell: 'R01C02' });
  });

  test('missing values: skip if any (default), skip if all, never skip', () => {
    const expression = 'R02C07 + R03C07 >= 10';
    const some = { cur: { R02C07: 12 } };
    assert.equal(runRule(rule(expression), lookupOf(some)).reason, 'missingValues');
    assert.equal(
      runRule(rule(expression, { missingValues: 'skipIfAllMissing' }), lookupOf(some)).status,
      'pass',
    );
    assert.equal(
      runRule(rule(expression, { missingValues: 'skipIfAllMissing' }), lookupOf({})).status,
      'skipped',
    );
    assert.equal(runRule(rule(expression, { missingValues: 'neverSkip' }), lookupOf({})).status, 'fail');
    // A range is missing only when all of it is; ISBLANK never counts as missing.
    assert.equal(runRule(rule('SUM(R02C07:R07C07) >= 10'), lookupOf(some)).status, 'pass');
    const pair = rule('ISBLANK(R02C07) = ISBLANK(R03C07)');
    assert.equal(runRule(pair, lookupOf(some)).status, 'fail');
    assert.equal(runRule(pair, lookupOf({})).status, 'pass');
  });

  test('IF, MIN, MAX, ROUND, COUNT and AVG', () => {
    const lk = lookupOf({ cur: { R02C07: 2, R03C07: 3.456, R04C07: 0 } });
    const holds = (e: string) => runRule(rule(e, { missingValues: 'neverSkip' }), lk).status;
    assert.equal(holds('IF(R04C07 > 0, R02C07 > 100, R02C07 = 2)'), 'pass');
    assert.equal(holds('MIN(R02C07, R03C07) = 2 and MAX(R02C07:R04C07) = 3.456'), 'pass');
    assert.equal(holds('ROUND(R03C07, 2) = 3.46 and ROUND(R03C07) = 3'), 'pass');
    assert.equal(holds('COUNT(R02C07:R07C07) = 3 and AVG(R02C07, R04C07) = 1'), 'pass');
    assert.equal(holds('not (R02C07 = 2) or R02C07 != 2'), 'fail');
  });

  test('a text value where a number is needed skips the rule', () => {
    assert.equal(runRule(rule('R02C07 > 0'), lookupOf({ cur: { R02C07: '十' } })).reason, 'notNumeric');
  });

  test('hard failures block, soft ones need an explanation', () => {
    const lk = lookupOf({ cur: { R02C07: 1 } });
    const results = [rule('R02C07 > 5'), rule('R02C07 > 3', { importance: 'soft' }), rule('R02C07 > 0')].map(
      (r) => runRule(r, lk),
    );
    const { blocking, needExplanation } = classifyResults(results);
    assert.equal(blocking.length, 1);
    assert.equal(needExplanation.length, 1);
  });
});

describe('rule definitions', () => {
  test('a rule must be a comparison, and errors name the field', () => {
    const notBoolean = compileRule({ code: 'x', name: 'x', importance: 'hard', expression: 'R01C01 + 1' });
    assert.ok(!notBoolean.ok && notBoolean.error.field === 'expression');
    const badMessage = compileRule({
      code: 'x',
      name: 'x',
      importance: 'hard',
      expression: 'R01C01 > 1',
      message: '值 {R01C01 +} 太小',
    });
    assert.ok(!badMessage.ok && badMessage.error.field === 'message' && badMessage.error.start === 11);
    const both = compileRule({ code: 'x', name: 'x', importance: 'hard', expression: 'R*C01 = R01C*' });
    assert.ok(!both.ok && /R\* 和 C\*/.test(both.error.message));
  });

  test('unknown cells of the form are reported when checked against the layout', () => {
    const compiled = compileRule({
      code: 'T1',
      name: '测试',
      importance: 'hard',
      expression: 'R01C01 = R09C01',
    });
    assert.ok(compiled.ok);
    const r = expandRule(compiled.value, layout);
    assert.ok(!r.ok && r.error.message.includes('R09C01') && r.error.start === 9);
  });
});

describe('templates', () => {
  test('a column template expands to every column where its cells are filled or computed', () => {
    const t = rule('R01C* >= R02C*', { message: '{R01C*} < {R02C*}' });
    const r = expandRule(t, layout);
    assert.ok(r.ok);
    // national.expressway_unpaved (C05) is shaded; all other 24 columns remain.
    assert.equal(r.value.length, 24);
    assert.deepEqual(
      r.value.slice(0, 4).map((x) => x.code),
      ['T1[C01]', 'T1[C02]', 'T1[C03]', 'T1[C04]'],
    );
    assert.ok(!r.value.some((x) => x.instance === 'C05'));
    const failing = r.value.find((x) => x.instance === 'C07')!;
    assert.deepEqual(failing.cellKeys, ['total.class1_paved', 'national.class1_paved']);
    const out = runRule(failing, lookupOf({ cur: { R01C07: 1, R02C07: 2 } }));
    assert.equal(out.status, 'fail');
    assert.equal(out.message, '1 < 2');
  });

  test('key templates expand over the option combos; row templates over rows', () => {
    const byKey = expandRule(rule('total.* >= county.*'), layout);
    assert.ok(byKey.ok);
    assert.equal(byKey.value.length, 25 - 4, 'county has four shaded expressway cells');
    const rows = expandRule(rule('R*C01 = SUM(R*C02, R*C06, R*C10, R*C14, R*C18, R*C22)'), layout);
    assert.ok(rows.ok);
    assert.deepEqual(
      rows.value.map((x) => x.instance),
      ['R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07'].filter((r) => r !== 'R04'),
    );
  });

  test('templates and expanded rules ask for every operand once, for one batch query', () => {
    const r = expandRule(rule('R01C* = SUM(R02C*:R07C*) and ABS(yoy(R01C*)) <= 0.5'), layout);
    assert.ok(r.ok);
    const refs = requiredOperands(r.value);
    assert.equal(new Set(refs.map(operandId)).size, refs.length);
    assert.ok(refs.some((x) => x.cell === 'R07C25' && x.periodsBack === 0 && x.yearsBack === 0));
    assert.ok(refs.some((x) => x.cell === 'R01C25' && x.yearsBack === 1));
    // A lookup built from exactly these refs answers every rule.
    const values = new Map(refs.map((x) => [operandId(x), 1] as const));
    for (const x of r.value) assert.notEqual(runRule(x, mapLookup(values)).reason, 'missingValues');
    // The same through numbered slots: one array per unit.
    const bind = slotLookup(refs);
    const ones = bind(refs.map(() => 1));
    const missingFirst = bind(refs.map((_, i) => (i === 0 ? null : 1)));
    for (const x of r.value) assert.notEqual(runRule(x, ones).reason, 'missingValues');
    const first = refs[0]!;
    assert.equal(ones.get({ ...first }), 1, 'an equal ref that is another object finds its slot');
    assert.equal(missingFirst.get(first), null);
  });
});

describe('rule properties', () => {
  test('the column template holds on any data whose totals were computed by the layout', () => {
    const t = expandRule(rule('R01C* = SUM(R02C*:R07C*)', { missingValues: 'skipIfAllMissing' }), layout);
    assert.ok(t.ok);
    const entry = layout.cells.filter((c) => c.kind === 'entry');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(entry.length - 1), fc.integer({ min: 0, max: 1_000_000 })), {
          maxLength: 40,
        }),
        (picks) => {
          const values: Record<string, number> = {};
          for (const [i, v] of picks) values[entry[i]!.key] = v / 1000;
          const lk = lookupOf({ cur: filled(values) });
          for (const r of t.value) assert.notEqual(runRule(r, lk).status, 'fail', r.code);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('documented examples', () => {
  test('every example in the syntax comment compiles and expands against the mileage form', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(new URL('./ast.ts', import.meta.url), 'utf8');
    const block = source.slice(source.indexOf(' * Examples'), source.indexOf('*/'));
    const examples = block
      .split('\n')
      .slice(1)
      .map((line) => /^ \* {3}(.+?)(?: {2,}\S.*)?$/.exec(line)?.[1])
      .filter((x): x is string => x !== undefined);
    assert.ok(examples.length >= 7, `found ${examples.length}`);
    for (const expression of examples) {
      const r = compileRule({ code: 'doc', name: 'doc', importance: 'soft', expression });
      assert.ok(r.ok, `${expression}: ${r.ok ? '' : r.error.message}`);
      const expanded = expandRule(r.value, layout);
      assert.ok(expanded.ok && expanded.value.length > 0, expression);
    }
  });
});

describe('rule fuzzing', () => {
  test('any expression and message text compiles or is refused with a position, never a throw', () => {
    const pieces = [
      '{',
      '}',
      '{left}',
      '{right}',
      '{R01C01}',
      '{yoy(R01C01)',
      'R01C*',
      'R*C01',
      '=',
      '>',
      ' and ',
      '值',
      '(',
      ')',
    ];
    const text = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((xs) => xs.join('')),
    );
    fc.assert(
      fc.property(text, text, (expression, message) => {
        const r = compileRule({ code: 'f', name: 'f', importance: 'soft', expression, message });
        if (!r.ok) {
          const source = r.error.field === 'expression' ? expression : message;
          assert.ok(r.error.start >= 0 && r.error.end <= source.length, JSON.stringify(r.error));
          return;
        }
        const e = expandRule(r.value, layout);
        if (e.ok) for (const x of e.value) runRule(x, lookupOf({}));
      }),
      { numRuns: 1000 },
    );
  });
});
