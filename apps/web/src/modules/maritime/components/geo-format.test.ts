import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { formatLat, formatLatLon, formatLon, parseCoordinate } from './geo-format.ts';
import { circle, destination } from './geodesy.ts';

describe('positions as mariners write them', () => {
  test('format: degrees and decimal minutes with the hemisphere', () => {
    assert.equal(formatLatLon({ lat: 30.75, lon: 122.65 }), '30°45.000′N 122°39.000′E');
    assert.equal(formatLat(-0.5), '00°30.000′S');
    assert.equal(formatLon(-70.999_999_9), '071°00.000′W');
  });

  test('parse: decimal degrees, degrees and minutes, hemisphere letters', () => {
    assert.equal(parseCoordinate('30.75', 'lat'), 30.75);
    assert.equal(parseCoordinate('30 45.0 N', 'lat'), 30.75);
    assert.equal(parseCoordinate('30°45.0′S', 'lat'), -30.75);
    assert.equal(parseCoordinate("122 39.0' e", 'lon'), 122.65);
    assert.equal(parseCoordinate('-122.65', 'lon'), -122.65);
  });

  test('parse refuses what is not a coordinate of that kind', () => {
    for (const [text, kind] of [
      ['91', 'lat'],
      ['30 60 N', 'lat'],
      ['30 45 E', 'lat'],
      ['122 39 N', 'lon'],
      ['-30 N', 'lat'],
      ['-30 15', 'lat'],
      ['181', 'lon'],
      ['', 'lat'],
      ['N', 'lat'],
    ] as const)
      assert.equal(parseCoordinate(text, kind), null, text);
  });

  test('what format writes, parse reads back (to the minute’s thousandth)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -90, max: 90, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        (lat, lon) => {
          const a = parseCoordinate(formatLat(lat), 'lat');
          const b = parseCoordinate(formatLon(lon), 'lon');
          assert.ok(a !== null && Math.abs(a - lat) <= 0.001 / 60 + 1e-9);
          assert.ok(b !== null && Math.abs(b - lon) <= 0.001 / 60 + 1e-9);
        },
      ),
    );
  });

  test('parse never throws and returns a coordinate in range or null', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('lat' as const, 'lon' as const), (text, kind) => {
        const v = parseCoordinate(text, kind);
        assert.ok(v === null || (Number.isFinite(v) && Math.abs(v) <= (kind === 'lat' ? 90 : 180)));
      }),
    );
  });
});

describe('great-circle geometry', () => {
  test('60 NM due north is one degree of latitude; due east on the equator one degree of longitude', () => {
    const north = destination({ lat: 30, lon: 122 }, 0, 60);
    assert.ok(Math.abs(north.lat - 31) < 0.002 && Math.abs(north.lon - 122) < 1e-9);
    const east = destination({ lat: 0, lon: 122 }, 90, 60);
    assert.ok(Math.abs(east.lon - 123) < 0.002 && Math.abs(east.lat) < 1e-9);
  });

  test('a circle keeps its radius all round', () => {
    const center = { lat: 30.75, lon: 122.65 };
    for (const p of circle(center, 20, 36)) {
      const dLat = (p.lat - center.lat) * 60;
      const dLon = (p.lon - center.lon) * 60 * Math.cos((((p.lat + center.lat) / 2) * Math.PI) / 180);
      assert.ok(Math.abs(Math.hypot(dLat, dLon) - 20) < 0.1);
    }
  });
});
