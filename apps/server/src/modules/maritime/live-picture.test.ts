import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AisDecoder, type AisMessage, type PositionReport } from '@jtgov/ais';
import fc from 'fast-check';
import { bearingDeg, distanceNm } from './geo.ts';
import { LivePicture, type StaticData, type TrackPoint } from './live-picture.ts';
import { flagOfMid, flagOfMmsi, MID_REGIONS, parseMmsi } from './mid.ts';
import { categoryOfShipType, shipTypeName } from './ship-types.ts';
import { boxContains, type GeoBox } from './spatial-grid.ts';

const T0 = Date.parse('2026-11-27T01:00:00Z');
const STALE = 30 * 60_000;

function report(mmsi: number, lat: number, lon: number, extra: Partial<PositionReport> = {}): AisMessage {
  return {
    type: 1,
    repeat: 0,
    mmsi,
    status: 0,
    rot: 0,
    speed: 10,
    accuracy: false,
    lon,
    lat,
    course: 90,
    second: 0,
    maneuver: 0,
    raim: false,
    radio: 0,
    ...extra,
  };
}

const vessel = fc.record({
  mmsi: fc.integer({ min: 200_000_000, max: 799_999_999 }),
  lat: fc.double({ min: -90, max: 90, noNaN: true }),
  lon: fc.double({ min: -180, max: 180, noNaN: true, maxExcluded: true }),
});
const fleet = fc.uniqueArray(vessel, { selector: (v) => v.mmsi, maxLength: 120 });

function pictureOf(vessels: readonly { mmsi: number; lat: number; lon: number }[]): LivePicture {
  const picture = new LivePicture({ staleMs: STALE });
  for (const v of vessels) picture.accept(report(v.mmsi, v.lat, v.lon), T0);
  return picture;
}

describe('live picture', () => {
  test('viewport queries equal a brute-force scan, antimeridian boxes included', () => {
    const box = fc
      .record({
        a: fc.double({ min: -90, max: 90, noNaN: true }),
        b: fc.double({ min: -90, max: 90, noNaN: true }),
        west: fc.double({ min: -180, max: 180, noNaN: true }),
        east: fc.double({ min: -180, max: 180, noNaN: true }),
      })
      .map(({ a, b, west, east }): GeoBox => ({ south: Math.min(a, b), north: Math.max(a, b), west, east }));
    fc.assert(
      fc.property(fleet, box, (vessels, bbox) => {
        const got = pictureOf(vessels)
          .inBox(bbox, T0)
          .map((t) => t.mmsi);
        const expected = vessels
          .filter((v) => boxContains(bbox, v.lat, v.lon))
          .map((v) => v.mmsi)
          .sort((x, y) => x - y);
        assert.deepEqual(got, expected);
      }),
      { numRuns: 300 },
    );
  });

  test('radius queries equal a brute-force great-circle scan, near poles and the antimeridian too', () => {
    const center = fc.record({
      lat: fc.double({ min: -89.9, max: 89.9, noNaN: true }),
      lon: fc.double({ min: -180, max: 180, noNaN: true, maxExcluded: true }),
    });
    fc.assert(
      fc.property(fleet, center, fc.double({ min: 0.1, max: 6000, noNaN: true }), (vessels, c, r) => {
        const got = pictureOf(vessels).near(c, r, T0);
        const expected = vessels.filter((v) => distanceNm(c, v) <= r).map((v) => v.mmsi);
        assert.deepEqual(got.map((n) => n.target.mmsi).sort(), expected.sort());
        for (let i = 1; i < got.length; i++) assert.ok(got[i - 1]!.distanceNm <= got[i]!.distanceNm);
      }),
      { numRuns: 300 },
    );
  });

  test('distance and bearing on known legs', () => {
    // One degree of latitude is 60 arc minutes: 60.04 NM on the mean-radius sphere.
    assert.ok(Math.abs(distanceNm({ lat: 30, lon: 122 }, { lat: 31, lon: 122 }) - 60.04) < 0.01);
    assert.equal(Math.round(bearingDeg({ lat: 30, lon: 122 }, { lat: 31, lon: 122 })), 0);
    assert.equal(Math.round(bearingDeg({ lat: 0, lon: 122 }, { lat: 0, lon: 121 })), 270);
    const near = pictureOf([{ mmsi: 412000001, lat: 0, lon: 179.9 }]).near({ lat: 0, lon: -179.9 }, 13, T0);
    assert.equal(near.length, 1);
    assert.ok(Math.abs(near[0]!.distanceNm - 12.01) < 0.01);
    assert.equal(Math.round(near[0]!.bearingDeg), 270);
  });

  test('targets expire when not heard within the stale interval', () => {
    const picture = new LivePicture({ staleMs: STALE });
    picture.accept(report(412000001, 31, 122), T0);
    picture.accept(report(412000002, 31.1, 122.1), T0 + 20 * 60_000);
    const box = { south: 30, north: 32, west: 121, east: 123 };
    assert.equal(picture.inBox(box, T0 + 29 * 60_000).length, 2);
    // Past its interval a target is no longer shown, even before the sweep removes it.
    assert.deepEqual(
      picture.inBox(box, T0 + 31 * 60_000).map((t) => t.mmsi),
      [412000002],
    );
    assert.equal(picture.get(412000001, T0 + 31 * 60_000), undefined);
    assert.equal(picture.expire(T0 + 31 * 60_000), 1);
    assert.equal(picture.size, 1);
    picture.accept(report(412000002, 31.2, 122.2), T0 + 40 * 60_000);
    assert.equal(picture.expire(T0 + 60 * 60_000), 0);
    assert.equal(picture.expire(T0 + 71 * 60_000), 1);
    assert.equal(picture.size, 0);
    assert.deepEqual(picture.inBox(box, T0 + 71 * 60_000), []);
  });

  test('a moving target leaves its old cell; a late report goes to history only', () => {
    const points: TrackPoint[] = [];
    const picture = new LivePicture(
      { staleMs: STALE },
      { position: (p) => points.push(p), staticData: () => undefined },
    );
    picture.accept(report(412000001, 31.5, 122.5), T0);
    picture.accept(report(412000001, 35.5, 125.5), T0 + 60_000);
    picture.accept(report(412000001, 31.5, 122.5), T0 + 30_000);
    assert.deepEqual(picture.inBox({ south: 31, north: 32, west: 122, east: 123 }, T0 + 60_000), []);
    assert.equal(picture.get(412000001, T0 + 60_000)?.position?.lat, 35.5);
    assert.equal(points.length, 3);
  });

  test('the least recently heard target goes first beyond the bound', () => {
    const picture = new LivePicture({ staleMs: STALE, maxTargets: 2 });
    picture.accept(report(412000001, 1, 1), T0);
    picture.accept(report(412000002, 1, 1), T0);
    picture.accept(report(412000001, 1, 1), T0 + 1);
    picture.accept(report(412000003, 1, 1), T0 + 2);
    assert.deepEqual(
      picture.inBox({ south: 0, north: 2, west: 0, east: 2 }, T0 + 2).map((t) => t.mmsi),
      [412000001, 412000003],
    );
  });

  test('static data from the golden type 5, 19 and 24 sentences is merged per MMSI', () => {
    const stored: StaticData[] = [];
    const picture = new LivePicture(
      { staleMs: STALE },
      { position: () => undefined, staticData: (s) => stored.push(s) },
    );
    const decoder = new AisDecoder();
    const lines = [
      '!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C',
      '!AIVDM,2,2,1,A,88888888880,2*25',
      '!AIVDM,1,1,,B,C5N3SRgPEnJGEBT>NhWAwwo862PaLELTBJ:V00000000S0D:R220,0*0B',
      '!AIVDM,1,1,,A,H42O55i18tMET00000000000000,2*6D',
      '!AIVDM,1,1,,A,H42O55lti4hhhilD3nink000?050,0*40',
    ];
    const at = Date.parse('2026-11-27T00:00:00Z');
    for (const line of lines) {
      const r = decoder.decode(line, 0);
      if (r?.ok) picture.accept(r.message, at);
    }
    const ever = picture.get(351759000, at)!;
    assert.equal(ever.staticData?.name, 'EVER DIADEM');
    assert.equal(ever.staticData?.callSign, '3FOF8');
    assert.equal(ever.staticData?.imo, 9134270);
    assert.equal(ever.staticData?.destination, 'NEW YORK');
    // ETA 05-15 14:00 without a year, reported in November: next May.
    assert.equal(ever.staticData?.eta, Date.parse('2027-05-15T14:00:00Z'));
    assert.equal(ever.category, 'cargo');
    assert.equal(ever.flag?.code, 'PA');
    assert.equal(ever.position, null);
    const rimes = picture.get(367059850, at)!;
    assert.equal(rimes.staticData?.name, 'CAPT.J.RIMES');
    assert.equal(rimes.flag?.nameEn, 'United States');
    assert.equal(rimes.position?.lat, 29.543695);
    const proguy = picture.get(271041815, at)!;
    assert.deepEqual(
      [proguy.staticData?.name, proguy.staticData?.callSign, proguy.staticData?.shipType, proguy.category],
      ['PROGUY', 'TC6163', 60, 'passenger'],
    );
    assert.equal(proguy.flag?.nameZh, '土耳其');
    assert.equal(stored.length, 4);
  });
});

describe('MID, MMSI kinds and ship types', () => {
  test('flags of MIDs', () => {
    assert.deepEqual(flagOfMid(412), { mid: 412, code: 'CN', nameZh: '中国', nameEn: 'China' });
    assert.equal(flagOfMid(477)?.nameZh, '中国香港特别行政区');
    assert.equal(flagOfMid(416)?.nameZh, '中国台湾');
    assert.equal(flagOfMid(303)?.nameEn, 'Alaska (United States)');
    assert.equal(flagOfMid(538)?.code, 'MH');
    assert.equal(flagOfMid(100), null);
    assert.equal(flagOfMid(217), null);
    // Every allocated MID has names in both locales.
    for (const mid of MID_REGIONS.keys()) {
      const flag = flagOfMid(mid)!;
      assert.ok(flag.nameZh !== flag.code && flag.nameEn !== flag.code, `MID ${mid}`);
    }
    assert.ok(MID_REGIONS.size > 280);
  });

  test('MMSI formats', () => {
    assert.deepEqual(parseMmsi(413123456), { kind: 'ship', mid: 413 });
    assert.deepEqual(parseMmsi(4123456), { kind: 'coastStation', mid: 412 });
    assert.deepEqual(parseMmsi(41234567), { kind: 'group', mid: 412 });
    assert.deepEqual(parseMmsi(111412345), { kind: 'sarAircraft', mid: 412 });
    assert.deepEqual(parseMmsi(984121234), { kind: 'auxiliaryCraft', mid: 412 });
    assert.deepEqual(parseMmsi(994121234), { kind: 'aton', mid: 412 });
    assert.equal(parseMmsi(970123456).kind, 'sart');
    assert.equal(parseMmsi(972123456).kind, 'mob');
    assert.equal(parseMmsi(974123456).kind, 'epirb');
    assert.equal(parseMmsi(1_000_000_000).kind, 'unknown');
    assert.equal(flagOfMmsi(111412345)?.code, 'CN');
    assert.equal(flagOfMmsi(970123456), null);
  });

  test('ship type names and categories', () => {
    assert.deepEqual(shipTypeName(70), { zh: '货船', en: 'Cargo' });
    assert.equal(shipTypeName(81).en, 'Tanker, hazardous category A');
    assert.equal(shipTypeName(51).zh, '搜救船');
    assert.equal(shipTypeName(0).en, 'Not available');
    assert.equal(shipTypeName(15).en, 'Reserved for future use');
    assert.equal(categoryOfShipType(30), 'fishing');
    assert.equal(categoryOfShipType(52), 'tug');
    assert.equal(categoryOfShipType(89), 'tanker');
    for (let code = 0; code < 256; code++) assert.ok(shipTypeName(code).zh.length > 0);
  });
});
