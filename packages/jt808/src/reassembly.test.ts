import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toHex } from './bytes.ts';
import { decodeBody, decodeFrame, encodeBody, encodeContent, type Packet, splitPacket } from './codec.ts';
import type { Header } from './header.ts';
import type { Message } from './messages/index.ts';
import { Reassembler } from './reassembly.ts';

const phone = '013912345678';

/** A 0x0104 reply long enough to need several packets, split as a terminal would. */
function splitReply(firstSerial: number, partSize: number): { whole: Message; packets: Packet[] } {
  const whole: Message = {
    kind: 'parameters',
    replySerial: 42,
    params: Array.from({ length: 40 }, (_, i) => ({ id: 0x0013, value: `server-${i}.example.cn` })),
  };
  const header: Header = { msgId: 0x0104, version: '2013', phone, serial: 0, encryption: 0, reserved: false };
  const body = encodeBody({ header, message: whole });
  const total = Math.ceil(body.length / partSize);
  const packets = Array.from({ length: total }, (_, i) => {
    const part: Packet = {
      header: { ...header, serial: (firstSerial + i) & 0xffff, subpackage: { total, index: i + 1 } },
      message: { kind: 'raw', data: body.subarray(i * partSize, (i + 1) * partSize) },
    };
    return part;
  });
  return { whole, packets };
}

/** Each packet through the wire format, so the test covers the subpackage header too. */
function viaWire(p: Packet): { header: Header; body: Uint8Array } {
  const decoded = decodeFrame(encodeContent(p));
  assert.ok(decoded.ok);
  assert.equal(decoded.packet.message.kind, 'raw');
  return {
    header: decoded.packet.header,
    body: (decoded.packet.message as { data: Uint8Array }).data,
  };
}

describe('subpackage reassembly', () => {
  test('the subpackage header adds total and index after the serial', () => {
    const { packets } = splitReply(100, 500);
    const content = encodeContent(packets[0]!);
    assert.equal(toHex(content.subarray(2, 4)), (0x2000 | 500).toString(16));
    assert.equal(toHex(content.subarray(10, 16)), `0064${packets.length.toString(16).padStart(4, '0')}0001`);
  });

  test('in order: pending until the last packet, then the whole body decodes', () => {
    const { whole, packets } = splitReply(100, 300);
    const r = new Reassembler();
    const results = packets.map((p) => {
      const { header, body } = viaWire(p);
      return r.accept(header, body, 0);
    });
    for (const pending of results.slice(0, -1)) assert.equal(pending.status, 'pending');
    const done = results.at(-1)!;
    assert.ok(done.status === 'complete');
    assert.equal(done.header.serial, 100);
    assert.equal(done.header.subpackage, undefined);
    const decoded = decodeBody(done.header, done.body);
    assert.ok(decoded.ok);
    assert.deepEqual(decoded.message, whole);
    assert.deepEqual(r.size, { messages: 0, bytes: 0 });
  });

  test('out of order, duplicates ignored, serials wrapping past 0xffff', () => {
    const { whole, packets } = splitReply(0xfffe, 200);
    const r = new Reassembler();
    const order = [...packets.keys()].reverse();
    let last: ReturnType<Reassembler['accept']> | undefined;
    for (const i of [order[0]!, ...order]) {
      const { header, body } = viaWire(packets[i]!);
      last = r.accept(header, body, 0);
    }
    assert.ok(last?.status === 'complete');
    assert.equal(last.header.serial, 0xfffe);
    const decoded = decodeBody(last.header, last.body);
    assert.ok(decoded.ok);
    assert.deepEqual(decoded.message, whole);
  });

  test('missing packets are reported for 0x8003, then the message is abandoned', () => {
    const { packets } = splitReply(500, 200);
    assert.ok(packets.length >= 4);
    const r = new Reassembler({ requestAfterMs: 1000, maxRequests: 2 });
    for (const i of [0, 2]) {
      const { header, body } = viaWire(packets[i]!);
      assert.equal(r.accept(header, body, 0).status, 'pending');
    }
    assert.deepEqual(r.overdue(999), []);
    const [first] = r.overdue(1000);
    const missing = [2, ...Array.from({ length: packets.length - 3 }, (_, i) => i + 4)];
    assert.deepEqual(
      { originalSerial: first?.originalSerial, missing: first?.missing, abandoned: first?.abandoned },
      { originalSerial: 500, missing, abandoned: false },
    );
    const request = encodeBody({
      header: { msgId: 0x8003, version: '2013', phone, serial: 1, encryption: 0, reserved: false },
      message: {
        kind: 'platformFragmentRequest',
        originalSerial: first!.originalSerial,
        packetIds: first!.missing,
      },
    });
    assert.equal(toHex(request.subarray(0, 3)), `01f4${missing.length.toString(16).padStart(2, '0')}`);
    assert.equal(r.overdue(1500).length, 0, 'asked again only after another idle period');
    assert.equal(r.overdue(2000)[0]?.abandoned, false);
    assert.equal(r.overdue(3000)[0]?.abandoned, true);
    assert.deepEqual(r.size, { messages: 0, bytes: 0 });
  });

  test('limits: packet count, concurrent messages and bytes stay bounded', () => {
    const r = new Reassembler({ maxPackets: 8, maxMessages: 2, maxBytes: 1000 });
    const header: Header = {
      msgId: 0x0801,
      version: '2013',
      phone,
      serial: 1,
      encryption: 0,
      reserved: false,
    };
    assert.equal(
      r.accept({ ...header, subpackage: { total: 9, index: 1 } }, new Uint8Array(10), 0).status,
      'rejected',
    );
    assert.equal(
      r.accept({ ...header, subpackage: { total: 2, index: 3 } }, new Uint8Array(10), 0).status,
      'rejected',
    );
    for (let m = 0; m < 5; m++)
      r.accept({ ...header, serial: m * 10, subpackage: { total: 4, index: 1 } }, new Uint8Array(100), m);
    assert.equal(r.size.messages, 2);
    for (let i = 1; i <= 3; i++)
      r.accept(
        { ...header, serial: 100 + i, subpackage: { total: 8, index: i + 1 } },
        new Uint8Array(400),
        10,
      );
    assert.ok(r.size.bytes <= 1000);
  });

  test('splitPacket makes what the reassembler puts back together', () => {
    const { whole } = splitReply(0, 1000);
    const header: Header = {
      msgId: 0x0104,
      version: '2019',
      protocolVersion: 1,
      phone: `00000000${phone}`,
      serial: 0xfffe,
      encryption: 0,
      reserved: false,
    };
    const packets = splitPacket({ header, message: whole }, 256);
    assert.ok(packets.length > 2);
    assert.deepEqual(
      packets.map((p) => p.header.serial),
      packets.map((_, i) => (0xfffe + i) & 0xffff),
    );
    const r = new Reassembler();
    let last: ReturnType<Reassembler['accept']> | undefined;
    for (const p of packets.reverse()) {
      const { header: h, body } = viaWire(p);
      last = r.accept(h, body, 0);
    }
    assert.ok(last?.status === 'complete');
    const decoded = decodeBody(last.header, last.body);
    assert.ok(decoded.ok);
    assert.deepEqual(decoded.message, whole);
    assert.equal(
      splitPacket({ header: { ...header, msgId: 0x0002 }, message: { kind: 'heartbeat' } }).length,
      1,
    );
  });

  test('a packet without a subpackage header passes through', () => {
    const header: Header = {
      msgId: 0x0002,
      version: '2013',
      phone,
      serial: 1,
      encryption: 0,
      reserved: false,
    };
    assert.equal(new Reassembler().accept(header, new Uint8Array(0), 0).status, 'complete');
  });
});
