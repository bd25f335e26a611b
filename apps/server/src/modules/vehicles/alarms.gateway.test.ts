// The gateway's alarm path and its subpackage handling, with a terminal over a real TCP socket.
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import {
  decodeFrame,
  encodePacket,
  Framer,
  type Header,
  type Location,
  MESSAGE_IDS,
  type Message,
  type MessageKind,
  type Packet,
  splitPacket,
} from '@jtgov/jt808';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';
import type { AlarmEvent } from './alarms.events.ts';
import { type Jt808Gateway, startGateway } from './gateway.ts';

class Terminal {
  readonly #socket: Socket;
  readonly #phone: string;
  #serial = 0;
  readonly #inbox: Packet[] = [];
  readonly #waiters: ((p: Packet) => void)[] = [];

  private constructor(socket: Socket, phone: string) {
    this.#socket = socket;
    this.#phone = phone;
    const framer = new Framer();
    socket.on('data', (chunk) =>
      framer.push(chunk, (e) => {
        if (e.type !== 'frame') return;
        const d = decodeFrame(e.frame);
        if (!d.ok) return;
        const waiter = this.#waiters.shift();
        if (waiter) waiter(d.packet);
        else this.#inbox.push(d.packet);
      }),
    );
    socket.on('error', () => {});
  }

  static async open(port: number, phone: string): Promise<Terminal> {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    return new Terminal(socket, phone);
  }

  packet(message: Exclude<Message, { kind: 'raw' }>): Packet {
    const header: Header = {
      msgId: MESSAGE_IDS[message.kind as MessageKind],
      version: '2013',
      phone: this.#phone,
      serial: this.#serial,
      encryption: 0,
      reserved: false,
    };
    this.#serial = (this.#serial + 1) & 0xffff;
    return { header, message };
  }

  /** The packets of one message split into parts of `maxBody` bytes, serials reserved. */
  split(message: Exclude<Message, { kind: 'raw' }>, maxBody: number): Packet[] {
    const parts = splitPacket(this.packet(message), maxBody);
    this.#serial = (this.#serial + parts.length - 1) & 0xffff;
    return parts;
  }

  write(packet: Packet): void {
    this.#socket.write(encodePacket(packet));
  }

  next(): Promise<Packet> {
    const ready = this.#inbox.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  async request(message: Exclude<Message, { kind: 'raw' }>): Promise<Message> {
    this.write(this.packet(message));
    return (await this.next()).message;
  }

  close(): void {
    this.#socket.destroy();
  }
}

const beijing = (d: Date) => `${new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

const location = (time: Date, speed: number, lon = 118.8): Location => ({
  alarm: 0,
  status: 3,
  lat: 32.05,
  lon,
  altitude: 20,
  speed,
  direction: 90,
  time: beijing(time),
  extras: [],
});

const until = async (check: () => Promise<boolean>) => {
  while (!(await check())) await new Promise((r) => setTimeout(r, 20));
};

for (const kind of DB_KINDS) {
  describe(`JT/T 808 gateway alarms and subpackages on ${kind}`, () => {
    let t: TestApp;
    let gw: Jt808Gateway;
    let handler: Session;
    const sunk: AlarmEvent[] = [];
    const vehicles: { id: number; phone: string; authCode: string }[] = [];

    before(async () => {
      t = await startTestApp(kind);
      gw = await startGateway({
        db: t.handle.db,
        port: 0,
        host: '127.0.0.1',
        clock: t.clock,
        limits: { subpackageTimeoutMs: 300 },
        alarmSink: (events) => sunk.push(...events),
      });
      await t.createUser('nj.admin', '320100', ['orgAdmin']);
      await t.createUser('xw.staff', '320102', ['staff']);
      const city = await t.login('nj.admin');
      handler = await t.login('xw.staff');
      for (const [plate, phone] of [
        ['苏A90001', '13900090001'],
        ['苏A90002', '13900090002'],
      ] as const) {
        const v = await t.as(city, 'POST', '/api/vehicles', {
          plateNo: plate,
          plateColor: 2,
          vehicleType: 'scheduledCoach',
          operatorName: '南京客运',
          orgUnitId: await t.orgId('320102'),
          terminalPhone: phone,
        });
        assert.equal(v.statusCode, 201, v.body);
        vehicles.push({ id: v.json().id, phone, authCode: v.json().authCode });
      }
    });
    after(async () => {
      await gw.close();
      await t.close();
    });

    const authenticated = async (i: number) => {
      const v = vehicles[i]!;
      const term = await Terminal.open(gw.port, v.phone);
      const auth = await term.request({ kind: 'authenticate', authCode: v.authCode });
      assert.equal(auth.kind === 'platformResponse' && auth.result, 0);
      return term;
    };

    test('a coach driven over its limit raises an overspeed alarm that the alarm list shows', async () => {
      const term = await authenticated(0);
      const start = t.clock.now().getTime() - 120_000;
      for (let s = 0; s <= 30; s += 5) {
        const ack = await term.request({
          kind: 'location',
          ...location(new Date(start + s * 1000), 115, 118.8 + s * 0.0003),
        });
        assert.equal(ack.kind === 'platformResponse' && ack.result, 0);
      }
      let items: { kind: string; plateNo: string; peakValue: number; state: string }[] = [];
      await until(async () => {
        items = (await t.as(handler, 'GET', `/api/vehicles/alarms?vehicleId=${vehicles[0]!.id}`)).json()
          .items;
        return items.length > 0;
      });
      assert.deepEqual(
        items.map((a) => [a.kind, a.plateNo, a.peakValue, a.state]),
        [['overspeed', '苏A90001', 115, 'new']],
      );
      // The sink hears of it once the evaluator has seen its commit, which a reader may see first.
      await until(async () =>
        sunk.some((e) => e.type === 'raised' && e.kind === 'overspeed' && e.vehicleId === vehicles[0]!.id),
      );
      // The vehicle is held under this gateway's id, which beats in vehicle_gateway.
      const held = await t.handle.db
        .selectFrom('vehicle_state as s')
        .innerJoin('vehicle_gateway as g', 'g.id', 's.gateway_id')
        .select(['s.online', 'g.id'])
        .where('s.vehicle_id', '=', vehicles[0]!.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(held, { online: true, id: gw.id });
      term.close();
    });

    test('a subpackaged batch is reassembled; a lost packet is asked for with 0x8003 and then stored', async () => {
      const term = await authenticated(1);
      const start = t.clock.now().getTime() - 600_000;
      const items = Array.from({ length: 12 }, (_, i) =>
        location(new Date(start + i * 10_000), 40, 118.9 + i * 0.001),
      );
      const parts = term.split({ kind: 'locationBatch', batchType: 1, items }, 100);
      assert.ok(parts.length >= 4, `${parts.length} parts`);
      const lost = parts[1]!;
      for (const part of parts) {
        if (part === lost) continue;
        term.write(part);
      }
      // Each held packet is answered on its own serial.
      for (const part of parts.slice(0, -1)) {
        if (part === lost) continue;
        const ack = await term.next();
        assert.deepEqual(ack.message, {
          kind: 'platformResponse',
          replySerial: part.header.serial,
          replyId: 0x0704,
          result: 0,
        });
      }
      const last = await term.next();
      assert.equal(last.message.kind, 'platformResponse', 'the last packet is held too while one is missing');
      const request = await term.next();
      assert.deepEqual(request.message, {
        kind: 'platformFragmentRequest',
        originalSerial: parts[0]!.header.serial,
        packetIds: [2],
      });
      const stored = () =>
        t.handle.db
          .selectFrom('vehicle_position')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('vehicle_id', '=', vehicles[1]!.id)
          .executeTakeFirstOrThrow();
      assert.equal(Number((await stored()).n), 0);
      term.write(lost);
      const done = await term.next();
      assert.deepEqual(done.message, {
        kind: 'platformResponse',
        replySerial: lost.header.serial,
        replyId: 0x0704,
        result: 0,
      });
      assert.equal(
        Number((await stored()).n),
        12,
        'the whole batch is durable when the last packet is answered',
      );
      term.close();
    });

    test('subpackages from a terminal that has not authenticated are refused and not held', async () => {
      const term = await Terminal.open(gw.port, vehicles[1]!.phone);
      const parts = term.split(
        {
          kind: 'locationBatch',
          batchType: 0,
          items: [location(t.clock.now(), 0), location(t.clock.now(), 1)],
        },
        40,
      );
      term.write(parts[0]!);
      const reply = await term.next();
      assert.equal(reply.message.kind === 'platformResponse' && reply.message.result, 1);
      term.close();
    });
  });
}
