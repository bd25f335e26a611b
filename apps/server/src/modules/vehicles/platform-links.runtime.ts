// What the JT/T 809 links keep running in a process: an uplink per enabled superior link
// (JTGOV_JT809_LINKS) and, when JTGOV_JT809_PORT is set, the server subordinate platforms log in
// to. One per application; started when it is ready, closed with it.
import type { FastifyBaseLogger } from 'fastify';
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
import { PositionWriter } from './position-writer.ts';

const keysOf = (row: PlatformLinkRow) =>
  row.encrypt ? { m1: Number(row.m1), ia1: Number(row.ia1), ic1: Number(row.ic1) } : null;

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

  constructor(platform: Platform, log: FastifyBaseLogger, timing: Partial<UplinkTiming> = {}) {
    this.#platform = platform;
    this.#log = log;
    this.#timing = timing;
  }

  /** Port of the superior-side server, when it runs. */
  get serverPort(): number | undefined {
    return this.#superior?.port;
  }

  async start(): Promise<void> {
    const { config, db } = this.#platform;
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

  async close(): Promise<void> {
    await this.#applying;
    await Promise.all([...this.#uplinks.values()].map((u) => u.stop()));
    this.#uplinks.clear();
    await this.#superior?.close();
    await this.#writer?.flush();
  }
}
