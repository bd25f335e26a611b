import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import fc from 'fast-check';
import { loadShippedNotices, type YearNotice } from './calendar-data.ts';
import { beijingDateOf, WorkingCalendar } from './working-calendar.ts';

let notices: YearNotice[];
let cal: WorkingCalendar;
before(async () => {
  notices = await loadShippedNotices();
  cal = new WorkingCalendar(notices.flatMap((n) => n.days));
});

const at = (iso: string) => new Date(iso);

describe('shipped notices', () => {
  test('2024, 2025 and 2026 are shipped, each citing its document number', () => {
    assert.deepEqual(
      notices.map((n) => n.year),
      [2024, 2025, 2026],
    );
    for (const n of notices)
      assert.match(n.source, /^国务院办公厅关于\d{4}年部分节假日安排的通知 \(国办发明电〔\d{4}〕\d+号\)$/);
  });

  test('make-up workdays fall on weekends and no date is listed twice', () => {
    for (const n of notices) {
      const dates = n.days.map((d) => d.date);
      assert.equal(new Set(dates).size, dates.length, `${n.year} lists a date twice`);
      for (const d of n.days.filter((x) => x.kind === 'workday')) {
        const weekday = new Date(`${d.date}T00:00:00Z`).getUTCDay();
        assert.ok(weekday === 0 || weekday === 6, `${d.date} is a make-up workday on a weekday`);
      }
    }
  });

  test('the holiday totals of the notices (共N天)', () => {
    const total = (year: number, name: string) =>
      notices.find((n) => n.year === year)?.days.filter((d) => d.kind === 'holiday' && d.name === name)
        .length;
    assert.equal(total(2024, '春节'), 8);
    assert.equal(total(2025, '春节'), 8);
    assert.equal(total(2025, '国庆节、中秋节'), 8);
    assert.equal(total(2026, '春节'), 9);
    assert.equal(total(2026, '国庆节'), 7);
  });
});

describe('working days', () => {
  test('National Day 2025: 9-28 (Sunday) is worked, 10-01..08 are off', () => {
    assert.equal(cal.isWorkingDay('2025-09-28'), true);
    for (let d = 1; d <= 8; d += 1) assert.equal(cal.isWorkingDay(`2025-10-0${d}`), false);
    assert.equal(cal.isWorkingDay('2025-10-09'), true);
    assert.equal(cal.isWorkingDay('2025-10-11'), true, 'Saturday 10-11 is a make-up workday');
    assert.equal(cal.isWorkingDay('2025-10-12'), false);
  });

  test('3 working days after 2025-09-30 is Saturday 2025-10-11 (10-09, 10-10, then the make-up 10-11)', () => {
    assert.equal(cal.addWorkingDays('2025-09-30', 3), '2025-10-11');
    assert.equal(cal.addWorkingDays('2025-09-30', 2), '2025-10-10');
    assert.equal(cal.addWorkingDays('2025-09-30', 1), '2025-10-09');
  });

  test('Spring Festival 2026: 02-14 (Saturday) is worked, 02-15..23 are off', () => {
    assert.equal(cal.addWorkingDays('2026-02-13', 1), '2026-02-14');
    assert.equal(cal.addWorkingDays('2026-02-14', 1), '2026-02-24');
    assert.equal(cal.workingDaysBetween('2026-02-13', '2026-02-27'), 5);
    assert.equal(cal.isWorkingDay('2026-02-28'), true);
    assert.equal(cal.special('2026-02-17')?.name, '春节');
  });

  test('n = 0 gives the start back; a negative span counts backwards', () => {
    assert.equal(cal.addWorkingDays('2026-02-15', 0), '2026-02-15');
    assert.equal(cal.workingDaysBetween('2026-02-27', '2026-02-13'), -5);
    assert.throws(() => cal.addWorkingDays('2026-02-15', -1), RangeError);
    assert.throws(() => cal.addWorkingDays('2026-02-15', 1.5), RangeError);
  });

  test('malformed and impossible dates are refused', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-1', 'tomorrow', '']) {
      assert.throws(() => cal.isWorkingDay(bad), RangeError, bad);
    }
  });

  test('a year without a notice falls back to weekends only, and says so', () => {
    assert.equal(cal.hasData(2026), true);
    assert.equal(cal.hasData(2030), false);
    assert.equal(cal.isWorkingDay('2030-10-01'), true, 'Tuesday, no notice loaded');
    assert.equal(cal.isWorkingDay('2030-10-05'), false, 'Saturday');
  });
});

describe('deadlines in Beijing time', () => {
  test('accepted Friday 16:00 with 5 working days: due at the end of the next Friday', () => {
    const due = cal.deadlineAfter(at('2026-11-27T16:00:00+08:00'), 5);
    assert.equal(due.toISOString(), '2026-12-04T15:59:59.999Z');
  });

  test('the Beijing date counts, not the UTC date', () => {
    // 01:00 on Friday 11-27 in Beijing is still Thursday 11-26 in UTC.
    assert.equal(beijingDateOf(at('2026-11-26T17:00:00Z')), '2026-11-27');
    assert.equal(cal.deadlineAfter(at('2026-11-26T17:00:00Z'), 5).toISOString(), '2026-12-04T15:59:59.999Z');
    assert.equal(beijingDateOf(at('2026-11-26T15:59:59.999Z')), '2026-11-26');
  });

  test('a deadline runs over National Day 2026 and its make-up Saturday', () => {
    assert.equal(
      cal.deadlineAfter(at('2026-09-30T10:00:00+08:00'), 1).toISOString(),
      '2026-10-08T15:59:59.999Z',
    );
    assert.equal(
      cal.deadlineAfter(at('2026-09-30T10:00:00+08:00'), 3).toISOString(),
      '2026-10-10T15:59:59.999Z',
    );
  });
});

const day = fc
  .integer({ min: Date.UTC(2023, 5, 1) / 86_400_000, max: Date.UTC(2027, 5, 30) / 86_400_000 })
  .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

describe('calendar properties', () => {
  test('addWorkingDays(d, n) is a working day n working days after d', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 80 }), (d, n) => {
        const due = cal.addWorkingDays(d, n);
        assert.ok(cal.isWorkingDay(due));
        assert.ok(due > d);
        assert.equal(cal.workingDaysBetween(d, due), n);
        assert.equal(cal.workingDaysBetween(d, cal.addWorkingDays(d, n - 1)), n - 1);
      }),
    );
  });

  test('counting is additive: (a, b] + (b, c] = (a, c]', () => {
    fc.assert(
      fc.property(day, day, day, (a, b, c) => {
        assert.equal(
          cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, c),
          cal.workingDaysBetween(a, c),
        );
      }),
    );
  });

  test('a deadline is the last millisecond of a Beijing working day, after the instant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2023, 5, 1), max: Date.UTC(2027, 5, 1) }),
        fc.integer({ min: 0, max: 30 }),
        (ms, n) => {
          const due = cal.deadlineAfter(new Date(ms), n);
          assert.ok(due.getTime() > ms);
          assert.equal(beijingDateOf(new Date(due.getTime() + 1)) > beijingDateOf(due), true);
          if (n > 0) assert.ok(cal.isWorkingDay(beijingDateOf(due)));
        },
      ),
    );
  });
});
