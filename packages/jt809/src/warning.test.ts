import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bytesEqual, fromHex, toHex } from '@jtgov/jt808';
import fc from 'fast-check';
import { decodeFrame, encodeContent, type Packet } from './codec.ts';
import { crc16 } from './crc.ts';
import type { Edition, Header } from './header.ts';
import type { AlarmReport, Warning } from './messages/warning.ts';

/** SC9 JT809_0x1400_0x1402Test: WARN_SRC 0, WARN_TYPE 18, 2018-09-26 00:00 +08:00, INFO_ID 3344. */
const M1402_2011 = '00 00 12 00 00 00 00 5B AA 5B 80 00 00 0D 10 00 00 00 0A 67 66 64 66 34 35 34 35 35 33';

const header = (version: Edition): Header => ({
  msgId: 0x1400,
  version,
  serial: 7,
  gnssCenterId: 20141013,
  protocolVersion: [1, 0, 0],
  encryptFlag: 0,
  encryptKey: 0,
  ...(version === '2019' && { time: 1_700_000_000 }),
});

/** A whole 0x1400 frame content around a body, with the right MSG_LENGTH and CRC. */
function frameOf(version: Edition, body: Uint8Array): Uint8Array {
  return encodeContent({ header: header(version), message: { kind: 'raw', data: body } });
}

describe('0x1400 / 0x1402 alarm report', () => {
  test('the SC9 2011 body, inside a 0x1400 for 粤A12345, decodes and re-encodes byte for byte', () => {
    const plate = fromHex('D4C1413132333435')!;
    const sub = fromHex(M1402_2011.replace(/ /g, ''))!;
    assert.equal(sub.length, 29);
    const body = new Uint8Array(21 + 1 + 2 + 4 + sub.length);
    body.set(plate, 0);
    body[21] = 2;
    body.set([0x14, 0x02, 0, 0, 0, sub.length], 22);
    body.set(sub, 28);
    const content = frameOf('2011', body);
    const result = decodeFrame(content, { version: '2011' });
    if (!result.ok) assert.fail(result.error.message);
    const m = result.packet.message as Warning;
    assert.equal(m.kind, 'warning');
    assert.equal(m.vehicleNo, '粤A12345');
    assert.equal(m.vehicleColor, 2);
    assert.deepEqual(m.data, {
      type: 'alarmReport',
      warnSource: 0,
      warnType: 18,
      warnTime: Date.parse('2018-09-26T00:00:00+08:00') / 1000,
      infoId: 3344,
      info: 'gfdf454553',
    } satisfies AlarmReport);
    assert.ok(bytesEqual(encodeContent(result.packet), content), toHex(encodeContent(result.packet)));
  });

  test('2019 names the vehicle in the alarm, with start and end times; round trip', () => {
    const packet: Packet = {
      header: header('2019'),
      message: {
        kind: 'warning',
        data: {
          type: 'alarmReport',
          sourcePlatformId: '32000000001',
          warnType: 1,
          warnTime: 1_764_547_200,
          startTime: 1_764_547_100,
          endTime: 0,
          vehicleNo: '苏A00001',
          vehicleColor: 2,
          destinationPlatformId: '',
          lineId: 0,
          info: '超速报警：118 km/h',
        },
      },
    };
    const content = encodeContent(packet);
    // Header 30, DATA_TYPE 2, DATA_LENGTH 4, then 11 + 2 + 8 × 3 + 21 + 1 + 11 + 4 + 4, 18 bytes of
    // GBK info, CRC 2.
    assert.equal(content.length, 30 + 6 + 78 + 18 + 2);
    const result = decodeFrame(content, { version: '2019' });
    if (!result.ok) assert.fail(result.error.message);
    assert.deepEqual(result.packet, packet);
  });

  test('property: any body in a well-formed 0x1400 frame decodes or fails cleanly, never throws', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 160 }),
        fc.constantFrom<Edition>('2011', '2019'),
        fc.boolean(),
        (body, version, strict) => {
          const content = frameOf(version, body);
          assert.equal(
            (content[content.length - 2]! << 8) | content[content.length - 1]!,
            crc16(content, 0, content.length - 2),
          );
          const result = decodeFrame(content, { version, strict });
          if (!result.ok) assert.notEqual(result.error.code, 'internal', result.error.message);
          if (result.ok && strict) assert.ok(bytesEqual(encodeContent(result.packet), content));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
