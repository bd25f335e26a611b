import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bytesEqual, type Location, toHex } from '@jtgov/jt808';
import fc from 'fast-check';
import { decodeFrame, encodeContent, type Packet } from './codec.ts';
import type { EncryptionKeys } from './encryption.ts';
import type { Edition, Header } from './header.ts';
import { contentOf, GOLDEN } from './jt809.fixtures.ts';
import type { ExchangeData, PlatformAlarm, VehicleLocation } from './messages/exchange.ts';
import { MESSAGE_IDS, type Message } from './messages/index.ts';

/** fc.record builds null-prototype objects; decoded messages are plain objects. */
const rec = <T extends object>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> =>
  fc.record(model).map((r) => ({ ...r }) as T);
const u8 = fc.integer({ min: 0, max: 0xff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const textChar = fc.constantFrom(...'ABCxyz0129.-粤苏京沪'.split(''));
const fixedText = (width: number) => fc.string({ unit: textChar, maxLength: Math.floor(width / 2) });
const beijing = (d: Date) => `${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
const dates = (min: string, max: string) =>
  fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true }).map(beijing);

const gnss2011: fc.Arbitrary<VehicleLocation> = rec({
  encrypt: u8,
  time: fc.oneof(fc.constant(null), dates('1990-01-01T00:00:00Z', '2090-12-31T00:00:00Z')),
  status: u32,
  lonRaw: fc.integer({ min: 0, max: 180_000_000 }),
  latRaw: fc.integer({ min: 0, max: 90_000_000 }),
  speed: u16,
  recorderSpeed: u16,
  mileage: u32,
  direction: u16,
  altitude: fc.integer({ min: -0x8000, max: 0x7fff }),
  alarm: u32,
}).map(({ lonRaw, latRaw, ...g }) => ({
  format: '2011' as const,
  ...g,
  lon: g.status & 8 ? -lonRaw / 1e6 : lonRaw / 1e6,
  lat: g.status & 4 ? -latRaw / 1e6 : latRaw / 1e6,
}));

const location808: fc.Arbitrary<Location> = rec({
  alarm: u32,
  status: u32.map((s) => (s & ~0xc) >>> 0),
  lat: fc.integer({ min: 0, max: 90_000_000 }).map((v) => v / 1e6),
  lon: fc.integer({ min: 0, max: 180_000_000 }).map((v) => v / 1e6),
  altitude: fc.integer({ min: -0x8000, max: 0x7fff }),
  speed: fc.integer({ min: 0, max: 0xffff }).map((v) => v / 10),
  direction: fc.integer({ min: 0, max: 359 }),
  time: fc.oneof(fc.constant(null), dates('2000-01-01T00:00:00Z', '2099-01-01T00:00:00Z')),
  extras: fc.array(
    fc.oneof(
      u8.map((value) => ({ type: 'satellites' as const, value })),
      fc.integer({ min: 0, max: 0xffffffff }).map((v) => ({ type: 'mileage' as const, value: v / 10 })),
    ),
    { maxLength: 3 },
  ),
});

const platform: fc.Arbitrary<PlatformAlarm> = rec({ platformId: fixedText(11), alarm: u32 });
const gnss2019: fc.Arbitrary<VehicleLocation> = rec({
  encrypt: u8,
  location: fc.option(location808, { nil: null }),
  platforms: fc.tuple(platform, platform, platform),
}).map((g) => ({ format: '2019' as const, ...g }));

function exchange(version: Edition): fc.Arbitrary<ExchangeData> {
  const gnss = version === '2019' ? gnss2019 : gnss2011;
  const wide = version === '2019';
  return fc.oneof(
    rec({
      platformId: fixedText(11),
      producerId: fixedText(11),
      terminalModel: fixedText(wide ? 30 : 20),
      terminalId: fixedText(wide ? 30 : 7),
      simCode: fixedText(wide ? 13 : 12),
    }).chain((r) =>
      wide
        ? fixedText(15).map((imei) => ({ type: 'registration' as const, ...r, imei }))
        : fc.constant({ type: 'registration' as const, ...r }),
    ),
    gnss.map((location) => ({ type: 'realtimeLocation' as const, location })),
    fc.array(gnss, { maxLength: 5 }).map((locations) => ({ type: 'historyLocation' as const, locations })),
    rec({ dataType: fc.integer({ min: 0x1204, max: 0x12ff }), data: fc.uint8Array({ maxLength: 60 }) }).map(
      (r) => ({
        type: 'raw' as const,
        ...r,
      }),
    ),
  );
}

function warning(version: Edition): fc.Arbitrary<Exclude<Message, { kind: 'raw' }>> {
  const time = fc.integer({ min: 0, max: 2 ** 40 });
  const info = fc.string({ unit: textChar, maxLength: 30 });
  const raw = rec({
    dataType: fc.integer({ min: 0x1403, max: 0x14ff }),
    data: fc.uint8Array({ maxLength: 60 }),
  });
  if (version === '2011')
    return rec({
      vehicleNo: fixedText(21),
      vehicleColor: u8,
      data: fc.oneof(
        rec({ warnSource: u8, warnType: u16, warnTime: time, infoId: u32, info }).map((r) => ({
          type: 'alarmReport' as const,
          ...r,
        })),
        raw.map((r) => ({ type: 'raw' as const, ...r })),
      ),
    }).map((m) => ({ kind: 'warning' as const, ...m }));
  return fc
    .oneof(
      rec({
        sourcePlatformId: fixedText(11),
        warnType: u16,
        warnTime: time,
        startTime: time,
        endTime: time,
        vehicleNo: fixedText(21),
        vehicleColor: u8,
        destinationPlatformId: fixedText(11),
        lineId: u32,
        info,
      }).map((r) => ({ type: 'alarmReport' as const, ...r })),
      raw.map((r) => ({ type: 'raw' as const, ...r })),
    )
    .map((data) => ({ kind: 'warning' as const, data }));
}

function messageFor(version: Edition): fc.Arbitrary<Exclude<Message, { kind: 'raw' }>> {
  const utc = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
  const k = <K extends string>(kind: K) => fc.constant(kind);
  return fc.oneof(
    rec({
      kind: k('loginRequest'),
      userId: u32,
      password: fixedText(8),
      downLinkIp: fixedText(32),
      downLinkPort: u16,
    }).chain((m) =>
      version === '2019' ? u32.map((gnssCenterId) => ({ ...m, gnssCenterId })) : fc.constant(m),
    ),
    rec({ kind: k('loginResponse'), result: u8, verifyCode: u32 }),
    rec({ kind: k('logoutRequest'), userId: u32, password: fixedText(8) }),
    rec({ kind: k('mainLinkDisconnect'), errorCode: u8 }),
    rec({ kind: k('subordinateCloseNotice'), reasonCode: u8 }),
    rec({ kind: k('subLinkLoginRequest'), verifyCode: u32 }),
    rec({ kind: k('subLinkLoginResponse'), result: u8 }),
    rec({ kind: k('subLinkLogoutRequest'), verifyCode: u32 }),
    rec({ kind: k('subLinkDisconnect'), errorCode: u8 }),
    rec({ kind: k('superiorCloseNotice'), reasonCode: u8 }),
    fc
      .constantFrom(
        ...([
          'logoutResponse',
          'keepAlive',
          'keepAliveResponse',
          'subLinkLogoutResponse',
          'subLinkKeepAlive',
          'subLinkKeepAliveResponse',
        ] as const),
      )
      .map((kind) => ({ kind })),
    rec({ kind: k('receivedCountNotice'), total: u32, startTime: utc, endTime: utc }),
    rec({ kind: k('sentCountNotice'), total: u32, startTime: utc, endTime: utc }),
    rec({ kind: k('linkReportRequest'), platformId: fixedText(11), startTime: utc, endTime: utc }),
    rec({
      kind: k('linkReport'),
      platformId: fixedText(11),
      startTime: utc,
      endTime: utc,
      lostLocations: u32,
      disconnects: u8,
      disconnectedSeconds: u32,
    }),
    rec({ kind: k('vehicleDynamic'), vehicleNo: fixedText(21), vehicleColor: u8, data: exchange(version) }),
    warning(version),
  );
}

const keys: EncryptionKeys = { m1: 30_000_000, ia1: 20_000_000, ic1: 20_000_000 };

const packetArb: fc.Arbitrary<Packet> = fc.constantFrom<Edition>('2011', '2019').chain((version) =>
  rec({
    message: messageFor(version),
    serial: u32,
    gnssCenterId: u32,
    protocolVersion: fc.tuple(u8, u8, u8),
    encryptFlag: fc.constantFrom(0, 1),
    encryptKey: u32,
    time: fc.integer({ min: 0, max: 2 ** 40 }),
  }).map(({ message, time, ...h }) => {
    const header: Header = { msgId: MESSAGE_IDS[message.kind], version, ...h };
    if (version === '2019') header.time = time;
    return { header, message };
  }),
);

describe('property: random valid packets', () => {
  test('encode → decode (strict, keys, edition) → encode is byte-identical', () => {
    fc.assert(
      fc.property(packetArb, (packet) => {
        const content = encodeContent(packet, keys);
        const result = decodeFrame(content, { version: packet.header.version, keys });
        if (!result.ok) assert.fail(`${result.error.code}: ${result.error.message}`);
        assert.deepEqual(result.packet, packet);
        assert.ok(bytesEqual(encodeContent(result.packet, keys), content));
      }),
      { numRuns: 1500 },
    );
  });
});

function assertBounded(input: Uint8Array, result: ReturnType<typeof decodeFrame>): void {
  const size = JSON.stringify(result, (_, v) => (v instanceof Uint8Array ? toHex(v) : v)).length;
  assert.ok(size < 600 + 60 * input.length, `${size} characters of output for ${input.length} bytes`);
}

describe('property: garbage and corrupted packets', () => {
  test('random bytes never throw, in any mode or edition', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.boolean(),
        fc.constantFrom<Edition | undefined>('2011', '2019', undefined),
        (input, strict, version) => {
          const result = decodeFrame(input, { strict, version, keys });
          assertBounded(input, result);
          if (result.ok && strict) assert.ok(bytesEqual(encodeContent(result.packet, keys), input));
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('corrupted golden packets never throw; what strict mode accepts re-encodes exactly', () => {
    const valid = [contentOf(GOLDEN.m1001), contentOf(GOLDEN.m9400), contentOf(GOLDEN.m1102)];
    fc.assert(
      fc.property(
        fc.constantFrom(...valid),
        fc.array(fc.record({ at: fc.nat(), value: u8, op: fc.constantFrom('set', 'cut', 'insert') }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.boolean(),
        (frame, edits, strict) => {
          const b = [...frame];
          for (const { at, value, op } of edits) {
            const i = at % (b.length + 1);
            if (op === 'set' && i < b.length) b[i] = value;
            else if (op === 'cut') b.splice(i, 1);
            else b.splice(i, 0, value);
          }
          const input = Uint8Array.from(b);
          const result = decodeFrame(input, { strict });
          assertBounded(input, result);
          if (!result.ok) assert.notEqual(result.error.code, 'internal', result.error.message);
          if (result.ok && strict) assert.ok(bytesEqual(encodeContent(result.packet), input));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
