// Simulated JT/T 808 terminals over real TCP, for demos, tests and load: each registers (0x0100) or
// authenticates with the code it holds (0x0102), then reports 0x0200 positions while driving
// between two cities of the demo fleet, pipelining reports and counting the 0x8001 acknowledgements.
import { connect, type Socket } from 'node:net';
import {
  decodeFrame,
  encodePacket,
  Framer,
  type Header,
  MESSAGE_IDS,
  type Message,
  type MessageKind,
} from '@jtgov/jt808';
import { type DemoVehicle, demoVehicle } from './demo-fleet.ts';
import { Drive } from './sim-drive.ts';

export interface SimOptions {
  readonly host: string;
  readonly port: number;
  readonly count: number;
  /** Reports per second over the whole fleet; 0 holds connections idle (heartbeats only). */
  readonly rate: number;
  readonly edition?: '2013' | '2019';
  /** Index of the first demo vehicle (phones and plates follow demoVehicle). */
  readonly first?: number;
  /** Auth codes already held, by phone: those terminals skip registration. */
  readonly authCodes?: ReadonlyMap<string, string>;
  /** Local addresses connections are spread over (127.0.0.x), past one address's ephemeral ports. */
  readonly localAddresses?: readonly string[];
  /** Milliseconds since the epoch; GNSS times follow it (default Date.now). */
  readonly now?: () => number;
  /** Unacknowledged reports per terminal before it waits. */
  readonly maxInFlight?: number;
  readonly connectConcurrency?: number;
  /** Reconnect after the gateway closes a connection (not after a refused registration). */
  readonly reconnect?: boolean;
  readonly heartbeatMs?: number;
}

export interface SimStats {
  connected: number;
  authenticated: number;
  registered: number;
  refused: number;
  sent: number;
  acked: number;
  failed: number;
  reconnects: number;
}

const TICK_MS = 50;

type Outgoing = Exclude<Message, { kind: 'raw' }>;

class SimTerminal {
  readonly v: DemoVehicle;
  readonly drive: Drive;
  socket: Socket | undefined;
  ready = false;
  online = false;
  inFlight = 0;
  lastSentAt = 0;
  /** Reports owed: its share of the fleet's rate accrues here each tick, however late the tick. */
  credit: number;
  /** Last GNSS second reported: times only move forward, one report per vehicle per second. */
  lastSecond = 0;
  authCode: string | undefined;
  refused = false;
  #serial = 0;
  readonly #fleet: SimFleet;

  constructor(fleet: SimFleet, v: DemoVehicle, authCode: string | undefined) {
    this.#fleet = fleet;
    this.v = v;
    this.drive = new Drive(v);
    this.authCode = authCode;
    // A random phase, so a slow fleet's terminals do not all report on the same tick.
    this.credit = ((v.index * 2654435761) >>> 0) / 0x100000000;
  }

  get headerPhone(): string {
    return this.v.phone.padStart(this.#fleet.edition === '2019' ? 20 : 12, '0');
  }

  send(message: Outgoing): boolean {
    const socket = this.socket;
    if (!socket || socket.destroyed) return false;
    const header: Header = {
      msgId: MESSAGE_IDS[message.kind as MessageKind],
      version: this.#fleet.edition,
      phone: this.headerPhone,
      serial: this.#serial,
      encryption: 0,
      reserved: false,
    };
    if (this.#fleet.edition === '2019') header.protocolVersion = 1;
    this.#serial = (this.#serial + 1) & 0xffff;
    socket.write(encodePacket({ header, message }));
    this.lastSentAt = Date.now();
    return true;
  }

  register(): void {
    const county = Number(this.v.home.county);
    this.send({
      kind: 'register',
      edition: this.#fleet.edition,
      province: Math.floor(county / 10_000),
      city: county % 10_000,
      manufacturer: 'JTGOV',
      model: 'SIM-1',
      terminalId: this.v.terminalId,
      plateColor: this.v.plateColor,
      plate: this.v.plateNo,
    });
  }

  authenticate(code: string): void {
    if (this.#fleet.edition === '2019')
      this.send({
        kind: 'authenticate',
        authCode: code,
        imei: `86${String(this.v.index).padStart(13, '0')}`,
        softwareVersion: 'jtgov-sim 1.0',
      });
    else this.send({ kind: 'authenticate', authCode: code });
  }

  report(nowMs: number): void {
    const second = Math.max(Math.floor(nowMs / 1000), this.lastSecond + 1);
    this.drive.advance(this.lastSecond === 0 ? 1 : second - this.lastSecond);
    this.lastSecond = second;
    if (this.send({ kind: 'location', ...this.drive.location(second * 1000) })) {
      this.inFlight++;
      this.#fleet.stats.sent++;
    }
  }
}

/** A fleet of simulated terminals; start() connects them, stop() waits briefly for acks and closes. */
export class SimFleet {
  readonly stats: SimStats = {
    connected: 0,
    authenticated: 0,
    registered: 0,
    refused: 0,
    sent: 0,
    acked: 0,
    failed: 0,
    reconnects: 0,
  };
  readonly edition: '2013' | '2019';
  readonly terminals: SimTerminal[] = [];
  readonly #o: SimOptions;
  readonly #now: () => number;
  #timers: NodeJS.Timeout[] = [];
  #stopping = false;
  #connecting = 0;
  #queue: SimTerminal[] = [];
  #addressTurn = 0;
  #rate: number;

  constructor(options: SimOptions) {
    this.#o = options;
    this.edition = options.edition ?? '2013';
    this.#now = options.now ?? Date.now;
    this.#rate = options.rate;
    const first = options.first ?? 0;
    for (let i = 0; i < options.count; i++) {
      const v = demoVehicle(first + i);
      this.terminals.push(new SimTerminal(this, v, options.authCodes?.get(v.phone)));
    }
  }

  /** Auth codes learnt by registration, by phone (for a later run to authenticate directly). */
  get authCodes(): Map<string, string> {
    return new Map(this.terminals.flatMap((t) => (t.authCode ? [[t.v.phone, t.authCode] as const] : [])));
  }

  start(): void {
    this.#queue.push(...this.terminals);
    this.#pumpConnects();
    let last = performance.now();
    this.#timers.push(
      setInterval(() => {
        const now = performance.now();
        this.#tick((now - last) / 1000);
        last = now;
      }, TICK_MS),
      setInterval(() => this.#heartbeats(), 5_000),
    );
  }

  /** Resolves when every terminal has authenticated or was refused. */
  async whenReady(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.stats.authenticated + this.stats.refused < this.terminals.length) {
      if (Date.now() > deadline)
        throw new Error(
          `${this.stats.authenticated}/${this.terminals.length} terminals authenticated: ${JSON.stringify(this.stats)}`,
        );
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async stop(graceMs = 5_000): Promise<SimStats> {
    this.#stopping = true;
    for (const timer of this.#timers) clearInterval(timer);
    const deadline = Date.now() + graceMs;
    while (
      this.terminals.some((t) => t.inFlight > 0 && t.socket && !t.socket.destroyed) &&
      Date.now() < deadline
    )
      await new Promise((r) => setTimeout(r, 20));
    await Promise.all(
      this.terminals.map(
        (t) =>
          new Promise<void>((resolve) => {
            if (!t.socket || t.socket.destroyed) return resolve();
            t.socket.once('close', () => resolve());
            t.socket.destroy();
          }),
      ),
    );
    return this.stats;
  }

  /** Changes the fleet's reporting rate (0: heartbeats only), e.g. after a login storm. */
  setRate(rate: number): void {
    this.#rate = rate;
  }

  /** Reports sent and not answered yet, over the whole fleet. */
  get inFlight(): number {
    let n = 0;
    for (const t of this.terminals) n += t.inFlight;
    return n;
  }

  /**
   * Resolves once no report awaits its answer (after setRate(0), every report sent has been
   * acknowledged or failed, or its connection closed); rejects after the timeout with what is left.
   */
  async whenSettled(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.inFlight > 0) {
      if (Date.now() > deadline)
        throw new Error(
          `${this.inFlight} reports unanswered after ${timeoutMs} ms: ${JSON.stringify(this.stats)}`,
        );
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /**
   * Each online terminal is owed its share of the rate for the time since the last tick and sends
   * what it owes (within its in-flight window) in one write. Owing by elapsed time keeps the rate
   * when ticks come late (a busy process); one write per terminal per tick keeps system calls few.
   */
  #tick(seconds: number): void {
    if (this.#rate <= 0) return;
    const max = this.#o.maxInFlight ?? 32;
    const share = this.#rate / this.terminals.length;
    // What cannot be sent (window full) is not saved up beyond half a second's worth, nor beyond
    // the gateway's burst allowance.
    const cap = Math.max(1, Math.min(share * 0.5, 100));
    const now = this.#now();
    for (const t of this.terminals) {
      if (!t.ready) continue;
      t.credit = Math.min(t.credit + share * seconds, cap);
      const due = Math.min(Math.floor(t.credit), max - t.inFlight);
      if (due <= 0) continue;
      t.credit -= due;
      const socket = t.socket!;
      socket.cork();
      for (let k = 0; k < due; k++) t.report(now);
      socket.uncork();
    }
  }

  #heartbeats(): void {
    const interval = this.#o.heartbeatMs ?? 60_000;
    const now = Date.now();
    for (const t of this.terminals)
      if (t.ready && now - t.lastSentAt >= interval) t.send({ kind: 'heartbeat' });
  }

  #pumpConnects(): void {
    const limit = this.#o.connectConcurrency ?? 200;
    while (this.#connecting < limit && this.#queue.length > 0 && !this.#stopping)
      this.#connect(this.#queue.shift() as SimTerminal);
  }

  #connect(t: SimTerminal): void {
    this.#connecting++;
    const addresses = this.#o.localAddresses;
    const localAddress = addresses?.length ? addresses[this.#addressTurn++ % addresses.length] : undefined;
    const socket = connect({ host: this.#o.host, port: this.#o.port, ...(localAddress && { localAddress }) });
    t.socket = socket;
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      this.#connecting--;
      this.#pumpConnects();
    };
    const framer = new Framer();
    socket.setNoDelay(true);
    socket.on('connect', () => {
      this.stats.connected++;
      t.online = true;
      settle();
      if (t.authCode) t.authenticate(t.authCode);
      else t.register();
    });
    socket.on('data', (chunk: Buffer) =>
      framer.push(chunk, (event) => {
        if (event.type === 'frame') this.#onFrame(t, event.frame);
      }),
    );
    socket.on('error', () => {});
    socket.on('close', () => {
      settle();
      if (t.ready) this.stats.authenticated--;
      if (t.online) this.stats.connected--;
      t.online = false;
      t.ready = false;
      t.inFlight = 0;
      if (this.#stopping || t.refused || this.#o.reconnect === false) return;
      this.stats.reconnects++;
      const retry = setTimeout(
        () => {
          this.#timers.splice(this.#timers.indexOf(retry), 1);
          this.#queue.push(t);
          this.#pumpConnects();
        },
        500 + Math.random() * 1000,
      );
      this.#timers.push(retry);
    });
  }

  #onFrame(t: SimTerminal, frame: Uint8Array): void {
    const decoded = decodeFrame(frame);
    if (!decoded.ok) return;
    const { header, message } = decoded.packet;
    switch (message.kind) {
      case 'registerResponse':
        if (message.result === 0 && message.authCode) {
          t.authCode = message.authCode;
          this.stats.registered++;
          t.authenticate(message.authCode);
        } else {
          t.refused = true;
          this.stats.refused++;
          t.socket?.destroy();
        }
        return;
      case 'platformResponse':
        if (message.replyId === 0x0102) {
          if (message.result === 0) {
            t.ready = true;
            this.stats.authenticated++;
          } else if (t.authCode) {
            // A stale code: register again for a fresh one.
            t.authCode = undefined;
            t.register();
          }
        } else if (message.replyId === 0x0200) {
          t.inFlight = Math.max(0, t.inFlight - 1);
          if (message.result === 0) this.stats.acked++;
          else this.stats.failed++;
        }
        return;
      case 'locationQuery':
        t.send({
          kind: 'locationQueryResponse',
          replySerial: header.serial,
          location: t.drive.location(Math.max(t.lastSecond * 1000, this.#now())),
        });
        return;
      case 'serverTime':
        return;
      default:
        // Every other platform message is answered with a general response: ok, or unsupported.
        t.send({
          kind: 'terminalResponse',
          replySerial: header.serial,
          replyId: header.msgId,
          result: message.kind === 'raw' ? 3 : 0,
        });
    }
  }
}
