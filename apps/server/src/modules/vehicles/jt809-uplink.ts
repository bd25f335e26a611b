// JT/T 809 uplink to a superior platform (JT/T 809-2011 §4.5.1-4.5.3; 2019 §4.5): this instance is
// the subordinate. It opens the main link (TCP client, 0x1001 login → 0x1002), keeps it alive
// (0x1005/0x1006), listens for the superior's sub link (0x9001 with the VERIFY_CODE of 0x1002) and
// forwards the positions of its jurisdiction: 0x1202 as they arrive, 0x1203 (≤ 5 per message, per
// vehicle) for those stored while the link was down.
//
// Nothing in JT/T 809 acknowledges a location. A keep-alive answered after some positions on the
// same TCP stream proves they arrived (the superior answers it only once they are stored), so the
// durable cursor advances at each 0x1006; after a break forwarding resumes from it, and the superior
// drops what it already had by (vehicle, GNSS time).
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { Packet } from '@jtgov/jt809';
import type { Db } from '../../platform/db/database.ts';
import { type RegistrationCursor, registrationsAfter } from './forwarded.repository.ts';
import { Jt809Connection, type Jt809Outgoing, type LinkParameters } from './jt809-connection.ts';
import { toAlarmReport, toForwardMessages, toRegistration } from './jt809-forwarding.ts';
import { LinkOutages } from './jt809-statistics.ts';
import {
  DEFAULT_UPLINK_TIMING,
  type LinkLog,
  type UplinkConfig,
  type UplinkHooks,
  type UplinkStatus,
  type UplinkTiming,
} from './jt809-uplink.types.ts';
import {
  alarmsAfter,
  type ForwardRow,
  findLinkCursor,
  insertLinkState,
  type LinkCursor,
  type PositionCursor,
  positionsAfter,
  saveLinkCursor,
} from './platform-links.repository.ts';
import type { CountTraffic } from './platform-links-traffic.ts';

/** Unsent bytes beyond which forwarding waits for the socket to drain. */
const HIGH_WATER = 256 * 1024;

const keyOf = (r: ForwardRow): PositionCursor => ({
  receivedAt: r.received_at,
  vehicleId: Number(r.vehicle_id),
  gnssTime: r.gnss_time,
});

export class Jt809Uplink {
  readonly config: UplinkConfig;
  readonly #db: Db;
  readonly #log: LinkLog;
  readonly #t: UplinkTiming;
  readonly #params: LinkParameters;
  readonly #hooks: UplinkHooks;
  readonly #count: CountTraffic;
  #state: UplinkStatus['state'] = 'down';
  #main: Jt809Connection | null = null;
  #sub: Jt809Connection | null = null;
  #subServer: Server | null = null;
  #subSockets = new Set<Socket>();
  #verifyCode: number | null = null;
  #loggedInAt: Date | null = null;
  #acked: LinkCursor | null = null;
  #sent: PositionCursor | null = null;
  #sentAlarm = 0;
  /** Registrations (0x1201) sent on this login: all of them after a login, then each new one. */
  #sentRegistration: RegistrationCursor = { registeredAt: new Date(0), vehicleId: 0 };
  #sentSinceAck = 0;
  /** Something was sent since the last keep-alive. */
  #unconfirmed = false;
  #probe: { cursor: PositionCursor; alarmId: number; count: number; at: number } | null = null;
  #lastProbeAt = 0;
  #lastAckAt: Date | null = null;
  #positionsSent = 0;
  #reconnects = 0;
  #backoff: number;
  #lastError: string | null = null;
  #outages = new LinkOutages();
  #superiorCount: UplinkStatus['superiorCount'] = null;
  #timers: NodeJS.Timeout[] = [];
  #retry: NodeJS.Timeout | undefined;
  #pumping = false;
  /** Counts logins: a read begun on an earlier connection is not forwarded on a later one. */
  #session = 0;
  #saving: Promise<void> = Promise.resolve();
  #stopped = false;

  constructor(
    db: Db,
    config: UplinkConfig,
    log: LinkLog,
    timing: Partial<UplinkTiming> = {},
    hooks: UplinkHooks = {},
  ) {
    this.#db = db;
    this.#hooks = hooks;
    this.#count = hooks.count ?? (() => {});
    this.config = config;
    this.#log = log;
    this.#t = { ...DEFAULT_UPLINK_TIMING, ...timing };
    this.#backoff = this.#t.minBackoffMs;
    this.#params = { edition: config.edition, gnssCenterId: config.gnssCenterId, keys: config.keys };
  }

  /** The last position the superior confirmed. */
  get ackedCursor(): PositionCursor | undefined {
    return this.#acked?.position;
  }

  get status(): UplinkStatus {
    return {
      state: this.#state,
      subLink: this.#sub?.open === true,
      loggedInAt: this.#loggedInAt?.toISOString() ?? null,
      lastAckAt: this.#lastAckAt?.toISOString() ?? null,
      ackedThrough: (this.#acked?.position.receivedAt ?? new Date(0)).toISOString(),
      positionsForwarded: this.#acked?.positionsForwarded ?? 0,
      positionsSent: this.#positionsSent,
      reconnects: this.#reconnects,
      lastError: this.#lastError,
      superiorCount: this.#superiorCount,
    };
  }

  async start(now: Date): Promise<void> {
    await insertLinkState(this.#db, this.config.id, now);
    this.#acked = (await findLinkCursor(this.#db, this.config.id)) ?? null;
    await this.#listenForSubLink();
    this.#timers.push(
      setInterval(() => void this.#pump(), this.#t.pollMs),
      setInterval(() => this.#keepAlive(), Math.min(this.#t.keepAliveMs, 1_000)),
    );
    this.#connect();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    for (const timer of this.#timers) clearInterval(timer);
    clearTimeout(this.#retry);
    const main = this.#main;
    if (main?.open && this.#state === 'loggedIn') {
      // 0x1003 logout; the superior answers 0x1004 and both close.
      main.send({ kind: 'logoutRequest', userId: this.config.userId, password: this.config.password });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1_000);
        main.socket.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    main?.socket.destroy();
    for (const s of this.#subSockets) s.destroy();
    await new Promise<void>((resolve) =>
      this.#subServer ? this.#subServer.close(() => resolve()) : resolve(),
    );
    await this.#saving;
    this.#state = 'stopped';
  }

  async #listenForSubLink(): Promise<void> {
    const server = createServer((socket) => {
      this.#subSockets.add(socket);
      socket.on('close', () => this.#subSockets.delete(socket));
      new Jt809Connection(socket, this.#params, (packet, conn) => this.#onSubLink(packet, conn), {
        count: this.#count,
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.downLinkPort, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', (err) =>
      this.#log.warn({ link: this.config.id, err: String(err) }, 'jt809 sub-link server'),
    );
    this.#subServer = server;
  }

  get subLinkPort(): number {
    const address = this.#subServer?.address();
    return typeof address === 'object' && address ? address.port : this.config.downLinkPort;
  }

  #onSubLink(packet: Packet, conn: Jt809Connection): void {
    const m = packet.message;
    switch (m.kind) {
      case 'subLinkLoginRequest': {
        const ok = this.#verifyCode !== null && m.verifyCode === this.#verifyCode;
        conn.send({ kind: 'subLinkLoginResponse', result: ok ? 0 : 1 });
        if (ok) {
          if (this.#sub && this.#sub !== conn) this.#sub.socket.destroy();
          this.#sub = conn;
        } else conn.socket.end();
        return;
      }
      case 'subLinkKeepAlive':
        conn.send({ kind: 'subLinkKeepAliveResponse' });
        return;
      case 'subLinkLogoutRequest':
        conn.send({ kind: 'subLinkLogoutResponse' });
        conn.socket.end();
        return;
      case 'receivedCountNotice':
        if (conn !== this.#sub) return;
        this.#superiorCount = {
          total: m.total,
          startTime: new Date(m.startTime * 1000).toISOString(),
          endTime: new Date(m.endTime * 1000).toISOString(),
          receivedAt: new Date().toISOString(),
        };
        return;
      case 'linkReportRequest': {
        if (conn !== this.#sub) return;
        // 0x1102 goes on the main link; the platform asked about is this one.
        const askedAt = new Date();
        const report = this.#outages.report(m.platformId, m.startTime, m.endTime, askedAt);
        if (this.#main?.send({ kind: 'linkReport', ...report }))
          this.#hooks.onReportAsked?.({ kind: 'linkReport', ...report }, askedAt);
        return;
      }
      default:
        return;
    }
  }

  #connect(): void {
    if (this.#stopped) return;
    this.#state = 'connecting';
    const socket = connect({ host: this.config.host, port: this.config.port });
    const main = new Jt809Connection(socket, this.#params, (packet) => this.#onMain(packet), {
      count: this.#count,
    });
    this.#main = main;
    socket.once('connect', () => {
      const login: Jt809Outgoing = {
        kind: 'loginRequest',
        userId: this.config.userId,
        password: this.config.password,
        downLinkIp: this.config.downLinkHost,
        downLinkPort: this.subLinkPort,
      };
      if (this.config.edition === '2019') login.gnssCenterId = this.config.gnssCenterId;
      main.send(login);
    });
    socket.once('error', (err) => {
      this.#lastError = err.message;
    });
    socket.once('close', () => {
      if (this.#main !== main) return;
      this.#main = null;
      if (this.#state === 'loggedIn') this.#outages.down(new Date());
      this.#state = 'down';
      this.#verifyCode = null;
      this.#probe = null;
      this.#sent = null;
      if (this.#stopped) return;
      this.#reconnects++;
      this.#count({ reconnects: 1 });
      this.#retry = setTimeout(() => this.#connect(), this.#backoff);
      this.#backoff = Math.min(this.#t.maxBackoffMs, this.#backoff * 2);
    });
  }

  #onMain(packet: Packet): void {
    const m = packet.message;
    switch (m.kind) {
      case 'loginResponse':
        if (m.result !== 0) {
          this.#lastError = `login refused: result ${m.result}`;
          this.#log.warn({ link: this.config.id, result: m.result }, 'jt809 superior refused the login');
          this.#main?.socket.destroy();
          return;
        }
        this.#state = 'loggedIn';
        this.#verifyCode = m.verifyCode;
        this.#loggedInAt = new Date();
        this.#outages.up(this.#loggedInAt);
        this.#backoff = this.#t.minBackoffMs;
        this.#lastError = null;
        this.#sent = this.#acked?.position ?? null;
        this.#sentAlarm = this.#acked?.alarmId ?? 0;
        this.#sentRegistration = { registeredAt: new Date(0), vehicleId: 0 };
        this.#sentSinceAck = 0;
        this.#session++;
        this.#log.info({ link: this.config.id }, 'jt809 main link logged in');
        void this.#pump();
        return;
      case 'keepAliveResponse':
        this.#onAck();
        return;
      case 'logoutResponse':
        this.#main?.socket.end();
        return;
      case 'subLinkDisconnect':
        this.#lastError = `superior cannot open the sub link (0x9007, code ${m.errorCode})`;
        return;
      default:
        return;
    }
  }

  #onAck(): void {
    const probe = this.#probe;
    this.#probe = null;
    this.#lastAckAt = new Date();
    if (!probe || !this.#acked) return;
    this.#acked = {
      ...this.#acked,
      position: probe.cursor,
      alarmId: probe.alarmId,
      ackedAt: this.#lastAckAt,
      positionsForwarded: this.#acked.positionsForwarded + probe.count,
    };
    if (probe.count > 0) this.#count({ positions: probe.count });
    const cursor = this.#acked;
    this.#saving = this.#saving
      .then(() => saveLinkCursor(this.#db, this.config.id, cursor))
      .catch((err: unknown) =>
        this.#log.warn({ link: this.config.id, err: String(err) }, 'jt809 cursor not saved'),
      );
  }

  /** Sends a keep-alive: periodically, or soon after positions so they are confirmed. */
  #sendProbe(): void {
    const main = this.#main;
    if (!main || this.#state !== 'loggedIn' || this.#probe) return;
    const cursor = this.#sent ?? this.#acked?.position;
    if (!cursor) return;
    this.#probe = { cursor, alarmId: this.#sentAlarm, count: this.#sentSinceAck, at: Date.now() };
    this.#sentSinceAck = 0;
    this.#unconfirmed = false;
    this.#lastProbeAt = Date.now();
    main.send({ kind: 'keepAlive' });
  }

  #keepAlive(): void {
    if (this.#state !== 'loggedIn') return;
    const now = Date.now();
    if (this.#probe && now - this.#probe.at > this.#t.ackTimeoutMs) {
      this.#lastError = 'keep-alive unanswered';
      this.#main?.socket.destroy();
      return;
    }
    if (!this.#probe && now - this.#lastProbeAt >= this.#t.keepAliveMs) this.#sendProbe();
  }

  async #pump(): Promise<void> {
    if (this.#pumping || this.#state !== 'loggedIn') return;
    this.#pumping = true;
    try {
      while (this.#state === 'loggedIn' && this.#main && this.#main.socket.writableLength < HIGH_WATER) {
        const from = this.#sent ?? this.#acked?.position;
        if (!from) break;
        const session = this.#session;
        const rows = await positionsAfter(this.#db, this.config.orgPath, from, this.#t.batchSize);
        if (session !== this.#session) continue;
        if (rows.length === 0 || !this.#main || this.#state !== 'loggedIn') break;
        for (const m of toForwardMessages(rows, this.#loggedInAt as Date, this.config.edition))
          this.#main.send(m);
        this.#sent = keyOf(rows[rows.length - 1]!);
        this.#sentSinceAck += rows.length;
        this.#unconfirmed = true;
        this.#positionsSent += rows.length;
        if (rows.length < this.#t.batchSize) break;
      }
      await this.#forwardAlarms();
      await this.#forwardRegistrations();
      if (this.#unconfirmed && Date.now() - this.#lastProbeAt >= this.#t.probeMs) this.#sendProbe();
    } catch (err) {
      this.#lastError = `reading positions: ${String(err)}`;
    } finally {
      this.#pumping = false;
    }
  }

  /** Alarms raised in the jurisdiction as 0x1400/0x1402, confirmed by the same keep-alives. */
  async #forwardAlarms(): Promise<void> {
    const session = this.#session;
    const alarms = await alarmsAfter(this.#db, this.config.orgPath, this.#sentAlarm, 100);
    const main = this.#main;
    if (alarms.length === 0 || session !== this.#session || !main || this.#state !== 'loggedIn') return;
    const edition = this.config.edition;
    for (const a of alarms)
      main.send({
        kind: 'warning',
        ...(edition === '2011' && { vehicleNo: a.plate_no, vehicleColor: a.plate_color }),
        data: toAlarmReport(a, edition),
      });
    this.#sentAlarm = alarms[alarms.length - 1]!.id;
    this.#unconfirmed = true;
  }

  /**
   * Vehicle registrations as 0x1200/0x1201: every registered vehicle of the jurisdiction after a
   * login, then each vehicle whose terminal registers (again). Not kept in the cursor: a new login
   * sends them all again, so one lost with a connection is sent on the next.
   */
  async #forwardRegistrations(): Promise<void> {
    const edition = this.config.edition;
    while (this.#state === 'loggedIn' && this.#main && this.#main.socket.writableLength < HIGH_WATER) {
      const session = this.#session;
      const rows = await registrationsAfter(this.#db, this.config.orgPath, this.#sentRegistration, 200);
      const main = this.#main;
      if (rows.length === 0 || session !== this.#session || !main || this.#state !== 'loggedIn') return;
      for (const r of rows)
        main.send({
          kind: 'vehicleDynamic',
          vehicleNo: r.plate_no,
          vehicleColor: r.plate_color,
          data: toRegistration(r, edition),
        });
      const last = rows[rows.length - 1]!;
      this.#sentRegistration = { registeredAt: last.registered_at, vehicleId: last.id };
      this.#unconfirmed = true;
      if (rows.length < 200) return;
    }
  }
}
