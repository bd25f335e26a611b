// fast-check generators of valid messages in the form the decoder returns them: scaled values
// derived from raw field values, "not available" as undefined, text in the six-bit set without
// '@' or trailing spaces.
import fc from 'fast-check';
import type {
  AddressedBinary,
  AidToNavigationReport,
  AisMessage,
  BaseStationReport,
  BroadcastBinary,
  ClassBExtendedReport,
  ClassBPositionReport,
  LongRangeReport,
  PositionReport,
  SarAircraftReport,
  StaticDataPartA,
  StaticDataPartB,
  StaticVoyageData,
} from '../messages/types.ts';

/** Records with an ordinary prototype, comparable with the decoder's object literals. */
const record = <T>(shape: { [K in keyof T]: fc.Arbitrary<T[K]> }) =>
  fc.record(shape, { noNullPrototype: true });

const uint = (bits: number) => fc.integer({ min: 0, max: 2 ** bits - 1 });
const int = (bits: number) => fc.integer({ min: -(2 ** (bits - 1)), max: 2 ** (bits - 1) - 1 });
/** A raw value, or undefined standing for the field's not-available code. */
const raw = (values: fc.Arbitrary<number>, na: number) =>
  fc.option(
    values.filter((v) => v !== na),
    { nil: undefined, freq: 8 },
  );
const scaled = (values: fc.Arbitrary<number>, na: number, divisor: number) =>
  raw(values, na).map((v) => (v === undefined ? undefined : v / divisor));

const SIXBIT_CHARS = Array.from({ length: 64 }, (_, v) => String.fromCharCode(v < 32 ? v + 64 : v)).filter(
  (c) => c !== '@',
);

/** Six-bit text of at most `chars` characters, canonical (no '@', no trailing spaces). */
export const sixbitText = (chars: number) =>
  fc
    .array(fc.constantFrom(...SIXBIT_CHARS), { maxLength: chars })
    .map((cs) => cs.join('').replace(/ +$/, ''));

const header = { repeat: uint(2), mmsi: uint(30) };
const lon = scaled(int(28), 181 * 600_000, 600_000);
const lat = scaled(int(27), 91 * 600_000, 600_000);
const speed = scaled(uint(10), 1023, 10);
const course = scaled(uint(12), 3600, 10);
const heading = raw(uint(9), 511);

function rateOfTurn(rot: number): number | undefined {
  if (rot === -128 || rot === 127 || rot === -127) return undefined;
  const root = rot / 4.733;
  return rot < 0 ? -(root * root) : root * root;
}

const positionReport: fc.Arbitrary<PositionReport> = fc
  .record({
    type: fc.constantFrom(1 as const, 2 as const, 3 as const),
    ...header,
    status: uint(4),
    rot: int(8),
    speed,
    accuracy: fc.boolean(),
    lon,
    lat,
    course,
    heading,
    second: uint(6),
    maneuver: uint(2),
    raim: fc.boolean(),
    radio: uint(19),
  })
  .map((m) => ({ ...m, rateOfTurn: rateOfTurn(m.rot) }));

const baseStationReport: fc.Arbitrary<BaseStationReport> = record({
  type: fc.constantFrom(4 as const, 11 as const),
  ...header,
  year: raw(uint(14), 0),
  month: raw(uint(4), 0),
  day: raw(uint(5), 0),
  hour: raw(uint(5), 24),
  minute: raw(uint(6), 60),
  second: raw(uint(6), 60),
  accuracy: fc.boolean(),
  lon,
  lat,
  epfd: uint(4),
  raim: fc.boolean(),
  radio: uint(19),
});

const dimensions = { toBow: uint(9), toStern: uint(9), toPort: uint(6), toStarboard: uint(6) };

const staticVoyageData: fc.Arbitrary<StaticVoyageData> = record({
  type: fc.constant(5 as const),
  ...header,
  aisVersion: uint(2),
  imoNumber: uint(30),
  callSign: sixbitText(7),
  shipName: sixbitText(20),
  shipType: uint(8),
  ...dimensions,
  epfd: uint(4),
  etaMonth: raw(uint(4), 0),
  etaDay: raw(uint(5), 0),
  etaHour: raw(uint(5), 24),
  etaMinute: raw(uint(6), 60),
  draught: uint(8).map((v) => v / 10),
  destination: sixbitText(20),
  dte: fc.boolean(),
});

/** Application payload as the decoder reports it: hex with zero padding bits. */
const payload = (maxBits: number) =>
  fc.array(fc.integer({ min: 0, max: 1 }), { maxLength: maxBits }).map((bits) => {
    let data = '';
    for (let i = 0; i < bits.length; i += 8) {
      let byte = 0;
      for (let j = 0; j < 8; j++) byte = byte * 2 + (bits[i + j] ?? 0);
      data += byte.toString(16).padStart(2, '0');
    }
    return { data, dataBits: bits.length };
  });

/** DAC/FI pairs gpsd 3.22 decodes into application fields, which this package leaves raw. */
export function gpsdDecodesApplication(type: 6 | 8, dac: number, fid: number): boolean {
  if (dac === 1) return type === 6 ? [12, 14, 15, 16, 18, 20, 25, 28, 30, 32].includes(fid) : true;
  return dac === 200 || dac === 235 || dac === 250;
}

const addressedBinary: fc.Arbitrary<AddressedBinary> = fc
  .record({
    type: fc.constant(6 as const),
    ...header,
    sequence: uint(2),
    destMmsi: uint(30),
    retransmit: fc.boolean(),
    dac: uint(10),
    fid: uint(6),
    payload: payload(920),
  })
  .map(({ payload: p, ...m }) => ({ ...m, ...p }));

const broadcastBinary: fc.Arbitrary<BroadcastBinary> = fc
  .record({ type: fc.constant(8 as const), ...header, dac: uint(10), fid: uint(6), payload: payload(952) })
  .map(({ payload: p, ...m }) => ({ ...m, ...p }));

const sarAircraftReport: fc.Arbitrary<SarAircraftReport> = record({
  type: fc.constant(9 as const),
  ...header,
  altitude: raw(uint(12), 4095),
  speed: raw(uint(10), 1023),
  accuracy: fc.boolean(),
  lon,
  lat,
  course,
  second: uint(6),
  regional: uint(8),
  dte: fc.boolean(),
  assigned: fc.boolean(),
  raim: fc.boolean(),
  radio: uint(20),
});

const classB = {
  ...header,
  reserved: uint(8),
  speed,
  accuracy: fc.boolean(),
  lon,
  lat,
  course,
  heading,
  second: uint(6),
};

const classBPositionReport: fc.Arbitrary<ClassBPositionReport> = record({
  type: fc.constant(18 as const),
  ...classB,
  regional: uint(2),
  cs: fc.boolean(),
  display: fc.boolean(),
  dsc: fc.boolean(),
  band: fc.boolean(),
  msg22: fc.boolean(),
  assigned: fc.boolean(),
  raim: fc.boolean(),
  radio: uint(20),
});

const classBExtendedReport: fc.Arbitrary<ClassBExtendedReport> = record({
  type: fc.constant(19 as const),
  ...classB,
  regional: uint(4),
  shipName: sixbitText(20),
  shipType: uint(8),
  ...dimensions,
  epfd: uint(4),
  raim: fc.boolean(),
  dte: fc.boolean(),
  assigned: fc.boolean(),
});

/** Up to 20 characters, or exactly 20 (not ending in a space) and an extension of up to 14. */
const aidName = fc.oneof(
  sixbitText(20),
  fc
    .tuple(sixbitText(19), fc.constantFrom(...SIXBIT_CHARS.filter((c) => c !== ' ')), sixbitText(14))
    .map(([head, last, extension]) => head.padEnd(19, ' ') + last + extension),
);

const aidToNavigationReport: fc.Arbitrary<AidToNavigationReport> = record({
  type: fc.constant(21 as const),
  ...header,
  aidType: uint(5),
  name: aidName,
  accuracy: fc.boolean(),
  lon,
  lat,
  ...dimensions,
  epfd: uint(4),
  second: uint(6),
  offPosition: fc.boolean(),
  regional: uint(8),
  raim: fc.boolean(),
  virtualAid: fc.boolean(),
  assigned: fc.boolean(),
});

const staticDataPartA: fc.Arbitrary<StaticDataPartA> = record({
  type: fc.constant(24 as const),
  ...header,
  part: fc.constant('A' as const),
  shipName: sixbitText(20),
});

const auxiliaryMmsi = fc.integer({ min: 980_000_000, max: 989_999_999 });

const staticDataPartB: fc.Arbitrary<StaticDataPartB> = fc
  .record({
    type: fc.constant(24 as const),
    repeat: uint(2),
    mmsi: fc.oneof(uint(30), auxiliaryMmsi),
    part: fc.constant('B' as const),
    shipType: uint(8),
    vendorId: sixbitText(3),
    model: uint(4),
    serial: uint(20),
    callSign: sixbitText(7),
    dims: record(dimensions),
    mothershipMmsi: uint(30),
  })
  .map(({ dims, mothershipMmsi, ...m }) =>
    Math.floor(m.mmsi / 10_000_000) === 98
      ? {
          ...m,
          toBow: undefined,
          toStern: undefined,
          toPort: undefined,
          toStarboard: undefined,
          mothershipMmsi,
        }
      : { ...m, ...dims, mothershipMmsi: undefined },
  );

const longRangeReport: fc.Arbitrary<LongRangeReport> = record({
  type: fc.constant(27 as const),
  ...header,
  accuracy: fc.boolean(),
  raim: fc.boolean(),
  status: uint(4),
  lon: scaled(int(18), 181 * 600, 600),
  lat: scaled(int(17), 91 * 600, 600),
  speed: raw(uint(6), 63),
  course: raw(uint(9), 511),
  positionLatency: fc.boolean(),
});

export const MESSAGE_ARBITRARIES = {
  positionReport,
  baseStationReport,
  staticVoyageData,
  addressedBinary,
  broadcastBinary,
  sarAircraftReport,
  classBPositionReport,
  classBExtendedReport,
  aidToNavigationReport,
  staticDataPartA,
  staticDataPartB,
  longRangeReport,
} as const;

export const anyMessage: fc.Arbitrary<AisMessage> = fc.oneof(...Object.values(MESSAGE_ARBITRARIES));
