import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toHex } from './bytes.ts';
import { decodeFrame, encodeContent, type Packet } from './codec.ts';
import type { Header } from './header.ts';
import type { LocationExtra } from './messages/extras.ts';
import type { Location, LocationReport } from './messages/location.ts';
import {
  ALARM_BITS,
  alarmMask,
  alarmNames,
  describeIoStatus,
  describeStatus,
  VEHICLE_SIGNAL_BITS,
  vehicleSignalNames,
} from './status.ts';

const header: Header = {
  msgId: 0x0200,
  version: '2013',
  phone: '013912345678',
  serial: 1,
  encryption: 0,
  reserved: false,
};

const base: Location = {
  alarm: 0,
  status: 0x2,
  lat: 32.041544,
  lon: 118.78485,
  altitude: 9,
  speed: 62.5,
  direction: 270,
  time: '2026-11-27T08:30:00+08:00',
  extras: [],
};

function roundTrip(location: Location): { decoded: LocationReport; body: string } {
  const packet: Packet = { header, message: { kind: 'location', ...location } };
  const content = encodeContent(packet);
  const result = decodeFrame(content);
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  assert.equal(result.packet.message.kind, 'location');
  assert.deepEqual(result.packet, packet);
  return { decoded: result.packet.message as LocationReport, body: toHex(content.subarray(12, -1)) };
}

describe('0x0200 base fields', () => {
  test('the 28-byte base in order, big-endian, BCD time at GMT+8', () => {
    const { body } = roundTrip(base);
    assert.equal(
      body,
      '00000000' + '00000002' + '01e8ea48' + '07148352' + '0009' + '0271' + '010e' + '261127083000',
    );
  });

  test('south and west come from status bits 2 and 3', () => {
    const { decoded, body } = roundTrip({ ...base, status: 0xe, lat: -33.8688, lon: -70.6693 });
    assert.equal(decoded.status, 0x2 | 0x4 | 0x8);
    assert.equal(body.slice(16, 32), '0204cc00' + '043653f4');
    assert.deepEqual(describeStatus(decoded.status), {
      ...describeStatus(0),
      fixed: true,
      south: true,
      west: true,
    });
  });

  test('a negative coordinate sets its status bit when encoding', () => {
    const content = encodeContent({ header, message: { kind: 'location', ...base, lat: -1, lon: 2 } });
    const result = decodeFrame(content);
    assert.ok(result.ok && result.packet.message.kind === 'location');
    assert.equal(result.packet.message.status, 0x2 | 0x4);
    assert.equal(result.packet.message.lat, -1);
  });

  test('a zero latitude in the south survives the round trip', () => {
    const { decoded } = roundTrip({ ...base, lat: -0, status: 0x4 });
    assert.ok(Object.is(decoded.lat, -0));
  });

  test('altitude below sea level (Turpan) is read as a signed WORD', () => {
    const { decoded, body } = roundTrip({ ...base, altitude: -154 });
    assert.equal(decoded.altitude, -154);
    assert.equal(body.slice(32, 36), 'ff66');
  });

  test('a time of zeros (no fix yet) decodes to null and re-encodes as zeros', () => {
    const { body } = roundTrip({ ...base, time: null });
    assert.equal(body.slice(44, 56), '000000000000');
  });
});

describe('status and alarm bits (JT/T 808-2013 Tables 24-25)', () => {
  test('every alarm bit has a name and maps both ways', () => {
    assert.equal(ALARM_BITS.length, 32);
    for (let bit = 0; bit < 32; bit++) {
      const alarm = 2 ** bit;
      const { decoded } = roundTrip({ ...base, alarm });
      assert.equal(decoded.alarm, alarm);
      assert.deepEqual(alarmNames(alarm), [ALARM_BITS[bit]]);
      assert.equal(alarmMask(alarmNames(alarm)), alarm);
    }
    assert.equal(alarmMask([...ALARM_BITS]), 0xffffffff);
    assert.deepEqual(alarmNames(0b11), ['sos', 'overspeed']);
    assert.deepEqual(alarmNames(1 << 31), ['illegalDoorOpen']);
  });

  test('every status bit decodes to its named flag', () => {
    const named: [number, (s: ReturnType<typeof describeStatus>) => boolean][] = [
      [0, (s) => s.accOn],
      [1, (s) => s.fixed],
      [2, (s) => s.south],
      [3, (s) => s.west],
      [4, (s) => s.outOfService],
      [5, (s) => s.coordinatesEncrypted],
      [6, (s) => s.reserved6],
      [7, (s) => s.reserved7],
      [10, (s) => s.fuelCut],
      [11, (s) => s.circuitCut],
      [12, (s) => s.doorsLocked],
      [13, (s) => s.doorsOpen[0]],
      [14, (s) => s.doorsOpen[1]],
      [15, (s) => s.doorsOpen[2]],
      [16, (s) => s.doorsOpen[3]],
      [17, (s) => s.doorsOpen[4]],
      [18, (s) => s.gps],
      [19, (s) => s.beidou],
      [20, (s) => s.glonass],
      [21, (s) => s.galileo],
      [22, (s) => s.reserved22],
    ];
    for (const [bit, flag] of named) {
      assert.ok(flag(describeStatus(2 ** bit)), `bit ${bit}`);
      assert.ok(!flag(describeStatus(0xffffffff - 2 ** bit)), `bit ${bit} clear`);
    }
    assert.deepEqual(
      [0, 1, 2, 3].map((load) => describeStatus(load << 8).load),
      ['empty', 'half', 'reserved', 'full'],
    );
    for (let bit = 0; bit < 32; bit++) {
      const status = 2 ** bit;
      const south = bit === 2 ? -1 : 1;
      const west = bit === 3 ? -1 : 1;
      assert.equal(
        roundTrip({ ...base, status, lat: south * base.lat, lon: west * base.lon }).decoded.status,
        status,
      );
    }
  });
});

describe('extra items', () => {
  const standard: LocationExtra[] = [
    { type: 'mileage', value: 12345.6 },
    { type: 'fuel', value: 80.5 },
    { type: 'recorderSpeed', value: 61.2 },
    { type: 'alarmEventId', value: 3 },
    { type: 'tirePressure', value: [0x20, 0x21, 0xff, 0xff] },
    { type: 'carriageTemperature', value: -18 },
    { type: 'overspeed', value: { locationType: 0 } },
    { type: 'overspeed', value: { locationType: 4, areaId: 77 } },
    { type: 'areaAlarm', value: { locationType: 1, areaId: 9, direction: 1 } },
    { type: 'routeDriveTime', value: { sectionId: 5, driveTime: 600, result: 1 } },
    { type: 'vehicleSignals', value: 0b1_0001 },
    { type: 'ioStatus', value: 0b10 },
    { type: 'analog', value: { ad0: 1200, ad1: 3300 } },
    { type: 'signal', value: 25 },
    { type: 'satellites', value: 12 },
    { type: 'raw', id: 0xe1, value: Uint8Array.of(1, 2, 3) },
  ];

  test('every standard item round-trips with its id, length and scaling', () => {
    const { body } = roundTrip({ ...base, extras: standard });
    assert.equal(
      body.slice(56),
      [
        '0104' + '0001e240',
        '0202' + '0325',
        '0302' + '0264',
        '0402' + '0003',
        '0504' + '2021ffff',
        '0602' + '8012',
        '1101' + '00',
        '1105' + '040000004d',
        '1206' + '010000000901',
        '1307' + '000000050258' + '01',
        '2504' + '00000011',
        '2a02' + '0002',
        '2b04' + '0ce404b0',
        '3001' + '19',
        '3101' + '0c',
        'e103' + '010203',
      ].join(''),
    );
  });

  test('unknown ids and known ids of an unexpected length are kept raw and skipped by length', () => {
    const { decoded } = roundTrip({
      ...base,
      extras: [
        { type: 'raw', id: 0x01, value: Uint8Array.of(0, 1) },
        { type: 'raw', id: 0x99, value: new Uint8Array(200) },
        { type: 'satellites', value: 9 },
      ],
    });
    assert.deepEqual(decoded.extras.at(-1), { type: 'satellites', value: 9 });
  });

  test('0x25 and 0x2A bits count from the least significant bit (not EMQX’s MSB-first reading)', () => {
    assert.deepEqual(vehicleSignalNames(0x00000001), ['lowBeam']);
    assert.deepEqual(vehicleSignalNames(0x00000011), ['lowBeam', 'brake']);
    assert.deepEqual(vehicleSignalNames(0x80000000), []);
    assert.equal(VEHICLE_SIGNAL_BITS[14], 'clutch');
    assert.deepEqual(describeIoStatus(0x0001), { deepSleep: true, sleep: false });
    assert.deepEqual(describeIoStatus(0x8000), { deepSleep: false, sleep: false });
  });

  test('a truncated item: strict refuses, lenient keeps the items before it', () => {
    const content = encodeContent({
      header,
      message: { kind: 'location', ...base, extras: [{ type: 'satellites', value: 9 }] },
    });
    // Declare 5 bytes for the last item (31 05 09) and fix length and checksum around it.
    const broken = Uint8Array.of(...content.subarray(0, -1));
    broken[broken.length - 2] = 0x05;
    const withChecksum = Uint8Array.of(
      ...broken,
      broken.reduce((x, b) => x ^ b, 0),
    );
    assert.equal(decodeFrame(withChecksum).ok, false);
    const lenient = decodeFrame(withChecksum, { strict: false });
    assert.ok(lenient.ok);
    assert.deepEqual((lenient.packet.message as LocationReport).extras, []);
  });
});
