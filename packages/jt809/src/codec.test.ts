import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fromHex, toHex } from '@jtgov/jt808';
import { decodeFrame, encodeContent, encodePacket, type Packet } from './codec.ts';
import { crc16 } from './crc.ts';
import { cryptBody } from './encryption.ts';
import type { Header } from './header.ts';
import { contentOf, decodeHex, ENCRYPTION, GNSS, GOLDEN } from './jt809.fixtures.ts';
import type { Gnss2011, Gnss2019, VehicleDynamic } from './messages/exchange.ts';
import { MESSAGE_IDS, type Message } from './messages/index.ts';

const header2011: Header = {
  msgId: 0,
  version: '2011',
  serial: 1,
  gnssCenterId: 20141013,
  protocolVersion: [1, 0, 0],
  encryptFlag: 0,
  encryptKey: 0,
};
const header2019: Header = {
  ...header2011,
  version: '2019',
  protocolVersion: [1, 2, 15],
  time: 1_764_201_600,
};

function packet(message: Exclude<Message, { kind: 'raw' }>, base: Header = header2011): Packet {
  return { header: { ...base, msgId: MESSAGE_IDS[message.kind] }, message };
}

function reencodes(p: Packet): Packet {
  const content = encodeContent(p);
  const result = decodeFrame(content, { version: p.header.version });
  if (!result.ok) assert.fail(`${result.error.code}: ${result.error.message}`);
  assert.deepEqual(result.packet, p);
  assert.equal(toHex(encodeContent(result.packet)), toHex(content));
  return result.packet;
}

/** A 0x1200 frame around a sub-business body given as hex. */
function exchangeFrame(dataType: number, dataHex: string, base: Header): Uint8Array {
  const raw: Packet = {
    header: { ...base, msgId: 0x1200 },
    message: {
      kind: 'raw',
      data: fromHex(
        `${toHex(new TextEncoder().encode('A12345'))}${'00'.repeat(15)}02${dataType.toString(16).padStart(4, '0')}${(dataHex.length / 2).toString(16).padStart(8, '0')}${dataHex}`,
      )!,
    },
  };
  return encodeContent(raw);
}

describe('CRC-16/CCITT-FALSE and the simple encryption', () => {
  test('check value and both golden packets', () => {
    assert.equal(crc16(new TextEncoder().encode('123456789')), 0x29b1);
    for (const [frame, crc] of [
      [GOLDEN.m1001, 0xc30d],
      [GOLDEN.m9400, 0xbad8],
    ] as const) {
      const content = contentOf(frame);
      assert.equal(crc16(content, 0, content.length - 2), crc);
    }
  });

  test('the reference vector: IA1 = IC1 = 20000000, M1 = 30000000, key 256178', () => {
    const cipher = cryptBody(fromHex(ENCRYPTION.plain)!, ENCRYPTION.key, ENCRYPTION.keys);
    assert.equal(toHex(cipher), ENCRYPTION.cipher.toLowerCase());
    assert.equal(toHex(cryptBody(cipher, ENCRYPTION.key, ENCRYPTION.keys)), ENCRYPTION.plain);
  });

  test('32-bit wrap-around: a product past 2^53 still matches BigInt arithmetic', () => {
    const keys = { m1: 0xfffffffb, ia1: 0xfffffff1, ic1: 0xffffffff };
    let key = 0xfffffffa;
    const expected: number[] = [];
    for (let i = 0; i < 16; i++) {
      key = Number((BigInt(keys.ia1) * (BigInt(key) % BigInt(keys.m1)) + BigInt(keys.ic1)) & 0xffffffffn);
      expected.push((key >>> 20) & 0xff);
    }
    assert.deepEqual([...cryptBody(new Uint8Array(16), 0xfffffffa, keys)], expected);
  });

  test('zero key and zero M1 are taken as 1', () => {
    const keys = { m1: 0, ia1: 7, ic1: 3 };
    assert.deepEqual(
      cryptBody(new Uint8Array(4), 0, keys),
      cryptBody(new Uint8Array(4), 1, { ...keys, m1: 1 }),
    );
  });
});

describe('golden packets', () => {
  test('0x1001 login 2011: header and body fields, byte-exact re-encoding', () => {
    const p = decodeHex(GOLDEN.m1001);
    assert.deepEqual(p.header, {
      msgId: 0x1001,
      version: '2011',
      serial: 133,
      gnssCenterId: 20141013,
      protocolVersion: [1, 0, 0],
      encryptFlag: 0,
      encryptKey: 9999,
    });
    assert.deepEqual(p.message, {
      kind: 'loginRequest',
      userId: 20180920,
      password: '20180920',
      downLinkIp: '127.0.0.1',
      downLinkPort: 809,
    });
    assert.equal(toHex(encodePacket(p)), GOLDEN.m1001.toLowerCase());
  });

  test('0x9400: header decoded, body kept raw, MSG_LENGTH 146, escapes restored', () => {
    const p = decodeHex(GOLDEN.m9400);
    assert.equal(p.header.msgId, 0x9400);
    assert.equal(p.header.serial, 1666);
    assert.equal(p.header.gnssCenterId, 20180920);
    assert.equal(p.message.kind, 'raw');
    assert.equal(toHex(encodePacket(p)), GOLDEN.m9400.toLowerCase());
  });
});

describe('0x1200 vehicle dynamic information', () => {
  test('0x1202 2011: the 36-byte GNSS_DATA', () => {
    const result = decodeFrame(exchangeFrame(0x1202, GNSS.m1202_2011, header2011));
    assert.ok(result.ok);
    const m = result.packet.message as VehicleDynamic;
    assert.equal(m.vehicleNo, 'A12345');
    assert.equal(m.vehicleColor, 2);
    assert.equal(m.data.type, 'realtimeLocation');
    const g = (m.data as { location: Gnss2011 }).location;
    assert.deepEqual(g, {
      format: '2011',
      encrypt: 0,
      time: '2012-07-19T15:15:15+08:00',
      lon: 133.123456,
      lat: 24.123456,
      speed: 50,
      recorderSpeed: 51,
      mileage: 150,
      direction: 45,
      altitude: 45,
      status: 3,
      alarm: 257,
    });
    reencodes(result.packet);
  });

  test('0x1202 2019: a JT/T 808 0x0200 body and three platform alarms', () => {
    const result = decodeFrame(exchangeFrame(0x1202, GNSS.m1202_2019, header2019));
    assert.ok(result.ok);
    assert.equal(result.packet.header.version, '2019', 'edition guessed from the TIME field');
    const g = ((result.packet.message as VehicleDynamic).data as { location: Gnss2019 }).location;
    assert.equal(g.encrypt, 1);
    assert.deepEqual(g.location, {
      alarm: 1,
      status: 2,
      lat: 12.222222,
      lon: 132.444444,
      altitude: 40,
      speed: 6,
      direction: 0,
      time: '2018-07-15T10:10:10+08:00',
      extras: [
        { type: 'mileage', value: 10 },
        { type: 'fuel', value: 5.5 },
      ],
    });
    assert.deepEqual(
      g.platforms.map((p) => [p.platformId, p.alarm]),
      [
        ['11111111111', 1],
        ['22222222222', 2],
        ['33333333333', 3],
      ],
    );
    reencodes(result.packet);
    const empty = decodeFrame(exchangeFrame(0x1202, GNSS.m1202_2019Empty, header2019));
    assert.ok(empty.ok);
    assert.equal(
      ((empty.packet.message as VehicleDynamic).data as { location: Gnss2019 }).location.location,
      null,
    );
  });

  test('0x1203 back-fill of several locations, both editions', () => {
    const twice2011 = `02${GNSS.m1202_2011}${GNSS.m1202_2011}`;
    const r2011 = decodeFrame(exchangeFrame(0x1203, twice2011, header2011));
    assert.ok(r2011.ok);
    const data = (r2011.packet.message as VehicleDynamic).data;
    assert.ok(data.type === 'historyLocation');
    assert.equal(data.locations.length, 2);
    reencodes(r2011.packet);
    const r2019 = decodeFrame(
      exchangeFrame(0x1203, `02${GNSS.m1202_2019}${GNSS.m1202_2019Empty}`, header2019),
    );
    assert.ok(r2019.ok);
    reencodes(r2019.packet);
  });

  test('0x1201 registration: 2011 and 2019 field widths', () => {
    for (const base of [header2011, header2019]) {
      const m: Message = {
        kind: 'vehicleDynamic',
        vehicleNo: '苏A12345',
        vehicleColor: 2,
        data: {
          type: 'registration',
          platformId: '32010000001',
          producerId: 'P0001',
          terminalModel: 'MD300',
          ...(base.version === '2019' ? { imei: '866496077582164' } : {}),
          terminalId: 'T000001',
          simCode: '013912345678',
        },
      };
      const content = encodeContent(packet(m, base));
      const bodyLength = content.length - (base.version === '2019' ? 30 : 22) - 2;
      assert.equal(bodyLength, 21 + 1 + 2 + 4 + (base.version === '2019' ? 110 : 61));
      reencodes(packet(m, base));
    }
  });

  test('0x1201 registration from its bytes (2011 layout: 11 + 11 + 20 + 7 + 12, NUL-padded)', () => {
    const ascii = (text: string, width: number) =>
      `${toHex(new TextEncoder().encode(text))}${'00'.repeat(width - text.length)}`;
    const fields = `${ascii('32010000001', 11)}${ascii('P0001', 11)}${ascii('MD300', 20)}${ascii('T000001', 7)}${ascii('013912345678', 12)}`;
    assert.equal(fields.length / 2, 61);
    const result = decodeFrame(exchangeFrame(0x1201, fields, header2011));
    assert.ok(result.ok);
    const m = result.packet.message as VehicleDynamic;
    assert.equal(m.vehicleNo, 'A12345');
    assert.deepEqual(m.data, {
      type: 'registration',
      platformId: '32010000001',
      producerId: 'P0001',
      terminalModel: 'MD300',
      terminalId: 'T000001',
      simCode: '013912345678',
    });
    reencodes(result.packet);
    // A 2019 frame of the same size is read with the 2019 widths: too short for them, refused.
    assert.equal(decodeFrame(exchangeFrame(0x1201, fields, header2019)).ok, false);
  });

  test('other sub-business types stay raw and re-encode', () => {
    const result = decodeFrame(exchangeFrame(0x1209, '0102030405', header2011));
    assert.ok(result.ok);
    assert.deepEqual((result.packet.message as VehicleDynamic).data, {
      type: 'raw',
      dataType: 0x1209,
      data: Uint8Array.of(1, 2, 3, 4, 5),
    });
  });
});

describe('link messages', () => {
  const cases: Exclude<Message, { kind: 'raw' }>[] = [
    { kind: 'loginResponse', result: 0, verifyCode: 54456 },
    { kind: 'logoutRequest', userId: 20180920, password: 'p@ss' },
    { kind: 'logoutResponse' },
    { kind: 'keepAlive' },
    { kind: 'keepAliveResponse' },
    { kind: 'mainLinkDisconnect', errorCode: 0 },
    { kind: 'subordinateCloseNotice', reasonCode: 1 },
    { kind: 'subLinkLoginRequest', verifyCode: 54456 },
    { kind: 'subLinkLoginResponse', result: 0 },
    { kind: 'subLinkLogoutRequest', verifyCode: 54456 },
    { kind: 'subLinkLogoutResponse' },
    { kind: 'subLinkKeepAlive' },
    { kind: 'subLinkKeepAliveResponse' },
    { kind: 'subLinkDisconnect', errorCode: 1 },
    { kind: 'superiorCloseNotice', reasonCode: 0 },
  ];

  test('each round-trips in both editions, with 22- and 30-byte headers', () => {
    for (const m of cases)
      for (const base of [header2011, header2019]) {
        const p = packet(m, base);
        reencodes(p);
        const content = encodeContent(p);
        assert.equal(content.length - 2 - (base.version === '2019' ? 30 : 22), bodyLengthOf(m.kind), m.kind);
      }
  });

  test('0x1002 login response (SC9: 00 000000D4B8 = success, 54456)', () => {
    const content = encodeContent(packet({ kind: 'loginResponse', result: 0, verifyCode: 54456 }));
    assert.equal(toHex(content.subarray(22, 27)), '000000d4b8');
  });

  test('0x1001 2019 carries the access code in the body too', () => {
    const m: Message = {
      kind: 'loginRequest',
      userId: 20180920,
      password: '20180920',
      gnssCenterId: 44555555,
      downLinkIp: '127.0.0.1',
      downLinkPort: 809,
    };
    const content = encodeContent(packet(m, header2019));
    assert.equal(toHex(content.subarray(30 + 12, 30 + 16)), '02a7dd23');
    reencodes(packet(m, header2019));
  });

  test('keep-alive in 2019: the header time is what tells the editions apart', () => {
    const content = encodeContent(packet({ kind: 'keepAlive' }, header2019));
    const result = decodeFrame(content);
    assert.ok(result.ok);
    assert.equal(result.packet.header.version, '2019');
    assert.equal(result.packet.header.time, 1_764_201_600);
    const old = decodeFrame(encodeContent(packet({ kind: 'keepAlive' })));
    assert.ok(old.ok);
    assert.equal(old.packet.header.version, '2011');
  });
});

function bodyLengthOf(kind: Message['kind']): number {
  const lengths: Partial<Record<Message['kind'], number>> = {
    loginResponse: 5,
    logoutRequest: 12,
    mainLinkDisconnect: 1,
    subordinateCloseNotice: 1,
    subLinkLoginRequest: 4,
    subLinkLoginResponse: 1,
    subLinkLogoutRequest: 4,
    subLinkDisconnect: 1,
    superiorCloseNotice: 1,
  };
  return lengths[kind] ?? 0;
}

describe('encrypted bodies', () => {
  test('with the keys: decrypted on decode, encrypted again on encode', () => {
    const p = packet(
      { kind: 'loginResponse', result: 0, verifyCode: 54456 },
      { ...header2011, encryptFlag: 1, encryptKey: ENCRYPTION.key },
    );
    const content = encodeContent(p, ENCRYPTION.keys);
    assert.notEqual(toHex(content.subarray(22, 27)), '000000d4b8');
    const result = decodeFrame(content, { keys: ENCRYPTION.keys });
    assert.ok(result.ok);
    assert.deepEqual(result.packet, p);
    assert.equal(toHex(encodeContent(result.packet, ENCRYPTION.keys)), toHex(content));
  });

  test('without the keys: the body stays raw (still encrypted) and re-encodes unchanged', () => {
    const p = packet(
      { kind: 'subLinkLoginRequest', verifyCode: 1 },
      { ...header2011, encryptFlag: 1, encryptKey: 5 },
    );
    const content = encodeContent(p, ENCRYPTION.keys);
    const result = decodeFrame(content);
    assert.ok(result.ok);
    assert.equal(result.packet.message.kind, 'raw');
    assert.equal(toHex(encodeContent(result.packet)), toHex(content));
    assert.throws(() => encodeContent(p), RangeError);
  });
});

describe('strict and lenient', () => {
  test('CRC and MSG_LENGTH mismatches', () => {
    const badCrc = contentOf(GOLDEN.m1001).slice();
    badCrc[badCrc.length - 1] = 0;
    const strict = decodeFrame(badCrc);
    assert.equal(!strict.ok && strict.error.code, 'crc');
    const lenient = decodeFrame(badCrc, { strict: false });
    assert.ok(lenient.ok);
    assert.deepEqual(
      lenient.warnings.map((w) => w.code),
      ['crc'],
    );

    const badLength = contentOf(GOLDEN.m1001).slice();
    badLength[3] = 0x47;
    const crc = crc16(badLength, 0, badLength.length - 2);
    badLength[badLength.length - 2] = crc >>> 8;
    badLength[badLength.length - 1] = crc & 0xff;
    const strictLength = decodeFrame(badLength);
    assert.equal(!strictLength.ok && strictLength.error.code, 'length-mismatch');
    assert.ok(decodeFrame(badLength, { strict: false }).ok);
  });

  test('a DATA_LENGTH other than the bytes that follow', () => {
    const content = exchangeFrame(0x1202, GNSS.m1202_2011, header2011);
    const at = 22 + 21 + 1 + 2 + 3;
    content[at] = 0x30;
    const crc = crc16(content, 0, content.length - 2);
    content[content.length - 2] = crc >>> 8;
    content[content.length - 1] = crc & 0xff;
    const strict = decodeFrame(content);
    assert.equal(!strict.ok && strict.error.code, 'length-mismatch');
    const lenient = decodeFrame(content, { strict: false });
    assert.ok(lenient.ok);
  });

  test('short and truncated frames are errors, not exceptions', () => {
    assert.equal(decodeFrame(new Uint8Array(5)).ok, false);
    const truncated = contentOf(GOLDEN.m1001).subarray(0, 40);
    const result = decodeFrame(truncated, { strict: false });
    assert.equal(!result.ok && result.error.code, 'truncated');
  });
});
