import assert from 'node:assert/strict';
import { test } from 'node:test';
import { initialPlanValues, planValuesOf, toPlanInput } from './plan-form-values.ts';

test('a saved plan input fills the form, and the form gives the same input back', () => {
  const input = {
    lkp: { lat: 30.75, lon: 122.65 },
    lkpAt: '2026-12-01T02:00:00.000Z',
    datumAt: '2026-12-01T05:30:00.000Z',
    searchObject: 'liferaft4to6Ballast',
    wind: { speedKn: 20, fromDeg: 45 },
    seaCurrent: { speedKn: 0.8, towardsDeg: 200 },
    errors: { x: 2, y: 0.5 },
    safetyFactor: 1.2,
    pattern: {
      type: 'parallelSweep' as const,
      orientationDeg: 90,
      trackSpacingNm: 2,
      legs: 6,
      legLengthNm: 12,
    },
  };
  assert.deepEqual(toPlanInput(planValuesOf(input)), input);
});

test('no pattern, and a position that does not parse yet', () => {
  const values = {
    ...initialPlanValues({ lat: 30, lon: 122 }, '2026-12-01T02:00:00.000Z'),
    patternType: 'none' as const,
  };
  assert.equal(toPlanInput(values)?.pattern, undefined);
  assert.equal(toPlanInput({ ...values, lat: '30 61 N' }), null);
});
