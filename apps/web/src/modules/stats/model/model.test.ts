import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { DEMO_FORMS } from '../../../../../server/src/modules/stats/demo-forms.ts';
import {
  compileLayout,
  computeCells,
  parseCellInput as serverParse,
} from '../../../../../server/src/modules/stats/layout.ts';
import { monthlyPassengerForm } from '../../../../../server/src/modules/stats/stats-test-kit.ts';
import { highwayMileageLayout } from '../../../../../server/src/modules/stats/test-fixtures.ts';
import { parseCellInput, parseTsv } from './cell-input.ts';
import { buildGrid, computeAll, headerRows } from './layout.ts';
import { formatPeriodId, parsePeriodId, recentPeriods, shiftPeriod } from './periods.ts';
import type { LayoutDef } from './types.ts';

// The console draws the grid the server compiles: same keys, addresses and kinds, same subtotals.
const LAYOUTS: [string, LayoutDef][] = [
  ['highway mileage (2 dimensions, subtotals, shaded cells)', highwayMileageLayout as LayoutDef],
  ['test kit monthly form', monthlyPassengerForm().layout as LayoutDef],
  ...DEMO_FORMS.map((f): [string, LayoutDef] => [f.code, f.layout as LayoutDef]),
];

const compiled = (def: LayoutDef) => {
  const r = compileLayout(def as never);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('the console grid is the server layout', () => {
  for (const [name, def] of LAYOUTS)
    test(name, () => {
      const server = compiled(def);
      const grid = buildGrid(def);
      assert.deepEqual(
        grid.cells.flat().map((c) => [c.key, c.address, c.kind]),
        server.cells.map((c) => [c.key, c.address, c.kind]),
      );
      // Header rows span every column exactly once per level a column reaches.
      const spans = headerRows(grid).map((row) => row.reduce((n, h) => n + h.span, 0));
      assert.equal(spans[0], grid.columns.length);
    });

  test('computed cells agree with the server for random entries', () => {
    const def = highwayMileageLayout as LayoutDef;
    const server = compiled(def);
    const grid = buildGrid(def);
    const entries = server.cells.filter((c) => c.kind === 'entry').map((c) => c.key);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...entries), fc.integer({ min: 0, max: 1_000_000 }))),
        (pairs) => {
          const values = new Map(pairs.map(([k, v]) => [k, v / 1000]));
          const theirs = computeCells(server, values);
          const ours = computeAll(grid, values);
          for (const [key, v] of theirs) assert.equal(ours.get(key), v === null ? null : v.toFixed(3), key);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('cell input', () => {
  const grid = buildGrid(monthlyPassengerForm().layout as LayoutDef);
  const passengers = grid.byKey.get('passengers.road');
  const trips = grid.byKey.get('trips.road');
  const total = grid.byKey.get('passengers.total');
  assert.ok(passengers && trips && total);

  test('precision, type and range with the reason', () => {
    assert.deepEqual(parseCellInput(passengers, ' 1,234.50 '), { ok: true, value: '1234.5' });
    assert.deepEqual(parseCellInput(passengers, '１２．５'), { ok: true, value: '12.5' });
    assert.deepEqual(parseCellInput(passengers, ''), { ok: true, value: null });
    assert.deepEqual(parseCellInput(passengers, '-0'), { ok: true, value: '0' });
    assert.equal((parseCellInput(passengers, '1.234') as { code: string }).code, 'tooManyDecimals');
    assert.equal((parseCellInput(passengers, '-1') as { code: string }).code, 'belowMin');
    assert.equal((parseCellInput(passengers, '12a') as { code: string }).code, 'notANumber');
    assert.equal((parseCellInput(trips, '3.5') as { code: string }).code, 'notAnInteger');
    assert.equal((parseCellInput(total, '1') as { code: string }).code, 'readOnly');
  });

  test('fuzz: never throws, and accepts exactly what the server accepts, with the same number', () => {
    const serverGrid = compiled(monthlyPassengerForm().layout as LayoutDef);
    const text = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[-+]?[0-9０-９,，]{0,8}[.．]?[0-9]{0,4}%?$/),
      fc.double({ noNaN: true }).map(String),
    );
    fc.assert(
      fc.property(fc.constantFrom('passengers.road', 'trips.water'), text, (key, input) => {
        const cell = grid.byKey.get(key);
        const serverCell = serverGrid.byKey.get(key);
        assert.ok(cell && serverCell);
        const ours = parseCellInput(cell, input);
        const theirs = serverParse(serverCell, input);
        assert.equal(ours.ok, theirs.ok, JSON.stringify({ key, input, ours, theirs }));
        if (ours.ok && theirs.ok)
          assert.equal(ours.value === null ? null : Number(ours.value), theirs.value, JSON.stringify(input));
      }),
      { numRuns: 2000 },
    );
  });

  test('a block from Excel: rows by line, cells by tab, the trailing newline dropped', () => {
    assert.deepEqual(parseTsv('80\t12.5\r\n600\t20\r\n'), [
      ['80', '12.5'],
      ['600', '20'],
    ]);
    fc.assert(
      fc.property(fc.string(), (s) => {
        const rows = parseTsv(s);
        assert.ok(rows.length >= 1);
      }),
    );
  });
});

describe('period ids', () => {
  test('step back across years, custom months keep their suffix', () => {
    const p = parsePeriodId('202601E25');
    assert.ok(p);
    assert.equal(formatPeriodId(shiftPeriod(p, -1)), '202512E25');
    assert.deepEqual(recentPeriods('quarter', new Date(2026, 0, 15), 2), ['2025Q4', '2025Q3']);
    assert.deepEqual(recentPeriods('year', new Date(2026, 5, 1), 1), ['2025']);
    // The 26th of November is already in the statistical month that ends on 25 December.
    assert.deepEqual(recentPeriods('monthE25', new Date(2026, 10, 26), 1), ['202611E25']);
    fc.assert(
      fc.property(fc.string(), (s) => {
        const parsed = parsePeriodId(s);
        if (parsed) assert.equal(formatPeriodId(parsed), s);
      }),
    );
  });
});
