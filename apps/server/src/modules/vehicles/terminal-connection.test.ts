// One connection against a stub gateway: how its replies leave the socket.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect, createServer, type Socket } from 'node:net';
import { test } from 'node:test';
import { decodeFrame, encodePacket, Framer, type Header, type Message } from '@jtgov/jt808';
import { DEFAULT_LIMITS } from './gateway.ts';
import { type ConnectionHost, TerminalConnection } from './terminal-connection.ts';

const PHONE = '013800000001';
const frame = (serial: number, message: Exclude<Message, { kind: 'raw' }>, msgId: number) => {
  const header: Header = { msgId, version: '2013', phone: PHONE, serial, encryption: 0, reserved: false };
  return encodePacket({ header, message });
};

test('the replies of one turn leave in one write, in order, each answering its frame', async () => {
  const writes: number[] = [];
  const host: ConnectionHost = {
    limits: DEFAULT_LIMITS,
    now: () => new Date(),
    register: () => Promise.reject(new Error('not used')),
    authenticate: async () => ({ id: 1, orgUnitId: 1, orgPath: '/', phone: PHONE.replace(/^0+/, '') }),
    writePositions: () => {},
    closed: () => {},
    log: () => {},
  };
  const server = createServer((socket: Socket) => {
    const write = socket.write.bind(socket) as (chunk: Uint8Array) => boolean;
    socket.write = ((chunk: Uint8Array) => {
      writes.push(chunk.length);
      return write(chunk);
    }) as Socket['write'];
    new TerminalConnection(socket, host);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const client = connect(typeof address === 'object' && address ? address.port : 0, '127.0.0.1');
  const replies: Message[] = [];
  const framer = new Framer();
  client.on('data', (chunk: Buffer) =>
    framer.push(chunk, (e) => {
      if (e.type !== 'frame') return;
      const decoded = decodeFrame(e.frame);
      if (decoded.ok) replies.push(decoded.packet.message);
    }),
  );
  const until = async (n: number) => {
    while (replies.length < n) await new Promise((r) => setTimeout(r, 5));
  };
  try {
    client.write(frame(1, { kind: 'authenticate', authCode: 'x' }, 0x0102));
    await until(1);
    writes.length = 0;
    const heartbeats = Array.from({ length: 20 }, (_, i) => frame(100 + i, { kind: 'heartbeat' }, 0x0002));
    client.write(Buffer.concat(heartbeats));
    await until(21);
    assert.equal(writes.length, 1, `${writes.length} writes for 20 replies`);
    assert.deepEqual(
      replies.slice(1),
      heartbeats.map((_, i) => ({
        kind: 'platformResponse',
        replySerial: 100 + i,
        replyId: 0x0002,
        result: 0,
      })),
    );
  } finally {
    client.destroy();
    server.close();
  }
});
