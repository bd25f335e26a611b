import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  formatPeriod,
  isCivilDate,
  nextPeriod,
  type Period,
  type PeriodType,
  parsePeriod,
  parsePeriodType,
  periodContains,
  periodDays,
  periodOf,
  periodsOverlapping,
  periodTypeCode,
  previousPeriod,
  samePeriodLastYear,
  shiftPeriod,
} from './periods.ts';

const must = (id: string): Period => {
  const r = parsePeriod(id);
  assert.ok(r.ok, `${id}: ${r.ok ? '' : r.error}`);
  return r.value;
};
const span = (p: Period) => [p.start, p.end];
const month: PeriodType = { kind: 'month', endDay: null };
const month25: PeriodType = { kind: 'month', endDay: 25 };

describe('period ids', () => {
  test('DHIS2 ids give the calendar spans', () => {
    assert.deepEqual(span(must('202611')), ['2026-11-01', '2026-11-30']);
    assert.deepEqual(span(must('202402')), ['2024-02-01', '2024-02-29']);
    assert.deepEqual(span(must('2026Q3')), ['2026-07-01', '2026-09-30']);
    assert.deepEqual(span(must('2026S1')), ['2026-01-01', '2026-06-30']);
    assert.deepEqual(span(must('2026S2')), ['2026-07-01', '2026-12-31']);
    assert.deepEqual(span(must('2026')), ['2026-01-01', '2026-12-31']);
  });

  test('a custom month ending on the 25th runs from the 26th of the month before (上月26日至本月25日)', () => {
    assert.deepEqual(span(must('202611E25')), ['2026-10-26', '2026-11-25']);
    assert.deepEqual(span(must('202601E25')), ['2025-12-26', '2026-01-25']);
    assert.deepEqual(span(must('202603E25')), ['2026-02-26', '2026-03-25']);
    assert.deepEqual(span(must('2026Q1E25')), ['2025-12-26', '2026-03-25']);
    assert.deepEqual(span(must('2026S2E25')), ['2026-06-26', '2026-12-25']);
    assert.deepEqual(span(must('2026E25')), ['2025-12-26', '2026-12-25']);
    assert.equal(periodDays(must('202603E25')), 28);
  });

  test('malformed ids are refused with a reason, never thrown', () => {
    for (const id of [
      '',
      '202613',
      '202600',
      '2026Q5',
      '2026Q0',
      '2026S3',
      '2026E29',
      '2026E00',
      '0999',
      '2026-11',
      '2026W3',
      ' 2026',
    ]) {
      const r = parsePeriod(id);
      assert.equal(r.ok, false, id);
    }
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parsePeriod(s);
        if (r.ok) assert.equal(r.value.id, s);
      }),
    );
  });

  test('period type codes round-trip, custom end days limited to 1–28', () => {
    for (const code of ['month', 'quarter', 'halfYear', 'year', 'monthE25', 'yearE01']) {
      const r = parsePeriodType(code);
      assert.ok(r.ok);
      assert.equal(periodTypeCode(r.value), code);
    }
    assert.equal(parsePeriodType('monthE29').ok, false);
    assert.equal(parsePeriodType('weekly').ok, false);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc
            .constantFrom('month', 'quarterE', 'yearE1', 'halfYearE28')
            .chain((p) => fc.string().map((t) => p + t)),
        ),
        (s) => {
          const r = parsePeriodType(s);
          if (r.ok) assert.equal(periodTypeCode(r.value), s);
        },
      ),
    );
  });
});

const periodTypes = fc
  .record({
    kind: fc.constantFrom('month' as const, 'quarter' as const, 'halfYear' as const, 'year' as const),
    endDay: fc.option(fc.integer({ min: 1, max: 28 }), { nil: null }),
  })
  .map((t): PeriodType => ({ kind: t.kind, endDay: t.endDay }));
const dates = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('period arithmetic', () => {
  test('every date lies in exactly its period, and consecutive periods tile the calendar', () => {
    fc.assert(
      fc.property(periodTypes, dates, (type, date) => {
        const p = periodOf(type, date);
        assert.ok(periodContains(p, date));
        const id = parsePeriod(p.id);
        assert.ok(id.ok);
        assert.deepEqual(id.value, p);
        const next = nextPeriod(p);
        assert.equal(
          next.start,
          new Date(Date.parse(`${p.end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10),
        );
        assert.deepEqual(previousPeriod(next), p);
      }),
    );
  });

  test('the 26th belongs to the next custom month; the 25th to this one', () => {
    assert.equal(periodOf(month25, '2026-11-25').id, '202611E25');
    assert.equal(periodOf(month25, '2026-11-26').id, '202612E25');
    assert.equal(periodOf(month25, '2026-12-26').id, '202701E25');
    assert.equal(periodOf(month, '2026-12-26').id, '202612');
  });

  test('next, previous and the same period last year cross year ends', () => {
    assert.equal(nextPeriod(must('202612')).id, '202701');
    assert.equal(previousPeriod(must('2026Q1')).id, '2025Q4');
    assert.equal(nextPeriod(must('2026S2')).id, '2027S1');
    assert.equal(previousPeriod(must('2026')).id, '2025');
    assert.equal(samePeriodLastYear(must('202611E25')).id, '202511E25');
    assert.equal(samePeriodLastYear(must('2026Q3')).id, '2025Q3');
    assert.equal(shiftPeriod(must('202601'), -13).id, '202412');
  });

  test('periods overlapping a range include partial ones at both ends', () => {
    assert.deepEqual(
      periodsOverlapping(month25, '2026-01-20', '2026-03-26').map((p) => p.id),
      ['202601E25', '202602E25', '202603E25', '202604E25'],
    );
    assert.deepEqual(
      periodsOverlapping({ kind: 'quarter', endDay: null }, '2026-03-31', '2026-04-01').map((p) => p.id),
      ['2026Q1', '2026Q2'],
    );
    assert.deepEqual(periodsOverlapping(month, '2026-02-01', '2026-01-01'), []);
  });

  test('impossible civil dates are told apart', () => {
    assert.equal(isCivilDate('2026-02-29'), false);
    assert.equal(isCivilDate('2024-02-29'), true);
    assert.throws(() => periodOf(month, '2026-13-01'), RangeError);
  });
});

describe('period names', () => {
  test('zh-CN first, en-US second', () => {
    assert.equal(formatPeriod(must('202611')), '2026年11月');
    assert.equal(formatPeriod(must('2026Q3')), '2026年第3季度');
    assert.equal(formatPeriod(must('2026S1')), '2026年上半年');
    assert.equal(formatPeriod(must('2026S2')), '2026年下半年');
    assert.equal(formatPeriod(must('2026')), '2026年');
    assert.equal(formatPeriod(must('202611E25')), '2026年11月（10月26日至11月25日）');
    assert.equal(formatPeriod(must('202611'), 'en-US'), 'November 2026');
    assert.equal(formatPeriod(must('2026S1'), 'en-US'), '2026 H1');
    assert.equal(formatPeriod(must('202611E25'), 'en-US'), 'November 2026 (2026-10-26 to 2026-11-25)');
  });
});
