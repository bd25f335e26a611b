// JT/T 809 superior side: a TCP server subordinate platforms log in to (0x1001 → 0x1002 with a
// VERIFY_CODE), whose sub link this side opens back to DOWN_LINK_IP:PORT (0x9001), and whose
// 0x1202/0x1203 locations are stored as positions of vehicles matched by plate — or created under
// the link's org unit, marked as forwarded by it. A keep-alive is answered only once every position
// received before it is committed: the subordinate's cursor relies on that.
import { randomInt, timingSafeEqual } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { Header, LinkReport, Packet, VehicleLocation } from '@jtgov/jt809';
import { type AuditContext, recordAudit, SYSTEM_CONTEXT } from '../../platform/audit/audit.service.ts';
import type { Db } from '../../platform/db/database.ts';
import { Jt809Connection, type LinkParameters } from './jt809-connection.ts';
import { COUNT_NOTICE_EVERY, ReceivedCounter } from './jt809-statistics.ts';
import { storeForwardedAlarm, storeForwardedRegistration, toPosition } from './jt809-superior-store.ts';
import type { LinkLog } from './jt809-uplink.types.ts';
import { findVehicleIdByPlate, insertForwardedVehicle } from './platform-links.repository.ts';
import type { CountTraffic, LinkTraffic, TrafficCounts } from './platform-links-traffic.ts';
import type { PositionWriter } from './position-writer.ts';

/** A subordinate platform allowed to log in, with its password opened. */
export interface SubordinateLink {
  id: number;
  name: string;
  orgUnitId: number;
  orgPath: string;
  gnssCenterId: number;
  userId: number;
  password: string;
  params: LinkParameters;
}

export interface SubordinateStatus {
  connected: boolean;
  subLink: boolean;
  loggedInAt: string | null;
  lastReceivedAt: string | null;
  positionsReceived: number;
  alarmsReceived: number;
}

/** 0x1002 results (JT/T 809-2011 §4.5.1.2). */
const LOGIN = { ok: 0, accessCode: 2, user: 3, password: 4 } as const;
const SUB_LINK_KEEP_ALIVE_MS = 30_000;

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

class SubordinateSession {
  readonly conn: Jt809Connection;
  link: SubordinateLink | null = null;
  verifyCode = 0;
  sub: Jt809Connection | null = null;
  loggedInAt: Date | null = null;
  positionsReceived = 0;
  /** Storing of everything that arrived so far (a keep-alive is answered after it). */
  pending: Promise<void> = Promise.resolve();
  /** Vehicle lookups, one at a time and in arrival order, so writes queue in that order. */
  lookups: Promise<unknown> = Promise.resolve();
  counter: ReceivedCounter | null = null;
  /** Waiting for the 0x1102 that answers a 0x9102. */
  reportWaiters: ((report: LinkReport) => void)[] = [];
  /** Counts traffic for the link once it is logged in. */
  readonly count: CountTraffic;
  #subTimer: NodeJS.Timeout | undefined;

  constructor(socket: Socket, server: Jt809Superior) {
    this.count = (count) => server.count(this, count);
    this.conn = new Jt809Connection(socket, null, (packet) => server.onPacket(this, packet), {
      keysFor: (header: Header) => server.linkFor(header.gnssCenterId)?.params.keys ?? undefined,
      count: this.count,
    });
    socket.on('close', () => {
      clearInterval(this.#subTimer);
      this.sub?.socket.destroy();
      this.count({ reconnects: 1 });
      server.closed(this);
    });
  }

  openSubLink(host: string, port: number, onFailure: () => void): void {
    const params = this.link?.params;
    if (!params) return;
    const socket = connect({ host, port });
    const sub = new Jt809Connection(
      socket,
      params,
      (packet) => {
        if (packet.message.kind === 'subLinkLoginResponse' && packet.message.result !== 0) socket.destroy();
      },
      { count: this.count },
    );
    this.sub = sub;
    socket.once('connect', () => {
      sub.send({ kind: 'subLinkLoginRequest', verifyCode: this.verifyCode });
      this.#subTimer = setInterval(() => sub.send({ kind: 'subLinkKeepAlive' }), SUB_LINK_KEEP_ALIVE_MS);
    });
    socket.once('error', onFailure);
  }
}

export interface SuperiorOptions {
  db: Db;
  port: number;
  host: string;
  writer: PositionWriter;
  log: LinkLog;
  now: () => Date;
  /** Locations received per 0x9101 notice (default 10,000, the standard's example). */
  countNoticeEvery?: number;
  /** Where each logged-in subordinate's traffic is counted. */
  traffic?: LinkTraffic;
}

export class Jt809Superior {
  readonly #o: SuperiorOptions;
  #server: Server | null = null;
  #links = new Map<number, SubordinateLink>();
  readonly #sessions = new Set<SubordinateSession>();
  readonly #received = new Map<number, { positions: number; alarms: number; lastAt: Date }>();
  readonly #vehicles = new Map<string, number>();

  constructor(options: SuperiorOptions) {
    this.#o = options;
  }

  get port(): number {
    const address = this.#server?.address();
    return typeof address === 'object' && address ? address.port : this.#o.port;
  }

  /** The subordinates allowed in; a session whose link is gone or disabled is closed. */
  setLinks(links: readonly SubordinateLink[]): void {
    this.#links = new Map(links.map((l) => [l.gnssCenterId, l]));
    for (const s of this.#sessions) {
      const now = s.link && this.#links.get(s.link.gnssCenterId);
      if (s.link && (!now || now.id !== s.link.id || now.password !== s.link.password))
        s.conn.socket.destroy();
    }
  }

  linkFor(gnssCenterId: number): SubordinateLink | undefined {
    return this.#links.get(gnssCenterId);
  }

  statusOf(linkId: number): SubordinateStatus {
    const session = [...this.#sessions].find((s) => s.link?.id === linkId);
    const received = this.#received.get(linkId);
    return {
      connected: session !== undefined,
      subLink: session?.sub?.open === true,
      loggedInAt: session?.loggedInAt?.toISOString() ?? null,
      lastReceivedAt: received?.lastAt.toISOString() ?? null,
      positionsReceived: received?.positions ?? 0,
      alarmsReceived: received?.alarms ?? 0,
    };
  }

  /**
   * Asks a logged-in subordinate (0x9102 on its sub link) for its link connection and location
   * transfer report over a period; resolves with its 0x1102, or null after `timeoutMs`.
   */
  requestLinkReport(linkId: number, start: Date, end: Date, timeoutMs = 10_000): Promise<LinkReport | null> {
    const session = [...this.#sessions].find((s) => s.link?.id === linkId);
    if (!session?.sub?.open) return Promise.resolve(null);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(null), timeoutMs);
      session.reportWaiters.push((report) => {
        clearTimeout(timer);
        resolve(report);
      });
      session.sub?.send({
        kind: 'linkReportRequest',
        platformId: String(session.link?.gnssCenterId ?? ''),
        startTime: Math.floor(start.getTime() / 1000),
        endTime: Math.floor(end.getTime() / 1000),
      });
    });
  }

  async start(): Promise<void> {
    const server = createServer((socket) => {
      const session = new SubordinateSession(socket, this);
      this.#sessions.add(session);
      // A connection that does not log in within a minute is dropped.
      socket.setTimeout(60_000, () => {
        if (!session.link) socket.destroy();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#o.port, this.#o.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', (err) => this.#o.log.warn({ err: String(err) }, 'jt809 server error'));
    this.#server = server;
  }

  async close(): Promise<void> {
    const stopped = new Promise<void>((resolve) =>
      this.#server ? this.#server.close(() => resolve()) : resolve(),
    );
    for (const s of this.#sessions) s.conn.socket.destroy();
    await Promise.all([...this.#sessions].map((s) => s.pending));
    await stopped;
  }

  count(session: SubordinateSession, count: Partial<TrafficCounts>): void {
    if (session.link) this.#o.traffic?.add(session.link.id, count);
  }

  closed(session: SubordinateSession): void {
    this.#sessions.delete(session);
  }

  onPacket(session: SubordinateSession, packet: Packet): void {
    const { header, message: m } = packet;
    const conn = session.conn;
    if (m.kind === 'loginRequest') {
      const link = this.#links.get(header.gnssCenterId);
      let result: number = LOGIN.ok;
      if (!link || (m.gnssCenterId !== undefined && m.gnssCenterId !== header.gnssCenterId))
        result = LOGIN.accessCode;
      else if (link.userId !== m.userId) result = LOGIN.user;
      else if (!sameText(link.password, m.password)) result = LOGIN.password;
      const params: LinkParameters = link?.params ?? {
        edition: header.version,
        gnssCenterId: header.gnssCenterId,
        keys: null,
      };
      if (result !== LOGIN.ok || !link) {
        conn.send({ kind: 'loginResponse', result, verifyCode: 0 }, params);
        this.#o.log.warn({ gnssCenterId: header.gnssCenterId, result }, 'jt809 login refused');
        conn.socket.end();
        return;
      }
      // One session per subordinate: a new login replaces the old one.
      for (const s of this.#sessions) if (s !== session && s.link?.id === link.id) s.conn.socket.destroy();
      session.link = link;
      session.loggedInAt = this.#o.now();
      session.verifyCode = randomInt(1, 0xffffffff);
      session.counter = new ReceivedCounter(
        this.#o.countNoticeEvery ?? COUNT_NOTICE_EVERY,
        session.loggedInAt,
      );
      conn.params = params;
      conn.send({ kind: 'loginResponse', result: LOGIN.ok, verifyCode: session.verifyCode });
      if (m.downLinkIp && m.downLinkPort > 0)
        session.openSubLink(m.downLinkIp, m.downLinkPort, () =>
          conn.send({ kind: 'subLinkDisconnect', errorCode: 0 }),
        );
      return;
    }
    const link = session.link;
    if (!link) {
      conn.socket.destroy();
      return;
    }
    switch (m.kind) {
      case 'keepAlive':
        session.pending = session.pending.then(() => {
          conn.send({ kind: 'keepAliveResponse' });
        });
        return;
      case 'logoutRequest':
        session.pending = session.pending.then(() => {
          conn.send({ kind: 'logoutResponse' });
          conn.socket.end();
        });
        return;
      case 'vehicleDynamic': {
        const data = m.data;
        if (data.type === 'registration') {
          const receivedAt = this.#o.now();
          this.#inOrder(session, link, m.vehicleNo, m.vehicleColor, (id) =>
            storeForwardedRegistration(this.#o.db, link, id, data, receivedAt),
          );
          return;
        }
        const locations =
          data.type === 'realtimeLocation'
            ? [data.location]
            : data.type === 'historyLocation'
              ? data.locations
              : [];
        if (locations.length === 0) return;
        const receivedAt = this.#o.now();
        // Writes are not awaited one by one: the writer group-commits them in the order given.
        const vehicleId = session.lookups.then(() => this.#vehicleId(link, m.vehicleNo, m.vehicleColor));
        session.lookups = vehicleId.catch(() => undefined);
        const written = vehicleId.then((id) => this.#store(id, locations, receivedAt));
        session.pending = Promise.all([session.pending, written])
          .then(([, stored]) => {
            session.positionsReceived += stored;
            session.count({ positions: stored });
            const r = this.#received.get(link.id) ?? { positions: 0, alarms: 0, lastAt: receivedAt };
            r.positions += stored;
            r.lastAt = receivedAt;
            this.#received.set(link.id, r);
            // 0x9101 on the sub link once every so many are stored; not answered.
            const notice = session.counter?.add(stored, this.#o.now());
            if (notice) session.sub?.send({ kind: 'receivedCountNotice', ...notice });
          })
          .catch((err: unknown) => {
            // Nothing after this is confirmed: the subordinate resends from its cursor.
            this.#o.log.warn({ link: link.id, err: String(err) }, 'jt809 positions not stored');
            conn.socket.destroy();
          });
        return;
      }
      case 'linkReport': {
        const waiters = session.reportWaiters;
        session.reportWaiters = [];
        for (const resolve of waiters) resolve(m);
        return;
      }
      case 'warning': {
        if (m.data.type !== 'alarmReport') return;
        const data = m.data;
        const at = this.#o.now();
        // 2011 names the vehicle in the header of 0x1400, 2019 inside 0x1402.
        const vehicleNo = m.vehicleNo ?? data.vehicleNo ?? '';
        const vehicleColor = m.vehicleColor ?? data.vehicleColor ?? 0;
        if (!vehicleNo) return;
        this.#inOrder(session, link, vehicleNo, vehicleColor, async (id) => {
          await storeForwardedAlarm(this.#o.db, link, id, data, at);
          const r = this.#received.get(link.id) ?? { positions: 0, alarms: 0, lastAt: at };
          r.alarms++;
          r.lastAt = at;
          this.#received.set(link.id, r);
        });
        return;
      }
      default:
        return;
    }
  }

  /**
   * Stores something about a vehicle after everything received before it: the keep-alive answered
   * after it then confirms it too. A failure closes the session (the subordinate resends).
   */
  #inOrder(
    session: SubordinateSession,
    link: SubordinateLink,
    vehicleNo: string,
    vehicleColor: number,
    store: (vehicleId: number) => Promise<void>,
  ): void {
    const vehicleId = session.lookups.then(() => this.#vehicleId(link, vehicleNo, vehicleColor));
    session.lookups = vehicleId.catch(() => undefined);
    const stored = vehicleId.then(store);
    session.pending = Promise.all([session.pending, stored])
      .then(() => undefined)
      .catch((err: unknown) => {
        this.#o.log.warn({ link: link.id, err: String(err) }, 'jt809 report not stored');
        session.conn.socket.destroy();
      });
  }

  async #store(vehicleId: number, locations: readonly VehicleLocation[], receivedAt: Date): Promise<number> {
    const rows = locations.flatMap((g) => toPosition(vehicleId, g, receivedAt) ?? []);
    await this.#o.writer.write(rows);
    return rows.length;
  }

  async #vehicleId(link: SubordinateLink, plateNo: string, plateColor: number): Promise<number> {
    const key = `${plateNo}\u0000${plateColor}`;
    const cached = this.#vehicles.get(key);
    if (cached !== undefined) return cached;
    const db = this.#o.db;
    const found = await findVehicleIdByPlate(db, plateNo, plateColor);
    const id =
      found?.id ??
      (await db.transaction().execute(async (trx) => {
        const again = await findVehicleIdByPlate(trx, plateNo, plateColor);
        if (again) return again.id;
        const created = await insertForwardedVehicle(trx, {
          plateNo,
          plateColor,
          orgUnitId: link.orgUnitId,
          linkId: link.id,
          operatorName: link.name,
          now: this.#o.now(),
        });
        const ctx: AuditContext = { ...SYSTEM_CONTEXT, username: 'jt809-superior' };
        await recordAudit(trx, ctx, {
          action: 'vehicle.forwarded.create',
          objectType: 'vehicle',
          objectId: created,
          after: { plateNo, plateColor, forwardedBy: link.id, linkName: link.name },
          orgUnitId: link.orgUnitId,
          orgPath: link.orgPath,
        });
        return created;
      }));
    this.#vehicles.set(key, id);
    return id;
  }
}
