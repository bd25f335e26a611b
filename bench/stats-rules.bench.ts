// Statistical reporting, pure parts on one core: batch validation (审核) of one period of a
// 500-cell form for every county in the country (2,800 units) with column, row and 同比 rule
// templates, next to a hand-written loop doing the same column-total checks on the same values in
// the same run (the ratio is what the formula language costs over bare arithmetic); then building
// and reading back the form's filled .xlsx.
import { performance } from 'node:perf_hooks';
import { buildWorkbook, parseUpload } from '../apps/server/src/modules/stats/excel.ts';
import { type LookupValue, slotLookup } from '../apps/server/src/modules/stats/formula/evaluator.ts';
import {
  compileRule,
  expandRule,
  requiredOperands,
  runRules,
} from '../apps/server/src/modules/stats/formula/rules.ts';
import {
  compileLayout,
  computeDerived,
  findCell,
  type IndicatorDef,
  type LayoutDef,
} from '../apps/server/src/modules/stats/layout.ts';

const UNITS = Number(process.env.BENCH_STATS_UNITS ?? 2_800);
const ROWS = 20;

const indicator = (i: number): IndicatorDef => ({
  code: `r${i}`,
  name: `指标${i}`,
  unit: '万元',
  valueType: 'number',
  decimals: 2,
  aggregation: 'sum',
});
const def: LayoutDef = {
  rows: Array.from({ length: ROWS }, (_, i) =>
    i === 0
      ? { indicator: indicator(0), sumOf: Array.from({ length: ROWS - 1 }, (_, j) => `r${j + 1}`) }
      : { indicator: indicator(i) },
  ),
  dimensions: [
    { code: 'grade', name: '等级', options: 'abcdef'.split('').map((c) => ({ code: c, name: c })) },
    { code: 'kind', name: '类型', options: 'xyz'.split('').map((c) => ({ code: c, name: c })) },
  ],
  total: true,
  subtotals: true,
};
const compiled = compileLayout(def);
if (!compiled.ok) throw new Error(compiled.error);
const layout = compiled.value;

let seed = 7;
const random = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 0x100000000;
};
const entry = layout.cells.filter((c) => c.kind === 'entry');
const unitValues = Array.from({ length: UNITS }, () => {
  const v: Record<string, number> = {};
  for (const c of entry) v[c.key] = Math.round(random() * 100_000) / 100;
  return computeDerived(layout, v) as Record<string, number>;
});

const rules = [
  { code: 'col', expression: `R01C* = SUM(R02C*:R${ROWS}C*)`, importance: 'hard' as const },
  {
    code: 'row',
    expression: 'R*C01 = SUM(R*C02, R*C06, R*C10, R*C14, R*C18, R*C22)',
    importance: 'hard' as const,
  },
  { code: 'yoy', expression: 'ABS(yoy(R01C*)) <= 0.3', importance: 'soft' as const },
].flatMap((d) => {
  const r = compileRule({ ...d, name: d.code });
  if (!r.ok) throw new Error(r.error.message);
  const e = expandRule(r.value, layout);
  if (!e.ok) throw new Error(e.error.message);
  return e.value;
});
const operands = requiredOperands(rules);

// Resolved once per rule set, as a batch job would: operand → cell key.
const keys = operands.map((ref) => findCell(layout, ref.cell)!.key);

const bind = slotLookup(operands);

function formulaRun(): { checks: number; failures: number } {
  let failures = 0;
  for (const values of unitValues) {
    // One array per unit from one query's rows, in operand order; last year's values are 10 % lower.
    const row: LookupValue[] = operands.map((ref, i) => {
      const v = values[keys[i]!];
      return v !== undefined && ref.yearsBack > 0 ? v * 0.9 : v;
    });
    for (const r of runRules(rules, bind(row))) if (r.status === 'fail') failures++;
  }
  return { checks: UNITS * rules.length, failures };
}

function handRun(): number {
  let failures = 0;
  const cols = layout.columns.length;
  for (const values of unitValues) {
    const byAddress = layout.cells.map((c) => values[c.key] ?? 0);
    for (let c = 0; c < cols; c++) {
      let sum = 0;
      for (let r = 1; r < ROWS; r++) sum += byAddress[r * cols + c]!;
      if (Math.abs(sum - byAddress[c]!) > 1e-6 * Math.max(1, sum)) failures++;
    }
  }
  return failures;
}

const best = (fn: () => void, rounds = 3) => {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
};

let result = { checks: 0, failures: 0 };
const formulaMs = best(() => {
  result = formulaRun();
});
let handFailures = 0;
const handMs = best(() => {
  handFailures = handRun();
});
const columnChecks = UNITS * layout.columns.length;
console.log(
  `form: ${layout.cells.length} cells, ${rules.length} expanded rules, ${operands.length} operands per unit`,
);
console.log(
  `formula rules: ${UNITS} units × ${rules.length} rules = ${result.checks} checks in ${formulaMs.toFixed(0)} ms ` +
    `(${Math.round(result.checks / (formulaMs / 1000)).toLocaleString('en')} checks/s, ${result.failures} failed)`,
);
console.log(
  `hand loop, column totals only: ${columnChecks} checks in ${handMs.toFixed(1)} ms ` +
    `(${Math.round(columnChecks / (handMs / 1000)).toLocaleString('en')} checks/s, ${handFailures} failed)`,
);
console.log(
  `ratio (per check, formula / hand loop): ${(formulaMs / result.checks / (handMs / columnChecks)).toFixed(1)}×`,
);

const ctx = {
  header: {
    formNo: '交统投1表',
    name: '固定资产投资',
    issuingAuthority: '交通运输部',
    approvingAuthority: '国家统计局',
    approvalNo: '国统制〔2024〕1号',
    validUntil: null,
    version: 1,
  },
  unitName: '示范县',
  unitCode: '110101',
  periodId: '202611',
  periodLabel: '2026年11月',
  kind: 'filled' as const,
};
const t0 = performance.now();
const file = await buildWorkbook(layout, ctx, unitValues[0]);
const t1 = performance.now();
const parsed = await parseUpload(file, layout, { formNo: '交统投1表' });
const t2 = performance.now();
const bytes = file.length;
console.log(
  `xlsx: build ${(t1 - t0).toFixed(0)} ms (${(bytes / 1024).toFixed(0)} KiB), parse ${(t2 - t1).toFixed(0)} ms, ` +
    `${Object.keys(parsed.values).length} values, ${parsed.errors.length} errors`,
);
