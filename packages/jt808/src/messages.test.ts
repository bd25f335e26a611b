import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toHex } from './bytes.ts';
import { decodeFrame, encodeContent, encodePacket, type Packet } from './codec.ts';
import type { Header } from './header.ts';
import { decodeHex, YZH } from './jt808.fixtures.ts';
import { MESSAGE_IDS, type Message } from './messages/index.ts';

const header2013: Header = {
  msgId: 0,
  version: '2013',
  phone: '013912345678',
  serial: 7,
  encryption: 0,
  reserved: false,
};
const header2019: Header = {
  ...header2013,
  version: '2019',
  protocolVersion: 1,
  phone: '00000000013912345678',
};

function packet(message: Exclude<Message, { kind: 'raw' }>, base: Header = header2013): Packet {
  return { header: { ...base, msgId: MESSAGE_IDS[message.kind] }, message };
}

/** Body bytes of a message as hex. */
function bodyHex(p: Packet): string {
  const content = encodeContent(p);
  const headerLength = p.header.version === '2019' ? 17 : 12;
  return toHex(content.subarray(headerLength, content.length - 1));
}

function reencodes(p: Packet): Message {
  const result = decodeFrame(encodeContent(p));
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  assert.deepEqual(result.packet, p);
  return result.packet.message;
}

describe('YZH JT808.txt corpus: every frame decodes strictly and re-encodes byte for byte', () => {
  for (const frame of YZH)
    test(`0x${frame.msgId.toString(16).padStart(4, '0')} ${frame.version}`, () => {
      const p = decodeHex(frame.hex);
      assert.equal(p.header.msgId, frame.msgId);
      assert.equal(p.header.version, frame.version);
      assert.notEqual(p.message.kind, 'raw');
      assert.equal(toHex(encodePacket(p)), frame.hex);
    });
});

describe('uplink bodies', () => {
  const find = (msgId: number, version: '2013' | '2019') =>
    decodeHex(YZH.find((f) => f.msgId === msgId && f.version === version)!.hex).message;

  test('0x0001 terminal response', () => {
    assert.deepEqual(find(0x0001, '2013'), {
      kind: 'terminalResponse',
      replySerial: 123,
      replyId: 0x01c8,
      result: 3,
    });
  });

  test('0x0100 register 2019: 11/30/30-byte fields', () => {
    const m = find(0x0100, '2019');
    assert.ok(m.kind === 'register');
    assert.equal(m.edition, '2019');
    assert.equal(m.manufacturer, 'yzh');
    assert.equal(m.model, 'www.jtt808.cn');
    assert.equal(m.terminalId, '09876543210987654321');
    assert.equal(m.plate, '测A888888');
  });

  test('0x0100 register 2011: the shorter body selects the 2011 layout', () => {
    const m: Message = {
      kind: 'register',
      edition: '2011',
      province: 32,
      city: 100,
      manufacturer: 'ABCDE',
      model: 'M1',
      terminalId: 'T000001',
      plateColor: 2,
      plate: '苏A12345',
    };
    assert.equal(bodyHex(packet(m)).slice(18, 34), '4d31202020202020');
    assert.deepEqual(reencodes(packet(m)), m);
  });

  test('0x0102 authenticate 2019: length, code, IMEI, software version', () => {
    const m = find(0x0102, '2019');
    assert.ok(m.kind === 'authenticate');
    assert.equal(m.authCode, 'pmYGzGukO8K4Z5lpIOTg8dqb3eprYaHBbXSPLtdbyG8=');
    assert.equal(m.imei, '123456789012345');
    assert.equal(m.softwareVersion, '3.7.15');
  });

  test('0x0104 parameters: numbers, strings and the BYTE[4] 0x0032 kept raw', () => {
    const m = find(0x0104, '2013');
    assert.ok(m.kind === 'parameters');
    assert.equal(m.replySerial, 0x0068);
    assert.equal(m.params.length, 38);
    assert.deepEqual(m.params[0], { id: 0x0001, value: 0x49454252 });
    assert.deepEqual(
      m.params.find((p) => p.id === 0x0013),
      { id: 0x0013, value: 'lkc21_8PiVY2esxh' },
    );
    assert.deepEqual(
      m.params.find((p) => p.id === 0x0031),
      { id: 0x0031, value: 0x6a41 },
    );
    assert.deepEqual(m.params.at(-1), { id: 0x0032, value: Uint8Array.of(0x09, 0x30, 0x21, 0x30) });
  });

  test('0x0107 attributes 2013 and 2019', () => {
    for (const version of ['2013', '2019'] as const) {
      const m = find(0x0107, version);
      assert.ok(m.kind === 'attributes');
      assert.equal(m.manufacturer, 'yzh');
      assert.equal(m.model, 'JTT808.CN');
      assert.equal(m.iccid, '12345678901234567890');
      assert.equal(m.hardwareVersion, 'jtt808.cn');
      assert.equal(m.firmwareVersion, 'jtt808.cn');
    }
  });

  test('0x0201 location query response', () => {
    const m = find(0x0201, '2013');
    assert.ok(m.kind === 'locationQueryResponse');
    assert.equal(m.replySerial, 0x6862);
    assert.equal(m.location.time, '2020-05-12T12:12:59+08:00');
    assert.deepEqual(m.location.extras, [{ type: 'mileage', value: 0x313233 / 10 }]);
  });

  test('0x0704 batch of three', () => {
    const m = find(0x0704, '2019');
    assert.ok(m.kind === 'locationBatch');
    assert.equal(m.items.length, 3);
    assert.equal(m.batchType, 1);
  });

  test('0x0900 pass-through', () => {
    assert.deepEqual(find(0x0900, '2013'), {
      kind: 'uplinkPassThrough',
      type: 0,
      data: new TextEncoder().encode('asdzxcqwe12335'),
    });
  });

  test('0x0002, 0x0003, 0x0004 and 0x0005', () => {
    assert.equal(bodyHex(packet({ kind: 'heartbeat' })), '');
    assert.deepEqual(reencodes(packet({ kind: 'logout' })), { kind: 'logout' });
    assert.deepEqual(reencodes(packet({ kind: 'queryServerTime' }, header2019)), { kind: 'queryServerTime' });
    const request: Message = { kind: 'terminalFragmentRequest', originalSerial: 0x1099, packetIds: [2, 5] };
    assert.equal(bodyHex(packet(request, header2019)), '1099000200020005');
    reencodes(packet(request, header2019));
  });
});

describe('downlink bodies', () => {
  test('0x8001 platform response', () => {
    const m: Message = { kind: 'platformResponse', replySerial: 183, replyId: 0x0002, result: 0 };
    assert.equal(bodyHex(packet(m)), '00b7000200');
    reencodes(packet(m));
  });

  test('0x8003: the count is a BYTE in 2013 and a WORD in 2019', () => {
    const m: Message = { kind: 'platformFragmentRequest', originalSerial: 0x1099, packetIds: [1, 2, 3] };
    assert.equal(bodyHex(packet(m)), '109903000100020003');
    assert.equal(bodyHex(packet(m, header2019)), '10990003000100020003');
    reencodes(packet(m));
    reencodes(packet(m, header2019));
  });

  test('0x8004 server time is UTC', () => {
    const m: Message = { kind: 'serverTime', time: '2026-01-02T03:04:05Z' };
    assert.equal(bodyHex(packet(m, header2019)), '260102030405');
    reencodes(packet(m, header2019));
    assert.equal(
      bodyHex(packet({ kind: 'serverTime', time: '2026-01-02T11:04:05+08:00' }, header2019)),
      '260102030405',
    );
  });

  test('0x8100: the auth code only on success', () => {
    assert.equal(
      bodyHex(packet({ kind: 'registerResponse', replySerial: 1, result: 0, authCode: 'AB' })),
      '0001004142',
    );
    assert.equal(bodyHex(packet({ kind: 'registerResponse', replySerial: 1, result: 2 })), '000102');
  });

  test('0x8103 set parameters: widths from the parameter table, GBK strings', () => {
    const m: Message = {
      kind: 'setParameters',
      params: [
        { id: 0x0001, value: 30 },
        { id: 0x0031, value: 500 },
        { id: 0x0084, value: 2 },
        { id: 0x0083, value: '苏A12345' },
        { id: 0xf001, value: Uint8Array.of(1, 2) },
      ],
    };
    assert.equal(
      bodyHex(packet(m)),
      '05' +
        '00000001040000001e' +
        '000000310201f4' +
        '000000840102' +
        '0000008308cbd54131323334' +
        '35' +
        '0000f001020102',
    );
    reencodes(packet(m));
    assert.throws(
      () => bodyHex(packet({ kind: 'setParameters', params: [{ id: 0xf001, value: 1 }] })),
      RangeError,
    );
  });

  test('0x8104, 0x8107, 0x8201, 0x8204 are empty; 0x8106 lists DWORD ids', () => {
    for (const kind of ['queryAllParameters', 'queryAttributes', 'locationQuery', 'linkCheck'] as const)
      assert.equal(bodyHex(packet({ kind }, header2019)), '');
    const m: Message = { kind: 'queryParameters', ids: [0x0001, 0x0055] };
    assert.equal(bodyHex(packet(m)), '020000000100000055');
    reencodes(packet(m));
  });

  test('0x8105 terminal control with and without parameters', () => {
    assert.equal(bodyHex(packet({ kind: 'terminalControl', command: 4 })), '04');
    const m: Message = { kind: 'terminalControl', command: 2, params: '1;apn;;;host;7808;;;;0;' };
    reencodes(packet(m));
  });

  test('0x8202 tracking, 0x8203 alarm confirmation', () => {
    assert.equal(bodyHex(packet({ kind: 'tracking', interval: 5, validity: 600 })), '000500000258');
    assert.equal(bodyHex(packet({ kind: 'alarmConfirm', alarmSerial: 123, alarmType: 1 })), '007b00000001');
  });

  test('0x8300 text: GBK, and the 2019 text type', () => {
    const m: Message = { kind: 'text', flags: 0x08, text: '前方超速，请减速' };
    assert.equal(bodyHex(packet(m)), '08c7b0b7bdb3accbd9a3acc7ebbcf5cbd9');
    reencodes(packet(m));
    assert.equal(bodyHex(packet({ ...m, textType: 2 }, header2019)).slice(0, 4), '0802');
  });

  test('0x8900 downlink pass-through', () => {
    const m: Message = { kind: 'downlinkPassThrough', type: 0xf1, data: Uint8Array.of(0x7e, 0x7d) };
    assert.equal(bodyHex(packet(m)), 'f17e7d');
    assert.match(toHex(encodePacket(packet(m))), /f17d027d01[0-9a-f]{2}7e$/);
    reencodes(packet(m));
  });
});
