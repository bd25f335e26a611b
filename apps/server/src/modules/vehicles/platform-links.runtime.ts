// What the JT/T 809 links keep running in a process: an uplink per enabled superior link
// (JTGOV_JT809_LINKS) and, when JTGOV_JT809_PORT is set, the server subordinate platforms log in
// to. One per application; started when it is ready, closed with it. The links' traffic is counted
// here and added to platform_link_traffic every few seconds.
import type { LinkReport } from '@jtgov/jt809';
import type { FastifyBaseLogger } from 'fastify';
import { conflict } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/http/platform.ts';
import { Jt809Superior, type SubordinateLink } from './jt809-superior.ts';
import { Jt809Uplink } from './jt809-uplink.ts';
import type { UplinkTiming } from './jt809-uplink.types.ts';
import {
  findLink,
  listEnabledSuperiorLinks,
  listLinks,
  type PlatformLinkRow,
  positionsAfter,
} from './platform-links.repository.ts';
import type { LinkStatus } from './platform-links.service.ts';
import { addTraffic } from './platform-links-stats.repository.ts';
import { recordAskedReport } from './platform-links-stats.service.ts';
import { LinkTraffic } from './platform-links-traffic.ts';
import { PositionWriter } from './position-writer.ts';

const keysOf = (row: PlatformLinkRow) =>
  row.encrypt ? { m1: Number(row.m1), ia1: Number(row.ia1), ic1: Number(row.ic1) } : null;

/** How often counted traffic is stored. */
const TRAFFIC_FLUSH_MS = 5_000;
/** How long a subordinate has to answer a 0x9102. */
const REPORT_TIMEOUT_MS = 10_000;

const IDLE: LinkStatus = {
  running: false,
  connected: false,
  subLink: false,
  loggedInAt: null,
  lastAckAt: null,
  ackedThrough: null,
  lagMs: null,
  positionsForwarded: 0,
  positionsSent: 0,
  positionsReceived: 0,
  alarmsReceived: 0,
  lastReceivedAt: null,
  reconnects: 0,
  lastError: null,
  superiorCount: null,
};

export class PlatformLinksRuntime {
  readonly #platform: Platform;
  readonly #log: FastifyBaseLogger;
  readonly #timing: Partial<UplinkTiming>;
  readonly #uplinks = new Map<number, Jt809Uplink>();
  #superior: Jt809Superior | null = null;
  #writer: PositionWriter | null = null;
  /** Link changes apply one at a time, in the order they committed. */
  #applying: Promise<void> = Promise.resolve();
  readonly #traffic: LinkTraffic;
  #flushing: Promise<void> = Promise.resolve();
  #flushTimer: NodeJS.Timeout | undefined;

  constructor(platform: Platform, log: FastifyBaseLogger, timing: Partial<UplinkTiming> = {}) {
    this.#platform = platform;
    this.#log = log;
    this.#timing = timing;
    this.#traffic = new LinkTraffic(() => platform.clock.now());
  }

  /** Port of the superior-side server, when it runs. */
  get serverPort(): number | undefined {
    return this.#superior?.port;
  }

  async start(): Promise<void> {
    const { config, db } = this.#platform;
    this.#flushTimer = setInterval(() => void this.flushTraffic(), TRAFFIC_FLUSH_MS);
    this.#flushTimer.unref();
    if (config.jt809.links)
      for (const row of await listEnabledSuperiorLinks(db)) await this.#startUplink(row);
    if (config.jt809.port !== undefined) {
      this.#writer = new PositionWriter(db);
      this.#superior = new Jt809Superior({
        db,
        port: config.jt809.port,
        host: config.jt809.host,
        writer: this.#writer,
        log: this.#log,
        now: () => this.#platform.clock.now(),
        traffic: this.#traffic,
      });
      await this.#refreshSubordinates();
      await this.#superior.start();
      this.#log.info({ port: this.#superior.port }, 'JT/T 809 server listening');
    }
  }

  async #startUplink(row: PlatformLinkRow): Promise<void> {
    const uplink = new Jt809Uplink(
      this.#platform.db,
      {
        id: row.id,
        name: row.name,
        host: row.host as string,
        port: row.port as number,
        downLinkHost: row.down_link_host ?? '127.0.0.1',
        downLinkPort: row.down_link_port ?? 0,
        gnssCenterId: Number(row.gnss_center_id),
        userId: Number(row.user_id),
        password: this.#platform.secretBox.open(row.password_sealed),
        edition: row.edition,
        keys: keysOf(row),
        orgPath: row.org_path,
      },
      this.#log,
      this.#timing,
      {
        count: this.#traffic.meter(row.id),
        onReportAsked: (report, askedAt) =>
          void recordAskedReport(this.#platform.db, row.id, report, askedAt).catch((err: unknown) =>
            this.#log.warn({ err, linkId: row.id }, 'JT/T 809 link report not stored'),
          ),
      },
    );
    this.#uplinks.set(row.id, uplink);
    await uplink.start(this.#platform.clock.now());
  }

  async #refreshSubordinates(): Promise<void> {
    if (!this.#superior) return;
    const { items } = await listLinks(this.#platform.db, 10_000, 0);
    const links: SubordinateLink[] = items
      .filter((r) => r.direction === 'subordinate' && r.enabled)
      .map((r) => ({
        id: r.id,
        name: r.name,
        orgUnitId: r.org_unit_id,
        orgPath: r.org_path,
        gnssCenterId: Number(r.gnss_center_id),
        userId: Number(r.user_id),
        password: this.#platform.secretBox.open(r.password_sealed),
        params: { edition: r.edition, gnssCenterId: Number(r.gnss_center_id), keys: keysOf(r) },
      }));
    this.#superior.setLinks(links);
  }

  /** Brings a link's running state in line with its row (after the row's change committed). */
  apply(linkId: number): Promise<void> {
    const run = this.#applying.then(async () => {
      const row = await findLink(this.#platform.db, linkId);
      const running = this.#uplinks.get(linkId);
      if (running) {
        this.#uplinks.delete(linkId);
        await running.stop();
      }
      if (row?.direction === 'superior' && row.enabled && this.#platform.config.jt809.links)
        await this.#startUplink(row);
      if (row?.direction !== 'superior') await this.#refreshSubordinates();
    });
    this.#applying = run.catch((err: unknown) =>
      this.#log.error({ err, linkId }, 'JT/T 809 link not applied'),
    );
    return run;
  }

  statusOf(row: PlatformLinkRow): LinkStatus {
    if (row.direction === 'subordinate') {
      if (!this.#superior) return IDLE;
      return { ...IDLE, running: true, ...this.#superior.statusOf(row.id) };
    }
    const uplink = this.#uplinks.get(row.id);
    if (!uplink) return IDLE;
    const s = uplink.status;
    return {
      ...IDLE,
      running: true,
      connected: s.state === 'loggedIn',
      subLink: s.subLink,
      loggedInAt: s.loggedInAt,
      lastAckAt: s.lastAckAt,
      ackedThrough: s.ackedThrough,
      positionsForwarded: s.positionsForwarded,
      positionsSent: s.positionsSent,
      reconnects: s.reconnects,
      lastError: s.lastError,
      superiorCount: s.superiorCount,
    };
  }

  /** The status with the lag: how long the oldest position not yet confirmed has waited. */
  async detailedStatusOf(row: PlatformLinkRow): Promise<LinkStatus> {
    const status = this.statusOf(row);
    if (row.direction !== 'superior' || !status.ackedThrough) return status;
    const uplink = this.#uplinks.get(row.id);
    const cursor = uplink?.ackedCursor;
    if (!cursor) return status;
    const [next] = await positionsAfter(this.#platform.db, row.org_path, cursor, 1);
    // At least 1 while anything waits, even when a clock says it arrived "now".
    const lagMs = next ? Math.max(1, this.#platform.clock.now().getTime() - next.received_at.getTime()) : 0;
    return { ...status, lagMs };
  }

  /**
   * Asks a logged-in subordinate for its link report over a period (0x9102 on its sub link);
   * null when no 0x1102 came in time.
   */
  async requestReport(
    linkId: number,
    start: Date,
    end: Date,
    timeoutMs = REPORT_TIMEOUT_MS,
  ): Promise<{ report: LinkReport; at: Date } | null> {
    if (!this.#superior?.statusOf(linkId).subLink)
      throw conflict('the subordinate platform is not connected with a sub link');
    const report = await this.#superior.requestLinkReport(linkId, start, end, timeoutMs);
    return report && { report, at: this.#platform.clock.now() };
  }

  /** Adds the traffic counted so far to the hours' rows; kept for the next attempt if that fails. */
  flushTraffic(): Promise<void> {
    this.#flushing = this.#flushing.then(async () => {
      const rows = this.#traffic.take();
      try {
        await addTraffic(this.#platform.db, rows);
      } catch (err) {
        this.#traffic.restore(rows);
        this.#log.warn({ err }, 'JT/T 809 link traffic not stored');
      }
    });
    return this.#flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.#flushTimer);
    await this.#applying;
    await Promise.all([...this.#uplinks.values()].map((u) => u.stop()));
    this.#uplinks.clear();
    await this.#superior?.close();
    await this.#writer?.flush();
    await this.flushTraffic();
  }
}
