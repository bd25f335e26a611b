import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { bytesEqual, toHex } from './bytes.ts';
import { decodeFrame, encodeContent, type Packet } from './codec.ts';
import type { Edition } from './context.ts';
import { Framer } from './frame.ts';
import type { Header } from './header.ts';
import { contentOf, GOLDEN, YZH } from './jt808.fixtures.ts';
import type { LocationExtra } from './messages/extras.ts';
import { MESSAGE_IDS, type Message } from './messages/index.ts';
import type { Location } from './messages/location.ts';
import { PARAMETER_TYPES, type Parameter } from './messages/parameters.ts';

/** fc.record builds null-prototype objects; decoded messages are plain objects. */
const rec = <T extends object>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> =>
  fc.record(model).map((r) => ({ ...r }) as T);
const u8 = fc.integer({ min: 0, max: 0xff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const bytes = (maxLength: number) => fc.uint8Array({ maxLength });
const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });

/** Text GBK can carry: ASCII without NUL and a few common hanzi; no leading/trailing padding. */
const textChar = fc.constantFrom(...'ABCxyz019-_.;@#/测试苏京沪粤汉字路段超速请减速车'.split(''));
const text = (maxChars: number) => fc.string({ unit: textChar, maxLength: maxChars });
/** Fits a fixed field of `width` bytes (each char at most 2 bytes). */
const fixedText = (width: number) => text(Math.floor(width / 2));

const time = fc.oneof(
  fc.constant(null),
  fc
    .date({
      min: new Date('2000-01-01T00:00:00+08:00'),
      max: new Date('2099-12-31T23:59:59+08:00'),
      noInvalidDate: true,
    })
    .map((d) => `${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`),
);
const tenths = (max: number) => fc.integer({ min: 0, max }).map((v) => v / 10);

const KNOWN_EXTRA_IDS = new Set([1, 2, 3, 4, 5, 6, 0x11, 0x12, 0x13, 0x25, 0x2a, 0x2b, 0x30, 0x31]);
const extra: fc.Arbitrary<LocationExtra> = fc.oneof(
  tenths(0xffffffff).map((value) => ({ type: 'mileage' as const, value })),
  tenths(0xffff).map((value) => ({ type: 'fuel' as const, value })),
  tenths(0xffff).map((value) => ({ type: 'recorderSpeed' as const, value })),
  u16.map((value) => ({ type: 'alarmEventId' as const, value })),
  fc.array(u8, { maxLength: 30 }).map((value) => ({ type: 'tirePressure' as const, value })),
  fc.integer({ min: -0x7fff, max: 0x7fff }).map((value) => ({ type: 'carriageTemperature' as const, value })),
  u8.map((locationType) => ({ type: 'overspeed' as const, value: { locationType } })),
  rec({ locationType: u8, areaId: u32 }).map((value) => ({ type: 'overspeed' as const, value })),
  rec({ locationType: u8, areaId: u32, direction: u8 }).map((value) => ({
    type: 'areaAlarm' as const,
    value,
  })),
  rec({ sectionId: u32, driveTime: u16, result: u8 }).map((value) => ({
    type: 'routeDriveTime' as const,
    value,
  })),
  u32.map((value) => ({ type: 'vehicleSignals' as const, value })),
  u16.map((value) => ({ type: 'ioStatus' as const, value })),
  rec({ ad0: u16, ad1: u16 }).map((value) => ({ type: 'analog' as const, value })),
  u8.map((value) => ({ type: 'signal' as const, value })),
  u8.map((value) => ({ type: 'satellites' as const, value })),
  rec({ id: u8.filter((id) => !KNOWN_EXTRA_IDS.has(id)), value: bytes(20) }).map(({ id, value }) => ({
    type: 'raw' as const,
    id,
    value,
  })),
);

const location: fc.Arbitrary<Location> = rec({
  alarm: u32,
  status: u32,
  latRaw: fc.integer({ min: 0, max: 90_000_000 }),
  lonRaw: fc.integer({ min: 0, max: 180_000_000 }),
  altitude: fc.integer({ min: -0x8000, max: 0x7fff }),
  speed: tenths(0xffff),
  direction: fc.integer({ min: 0, max: 359 }),
  time,
  extras: fc.array(extra, { maxLength: 4 }),
}).map(({ latRaw, lonRaw, ...rest }) => ({
  ...rest,
  lat: rest.status & 4 ? -latRaw / 1e6 : latRaw / 1e6,
  lon: rest.status & 8 ? -lonRaw / 1e6 : lonRaw / 1e6,
}));

const NUMERIC_IDS = [...PARAMETER_TYPES].filter(([, t]) => t !== 'string');
const STRING_IDS = [...PARAMETER_TYPES].filter(([, t]) => t === 'string').map(([id]) => id);
const MAX = { byte: 0xff, word: 0xffff, dword: 0xffffffff } as const;
const parameter: fc.Arbitrary<Parameter> = fc.oneof(
  fc
    .constantFrom(...NUMERIC_IDS)
    .chain(([id, type]) =>
      fc.integer({ min: 0, max: MAX[type as keyof typeof MAX] }).map((value) => ({ id, value })),
    ),
  rec({ id: fc.constantFrom(...STRING_IDS), value: text(20) }),
  rec({ id: u32.filter((id) => !PARAMETER_TYPES.has(id)), value: bytes(16) }),
);

function messageFor(version: Edition): fc.Arbitrary<Exclude<Message, { kind: 'raw' }>> {
  const wide = version === '2019';
  const register = (edition: '2011' | '2013' | '2019') =>
    rec({
      kind: fc.constant('register' as const),
      edition: fc.constant(edition),
      province: u16,
      city: u16,
      manufacturer: fixedText(edition === '2019' ? 11 : 5),
      model: fixedText(edition === '2019' ? 30 : edition === '2013' ? 20 : 8),
      terminalId: fixedText(edition === '2019' ? 30 : 7),
      plateColor: u8,
      plate: text(edition === '2011' ? 5 : 10),
    });
  const response = <K extends 'terminalResponse' | 'platformResponse'>(kind: K) =>
    rec({ kind: fc.constant(kind), replySerial: u16, replyId: u16, result: u8 });
  const fragments = <K extends 'terminalFragmentRequest' | 'platformFragmentRequest'>(kind: K) =>
    rec({ kind: fc.constant(kind), originalSerial: u16, packetIds: fc.array(u16, { maxLength: 40 }) });
  const empty = <K extends Message['kind']>(kind: K) => fc.constant({ kind });
  return fc.oneof(
    response('terminalResponse'),
    response('platformResponse'),
    empty('heartbeat'),
    empty('logout'),
    empty('queryServerTime'),
    empty('queryAllParameters'),
    empty('queryAttributes'),
    empty('locationQuery'),
    empty('linkCheck'),
    fragments('terminalFragmentRequest'),
    fragments('platformFragmentRequest'),
    rec({
      kind: fc.constant('serverTime' as const),
      time: time.map((t) => (t === null ? null : t.replace('+08:00', 'Z'))),
    }),
    wide ? register('2019') : fc.oneof(register('2011'), register('2013')),
    rec({ replySerial: u16, result: u8, authCode: text(20) }).map(({ result, authCode, ...rest }) =>
      result === 0
        ? { kind: 'registerResponse' as const, ...rest, result, authCode }
        : { kind: 'registerResponse' as const, ...rest, result },
    ),
    wide
      ? rec({
          kind: fc.constant('authenticate' as const),
          authCode: text(30),
          imei: fixedText(15),
          softwareVersion: fixedText(20),
        })
      : rec({ kind: fc.constant('authenticate' as const), authCode: text(30) }),
    rec({
      kind: fc.constant('parameters' as const),
      replySerial: u16,
      params: fc.array(parameter, { maxLength: 10 }),
    }),
    rec({
      kind: fc.constant('setParameters' as const),
      params: fc.array(parameter, { maxLength: 10 }),
    }),
    rec({ kind: fc.constant('queryParameters' as const), ids: fc.array(u32, { maxLength: 30 }) }),
    rec({
      kind: fc.constant('attributes' as const),
      terminalType: u16,
      manufacturer: fixedText(5),
      model: fixedText(wide ? 30 : 20),
      terminalId: fixedText(wide ? 30 : 7),
      iccid: digits(20),
      hardwareVersion: text(20),
      firmwareVersion: text(20),
      gnssAttributes: u8,
      commAttributes: u8,
    }),
    location.map((l) => ({ kind: 'location' as const, ...l })),
    rec({ kind: fc.constant('locationQueryResponse' as const), replySerial: u16, location }),
    rec({
      kind: fc.constant('locationBatch' as const),
      batchType: u8,
      items: fc.array(location, { maxLength: 3 }),
    }),
    rec({ kind: fc.constant('uplinkPassThrough' as const), type: u8, data: bytes(100) }),
    rec({ kind: fc.constant('downlinkPassThrough' as const), type: u8, data: bytes(100) }),
    rec({ kind: fc.constant('terminalControl' as const), command: u8 }),
    rec({
      kind: fc.constant('terminalControl' as const),
      command: u8,
      params: text(40).filter((t) => t.length > 0),
    }),
    rec({ kind: fc.constant('tracking' as const), interval: u16, validity: u32 }),
    rec({ kind: fc.constant('alarmConfirm' as const), alarmSerial: u16, alarmType: u32 }),
    wide
      ? rec({ kind: fc.constant('text' as const), flags: u8, textType: u8, text: text(200) })
      : rec({ kind: fc.constant('text' as const), flags: u8, text: text(200) }),
  );
}

const packetArb: fc.Arbitrary<Packet> = fc.constantFrom<Edition>('2013', '2019').chain((version) =>
  rec({
    message: messageFor(version),
    phone: digits(version === '2019' ? 20 : 12),
    serial: u16,
    protocolVersion: u8,
    reserved: fc.boolean(),
  }).map(({ message, phone, serial, protocolVersion, reserved }) => {
    const header: Header = {
      msgId: MESSAGE_IDS[message.kind],
      version,
      phone,
      serial,
      encryption: 0,
      reserved,
    };
    if (version === '2019') header.protocolVersion = protocolVersion;
    return { header, message };
  }),
);

const valid = [
  ...Object.values(GOLDEN).filter((h) => h !== GOLDEN.m8300_trcImei),
  ...YZH.map((f) => f.hex),
].map(contentOf);

/** Decoded output stays proportional to the input: no allocation driven by a declared count. */
function assertBounded(input: Uint8Array, result: ReturnType<typeof decodeFrame>): void {
  const size = JSON.stringify(result, (_, v) => (v instanceof Uint8Array ? toHex(v) : v)).length;
  assert.ok(size < 400 + 60 * input.length, `${size} characters of output for ${input.length} bytes`);
}

describe('property: random valid messages', () => {
  test('encode → decode (strict) → encode is byte-identical, for every message kind and both editions', () => {
    fc.assert(
      fc.property(packetArb, (packet) => {
        const content = encodeContent(packet);
        const result = decodeFrame(content);
        if (!result.ok) assert.fail(`${result.error.code}: ${result.error.message}`);
        assert.deepEqual(result.packet, packet);
        assert.ok(bytesEqual(encodeContent(result.packet), content));
      }),
      { numRuns: 2000 },
    );
  });

  test("timeAs 'epoch-ms' decodes location times to Date.parse of the ISO times, and re-encodes the same bytes", () => {
    const epochOf = (l: Location): Location => ({
      ...l,
      time: typeof l.time === 'string' ? Date.parse(l.time) : l.time,
    });
    const withEpochTimes = (m: Message): Message =>
      m.kind === 'location'
        ? { ...m, ...epochOf(m) }
        : m.kind === 'locationQueryResponse'
          ? { ...m, location: epochOf(m.location) }
          : m.kind === 'locationBatch'
            ? { ...m, items: m.items.map(epochOf) }
            : m;
    fc.assert(
      fc.property(packetArb, (packet) => {
        const content = encodeContent(packet);
        const result = decodeFrame(content, { timeAs: 'epoch-ms' });
        if (!result.ok) assert.fail(`${result.error.code}: ${result.error.message}`);
        assert.deepEqual(result.packet, { ...packet, message: withEpochTimes(packet.message) });
        assert.ok(bytesEqual(encodeContent(result.packet), content));
      }),
      { numRuns: 2000 },
    );
  });

  test('through the framer, split anywhere', () => {
    fc.assert(
      fc.property(fc.array(packetArb, { minLength: 1, maxLength: 4 }), fc.nat(), (packets, seed) => {
        const contents = packets.map(encodeContent);
        const stream = Uint8Array.from(contents.flatMap((c) => [...escapeOf(c)]));
        const cut = seed % (stream.length + 1);
        const framer = new Framer();
        const seen: Uint8Array[] = [];
        for (const chunk of [stream.subarray(0, cut), stream.subarray(cut)])
          framer.push(chunk, (e) => {
            if (e.type === 'frame') seen.push(e.frame.slice());
          });
        assert.deepEqual(seen.map(toHex), contents.map(toHex));
      }),
      { numRuns: 300 },
    );
  });
});

function escapeOf(content: Uint8Array): Uint8Array {
  const out: number[] = [0x7e];
  for (const b of content) {
    if (b === 0x7e) out.push(0x7d, 0x02);
    else if (b === 0x7d) out.push(0x7d, 0x01);
    else out.push(b);
  }
  out.push(0x7e);
  return Uint8Array.from(out);
}

describe('property: garbage and corrupted frames', () => {
  test('random bytes never throw, in either mode, and decode to bounded output', () => {
    fc.assert(
      fc.property(bytes(300), fc.boolean(), fc.constantFrom('iso', 'epoch-ms'), (input, strict, timeAs) => {
        const result = decodeFrame(input, { strict, timeAs });
        assertBounded(input, result);
        if (result.ok && strict) assert.ok(bytesEqual(encodeContent(result.packet), input));
      }),
      { numRuns: 3000 },
    );
  });

  test('corrupted golden and corpus frames never throw; whatever strict mode accepts re-encodes exactly', () => {
    const mutation = fc.record({
      frame: fc.constantFrom(...valid),
      edits: fc.array(fc.record({ at: fc.nat(), value: u8, op: fc.constantFrom('set', 'cut', 'insert') }), {
        minLength: 1,
        maxLength: 4,
      }),
      fixChecksum: fc.boolean(),
      strict: fc.boolean(),
    });
    fc.assert(
      fc.property(mutation, ({ frame, edits, fixChecksum, strict }) => {
        const b = [...frame];
        for (const { at, value, op } of edits) {
          const i = at % (b.length + 1);
          if (op === 'set' && i < b.length) b[i] = value;
          else if (op === 'cut') b.splice(i, 1);
          else b.splice(i, 0, value);
        }
        if (fixChecksum && b.length > 1) b[b.length - 1] = b.slice(0, -1).reduce((x, v) => x ^ v, 0);
        const input = Uint8Array.from(b);
        const result = decodeFrame(input, { strict });
        assertBounded(input, result);
        if (!result.ok) assert.notEqual(result.error.code, 'internal', result.error.message);
        if (result.ok && strict) assert.ok(bytesEqual(encodeContent(result.packet), input));
      }),
      { numRuns: 5000 },
    );
  });
});
