import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import {
  decodeFrame,
  encodePacket,
  Framer,
  type Location,
  MESSAGE_IDS,
  type Message,
  type MessageKind,
  type Packet,
} from '@jtgov/jt808';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';
import { type Jt808Gateway, startGateway } from './gateway.ts';

/** A terminal speaking JT/T 808-2013 over a real TCP connection. */
class Terminal {
  readonly socket: Socket;
  readonly phone: string;
  #serial = 0;
  #inbox: Packet[] = [];
  #waiters: ((p: Packet) => void)[] = [];
  readonly closed: Promise<void>;

  private constructor(socket: Socket, phone: string) {
    this.socket = socket;
    this.phone = phone;
    const framer = new Framer();
    socket.on('data', (chunk) =>
      framer.push(chunk, (e) => {
        if (e.type !== 'frame') return;
        const d = decodeFrame(e.frame);
        if (!d.ok) throw new Error(d.error.message);
        const waiter = this.#waiters.shift();
        if (waiter) waiter(d.packet);
        else this.#inbox.push(d.packet);
      }),
    );
    this.closed = new Promise((resolve) => socket.on('close', () => resolve()));
    socket.on('error', () => {});
  }

  static async open(port: number, phone: string): Promise<Terminal> {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    return new Terminal(socket, phone);
  }

  frame(message: Exclude<Message, { kind: 'raw' }>): { bytes: Uint8Array; serial: number } {
    const serial = this.#serial++;
    const header = {
      msgId: MESSAGE_IDS[message.kind as MessageKind],
      version: '2013' as const,
      phone: this.phone,
      serial,
      encryption: 0,
      reserved: false,
    };
    return { bytes: encodePacket({ header, message }), serial };
  }

  send(message: Exclude<Message, { kind: 'raw' }>): number {
    const { bytes, serial } = this.frame(message);
    this.socket.write(bytes);
    return serial;
  }

  next(): Promise<Packet> {
    const ready = this.#inbox.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  async request(message: Exclude<Message, { kind: 'raw' }>): Promise<Message> {
    const serial = this.send(message);
    const reply = await this.next();
    if ('replySerial' in reply.message) assert.equal(reply.message.replySerial, serial);
    return reply.message;
  }

  close(): void {
    this.socket.destroy();
  }
}

const register = (plate: string, terminalId = 'T000001') =>
  ({
    kind: 'register',
    edition: '2013',
    province: 32,
    city: 100,
    manufacturer: 'JTGOV',
    model: 'TEST-1',
    terminalId,
    plateColor: 2,
    plate,
  }) as const;

/** ISO 8601 at +08:00, as the codec carries BCD times. */
const beijing = (d: Date) => `${new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

const location = (time: Date, lon = 118.8): Location => ({
  alarm: 0,
  status: 3,
  lat: 32.05,
  lon,
  altitude: 20,
  speed: 50,
  direction: 90,
  time: beijing(time),
  extras: [{ type: 'mileage', value: 1234.5 }],
});

const until = async (check: () => Promise<boolean>) => {
  while (!(await check())) await new Promise((r) => setTimeout(r, 10));
};

for (const kind of DB_KINDS) {
  describe(`JT/T 808 gateway on ${kind}`, () => {
    let t: TestApp;
    let gw: Jt808Gateway;
    let city: Session;
    let otherCounty: Session;
    let authCode: string;
    let vehicleId: number;
    const phone = '013800138000';

    before(async () => {
      t = await startTestApp(kind);
      gw = await startGateway({
        db: t.handle.db,
        port: 0,
        host: '127.0.0.1',
        clock: t.clock,
        limits: { authTimeoutMs: 2000, idleTimeoutMs: 2000, maxFrameLength: 1045 },
      });
      await t.createUser('nj.admin', '320100', ['orgAdmin']);
      await t.createUser('gl.staff', '320106', ['staff']);
      city = await t.login('nj.admin');
      otherCounty = await t.login('gl.staff');
      const v = await t.as(city, 'POST', '/api/vehicles', {
        plateNo: '苏A80001',
        plateColor: 2,
        vehicleType: 'dangerousGoods',
        operatorName: '南京危运',
        orgUnitId: await t.orgId('320102'),
        terminalPhone: phone,
      });
      assert.equal(v.statusCode, 201, v.body);
      ({ authCode, id: vehicleId } = v.json());
    });
    after(async () => {
      await gw.close();
      await t.close();
    });

    const positions = async () =>
      (
        await t.handle.db
          .selectFrom('vehicle_position')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('vehicle_id', '=', vehicleId)
          .executeTakeFirstOrThrow()
      ).n;

    test('register, authenticate, and every location is acknowledged only once its row exists', async () => {
      const term = await Terminal.open(gw.port, phone);
      const reg = await term.request(register('苏A80001'));
      assert.deepEqual(reg, { kind: 'registerResponse', replySerial: 0, result: 0, authCode });
      assert.deepEqual(await term.request({ kind: 'authenticate', authCode }), {
        kind: 'platformResponse',
        replySerial: 1,
        replyId: 0x0102,
        result: 0,
      });
      const now = t.clock.now();
      const ack = await term.request({ kind: 'location', ...location(new Date(now.getTime() - 60_000)) });
      assert.equal(ack.kind === 'platformResponse' && ack.result, 0);
      assert.equal(await positions(), 1, 'the row exists when the ack arrives');
      const batch = await term.request({
        kind: 'locationBatch',
        batchType: 1,
        items: [
          location(new Date(now.getTime() - 50_000), 118.81),
          location(new Date(now.getTime() - 40_000), 118.82),
        ],
      });
      assert.equal(batch.kind === 'platformResponse' && batch.result, 0);
      assert.equal(await positions(), 3);
      assert.deepEqual(await term.request({ kind: 'heartbeat' }), {
        kind: 'platformResponse',
        replySerial: 4,
        replyId: 0x0002,
        result: 0,
      });
      const state = await t.handle.db
        .selectFrom('vehicle_state')
        .selectAll()
        .where('vehicle_id', '=', vehicleId)
        .executeTakeFirstOrThrow();
      assert.equal(state.online, true);
      assert.equal(state.lon, 118.82);
      const time = await term.request({ kind: 'queryServerTime' });
      assert.deepEqual(time, { kind: 'serverTime', time: now.toISOString().replace('.000Z', 'Z') });
      const stale = await term.request({
        kind: 'locationBatch',
        batchType: 1,
        items: [location(new Date('2020-01-01'))],
      });
      assert.equal(stale.kind === 'platformResponse' && stale.result, 2, 'nothing storable in the batch');
      const noFix = await term.request({ kind: 'location', ...location(now), time: null });
      assert.equal(
        noFix.kind === 'platformResponse' && noFix.result,
        2,
        'a report without a time is a message error',
      );

      // Positions are visible through the scoped routes, and not to another county.
      const latest = (await t.as(city, 'GET', '/api/vehicles/positions')).json();
      assert.deepEqual(
        latest.items.map((p: { plateNo: string; lon: number }) => [p.plateNo, p.lon]),
        [['苏A80001', 118.82]],
      );
      const range = `from=${new Date(now.getTime() - 3_600_000).toISOString()}&to=${now.toISOString()}`;
      assert.equal((await t.as(city, 'GET', `/api/vehicles/${vehicleId}/track?${range}`)).json().total, 3);
      assert.equal((await t.as(otherCounty, 'GET', '/api/vehicles/positions')).json().total, 0);
      assert.equal(
        (await t.as(otherCounty, 'GET', `/api/vehicles/${vehicleId}/track?${range}`)).statusCode,
        404,
      );
      assert.equal((await t.as(city, 'GET', `/api/vehicles/${vehicleId}`)).json().online, true);

      term.close();
      await term.closed;
      await until(
        async () => (await t.as(city, 'GET', `/api/vehicles/${vehicleId}`)).json().online === false,
      );
    });

    test('frames split across TCP writes are reassembled', async () => {
      const term = await Terminal.open(gw.port, phone);
      const { bytes } = term.frame({ kind: 'authenticate', authCode });
      for (const part of [bytes.subarray(0, 1), bytes.subarray(1, 7), bytes.subarray(7)]) {
        term.socket.write(part);
        await new Promise((r) => setTimeout(r, 5));
      }
      const reply = await term.next();
      assert.equal(reply.message.kind === 'platformResponse' && reply.message.result, 0);
      term.close();
    });

    test('unknown terminals, wrong plates and wrong codes are refused with the right codes and audited', async () => {
      const stranger = await Terminal.open(gw.port, '013900000000');
      assert.equal(((await stranger.request(register('苏A99999'))) as { result: number }).result, 4);
      assert.equal(((await stranger.request(register('苏A80001'))) as { result: number }).result, 1);
      const refused = await stranger.request({ kind: 'authenticate', authCode });
      assert.equal(refused.kind === 'platformResponse' && refused.result, 1);
      stranger.close();
      const own = await Terminal.open(gw.port, phone);
      assert.equal(((await own.request(register('苏A00000'))) as { result: number }).result, 2);
      assert.equal(((await own.request(register('苏A80001', 'OTHER01'))) as { result: number }).result, 3);
      own.close();
      const failures = await t.handle.db
        .selectFrom('audit_event')
        .select('action')
        .where('outcome', '=', 'failure')
        .where('action', 'like', 'vehicle.terminal.%')
        .execute();
      assert.equal(failures.length, 5);
    });

    test('an unauthenticated terminal may not report; three wrong codes close the connection', async () => {
      const before = await positions();
      const term = await Terminal.open(gw.port, phone);
      const refused = await term.request({ kind: 'location', ...location(t.clock.now()) });
      assert.equal(refused.kind === 'platformResponse' && refused.result, 1);
      assert.equal(await positions(), before);
      for (let i = 0; i < 3; i++) await term.request({ kind: 'authenticate', authCode: 'wrong' });
      await term.closed;
    });

    test('garbage and bad checksums are dropped, oversized frames close the connection, the gateway stays up', async () => {
      const junk = await Terminal.open(gw.port, phone);
      junk.socket.write(Buffer.from('GET / HTTP/1.1\r\n\r\n'));
      const { bytes } = junk.frame({ kind: 'heartbeat' });
      const bad = Uint8Array.from(bytes);
      bad[bad.length - 2] = (bad[bad.length - 2] as number) ^ 0x55;
      junk.socket.write(bad);
      junk.socket.write(Uint8Array.of(0x7e, 0x7d, 0x05, 0x7e));
      // The same connection still works after rejected frames.
      assert.equal((await junk.request({ kind: 'authenticate', authCode })).kind, 'platformResponse');
      junk.socket.write(Buffer.concat([Buffer.of(0x7e), Buffer.alloc(5000, 0x31)]));
      await junk.closed;
      assert.equal(gw.closedBy['frame-too-long'], 1);

      const noisy = await Terminal.open(gw.port, phone);
      for (let i = 0; i < 10; i++) noisy.socket.write(Uint8Array.of(0x7e, 1, 2, 3, 0x7e));
      await noisy.closed;
      assert.equal(gw.closedBy['bad-frames'], 1);

      const healthy = await Terminal.open(gw.port, phone);
      const ok = await healthy.request({ kind: 'authenticate', authCode });
      assert.equal(ok.kind === 'platformResponse' && ok.result, 0);
      healthy.close();
    });

    test('a terminal over its frame rate is disconnected', async () => {
      const strict = await startGateway({
        db: t.handle.db,
        port: 0,
        host: '127.0.0.1',
        clock: t.clock,
        limits: { framesPerSecond: 1, frameBurst: 5 },
      });
      try {
        const term = await Terminal.open(strict.port, phone);
        for (let i = 0; i < 20; i++) term.send({ kind: 'heartbeat' });
        await term.closed;
        assert.equal(strict.closedBy['rate-limit'], 1);
      } finally {
        await strict.close();
      }
    });

    test('a terminal that does not read its replies is paused, then dropped; its buffers stay bounded', async () => {
      const strict = await startGateway({
        db: t.handle.db,
        port: 0,
        host: '127.0.0.1',
        clock: t.clock,
        // The auth timeout is out of the way: on a loaded machine the flood outlasts the default 30 s.
        limits: {
          framesPerSecond: 1e9,
          frameBurst: 1e9,
          authTimeoutMs: 600_000,
          idleTimeoutMs: 1000,
          maxOutboundBytes: 16 * 1024,
        },
      });
      try {
        const term = await Terminal.open(strict.port, phone);
        term.socket.pause();
        const { bytes } = term.frame({ kind: 'heartbeat' });
        const flood = Buffer.alloc(bytes.length * 200_000);
        for (let i = 0; i < 200_000; i++) flood.set(bytes, i * bytes.length);
        term.socket.write(flood);
        // A paused client sees no close until it reads: watch the gateway instead.
        await until(async () => strict.connections === 0);
        term.close();
        const reasons = Object.keys(strict.closedBy);
        assert.ok(
          reasons.length === 1 && ['slow-client', 'idle'].includes(reasons[0] as string),
          reasons.join(),
        );
      } finally {
        await strict.close();
      }
    });

    test('silent connections are closed by the auth and idle timeouts', async () => {
      const silent = await Terminal.open(gw.port, phone);
      await silent.closed;
      const idle = await Terminal.open(gw.port, phone);
      await idle.request({ kind: 'authenticate', authCode });
      await idle.closed;
      await until(
        async () => (await t.as(city, 'GET', `/api/vehicles/${vehicleId}`)).json().online === false,
      );
    });
  });
}
