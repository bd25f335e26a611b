// Position reports: types 1-3 (class A), 9 (SAR aircraft), 18 and 19 (class B), 27 (long range).
// Bit offsets from GPSD AIVDM.adoc; checked against its sample.aivdm decodes.
import type { PayloadBits } from '../bits.ts';
import {
  courseAt,
  headingAt,
  LAT_NOT_AVAILABLE_COARSE,
  LON_NOT_AVAILABLE_COARSE,
  latAt,
  lonAt,
  rateOfTurn,
  speedAt,
  unless,
} from './fields.ts';
import type {
  ClassBExtendedReport,
  ClassBPositionReport,
  LongRangeReport,
  PositionReport,
  SarAircraftReport,
} from './types.ts';

export function decodePositionReport(bits: PayloadBits, type: 1 | 2 | 3): PositionReport {
  const rot = bits.int(42, 8);
  return {
    type,
    repeat: bits.uint(6, 2),
    mmsi: bits.uint(8, 30),
    status: bits.uint(38, 4),
    rot,
    rateOfTurn: rateOfTurn(rot),
    speed: speedAt(bits, 50),
    accuracy: bits.bit(60),
    lon: lonAt(bits, 61),
    lat: latAt(bits, 89),
    course: courseAt(bits, 116),
    heading: headingAt(bits, 128),
    second: bits.uint(137, 6),
    maneuver: bits.uint(143, 2),
    raim: bits.bit(148),
    // 163-167-bit reports occur in the wild: the radio status is whatever bits remain.
    radio: bits.bitLength >= 168 ? bits.uint(149, 19) : bits.uint(149, bits.bitLength - 149),
  };
}

export function decodeSarAircraftReport(bits: PayloadBits): SarAircraftReport {
  return {
    type: 9,
    repeat: bits.uint(6, 2),
    mmsi: bits.uint(8, 30),
    altitude: unless(bits.uint(38, 12), 4095),
    speed: unless(bits.uint(50, 10), 1023),
    accuracy: bits.bit(60),
    lon: lonAt(bits, 61),
    lat: latAt(bits, 89),
    course: courseAt(bits, 116),
    second: bits.uint(128, 6),
    regional: bits.uint(134, 8),
    dte: bits.bit(142),
    assigned: bits.bit(146),
    raim: bits.bit(147),
    radio: bits.uint(148, 20),
  };
}

export function decodeClassBPositionReport(bits: PayloadBits): ClassBPositionReport {
  return {
    type: 18,
    repeat: bits.uint(6, 2),
    mmsi: bits.uint(8, 30),
    reserved: bits.uint(38, 8),
    speed: speedAt(bits, 46),
    accuracy: bits.bit(56),
    lon: lonAt(bits, 57),
    lat: latAt(bits, 85),
    course: courseAt(bits, 112),
    heading: headingAt(bits, 124),
    second: bits.uint(133, 6),
    regional: bits.uint(139, 2),
    cs: bits.bit(141),
    display: bits.bit(142),
    dsc: bits.bit(143),
    band: bits.bit(144),
    msg22: bits.bit(145),
    assigned: bits.bit(146),
    raim: bits.bit(147),
    radio: bits.uint(148, 20),
  };
}

export function decodeClassBExtendedReport(bits: PayloadBits): ClassBExtendedReport {
  return {
    type: 19,
    repeat: bits.uint(6, 2),
    mmsi: bits.uint(8, 30),
    reserved: bits.uint(38, 8),
    speed: speedAt(bits, 46),
    accuracy: bits.bit(56),
    lon: lonAt(bits, 57),
    lat: latAt(bits, 85),
    course: courseAt(bits, 112),
    heading: headingAt(bits, 124),
    second: bits.uint(133, 6),
    regional: bits.uint(139, 4),
    shipName: bits.text(143, 20),
    shipType: bits.uint(263, 8),
    toBow: bits.uint(271, 9),
    toStern: bits.uint(280, 9),
    toPort: bits.uint(289, 6),
    toStarboard: bits.uint(295, 6),
    epfd: bits.uint(301, 4),
    raim: bits.bit(305),
    dte: bits.bit(306),
    assigned: bits.bit(307),
  };
}

export function decodeLongRangeReport(bits: PayloadBits): LongRangeReport {
  const lon = bits.int(44, 18);
  const lat = bits.int(62, 17);
  return {
    type: 27,
    repeat: bits.uint(6, 2),
    mmsi: bits.uint(8, 30),
    accuracy: bits.bit(38),
    raim: bits.bit(39),
    status: bits.uint(40, 4),
    lon: lon === LON_NOT_AVAILABLE_COARSE ? undefined : lon / 600,
    lat: lat === LAT_NOT_AVAILABLE_COARSE ? undefined : lat / 600,
    speed: unless(bits.uint(79, 6), 63),
    course: unless(bits.uint(85, 9), 511),
    positionLatency: bits.bit(94),
  };
}
