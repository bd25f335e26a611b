import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fromHex, toHex } from './bytes.ts';
import { decodeFrame, encodeContent, encodePacket } from './codec.ts';
import { Framer } from './frame.ts';
import { contentOf, decodeHex, GOLDEN, TRC } from './jt808.fixtures.ts';
import type { Message } from './messages/index.ts';

function expectKind<K extends Message['kind']>(message: Message, kind: K): Extract<Message, { kind: K }> {
  assert.equal(message.kind, kind);
  return message as Extract<Message, { kind: K }>;
}

/** Content from hex of header and body, with the checksum appended. */
function withChecksum(contentHex: string): Uint8Array {
  const bytes = fromHex(contentHex)!;
  return Uint8Array.of(...bytes, xor(bytes));
}

const xor = (bytes: Uint8Array) => bytes.reduce((x, b) => x ^ b, 0);

function roundTrips(frameHex: string): void {
  assert.equal(toHex(encodePacket(decodeHex(frameHex))), frameHex.toLowerCase());
}

describe('golden frames (shared/reference/protocols.md §1.8)', () => {
  test('0x0200 SC8: escapes in the serial and a body item, 2013 header', () => {
    const { header, message } = decodeHex(GOLDEN.m0200_sc8);
    assert.deepEqual(header, {
      msgId: 0x0200,
      version: '2013',
      phone: '123456789012',
      serial: 126,
      encryption: 0,
      reserved: false,
    });
    const m = expectKind(message, 'location');
    assert.equal(m.alarm, 1);
    assert.equal(m.status, 2);
    assert.equal(m.lat, 12.222222);
    assert.equal(m.lon, 132.444444);
    assert.equal(m.altitude, 40);
    assert.equal(m.speed, 6);
    assert.equal(m.direction, 0);
    assert.equal(m.time, '2018-10-15T10:10:10+08:00');
    assert.deepEqual(m.extras, [
      { type: 'mileage', value: 10 },
      { type: 'fuel', value: 12.5 },
    ]);
    assert.equal(contentOf(GOLDEN.m0200_sc8).length, 12 + 38 + 1);
    roundTrips(GOLDEN.m0200_sc8);
  });

  test('0x0704 Traccar: 2019 header, batch of one southern fix', () => {
    const { header, message } = decodeHex(GOLDEN.m0704_trc2019);
    assert.equal(header.version, '2019');
    assert.equal(header.protocolVersion, 1);
    assert.equal(header.phone, '00000866496077582164');
    assert.equal(header.serial, 34845);
    const m = expectKind(message, 'locationBatch');
    assert.equal(m.batchType, 0);
    assert.equal(m.items.length, 1);
    const item = m.items[0]!;
    assert.equal(item.status, 7);
    assert.equal(item.lat, -27.263378);
    assert.equal(item.lon, 153.037383);
    assert.equal(item.altitude, 22);
    assert.equal(item.direction, 2);
    assert.equal(item.time, '2026-05-09T16:42:27+08:00');
    assert.deepEqual(item.extras, [
      { type: 'mileage', value: 960.2 },
      { type: 'signal', value: 0 },
      { type: 'satellites', value: 14 },
    ]);
    roundTrips(GOLDEN.m0704_trc2019);
  });

  test('0x0200 Traccar: not fixed, ACC on, GPS', () => {
    const m = expectKind(decodeHex(GOLDEN.m0200_trc2013).message, 'location');
    assert.equal(m.status, 0x00040001);
    assert.equal(m.lat, 6.152695);
    assert.equal(m.lon, 106.720495);
    assert.equal(m.time, '2017-01-17T10:04:42+08:00');
    assert.deepEqual(m.extras, [
      { type: 'mileage', value: 4326.4 },
      { type: 'ioStatus', value: 0 },
      { type: 'signal', value: 27 },
      { type: 'satellites', value: 3 },
    ]);
    roundTrips(GOLDEN.m0200_trc2013);
  });

  test('0x0100 YZH 2013: padded fields trimmed, GBK plate, bytes kept for re-encoding', () => {
    const { header, message } = decodeHex(GOLDEN.m0100_yzh2013);
    assert.equal(header.serial, 32767);
    const m = expectKind(message, 'register');
    assert.equal(m.edition, '2013');
    assert.equal(m.province, 31);
    assert.equal(m.city, 115);
    assert.equal(m.model, 'BSJ-GF-06');
    assert.equal(m.terminalId, 'test123');
    assert.equal(m.plateColor, 1);
    assert.equal(m.plate, '测A888888');
    roundTrips(GOLDEN.m0100_yzh2013);
  });

  test('0x0100 Traccar 2019: 92-byte body, checksum 0x7a', () => {
    const content = contentOf(GOLDEN.m0100_trc2019);
    assert.equal(content[content.length - 1], 0x7a);
    const m = expectKind(decodeHex(GOLDEN.m0100_trc2019).message, 'register');
    assert.equal(m.edition, '2019');
    assert.equal(m.model, 'MD300');
    assert.equal(m.terminalId, '866496077582164');
    assert.equal(m.plate, '');
    assert.equal(content.length, 17 + 92 + 1);
    roundTrips(GOLDEN.m0100_trc2019);
  });

  test('0x0102, 0x8100, 0x8300 YZH', () => {
    assert.deepEqual(decodeHex(GOLDEN.m0102_yzh2013).message, {
      kind: 'authenticate',
      authCode: 'abc@123&456',
    });
    assert.deepEqual(decodeHex(GOLDEN.m8100_yzh2013).message, {
      kind: 'registerResponse',
      replySerial: 38668,
      result: 0,
      authCode: 'chwD0SE1fchwD0SE1fchwD0SE1f',
    });
    assert.deepEqual(decodeHex(GOLDEN.m8300_yzh2013).message, {
      kind: 'text',
      flags: 0x09,
      text: '测试123@456#abc!...结束',
    });
    assert.deepEqual(decodeHex(GOLDEN.m8300_yzh2019).message, {
      kind: 'text',
      flags: 0x3f,
      textType: 1,
      text: '测试123@456#abc!...结束',
    });
    for (const frame of [
      GOLDEN.m0102_yzh2013,
      GOLDEN.m8100_yzh2013,
      GOLDEN.m8300_yzh2013,
      GOLDEN.m8300_yzh2019,
    ])
      roundTrips(frame);
  });

  test('0x0002 Traccar heartbeat', () => {
    const { header, message } = decodeHex(GOLDEN.m0002_trc2013);
    assert.equal(header.phone, '043048325465');
    assert.equal(header.serial, 183);
    assert.deepEqual(message, { kind: 'heartbeat' });
    roundTrips(GOLDEN.m0002_trc2013);
  });
});

describe('strict and lenient modes', () => {
  const corrupt = (frameHex: string, at: number, value: number) => {
    const content = contentOf(frameHex).slice();
    content[at] = value;
    return content;
  };

  test('a bad checksum is refused in strict mode and flagged in lenient mode', () => {
    const content = corrupt(GOLDEN.m0200_trc2013, contentOf(GOLDEN.m0200_trc2013).length - 1, 0x00);
    const strict = decodeFrame(content);
    assert.equal(strict.ok, false);
    assert.equal(!strict.ok && strict.error.code, 'checksum');
    const lenient = decodeFrame(content, { strict: false });
    assert.ok(lenient.ok);
    assert.deepEqual(
      lenient.warnings.map((w) => w.code),
      ['checksum'],
    );
    assert.equal(expectKind(lenient.packet.message, 'location').lat, 6.152695);
  });

  test('a declared length other than the carried one: strict refuses, lenient reads what is there', () => {
    const content = withChecksum('0002000504304832546500b7');
    const strict = decodeFrame(content);
    assert.equal(!strict.ok && strict.error.code, 'length-mismatch');
    const lenient = decodeFrame(content, { strict: false });
    assert.ok(lenient.ok);
    assert.deepEqual(
      lenient.warnings.map((w) => w.code),
      ['length-mismatch'],
    );
  });

  test("Traccar's IMEI-as-integer phone is not BCD: strict refuses, lenient keeps the hex digits", () => {
    const strict = decodeFrame(contentOf(GOLDEN.m8300_trcImei));
    assert.equal(!strict.ok && strict.error.code, 'invalid-bcd');
    const lenient = decodeFrame(contentOf(GOLDEN.m8300_trcImei), { strict: false });
    assert.ok(lenient.ok);
    assert.equal(lenient.packet.header.phone, '0b3a73ce2ff2');
    assert.deepEqual(lenient.packet.message, { kind: 'text', flags: 1, text: 'Test, Command, 123#' });
    assert.equal(toHex(encodePacket(lenient.packet)), GOLDEN.m8300_trcImei);
  });

  test('bytes after a fixed body and a non-calendar time are deviations', () => {
    const withTrailing = withChecksum('0002000104304832546500b700');
    const strict = decodeFrame(withTrailing);
    assert.equal(!strict.ok && strict.error.code, 'trailing-bytes');
    assert.ok(decodeFrame(withTrailing, { strict: false }).ok);

    const badTime = contentOf(GOLDEN.m0200_trc2013).slice();
    badTime[12 + 23] = 0x13;
    badTime[badTime.length - 1] = xor(badTime.subarray(0, -1));
    const strictTime = decodeFrame(badTime);
    assert.equal(!strictTime.ok && strictTime.error.code, 'invalid-time');
    const lenientTime = decodeFrame(badTime, { strict: false });
    assert.ok(lenientTime.ok);
    assert.equal(expectKind(lenientTime.packet.message, 'location').time, null);
  });

  test('too short and truncated bodies are errors, not exceptions', () => {
    assert.equal(decodeFrame(new Uint8Array(3)).ok, false);
    const content = withChecksum('02000004001601285614000200000000');
    const result = decodeFrame(content, { strict: false });
    assert.equal(!result.ok && result.error.code, 'truncated');
  });
});

describe('headers of both editions', () => {
  test('the edition is detected per frame and kept when re-encoding', () => {
    const framer = new Framer();
    const versions: string[] = [];
    framer.push(fromHex(GOLDEN.m0200_trc2013 + GOLDEN.m0704_trc2019 + GOLDEN.m0002_trc2013)!, (e) => {
      if (e.type !== 'frame') return;
      const result = decodeFrame(e.frame);
      assert.ok(result.ok);
      versions.push(result.packet.header.version);
    });
    assert.deepEqual(versions, ['2013', '2019', '2013']);
  });

  test('a reply built for a 2019 terminal carries bit 14, the version byte and a 20-digit phone', () => {
    const content = encodeContent({
      header: {
        msgId: 0x8001,
        version: '2019',
        protocolVersion: 1,
        phone: '13912345678',
        serial: 1,
        encryption: 0,
        reserved: false,
      },
      message: { kind: 'platformResponse', replySerial: 34845, replyId: 0x0704, result: 0 },
    });
    assert.equal(toHex(content.subarray(0, 17)), '8001400501000000000139123456780001');
    assert.equal(toHex(content.subarray(17, 22)), '881d070400');
  });

  test('a message encoded under the wrong id is refused', () => {
    assert.throws(
      () =>
        encodePacket({
          header: { msgId: 0x8001, version: '2013', phone: '1', serial: 1, encryption: 0, reserved: false },
          message: { kind: 'heartbeat' },
        }),
      RangeError,
    );
  });
});

describe('Traccar corpus (vendor extra items)', () => {
  test('strict accepts the standard frames and re-encodes them exactly; lenient accepts all with warnings', () => {
    const outcomes = TRC.map((frame) => {
      const content = contentOf(frame);
      const strict = decodeFrame(content);
      const lenient = decodeFrame(content, { strict: false });
      assert.ok(lenient.ok, frame);
      if (strict.ok) assert.equal(toHex(encodeContent(strict.packet)), toHex(content));
      return strict.ok ? 'ok' : `${strict.error.code}/${lenient.warnings.map((w) => w.code).join()}`;
    });
    assert.deepEqual(
      outcomes.filter((o) => o !== 'ok'),
      ['invalid-bcd/invalid-bcd', 'length-mismatch/length-mismatch'],
    );
    const batch = decodeHex(TRC[0]!).message;
    assert.ok(batch.kind === 'locationBatch');
    assert.deepEqual(
      batch.items[0]!.extras.find((e) => e.type === 'satellites'),
      { type: 'satellites', value: 14 },
    );
  });
});
