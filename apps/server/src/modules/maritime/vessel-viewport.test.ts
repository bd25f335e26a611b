import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AisMessage } from '@jtgov/ais';
import { LivePicture } from './live-picture.ts';
import { VIEWPORT_CAP } from './maritime.schemas.ts';
import { vesselViewport } from './vessel-viewport.ts';

const T0 = Date.parse('2026-11-27T01:00:00Z');

const report = (mmsi: number, lat: number, lon: number, speed?: number, course?: number): AisMessage => ({
  type: 1,
  repeat: 0,
  mmsi,
  status: 0,
  rot: 0,
  speed,
  accuracy: false,
  lon,
  lat,
  course,
  second: 0,
  maneuver: 0,
  raim: false,
  radio: 0,
});

/** `n` ships on a grid over the East China Sea, MMSIs 412000000 + i. */
function crowded(n: number): LivePicture {
  const picture = new LivePicture({ staleMs: 30 * 60_000 });
  for (let i = 0; i < n; i++)
    picture.accept(
      report(412_000_000 + i, 25 + (i % 200) * 0.05, 120 + Math.floor(i / 200) * 0.05, 8, 45),
      T0,
    );
  return picture;
}

test('every vessel in view comes back, up to the hard cap, and a cut answer says so', () => {
  const source = { picture: crowded(VIEWPORT_CAP + 500), now: () => T0 };
  const all = vesselViewport(source, { bbox: '119,24,135,36' });
  assert.equal(all.total, VIEWPORT_CAP + 500);
  assert.equal(all.truncated, true);
  assert.equal(all.mmsi.length, VIEWPORT_CAP);
  for (const column of [all.lat, all.lon, all.cog, all.sog, all.heading, all.category])
    assert.equal(column.length, VIEWPORT_CAP);
  // Lowest MMSIs first, ascending: a cut answer is the same one every time.
  assert.equal(all.mmsi[0], 412_000_000);
  assert.equal(all.mmsi[VIEWPORT_CAP - 1], 412_000_000 + VIEWPORT_CAP - 1);

  // Well under the list page cap of 200 would have been shown; a smaller box gets all of its ships.
  const west = vesselViewport(source, { bbox: '119,24,121.99,36' });
  assert.equal(west.truncated, false);
  assert.equal(west.total, 200 * 40);
  assert.equal(west.mmsi.length, west.total);
});

test('columns are parallel, rounded to 5 decimals, with absent course and speed as null', () => {
  const picture = new LivePicture({ staleMs: 30 * 60_000 });
  picture.accept(report(412000002, 30.123456789, 122.987654321, 11.5, 200.1), T0);
  picture.accept(report(412000001, 31, 123), T0);
  picture.accept(report(538000001, 1.25, 103.8, 14, 10), T0);
  const v = vesselViewport({ picture, now: () => T0 }, { bbox: '120,29,124,32', limit: 5 });
  assert.deepEqual(v.mmsi, [412000001, 412000002]);
  assert.deepEqual(v.lat, [31, 30.12346]);
  assert.deepEqual(v.lon, [123, 122.98765]);
  assert.deepEqual(v.sog, [null, 11.5]);
  assert.deepEqual(v.cog, [null, 200.1]);
  assert.deepEqual(v.heading, [null, null]);
  assert.deepEqual(
    v.category.map((i) => v.categories[i]),
    ['unknown', 'unknown'],
  );
  assert.equal(v.truncated, false);
  // A limit below the count cuts, and says so.
  const one = vesselViewport({ picture, now: () => T0 }, { limit: 1 });
  assert.deepEqual([one.mmsi, one.total, one.truncated], [[412000001], 3, true]);
  // Stale targets are not in view.
  assert.equal(vesselViewport({ picture, now: () => T0 + 31 * 60_000 }, {}).total, 0);
});
