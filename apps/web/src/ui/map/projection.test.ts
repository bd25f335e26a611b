import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { aspectFit, mercator } from './projection.ts';

const close = (a: number, b: number, eps = 1e-9) => assert.ok(Math.abs(a - b) < eps, `${a} ≈ ${b}`);

describe('map projection', () => {
  test('Mercator: the equator is y 0, north is up (negative y), and 45°N is ln(tan 67.5°) radians', () => {
    const [x0, y0] = mercator.project([120, 0]);
    assert.equal(x0, 120);
    close(y0!, 0);
    const [, y] = mercator.project([120, 45]);
    close(y!, (-Math.log(Math.tan((67.5 * Math.PI) / 180)) * 180) / Math.PI);
  });

  test('unproject undoes project within ±85°', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: -85, max: 85, noNaN: true }),
        (lon, lat) => {
          const [x, y] = mercator.unproject(mercator.project([lon, lat]));
          close(x!, lon, 1e-9);
          close(y!, lat, 1e-7);
        },
      ),
    );
  });

  test('aspectFit keeps the bounds inside and gives the projected box the chart’s aspect ratio', () => {
    const box = { west: 121, south: 30, east: 123, north: 31 };
    const fitted = aspectFit(box, 800, 400);
    assert.ok(fitted.west <= box.west && fitted.east >= box.east);
    assert.ok(fitted.south <= box.south + 1e-9 && fitted.north >= box.north - 1e-9);
    const [x0, y0] = mercator.project([fitted.west, fitted.north]);
    const [x1, y1] = mercator.project([fitted.east, fitted.south]);
    close((x1! - x0!) / (y1! - y0!), 2, 1e-9);
  });

  test('aspectFit leaves degenerate sizes alone', () => {
    const box = { west: 121, south: 30, east: 121, north: 30 };
    assert.deepEqual(aspectFit(box, 800, 400), box);
    assert.deepEqual(aspectFit({ ...box, east: 122, north: 31 }, 0, 400), { ...box, east: 122, north: 31 });
  });
});
