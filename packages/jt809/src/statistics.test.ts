// 信息统计类: 0x9101/0x1101 location counts, 0x9102/0x1102 link report request and answer.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fromHex, toHex } from '@jtgov/jt808';
import { decodeFrame, encodeContent, type Packet } from './codec.ts';
import type { Header } from './header.ts';
import { packetToJson } from './json.ts';
import { contentOf, decodeHex, GOLDEN, STATISTICS } from './jt809.fixtures.ts';
import { MESSAGE_IDS, type Message } from './messages/index.ts';

const header: Header = {
  msgId: 0,
  version: '2019',
  serial: 7,
  gnssCenterId: 20141013,
  protocolVersion: [1, 2, 15],
  encryptFlag: 0,
  encryptKey: 0,
  time: 1_764_201_600,
};

/** A frame of this id around a body given as hex, decoded. */
function decodeBody(msgId: number, bodyHex: string, version: Header['version'] = '2019') {
  const content = encodeContent({
    header: { ...header, version, msgId },
    message: { kind: 'raw', data: fromHex(bodyHex)! },
  });
  const result = decodeFrame(content, { version });
  if (!result.ok) assert.fail(`${result.error.code}: ${result.error.message}`);
  return { content, packet: result.packet };
}

function roundTrip(message: Exclude<Message, { kind: 'raw' }>, version: Header['version']): void {
  const p: Packet = { header: { ...header, version, msgId: MESSAGE_IDS[message.kind] }, message };
  if (version === '2011') delete p.header.time;
  const content = encodeContent(p);
  const back = decodeFrame(content, { version });
  if (!back.ok) assert.fail(`${back.error.code}: ${back.error.message}`);
  assert.deepEqual(back.packet, p);
  assert.equal(toHex(encodeContent(back.packet)), toHex(content));
}

describe('0x9101 DOWN_TOTAL_RECV_BACK_MSG and 0x1101 UP_MANAGE_TOTAL_RECV_BACK_MSG', () => {
  test('the SmallChi body: 10,000 locations over five hours, same layout in 2011 and 2019', () => {
    for (const version of ['2011', '2019'] as const) {
      const { content, packet } = decodeBody(0x9101, STATISTICS.m9101, version);
      assert.deepEqual(packet.message, {
        kind: 'receivedCountNotice',
        total: 10_000,
        startTime: 1_537_513_862,
        endTime: 1_537_531_862,
      });
      assert.equal(toHex(encodeContent(packet)), toHex(content));
    }
    const { packet } = decodeBody(0x1101, STATISTICS.m9101);
    assert.equal(packet.message.kind, 'sentCountNotice');
  });

  test('a short body is an error, not an exception; leftover bytes are refused in strict mode', () => {
    const short = encodeContent({
      header: { ...header, msgId: 0x9101 },
      message: { kind: 'raw', data: fromHex(STATISTICS.m9101.slice(0, 30))! },
    });
    const r = decodeFrame(short, { version: '2019' });
    assert.equal(r.ok, false);
    const long = encodeContent({
      header: { ...header, msgId: 0x9101 },
      message: { kind: 'raw', data: fromHex(`${STATISTICS.m9101}00`)! },
    });
    assert.equal(decodeFrame(long, { version: '2019' }).ok, false);
    const lenient = decodeFrame(long, { version: '2019', strict: false });
    assert.ok(lenient.ok && lenient.warnings.some((w) => w.code === 'trailing-bytes'));
  });

  test('round-trips in both editions', () => {
    for (const version of ['2011', '2019'] as const) {
      roundTrip({ kind: 'receivedCountNotice', total: 0xffffffff, startTime: 0, endTime: 2 ** 40 }, version);
      roundTrip(
        { kind: 'sentCountNotice', total: 12, startTime: 1_764_201_600, endTime: 1_764_201_660 },
        version,
      );
    }
  });
});

describe('0x9102 DOWN_MANAGE_MSG_REQ and 0x1102 UP_MANAGE_MSG_RSP', () => {
  test('the SmallChi 0x1102 packet: every field, byte-exact re-encoding', () => {
    const p = decodeHex(GOLDEN.m1102, { version: '2019' });
    assert.equal(p.header.msgId, 0x1102);
    assert.equal(p.header.gnssCenterId, 10086);
    assert.equal(p.header.time, 1_594_201_604);
    assert.deepEqual(p.message, {
      kind: 'linkReport',
      platformId: '3000012345',
      startTime: 1_594_201_604,
      endTime: 1_594_201_604,
      lostLocations: 0,
      disconnects: 10,
      disconnectedSeconds: 30,
    });
    const content = contentOf(GOLDEN.m1102);
    assert.equal(toHex(encodeContent(p)), toHex(content));
    // The header alone does not say 2019 here (its version flag is 0.0.0): the time does.
    assert.ok(decodeFrame(content).ok);
  });

  test('the SmallChi 0x9102 body keeps its unusual DATA_TYPE so it re-encodes', () => {
    const { content, packet } = decodeBody(0x9102, STATISTICS.m9102);
    assert.deepEqual(packet.message, {
      kind: 'linkReportRequest',
      platformId: '10010',
      startTime: 1_320_981_071,
      endTime: 1_320_981_071,
      dataType: 0x2766,
    });
    assert.equal(toHex(encodeContent(packet)), toHex(content));
  });

  test('a DATA_LENGTH other than the bytes that follow: strict refuses, lenient warns', () => {
    const body = `1102000000FF${STATISTICS.m9102.slice(12)}00000000010000001E`;
    const content = encodeContent({
      header: { ...header, msgId: 0x1102 },
      message: { kind: 'raw', data: fromHex(body)! },
    });
    const strict = decodeFrame(content, { version: '2019' });
    assert.ok(!strict.ok && strict.error.code === 'length-mismatch');
    const lenient = decodeFrame(content, { version: '2019', strict: false });
    assert.ok(lenient.ok && lenient.warnings.some((w) => w.code === 'length-mismatch'));
    assert.equal(lenient.ok && lenient.packet.message.kind, 'linkReport');
  });

  test('round-trips, and the JSON of `jtgov jt809 decode` names the fields', () => {
    roundTrip({ kind: 'linkReportRequest', platformId: '32010000001', startTime: 1, endTime: 2 }, '2019');
    const report: Message = {
      kind: 'linkReport',
      platformId: '苏A',
      startTime: 1_764_201_600,
      endTime: 1_764_288_000,
      lostLocations: 0,
      disconnects: 2,
      disconnectedSeconds: 95,
    };
    roundTrip(report, '2019');
    const json = packetToJson({ header: { ...header, msgId: 0x1102 }, message: report });
    assert.deepEqual(json.body, {
      platformId: '苏A',
      startTime: 1_764_201_600,
      endTime: 1_764_288_000,
      lostLocations: 0,
      disconnects: 2,
      disconnectedSeconds: 95,
    });
  });
});
