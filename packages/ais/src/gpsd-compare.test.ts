// Our --gpsd rendering next to the real gpsdecode (Debian gpsd-clients; npm test installs it) on
// one corpus: the golden sentences, every value of every coded or special field, and a generated
// feed. Zero differences, scaled and unscaled; a missing gpsdecode fails the test.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AisDecoder } from './decoder.ts';
import { GpsdSession } from './gpsd.ts';
import type {
  AidToNavigationReport,
  AisMessage,
  BaseStationReport,
  ClassBPositionReport,
  LongRangeReport,
  PositionReport,
  SarAircraftReport,
  StaticDataPartA,
  StaticDataPartB,
  StaticVoyageData,
} from './messages/types.ts';
import { generateCorpus } from './testing/corpus.ts';
import { encodeSentences } from './testing/encoder.ts';
import { GOLDEN_LINES } from './testing/fixtures.ts';

const GPSDECODE = '/usr/bin/gpsdecode';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const POSITION: PositionReport = {
  type: 1,
  repeat: 0,
  mmsi: 412000001,
  status: 0,
  rot: 0,
  rateOfTurn: 0,
  speed: 10,
  accuracy: true,
  lon: 121.5,
  lat: 31.2,
  course: 90,
  heading: 90,
  second: 30,
  maneuver: 0,
  raim: false,
  radio: 0,
};

const STATION: BaseStationReport = {
  type: 4,
  repeat: 0,
  mmsi: 4130001,
  year: 2026,
  month: 8,
  day: 21,
  hour: 23,
  minute: 59,
  second: 59,
  accuracy: true,
  lon: 121.5,
  lat: 31.2,
  epfd: 7,
  raim: false,
  radio: 0,
};

const VOYAGE: StaticVoyageData = {
  type: 5,
  repeat: 0,
  mmsi: 413000002,
  aisVersion: 1,
  imoNumber: 9_000_001,
  callSign: 'BQAB',
  shipName: 'ZHONG YUAN 1',
  shipType: 70,
  toBow: 100,
  toStern: 20,
  toPort: 10,
  toStarboard: 10,
  epfd: 1,
  etaMonth: 12,
  etaDay: 31,
  etaHour: 23,
  etaMinute: 59,
  draught: 9.9,
  destination: 'SHANGHAI',
  dte: false,
};

const SAR: SarAircraftReport = {
  type: 9,
  repeat: 0,
  mmsi: 111413001,
  altitude: 300,
  speed: 120,
  accuracy: false,
  lon: 121,
  lat: 31,
  course: 180,
  second: 10,
  regional: 0,
  dte: false,
  assigned: false,
  raim: false,
  radio: 0,
};

const CLASS_B: ClassBPositionReport = {
  type: 18,
  repeat: 0,
  mmsi: 413000003,
  reserved: 0,
  speed: 5,
  accuracy: false,
  lon: 120,
  lat: 30,
  course: 45,
  heading: undefined,
  second: 5,
  regional: 0,
  cs: true,
  display: false,
  dsc: true,
  band: true,
  msg22: true,
  assigned: false,
  raim: true,
  radio: 0,
};

const AID: AidToNavigationReport = {
  type: 21,
  repeat: 0,
  mmsi: 994130001,
  aidType: 0,
  name: 'YANGSHAN NO 1 BUOY',
  accuracy: true,
  lon: 122,
  lat: 30.6,
  toBow: 1,
  toStern: 1,
  toPort: 1,
  toStarboard: 1,
  epfd: 7,
  second: 60,
  offPosition: false,
  regional: 0,
  raim: false,
  virtualAid: false,
  assigned: false,
};

const LONG_RANGE: LongRangeReport = {
  type: 27,
  repeat: 0,
  mmsi: 413000004,
  accuracy: false,
  raim: false,
  status: 0,
  lon: 121.5,
  lat: 31.25,
  speed: 12,
  course: 90,
  positionLatency: false,
};

const PART_A: StaticDataPartA = { type: 24, repeat: 0, mmsi: 413000005, part: 'A', shipName: 'XIN HAI 7' };
const PART_B: StaticDataPartB = {
  type: 24,
  repeat: 0,
  mmsi: 413000005,
  part: 'B',
  shipType: 37,
  vendorId: 'SRT',
  model: 3,
  serial: 54321,
  callSign: 'BX7',
  toBow: 5,
  toStern: 5,
  toPort: 2,
  toStarboard: 2,
  mothershipMmsi: undefined,
};

/** Every value of the coded fields and every special value, one message each. */
function edgeMessages(): AisMessage[] {
  const tenth = (raw: number) => raw / 10;
  return [
    ...range(-128, 127).map((rot) => ({ ...POSITION, rot, rateOfTurn: turnRate(rot) })),
    ...range(0, 15).map((status) => ({ ...POSITION, status, type: 2 as const })),
    ...[0, 1, 1021, 1022].map((raw) => ({ ...POSITION, speed: tenth(raw) })),
    { ...POSITION, speed: undefined, course: undefined, heading: undefined, lon: undefined, lat: undefined },
    ...[0, 3599, 3601, 4095].map((raw) => ({ ...POSITION, type: 3 as const, course: tenth(raw) })),
    ...[0, 359, 360, 510].map((heading) => ({ ...POSITION, heading })),
    ...[-1, 1, -(2 ** 27), 2 ** 27 - 1, 180 * 600_000, -180 * 600_000].map((raw) => ({
      ...POSITION,
      lon: raw / 600_000,
      lat: Math.max(-(2 ** 26), Math.min(2 ** 26 - 1, raw)) / 600_000,
    })),
    ...range(0, 15).map((epfd) => ({ ...STATION, epfd, type: epfd % 2 ? (11 as const) : (4 as const) })),
    {
      ...STATION,
      year: undefined,
      month: undefined,
      day: undefined,
      hour: undefined,
      minute: undefined,
      second: undefined,
    },
    { ...STATION, year: 16383, month: 15, day: 31, hour: 31, minute: 63, second: 63 },
    ...range(0, 255).map((shipType) => ({ ...VOYAGE, shipType, epfd: shipType % 16 })),
    { ...VOYAGE, etaMonth: undefined, etaDay: undefined, etaHour: undefined, etaMinute: undefined },
    { ...VOYAGE, callSign: 'A"B\\C', shipName: '  LEADING SPACES', destination: '?;:<=>!' },
    ...[0, 4093, 4094].map((altitude) => ({ ...SAR, altitude })),
    { ...SAR, altitude: undefined, speed: undefined, course: undefined },
    ...[1021, 1022].map((speed) => ({ ...SAR, speed })),
    ...[0, 1022].map((raw) => ({ ...CLASS_B, speed: tenth(raw) })),
    { ...CLASS_B, speed: undefined, heading: 511 - 1, lon: undefined, lat: undefined },
    ...range(0, 31).map((aidType) => ({ ...AID, aidType })),
    { ...AID, name: 'TWENTY CHARACTERS NA', epfd: 15 },
    { ...AID, name: 'TWENTY CHARACTERS NAMEXTENSION 14' },
    ...range(0, 15).map((status) => ({ ...LONG_RANGE, status })),
    // Exact halves of a tenth of a degree: glibc rounds them to even.
    ...[41550, 41610, 30135, -92521, -69407, 150, -150, 30, -30].map((raw) => ({
      ...LONG_RANGE,
      lon: raw / 600,
      lat: Math.trunc(raw / 2) / 600,
    })),
    { ...LONG_RANGE, lon: undefined, lat: undefined, speed: undefined, course: undefined },
  ];
}

function turnRate(rot: number): number | undefined {
  if (rot === -128 || rot === 127 || rot === -127) return undefined;
  const root = rot / 4.733;
  return rot < 0 ? -(root * root) : root * root;
}

/** Type 24 on the channels gpsd reads and does not read, paired and not. */
function staticDataLines(): string[] {
  const pair = (mmsi: number, a: string, b: string) => [
    ...encodeSentences({ ...PART_A, mmsi }, { channel: a }),
    ...encodeSentences({ ...PART_B, mmsi }, { channel: b }),
  ];
  const auxiliary: StaticDataPartB = {
    ...PART_B,
    mmsi: 984130001,
    toBow: undefined,
    toStern: undefined,
    toPort: undefined,
    toStarboard: undefined,
    mothershipMmsi: 413000005,
  };
  return [
    ...pair(413000010, 'A', 'A'),
    ...pair(413000011, 'A', '1'),
    ...pair(413000012, 'B', '2'),
    ...pair(413000013, 'A', 'B'),
    ...pair(413000014, 'C', 'C'),
    ...encodeSentences({ ...PART_A, mmsi: 984130001 }),
    ...encodeSentences(auxiliary),
    ...encodeSentences({ ...PART_B, mmsi: 413000015 }),
    ...encodeSentences({ ...PART_B, mmsi: 413000016, vendorId: 'AB', model: 15, serial: 1_048_575 }),
  ];
}

function corpus(): string[] {
  const generated: string[] = [];
  generateCorpus({ sentences: 20_000, seed: 7, perKind: 500 }, (text) => generated.push(text));
  const channels = ['A', 'B', '1', '2', 'C'];
  return [
    ...GOLDEN_LINES,
    ...edgeMessages().flatMap((m, i) => encodeSentences(m, { channel: channels[i % 5], sequenceId: i % 10 })),
    ...staticDataLines(),
    ...generated.join('').trimEnd().split('\n'),
  ];
}

function gpsdecode(file: string, unscaled: boolean): string[] {
  const args = unscaled ? ['-u', '-j'] : ['-j'];
  const stdin = openSync(file, 'r');
  try {
    const result = spawnSync(GPSDECODE, args, {
      stdio: [stdin, 'pipe', 'pipe'],
      encoding: 'latin1',
      maxBuffer: 1 << 30,
    });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout.split('\r\n').slice(0, -1);
  } finally {
    closeSync(stdin);
  }
}

function ours(lines: readonly string[], unscaled: boolean): string[] {
  const decoder = new AisDecoder({ requireChecksum: false, clock: () => 0 });
  const session = new GpsdSession({ scaled: !unscaled });
  const out: string[] = [];
  for (const line of lines) {
    const result = decoder.decode(line);
    const json = result?.ok ? session.render(result) : undefined;
    if (json !== undefined) out.push(json);
  }
  return out;
}

/** Differences as "line n: field: ours ≠ gpsd", comparing parsed objects field by field. */
function differences(mine: readonly string[], theirs: readonly string[]): string[] {
  const found: string[] = [];
  if (mine.length !== theirs.length) found.push(`${mine.length} objects, gpsdecode printed ${theirs.length}`);
  for (let i = 0; i < Math.min(mine.length, theirs.length); i++) {
    if (mine[i] === theirs[i]) continue;
    const a = JSON.parse(mine[i]!) as Record<string, unknown>;
    const b = JSON.parse(theirs[i]!) as Record<string, unknown>;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    const fields = [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
    const detail = fields.map((k) => `${k}: ${JSON.stringify(a[k])} ≠ ${JSON.stringify(b[k])}`).join(', ');
    found.push(`object ${i + 1} (type ${b.type}, mmsi ${b.mmsi}): ${detail || 'same fields, other text'}`);
  }
  return found;
}

describe('--gpsd output against gpsdecode', () => {
  let dir: string;
  let file: string;
  let lines: string[];

  before(() => {
    assert.ok(
      existsSync(GPSDECODE),
      `${GPSDECODE} is missing: install Debian's gpsd-clients (npm test does so when run as root)`,
    );
    dir = mkdtempSync(join(tmpdir(), 'jtgov-gpsd-'));
    file = join(dir, 'corpus.nmea');
    lines = corpus();
    writeFileSync(file, `${lines.join('\n')}\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const unscaled of [false, true]) {
    it(`prints what gpsdecode ${unscaled ? '-u -j' : '-j'} prints, field for field`, () => {
      const theirs = gpsdecode(file, unscaled);
      assert.ok(theirs.length > 18_000, `gpsdecode printed ${theirs.length} objects`);
      const found = differences(ours(lines, unscaled), theirs);
      assert.deepEqual(found.slice(0, 20), [], `${found.length} differences`);
    });
  }
});
