// A JT/T 808-2013 terminal over a real TCP socket for the browser tests: registers (0x0100),
// authenticates (0x0102) and reports positions (0x0200), one request at a time.
import { connect, type Socket } from 'node:net';
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
} from '@jtgov/jt808';

type Outgoing = Exclude<Message, { kind: 'raw' }>;

const beijing = (ms: number) => `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
const KM_PER_DEGREE_LAT = 111.2;

export interface TerminalVehicle {
  phone: string;
  plateNo: string;
  plateColor: number;
  terminalId: string;
  lat: number;
  lon: number;
  /** degrees true */
  direction: number;
}

export class Terminal {
  readonly #socket: Socket;
  readonly v: TerminalVehicle;
  #serial = 0;
  readonly #inbox: Packet[] = [];
  readonly #waiters: ((p: Packet) => void)[] = [];
  lat: number;
  lon: number;
  #lastMs = 0;

  private constructor(socket: Socket, v: TerminalVehicle) {
    this.#socket = socket;
    this.v = v;
    this.lat = v.lat;
    this.lon = v.lon;
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

  static async open(port: number, v: TerminalVehicle): Promise<Terminal> {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    return new Terminal(socket, v);
  }

  async request(message: Outgoing): Promise<Message> {
    const header: Header = {
      msgId: MESSAGE_IDS[message.kind as MessageKind],
      version: '2013',
      phone: this.v.phone,
      serial: this.#serial,
      encryption: 0,
      reserved: false,
    };
    this.#serial = (this.#serial + 1) & 0xffff;
    this.#socket.write(encodePacket({ header, message }));
    const ready = this.#inbox.shift();
    const packet = ready ?? (await new Promise<Packet>((resolve) => this.#waiters.push(resolve)));
    return packet.message;
  }

  /** Registers with its plate, then authenticates with the code the platform issued. */
  async signOn(): Promise<void> {
    const reg = await this.request({
      kind: 'register',
      edition: '2013',
      province: 32,
      city: 100,
      manufacturer: 'JTGOV',
      model: 'E2E-1',
      terminalId: this.v.terminalId,
      plateColor: this.v.plateColor,
      plate: this.v.plateNo,
    });
    if (reg.kind !== 'registerResponse' || reg.result !== 0 || !reg.authCode)
      throw new Error(`registration of ${this.v.plateNo} refused: ${JSON.stringify(reg)}`);
    const auth = await this.request({ kind: 'authenticate', authCode: reg.authCode });
    if (auth.kind !== 'platformResponse' || auth.result !== 0)
      throw new Error(`authentication of ${this.v.plateNo} refused: ${JSON.stringify(auth)}`);
  }

  /** Drives on along its direction at `speed` km/h for the time since the last report, and reports. */
  async report(nowMs: number, speed: number): Promise<void> {
    const seconds = this.#lastMs === 0 ? 0 : (nowMs - this.#lastMs) / 1000;
    this.#lastMs = nowMs;
    const km = (speed * seconds) / 3600;
    const rad = (this.v.direction * Math.PI) / 180;
    this.lat += (km * Math.cos(rad)) / KM_PER_DEGREE_LAT;
    this.lon += (km * Math.sin(rad)) / (KM_PER_DEGREE_LAT * Math.cos((this.lat * Math.PI) / 180));
    const location: Location = {
      alarm: 0,
      // ACC on, positioned.
      status: 3,
      lat: Math.round(this.lat * 1e6) / 1e6,
      lon: Math.round(this.lon * 1e6) / 1e6,
      altitude: 20,
      speed,
      direction: this.v.direction,
      time: beijing(nowMs),
      extras: [],
    };
    const ack = await this.request({ kind: 'location', ...location });
    if (ack.kind !== 'platformResponse' || ack.result !== 0)
      throw new Error(`position of ${this.v.plateNo} refused: ${JSON.stringify(ack)}`);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.#socket.once('close', () => resolve());
      this.#socket.destroy();
    });
  }
}
