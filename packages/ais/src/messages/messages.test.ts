// Golden sentences by message type: the reference's table (protocols.md §4.5) with its exact
// values, and gpsd sample.aivdm sentences for the other types and variants.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AisDecoder } from '../decoder.ts';
import { encodeMessage, toSentences } from '../testing/encoder.ts';
import { REFERENCE_GOLDENS, SAMPLE_GOLDENS } from '../testing/fixtures.ts';
import type { AisMessage } from './types.ts';

function decodeAll(lines: readonly string[]): AisMessage[] {
  const decoder = new AisDecoder({ clock: () => 0 });
  const messages: AisMessage[] = [];
  for (const line of lines) {
    const result = decoder.decode(line);
    if (result === undefined) continue;
    assert.ok(result.ok, `${line}: ${JSON.stringify(result)}`);
    messages.push(result.message);
  }
  return messages;
}

function decodeOne(lines: readonly string[]): AisMessage {
  const messages = decodeAll(lines);
  assert.equal(messages.length, 1);
  return messages[0]!;
}

/** Asserts the listed fields only; coordinates given in 1/10 000 minute as gpsd's -u prints them. */
function expectFields(message: AisMessage, expected: Record<string, unknown>): void {
  const actual = message as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(expected)) assert.deepEqual(actual[key], value, key);
}

describe('type 1/2/3 — class A position report', () => {
  it('decodes the reference type 1 (turning fast left, 12.3 kn)', () => {
    const m = decodeOne(REFERENCE_GOLDENS.type1);
    expectFields(m, {
      type: 1,
      repeat: 0,
      mmsi: 371798000,
      status: 0,
      rot: -127,
      rateOfTurn: undefined,
      speed: 12.3,
      accuracy: true,
      lon: -74037230 / 600_000,
      lat: 29028980 / 600_000,
      course: 224,
      heading: 215,
      second: 33,
      maneuver: 0,
      raim: false,
      radio: 34017,
    });
    if (m.type !== 1) return;
    assert.equal(m.lon!.toFixed(7), '-123.3953833');
    assert.equal(m.lat!.toFixed(7), '48.3816333');
  });

  it('decodes pyais test_msg_type_1_a', () => {
    const m = decodeOne(REFERENCE_GOLDENS.type1Pyais);
    expectFields(m, {
      type: 1,
      mmsi: 366053209,
      status: 3,
      speed: 0,
      rot: 0,
      rateOfTurn: 0,
      course: 219.3,
      heading: 1,
      second: 59,
      radio: 2281,
    });
    if (m.type !== 1) return;
    assert.equal(m.lon!.toFixed(6), '-122.341618');
    assert.equal(m.lat!.toFixed(6), '37.802118');
  });

  it('decodes "not available" rate of turn and heading as absent', () => {
    const m = decodeOne(SAMPLE_GOLDENS.type1NotAvailable);
    expectFields(m, { mmsi: 440348000, rot: -128, rateOfTurn: undefined, heading: undefined, course: 93.4 });
  });

  it('tolerates the 163-bit variant, with the radio status truncated as gpsd reads it', () => {
    const m = decodeOne(SAMPLE_GOLDENS.type1Of163Bits);
    expectFields(m, { type: 1, mmsi: 244740981, raim: true, radio: 1076, second: 45 });
  });

  it('decodes types 2 and 3', () => {
    expectFields(decodeOne(SAMPLE_GOLDENS.type2), {
      type: 2,
      mmsi: 356302000,
      rot: 127,
      speed: 13.9,
      heading: 91,
    });
    expectFields(decodeOne(SAMPLE_GOLDENS.type3), {
      type: 3,
      mmsi: 563808000,
      status: 5,
      heading: 352,
      course: 252,
    });
  });
});

describe('type 4/11 — base station report, UTC/date response', () => {
  it('decodes the date, time and surveyed position', () => {
    expectFields(decodeOne(SAMPLE_GOLDENS.type4), {
      type: 4,
      mmsi: 3669702,
      year: 2007,
      month: 5,
      day: 14,
      hour: 19,
      minute: 57,
      second: 39,
      accuracy: true,
      lon: -45811417 / 600_000,
      lat: 22130260 / 600_000,
      epfd: 7,
      radio: 67039,
    });
  });

  it('decodes every "not available" date part and position as absent', () => {
    expectFields(decodeOne(SAMPLE_GOLDENS.type4NotAvailable), {
      mmsi: 2470052,
      year: undefined,
      month: undefined,
      day: undefined,
      hour: undefined,
      minute: undefined,
      second: undefined,
      lon: undefined,
      lat: undefined,
    });
  });

  it('decodes type 11 with receiver data after the checksum', () => {
    expectFields(decodeOne(SAMPLE_GOLDENS.type11), {
      type: 11,
      mmsi: 304137000,
      year: 2009,
      month: 5,
      day: 22,
      hour: 2,
      minute: 22,
      second: 40,
      epfd: 1,
    });
  });
});

describe('type 5 — static and voyage data', () => {
  it('assembles and decodes the reference EVER DIADEM', () => {
    expectFields(decodeOne(REFERENCE_GOLDENS.type5), {
      type: 5,
      mmsi: 351759000,
      aisVersion: 0,
      imoNumber: 9134270,
      callSign: '3FOF8',
      shipName: 'EVER DIADEM',
      shipType: 70,
      toBow: 225,
      toStern: 70,
      toPort: 1,
      toStarboard: 31,
      epfd: 1,
      etaMonth: 5,
      etaDay: 15,
      etaHour: 14,
      etaMinute: 0,
      draught: 12.2,
      destination: 'NEW YORK',
      dte: false,
    });
  });

  it('tolerates the 420- and 422-bit variants and rejects shorter ones', () => {
    const full = encodeMessage({
      type: 5,
      repeat: 0,
      mmsi: 412345678,
      aisVersion: 0,
      imoNumber: 9_123_456,
      callSign: 'BPAB',
      shipName: 'DONG FANG',
      shipType: 80,
      toBow: 150,
      toStern: 30,
      toPort: 12,
      toStarboard: 12,
      epfd: 1,
      etaMonth: 3,
      etaDay: 8,
      etaHour: 6,
      etaMinute: 30,
      draught: 10.5,
      destination: 'NINGBO ZHOUSHAN',
      dte: true,
    });
    for (const length of [420, 422]) {
      const m = decodeOne(toSentences(full.slice(0, length)));
      expectFields(m, { mmsi: 412345678, shipName: 'DONG FANG', destination: 'NINGBO ZHOUSHAN', dte: false });
    }
    expectFields(decodeOne(toSentences(full)), { dte: true });
    const short = new AisDecoder().decode(toSentences(full.slice(0, 419), { maxPayloadChars: 80 })[0]!);
    assert.equal(short?.ok === false && short.error.code, 'too_short');
  });

  it('decodes two type 5 interleaved on channels A and B', () => {
    const messages = decodeAll(SAMPLE_GOLDENS.type5Interleaved);
    assert.equal(messages.length, 2);
    for (const m of messages) {
      expectFields(m, { type: 5, mmsi: 271010059, callSign: 'TCA2350', shipName: 'HEALTH CONTROL 13' });
      expectFields(m, { etaMonth: undefined, etaHour: undefined, destination: '', draught: 2 });
    }
  });
});

describe('type 6/8 — binary messages', () => {
  it('decodes the addressed header, DAC/FI and raw payload', () => {
    expectFields(decodeOne(SAMPLE_GOLDENS.type6), {
      type: 6,
      repeat: 1,
      mmsi: 150834090,
      sequence: 3,
      destMmsi: 313240222,
      retransmit: false,
      dac: 669,
      fid: 11,
      data: 'eb2f118f7ff1',
      dataBits: 48,
    });
  });

  it('decodes a broadcast, in one sentence and in two', () => {
    expectFields(decodeOne(SAMPLE_GOLDENS.type8), {
      type: 8,
      mmsi: 366999712,
      dac: 366,
      fid: 56,
      dataBits: 256,
      data: '3a53dbb7be4a773137f87d7b0445f040dea05d93f593783194ae9b9d9dbe05fb',
    });
    expectFields(decodeOne(SAMPLE_GOLDENS.type8TwoSentences), {
      mmsi: 999999999,
      dac: 366,
      fid: 56,
      data: 'eb0d4f917a035b2dfca3d4739381735c18ebbe754936f66850037dcacd9538b8',
    });
  });
});

describe('type 9 — SAR aircraft', () => {
  it('decodes the reference report (altitude 15 m, speed in whole knots)', () => {
    expectFields(decodeOne(REFERENCE_GOLDENS.type9), {
      type: 9,
      mmsi: 111265591,
      altitude: 15,
      speed: 0,
      lon: 7128960 / 600_000,
      lat: 34667073 / 600_000,
      course: 0,
      second: 28,
    });
    expectFields(decodeOne(SAMPLE_GOLDENS.type9), { altitude: 303, speed: 42, course: 154.5, dte: true });
  });
});

describe('type 18/19 — class B position reports', () => {
  it('decodes the reference type 18', () => {
    expectFields(decodeOne(REFERENCE_GOLDENS.type18), {
      type: 18,
      mmsi: 338087471,
      speed: 0.1,
      accuracy: false,
      lon: -44443279 / 600_000,
      lat: 24410724 / 600_000,
      course: 79.6,
      heading: undefined,
      second: 49,
      cs: true,
      display: false,
      dsc: true,
      band: true,
      msg22: true,
      raim: true,
      radio: 917510,
    });
    expectFields(decodeOne(SAMPLE_GOLDENS.type18), {
      mmsi: 368161000,
      speed: 5.1,
      course: 34.9,
      msg22: false,
    });
  });

  it('decodes the reference type 19', () => {
    expectFields(decodeOne(REFERENCE_GOLDENS.type19), {
      type: 19,
      mmsi: 367059850,
      speed: 8.7,
      lon: -53286235 / 600_000,
      lat: 17726217 / 600_000,
      course: 335.9,
      heading: undefined,
      shipName: 'CAPT.J.RIMES',
      shipType: 70,
      toBow: 5,
      toStern: 21,
      toPort: 4,
      toStarboard: 4,
      epfd: 1,
    });
  });
});

describe('type 21 — aid to navigation', () => {
  it('appends the name extension', () => {
    expectFields(decodeOne(REFERENCE_GOLDENS.type21), {
      type: 21,
      mmsi: 123456789,
      aidType: 20,
      name: 'CHINA ROSE MURPHY EXPRESS ALERT',
      lon: -73619155 / 600_000,
      lat: 28752371 / 600_000,
      toBow: 5,
      toStern: 5,
      toPort: 5,
      toStarboard: 5,
      epfd: 1,
      second: 50,
      regional: 165,
      virtualAid: false,
    });
  });
});

describe('type 24 — class B static data', () => {
  it('accepts part A of 160 (the standard) to 168 bits', () => {
    const bits = encodeMessage({ type: 24, repeat: 0, mmsi: 413000001, part: 'A', shipName: 'MIN YU 8' });
    assert.equal(bits.length, 160);
    for (const padded of [bits, [...bits, 0, 0, 0, 0, 0, 0, 0, 0]]) {
      expectFields(decodeOne(toSentences(padded)), { part: 'A', shipName: 'MIN YU 8' });
    }
  });

  it('decodes parts A and B of the reference', () => {
    const [a, b] = decodeAll(REFERENCE_GOLDENS.type24);
    assert.deepEqual(a, { type: 24, repeat: 0, mmsi: 271041815, part: 'A', shipName: 'PROGUY' });
    expectFields(b!, {
      type: 24,
      mmsi: 271041815,
      part: 'B',
      shipType: 60,
      vendorId: '1D0',
      model: 12,
      serial: 199796,
      callSign: 'TC6163',
      toBow: 0,
      toStern: 15,
      toPort: 0,
      toStarboard: 5,
      mothershipMmsi: undefined,
    });
  });
});

describe('type 27 — long-range broadcast', () => {
  it('decodes the 96-bit message and the 168-bit variant', () => {
    expectFields(decodeOne(SAMPLE_GOLDENS.type27Of96Bits), {
      type: 27,
      repeat: 1,
      mmsi: 236091959,
      status: 3,
      lon: -92521 / 600,
      lat: 52239 / 600,
      speed: 0,
      course: 0,
    });
    const m = decodeOne(SAMPLE_GOLDENS.type27Of168Bits);
    expectFields(m, { mmsi: 206914217, status: 2, speed: 57, course: 167 });
    if (m.type !== 27) return;
    assert.equal(m.lon!.toFixed(1), '137.0');
    assert.equal(m.lat!.toFixed(1), '4.8');
  });
});
