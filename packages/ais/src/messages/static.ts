// Static reports: types 4/11 (base station / UTC response), 5 (class A static and voyage),
// 21 (aid to navigation) and 24 (class B static, parts A and B). Bit offsets from GPSD AIVDM.adoc.
import type { PayloadBits } from '../bits.ts';
import { latAt, lonAt, unless } from './fields.ts';
import type {
  AidToNavigationReport,
  BaseStationReport,
  StaticDataPartA,
  StaticDataPartB,
  StaticVoyageData,
} from './types.ts';

export function decodeBaseStationReport(bits: PayloadBits, type: 4 | 11): BaseStationReport {
  return {
    type,
    repeat: bits.uint(6, 2),
    mmsi: bits.uint(8, 30),
    year: unless(bits.uint(38, 14), 0),
    month: unless(bits.uint(52, 4), 0),
    day: unless(bits.uint(56, 5), 0),
    hour: unless(bits.uint(61, 5), 24),
    minute: unless(bits.uint(66, 6), 60),
    second: unless(bits.uint(72, 6), 60),
    accuracy: bits.bit(78),
    lon: lonAt(bits, 79),
    lat: latAt(bits, 107),
    epfd: bits.uint(134, 4),
    raim: bits.bit(148),
    radio: bits.uint(149, 19),
  };
}

export function decodeStaticVoyageData(bits: PayloadBits): StaticVoyageData {
  return {
    type: 5,
    repeat: bits.uint(6, 2),
    mmsi: bits.uint(8, 30),
    aisVersion: bits.uint(38, 2),
    imoNumber: bits.uint(40, 30),
    callSign: bits.text(70, 7),
    shipName: bits.text(112, 20),
    shipType: bits.uint(232, 8),
    toBow: bits.uint(240, 9),
    toStern: bits.uint(249, 9),
    toPort: bits.uint(258, 6),
    toStarboard: bits.uint(264, 6),
    epfd: bits.uint(270, 4),
    etaMonth: unless(bits.uint(274, 4), 0),
    etaDay: unless(bits.uint(278, 5), 0),
    etaHour: unless(bits.uint(283, 5), 24),
    etaMinute: unless(bits.uint(288, 6), 60),
    draught: bits.uint(294, 8) / 10,
    destination: bits.text(302, 20),
    // Many transmitters send 420 or 422 bits (GPSD AIVDM.adoc): no DTE bit then.
    dte: bits.bitLength >= 423 ? bits.bit(422) : false,
  };
}

export function decodeAidToNavigationReport(bits: PayloadBits): AidToNavigationReport {
  let name = bits.text(43, 20);
  // The name extension (bits 272-355, at most 14 characters) continues a name that fills all 20.
  if (name.length === 20 && bits.bitLength > 272) {
    name += bits.text(272, Math.min(14, Math.floor((bits.bitLength - 272) / 6)));
  }
  return {
    type: 21,
    repeat: bits.uint(6, 2),
    mmsi: bits.uint(8, 30),
    aidType: bits.uint(38, 5),
    name,
    accuracy: bits.bit(163),
    lon: lonAt(bits, 164),
    lat: latAt(bits, 192),
    toBow: bits.uint(219, 9),
    toStern: bits.uint(228, 9),
    toPort: bits.uint(237, 6),
    toStarboard: bits.uint(243, 6),
    epfd: bits.uint(249, 4),
    second: bits.uint(253, 6),
    offPosition: bits.bit(259),
    regional: bits.uint(260, 8),
    raim: bits.bit(268),
    virtualAid: bits.bit(269),
    assigned: bits.bit(270),
  };
}

export function decodeStaticDataPartA(bits: PayloadBits): StaticDataPartA {
  return {
    type: 24,
    repeat: bits.uint(6, 2),
    mmsi: bits.uint(8, 30),
    part: 'A',
    shipName: bits.text(40, 20),
  };
}

/** MMSI 98XXXYYYY: auxiliary craft associated with a parent ship (ITU-R M.585 Annex 2). */
export function isAuxiliaryCraft(mmsi: number): boolean {
  return Math.floor(mmsi / 10_000_000) === 98;
}

export function decodeStaticDataPartB(bits: PayloadBits): StaticDataPartB {
  const mmsi = bits.uint(8, 30);
  const auxiliary = isAuxiliaryCraft(mmsi);
  return {
    type: 24,
    repeat: bits.uint(6, 2),
    mmsi,
    part: 'B',
    shipType: bits.uint(40, 8),
    vendorId: bits.text(48, 3),
    model: bits.uint(66, 4),
    serial: bits.uint(70, 20),
    callSign: bits.text(90, 7),
    toBow: auxiliary ? undefined : bits.uint(132, 9),
    toStern: auxiliary ? undefined : bits.uint(141, 9),
    toPort: auxiliary ? undefined : bits.uint(150, 6),
    toStarboard: auxiliary ? undefined : bits.uint(156, 6),
    mothershipMmsi: auxiliary ? bits.uint(132, 30) : undefined,
  };
}
