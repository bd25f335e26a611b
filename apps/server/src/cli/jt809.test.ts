// `jtgov jt809 decode` as a user runs it: the real binary, a real file on stdin.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { toHex } from '@jtgov/jt808';
import { encodePacket, type Packet } from '@jtgov/jt809';
import { ENCRYPTION, GOLDEN } from '../../../../packages/jt809/src/jt809.fixtures.ts';
import { jsonLines, runJtgov } from '../../test/cli.ts';

const location2019: Packet = {
  header: {
    msgId: 0x1200,
    version: '2019',
    serial: 9,
    gnssCenterId: 32000001,
    protocolVersion: [1, 2, 15],
    encryptFlag: 1,
    encryptKey: ENCRYPTION.key,
    time: 1_764_201_600,
  },
  message: {
    kind: 'vehicleDynamic',
    vehicleNo: '苏A12345',
    vehicleColor: 2,
    data: {
      type: 'realtimeLocation',
      location: {
        format: '2019',
        encrypt: 0,
        location: {
          alarm: 2,
          status: 3,
          lat: 32.041544,
          lon: 118.78485,
          altitude: 9,
          speed: 88.5,
          direction: 90,
          time: '2026-11-27T08:30:00+08:00',
          extras: [{ type: 'mileage', value: 1234.5 }],
        },
        platforms: [
          { platformId: '32010000001', alarm: 2 },
          { platformId: '', alarm: 0 },
          { platformId: '', alarm: 0 },
        ],
      },
    },
  },
};

describe('jtgov jt809 decode', () => {
  let dir: string;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'jtgov-jt809-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('decodes the golden login and keeps unknown business types raw, errors in place', async () => {
    const input = file('packets.txt', [GOLDEN.m1001, 'xyz', GOLDEN.m9400].join('\n'));
    const { code, stdout, stderr } = await runJtgov(['jt809', 'decode'], input);
    assert.equal(code, 0, stderr);
    const [login, bad, raw] = jsonLines(stdout);
    assert.deepEqual(login, {
      msgId: 0x1001,
      version: '2011',
      serial: 133,
      gnssCenterId: 20141013,
      body: { userId: 20180920, password: '20180920', downLinkIp: '127.0.0.1', downLinkPort: 809 },
    });
    assert.equal(bad.error.code, 'invalid-hex');
    assert.equal(raw.msgId, 0x9400);
    assert.match(raw.body.data, /^d4c1/);
  });

  it('decrypts with --keys and prints a 2019 location in the jt808 location shape', async () => {
    const input = file('location.txt', `${toHex(encodePacket(location2019, ENCRYPTION.keys))}\n`);
    const keys = `${ENCRYPTION.keys.m1},${ENCRYPTION.keys.ia1},${ENCRYPTION.keys.ic1}`;
    const [decoded] = jsonLines((await runJtgov(['jt809', 'decode', '--keys', keys], input)).stdout);
    assert.equal(decoded.version, '2019');
    assert.equal(decoded.encrypted, true);
    assert.equal(decoded.body.vehicleNo, '苏A12345');
    assert.equal(decoded.body.dataType, 0x1202);
    assert.deepEqual(decoded.body.data.location.location, {
      alarm: 2,
      status: 3,
      lat: 32.041544,
      lon: 118.78485,
      altitude: 9,
      speed: 88.5,
      direction: 90,
      time: '2026-11-27T08:30:00+08:00',
      extras: { mileage: 1234.5 },
    });
    const [still] = jsonLines((await runJtgov(['jt809', 'decode'], input)).stdout);
    assert.equal(still.body.data.length > 0, true, 'without keys the body stays raw');
  });

  it('prints the 2019 statistics messages: the SmallChi 0x1102 link report', async () => {
    const { code, stdout, stderr } = await runJtgov(['jt809', 'decode'], file('1102.txt', GOLDEN.m1102));
    assert.equal(code, 0, stderr);
    assert.deepEqual(jsonLines(stdout), [
      {
        msgId: 0x1102,
        version: '2019',
        serial: 1,
        gnssCenterId: 10086,
        body: {
          platformId: '3000012345',
          startTime: 1_594_201_604,
          endTime: 1_594_201_604,
          lostLocations: 0,
          disconnects: 10,
          disconnectedSeconds: 30,
        },
      },
    ]);
  });

  it('rejects bad options', async () => {
    const empty = file('empty.txt', '');
    assert.equal((await runJtgov(['jt809', 'decode', '--edition', '2013'], empty)).code, 2);
    assert.equal((await runJtgov(['jt809', 'decode', '--keys', '1,2'], empty)).code, 2);
  });
});
