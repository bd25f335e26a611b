import assert from 'node:assert/strict';
import { describe, mock, test } from 'node:test';
import { type IncompleteMessage, MESSAGE_IDS, type Packet, splitPacket } from '@jtgov/jt808';
import { SubpackageAssembler } from './subpackages.ts';

const batch = (serial: number, count: number): Packet[] =>
  splitPacket(
    {
      header: {
        msgId: MESSAGE_IDS.locationBatch,
        version: '2013',
        phone: '13900000001',
        serial,
        encryption: 0,
        reserved: false,
      },
      message: {
        kind: 'locationBatch',
        batchType: 0,
        items: Array.from({ length: count }, (_, i) => ({
          alarm: 0,
          status: 3,
          lat: 32,
          lon: 118 + i / 1000,
          altitude: 0,
          speed: 10,
          direction: 0,
          time: '2026-11-27T09:00:00+08:00',
          extras: [],
        })),
      },
    },
    50,
  );

describe('subpackage assembly per connection', () => {
  test('a whole message decodes; a missing packet is requested after the quiet time, at most three times', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      let now = 0;
      const requests: IncompleteMessage[] = [];
      const a = new SubpackageAssembler(
        { subpackageTimeoutMs: 1000, maxSubpackageBytes: 10_000 },
        (m) => requests.push(m),
        () => now,
      );
      const parts = batch(100, 5);
      for (const p of parts.filter((_, i) => i !== 2)) assert.equal(a.accept(p).status, 'pending');
      now = 1000;
      mock.timers.tick(1000);
      assert.deepEqual(
        requests.map((r) => [r.originalSerial, r.missing]),
        [[100, [3]]],
      );
      const done = a.accept(parts[2]!);
      assert.equal(done.status, 'complete');
      assert.ok(done.status === 'complete' && done.packet.message.kind === 'locationBatch');
      assert.equal(
        done.status === 'complete' &&
          done.packet.message.kind === 'locationBatch' &&
          done.packet.message.items.length,
        5,
      );
      assert.deepEqual(a.held, { messages: 0, bytes: 0 });

      const lost = batch(200, 5);
      a.accept(lost[0]!);
      for (let i = 1; i <= 5; i++) {
        now += 1000;
        mock.timers.tick(1000);
      }
      assert.equal(requests.length, 1 + 3, 'three requests, then the message is given up');
      assert.deepEqual(a.held, { messages: 0, bytes: 0 });
      a.close();
    } finally {
      mock.timers.reset();
    }
  });

  test('memory held by one connection stays under its limit', () => {
    const a = new SubpackageAssembler({ subpackageTimeoutMs: 60_000, maxSubpackageBytes: 500 }, () => {});
    for (let m = 0; m < 50; m++) for (const p of batch(m * 100, 20).slice(0, -1)) a.accept(p);
    assert.ok(a.held.bytes <= 500, `${a.held.bytes} bytes held`);
    assert.ok(a.held.messages <= 4);
    a.close();
  });
});
