import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { buildWorkbook, excelFormula, parseUpload, sheetRefs, type WorkbookContext } from './excel.ts';
import {
  type CompiledLayout,
  compileLayout,
  computeDerived,
  findCell,
  type LayoutDef,
  validateEntries,
} from './layout.ts';
import { highwayMileageLayout } from './test-fixtures.ts';

const compile = (def: LayoutDef): CompiledLayout => {
  const r = compileLayout(def);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.value;
};
const mileage = compile(highwayMileageLayout);
const refs = sheetRefs(mileage);

const ctx: WorkbookContext = {
  header: {
    formNo: '交行统1-1表',
    name: '公路里程',
    issuingAuthority: '交通运输部',
    approvingAuthority: '国家统计局',
    approvalNo: '国统制〔2024〕1号',
    validUntil: '2027-01-31',
    version: 2,
  },
  unitName: '示范县交通运输局',
  unitCode: '110101',
  periodId: '2026',
  periodLabel: '2026年',
  kind: 'template',
};
const expect = { formNo: '交行统1-1表', version: 2, periodId: '2026', unitCode: '110101' };

async function open(buffer: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}
const sheet = (wb: ExcelJS.Workbook) => wb.getWorksheet('报表')!;
const save = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());

describe('generated template', () => {
  test('carries the official header, headings from the dimensions and the signature line', async () => {
    const ws = sheet(await open(await buildWorkbook(mileage, ctx)));
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    for (const t of [
      '公路里程',
      '表号：交行统1-1表',
      '制定机关：交通运输部',
      '批准机关：国家统计局',
      '批准文号：国统制〔2024〕1号',
      '有效期至：2027年1月',
      '填报单位：示范县交通运输局',
      '报告期：2026年',
      '单位负责人：',
      '统计负责人：',
      '填表人：',
    ])
      assert.ok(texts.includes(t), `missing ${t}`);
    assert.ok(texts.some((t) => t.startsWith('报出日期')));
    assert.equal(ws.getCell('E5').value, '合计');
    assert.equal(ws.getCell('F5').value, '高速');
    assert.equal(ws.getCell('F6').value, '小计');
    assert.equal(ws.getCell('G6').value, '有铺装');
    assert.ok(ws.getCell('F5').isMerged && ws.getCell('I5').isMerged, '高速 spans its 小计 and three leaves');
    assert.equal(ws.getCell('J5').value, '一级');
    assert.equal(ws.getCell('B9').value, '　国道');
    assert.ok(ws.getColumn(1).hidden, 'the code column is hidden');
  });

  test('only entry cells are unlocked; computed cells are locked formulas; the sheet is protected', async () => {
    const ws = sheet(await open(await buildWorkbook(mileage, ctx)));
    for (const cell of mileage.cells) {
      const x = ws.getCell(refs.get(cell.key)!);
      assert.equal(
        x.protection?.locked === false,
        cell.kind === 'entry',
        `${cell.key} at ${refs.get(cell.key)}`,
      );
      if (cell.kind === 'computed') assert.equal(x.formula, excelFormula(mileage, cell));
      if (cell.kind === 'disabled') assert.equal(x.value, '—');
      if (cell.kind === 'entry') assert.equal(x.numFmt, '0.000');
    }
    assert.equal(refs.get('total.total'), 'E8');
    assert.match(
      ws.getCell('E8').formula,
      /^IF\(COUNT\(E9,E10,E11,E12,E13,E14\)=0,"",ROUND\(SUM\(E9,E10,E11,E12,E13,E14\),3\)\)$/,
    );
    assert.ok((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet);
  });
});

describe('round trip', () => {
  test('template → filled in its entry cells → uploaded gives exactly the values typed', async () => {
    const wb = await open(await buildWorkbook(mileage, ctx));
    const ws = sheet(wb);
    const typed: Record<string, number | string> = {};
    let n = 0;
    ws.eachRow((row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        if (c.protection?.locked !== false) return;
        n += 1;
        // As people do: most numbers typed, some pasted as text with separators.
        c.value = n % 5 === 0 ? `${n},000.5` : n * 1.125;
        typed[c.address] = c.value;
      }),
    );
    const entry = mileage.cells.filter((c) => c.kind === 'entry');
    assert.equal(n, entry.length);
    const parsed = await parseUpload(await save(wb), mileage, expect);
    assert.deepEqual(parsed.errors, []);
    assert.ok(parsed.ok);
    const expected: Record<string, number> = {};
    for (const c of entry) {
      const v = typed[refs.get(c.key)!]!;
      expected[c.key] = typeof v === 'number' ? v : Number(v.replace(',', ''));
    }
    assert.deepEqual(parsed.values, expected);
    assert.equal(parsed.meta?.formNo, '交行统1-1表');
  });

  test('an exported filled report reads back to its values; the diff lists only what changed', async () => {
    const values = { 'national.class1_paved': 12.5, 'village.class4_unpaved': 3 };
    const file = await buildWorkbook(mileage, { ...ctx, kind: 'filled' }, values);
    const ws = sheet(await open(file));
    assert.equal(ws.getCell(refs.get('total.total')!).result, computeDerived(mileage, values)['total.total']);
    const same = await parseUpload(file, mileage, expect, values);
    assert.deepEqual(same.values, values);
    assert.deepEqual(same.changes, []);
    // Stored numbers arrive as exact decimal text (numeric columns): equal values are no change.
    const asStored = await parseUpload(file, mileage, expect, {
      'national.class1_paved': '12.500',
      'village.class4_unpaved': '3',
    });
    assert.deepEqual(asStored.changes, []);
    const fromText = await buildWorkbook(
      mileage,
      { ...ctx, kind: 'filled' },
      { 'national.class1_paved': '12.5', 'village.class4_unpaved': '3' },
    );
    assert.deepEqual((await parseUpload(fromText, mileage, expect)).values, values);
    const diff = await parseUpload(file, mileage, expect, {
      'national.class1_paved': 10,
      'county.class2_paved': 4,
    });
    assert.deepEqual(
      diff.changes.map((c) => [c.cellKey, c.ref, c.before, c.after]),
      [
        ['national.class1_paved', refs.get('national.class1_paved'), 10, 12.5],
        ['county.class2_paved', refs.get('county.class2_paved'), 4, null],
        ['village.class4_unpaved', refs.get('village.class4_unpaved'), null, 3],
      ],
    );
  });

  test('text, boolean and percentage cells survive the trip', async () => {
    const l = compile({
      rows: [
        {
          indicator: {
            code: 'rate',
            name: '完好率',
            unit: '%',
            valueType: 'percentage',
            decimals: 2,
            aggregation: 'none',
          },
        },
        {
          indicator: {
            code: 'open',
            name: '是否通车',
            unit: '',
            valueType: 'boolean',
            decimals: 0,
            aggregation: 'none',
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
      dimensions: [],
      total: false,
      subtotals: false,
    });
    const values = { 'rate.default': 97.25, 'open.default': 1, 'note.default': '含新建路段 12 公里' };
    const file = await buildWorkbook(l, { ...ctx, kind: 'filled' }, values);
    const wb = await open(file);
    const open_ = sheet(wb).getCell(sheetRefs(l).get('open.default')!);
    assert.equal(open_.value, '是', 'booleans are shown as 是/否');
    assert.equal(open_.dataValidation?.type, 'list');
    assert.deepEqual(
      (await parseUpload(file, l, expect)).values,
      values,
      'an exported report reads back as it was',
    );
    open_.value = '否';
    const parsed = await parseUpload(await save(wb), l, expect);
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.values, { ...values, 'open.default': 0 });
  });
});

describe('tampered uploads', () => {
  test('text in a number cell and a value over a computed formula are named by their sheet cell', async () => {
    const wb = await open(await buildWorkbook(mileage, ctx));
    const ws = sheet(wb);
    const num = refs.get('national.class1_paved')!;
    const total = refs.get('total.total')!;
    const shaded = refs.get('national.expressway_unpaved')!;
    ws.getCell(num).value = '十二';
    ws.getCell(total).value = 100;
    ws.getCell(shaded).value = 5;
    ws.getCell(refs.get('national.class2_paved')!).value = 1.23456;
    ws.getCell(refs.get('county.class3_paved')!).value = 7;
    ws.getCell(refs.get('county.class3_simple')!).value = { formula: '0.1+0.2', result: 0.1 + 0.2 };
    const parsed = await parseUpload(await save(wb), mileage, expect);
    assert.equal(parsed.ok, false);
    assert.deepEqual(
      parsed.errors.map((e) => [e.ref, e.code, e.address]).sort(),
      [
        [num, 'invalidValue', findCell(mileage, 'national.class1_paved')!.address],
        [refs.get('national.class2_paved'), 'invalidValue', 'R02C11'],
        [shaded, 'disabledCell', 'R02C05'],
        [total, 'computedCell', 'R01C01'],
      ].sort(),
    );
    const message = parsed.errors.find((e) => e.ref === num)!.message;
    assert.match(message, new RegExp(`^${num}：.*应为数值`));
    assert.match(
      parsed.errors.find((e) => e.code === 'invalidValue' && e.ref !== num)!.message,
      /最多 3 位小数/,
    );
    assert.deepEqual(
      parsed.values,
      { 'county.class3_paved': 7, 'county.class3_simple': 0.3 },
      'good cells are still read, for the report; a formula typed in gives its value without binary noise',
    );
  });

  test('the wrong form, version, period or unit is refused before any cell is read', async () => {
    const file = await buildWorkbook(mileage, ctx);
    const wrongForm = await parseUpload(file, mileage, { ...expect, formNo: '交行统1-2表' });
    assert.deepEqual(
      wrongForm.errors.map((e) => e.code),
      ['wrongForm'],
    );
    assert.match(wrongForm.errors[0]!.message, /交行统1-1表.*交行统1-2表/);
    const stale = await parseUpload(file, mileage, {
      ...expect,
      version: 3,
      periodId: '2025',
      unitCode: '110102',
    });
    assert.deepEqual(
      stale.errors.map((e) => e.code),
      ['wrongVersion', 'wrongPeriod', 'wrongUnit'],
    );
  });

  test('a file that is not a template, or not a workbook at all, is an error, never a throw', async () => {
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell('A1').value = 1;
    const plain = await parseUpload(await save(other), mileage, expect);
    assert.deepEqual(
      plain.errors.map((e) => e.code),
      ['notATemplate'],
    );
    const junk = await parseUpload(new TextEncoder().encode('not a zip'), mileage, expect);
    assert.deepEqual(
      junk.errors.map((e) => e.code),
      ['unreadable'],
    );
  });

  test('an aggregate export is read-only: nothing unlocked and refused on upload', async () => {
    const file = await buildWorkbook(mileage, { ...ctx, kind: 'aggregate' }, { 'national.class1_paved': 1 });
    const ws = sheet(await open(file));
    assert.equal(ws.getCell('B1').value, '公路里程（汇总）');
    let unlocked = 0;
    ws.eachRow((row) =>
      row.eachCell({ includeEmpty: true }, (c) => void (c.protection?.locked === false && unlocked++)),
    );
    assert.equal(unlocked, 0);
    assert.deepEqual(
      (await parseUpload(file, mileage, expect)).errors.map((e) => e.code),
      ['notATemplate'],
    );
  });
});

describe('upload fuzzing', () => {
  test('random edits anywhere on the sheet, hidden codes included, never throw and are reported by cell', async () => {
    const template = await buildWorkbook(mileage, ctx);
    const value = fc.oneof(
      fc.double({ noNaN: true }),
      fc.integer(),
      fc.string({ maxLength: 12 }),
      fc.boolean(),
      fc.constant(null),
      fc.date({ noInvalidDate: true }),
      fc.constantFrom({ formula: 'SUM(E9:E10)' }, { formula: '1/0' }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 18 }), fc.integer({ min: 1, max: 30 }), value), {
          minLength: 1,
          maxLength: 8,
        }),
        async (edits) => {
          const wb = await open(template);
          for (const [r, c, v] of edits) sheet(wb).getCell(r, c).value = v as ExcelJS.CellValue;
          const parsed = await parseUpload(await save(wb), mileage, expect);
          for (const e of parsed.errors) assert.ok(e.message.length > 0 && typeof e.ref === 'string');
          assert.deepEqual(validateEntries(mileage, parsed.values), []);
          if (parsed.errors.length === 0) assert.ok(parsed.ok);
        },
      ),
      { numRuns: 25 },
    );
  });

  test('random bytes are an unreadable file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
        const parsed = await parseUpload(bytes, mileage, expect);
        assert.equal(parsed.ok, false);
      }),
      { numRuns: 50 },
    );
  });

  test('a changed indicator code in the hidden column is caught', async () => {
    const wb = await open(await buildWorkbook(mileage, ctx));
    sheet(wb).getCell('A9').value = 'nationalX';
    const parsed = await parseUpload(await save(wb), mileage, expect);
    assert.ok(parsed.errors.some((e) => e.code === 'missingCell' && e.cellKey === 'national.total'));
  });
});
