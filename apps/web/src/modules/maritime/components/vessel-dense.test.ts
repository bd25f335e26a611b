import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { VesselColumns } from '../types/vessels.ts';
import { vesselDense } from './vessel-dense.ts';
import { CATEGORY_COLORS } from './vessel-style.ts';

const columns: VesselColumns = {
  total: 3,
  truncated: false,
  categories: ['cargo', 'fishing', 'unknown'],
  mmsi: [412000001, 412000002, 477000003],
  lat: [30.1, 30.2, 22.3],
  lon: [122.1, 122.2, 114.1],
  cog: [91.2, null, 180],
  sog: [12.34, 0.1, null],
  heading: [null, 45, 179],
  category: [0, 1, 2],
};
const labels = { speed: '航速', course: '航向', category: (c: string) => `<${c}>` };

test('every vessel becomes a point coloured by category; only ships under way get a direction', () => {
  const d = vesselDense(columns, labels);
  assert.deepEqual(d.ids, columns.mmsi);
  assert.deepEqual(d.rotation, [91.2, null, null]);
  assert.deepEqual(
    d.group.map((g) => d.colors[g]),
    [CATEGORY_COLORS.cargo, CATEGORY_COLORS.fishing, CATEGORY_COLORS.unknown],
  );
  assert.deepEqual(d.tooltip?.(0), ['MMSI 412000001 · <cargo>', '航速 12.3 kn · 航向 91.2°']);
  assert.deepEqual(d.tooltip?.(2), ['MMSI 477000003 · <unknown>', '航速 — · 航向 180°']);
});

test('the selected vessel is left out, and the arrays stay parallel', () => {
  const d = vesselDense(columns, labels, 412000002);
  assert.deepEqual(d.ids, [412000001, 477000003]);
  assert.deepEqual(d.lat, [30.1, 22.3]);
  assert.deepEqual(d.group, [0, 2]);
  assert.deepEqual(d.tooltip?.(1)?.[0], 'MMSI 477000003 · <unknown>');
});
