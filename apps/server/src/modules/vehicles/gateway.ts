// JT/T 808 terminal gateway: a TCP server whose connections register and authenticate terminals
// against the vehicle registry and store their positions, acknowledging each once it is durable.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { hostname } from 'node:os';
import { type AuditContext, SYSTEM_CONTEXT } from '../../platform/audit/audit.service.ts';
import type { Db } from '../../platform/db/database.ts';
import { type Clock, systemClock } from '../../platform/http/platform.ts';
import { AlarmEvaluator, type AlarmEvaluatorOptions } from './alarms.evaluator.ts';
import type { AlarmSink } from './alarms.events.ts';
import { beatGateway, registerGateway, removeGateway } from './gateway-registry.repository.ts';
import { OnlineWriter } from './online-writer.ts';
import { PositionWriter } from './position-writer.ts';
import {
  type CloseReason,
  type ConnectionHost,
  type ConnectionLimits,
  TerminalConnection,
} from './terminal-connection.ts';
import { authenticateTerminal, registerTerminal } from './terminals.service.ts';

export interface GatewayLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface GatewayOptions {
  readonly db: Db;
  readonly port: number;
  readonly host?: string;
  readonly clock?: Clock;
  readonly log?: GatewayLog;
  readonly limits?: Partial<ConnectionLimits>;
  readonly maxConnections?: number;
  /** Group commit of positions: the longest a row waits for others, and rows per statement. */
  readonly batchDelayMs?: number;
  readonly batchMaxRows?: number;
  /** Alarm rules over committed positions (default on); false: none. */
  readonly alarms?: AlarmEvaluatorOptions | false;
  /** Told of alarms raised and ended, after they are committed (the JT/T 809 uplink). */
  readonly alarmSink?: AlarmSink;
  /** This process's id on the vehicles it holds (default: host, pid and a random suffix). */
  readonly gatewayId?: string;
  /** How often the gateway's liveness row is refreshed. */
  readonly heartbeatMs?: number;
}

/** A gateway silent for this long is dead: the sweep job marks its vehicles offline. */
export const DEFAULT_HEARTBEAT_MS = 30_000;

export const DEFAULT_LIMITS: ConnectionLimits = {
  // A 1023-byte body with a 2019 subpackage header (21 bytes) and the checksum.
  maxFrameLength: 1045,
  authTimeoutMs: 30_000,
  // Three missed heartbeats at the default 60 s interval, with margin (JT/T 808-2013 §7.2.2).
  idleTimeoutMs: 300_000,
  framesPerSecond: 50,
  frameBurst: 200,
  maxInFlight: 256,
  maxOutboundBytes: 64 * 1024,
  maxBadFrames: 10,
  maxAuthFailures: 3,
  // Blind-area back-fill (0x0704 type 1) may carry reports days old.
  maxAgeMs: 90 * 86_400_000,
  maxFutureMs: 10 * 60_000,
  // JT/T 808 leaves the wait to the platform; terminals resend after their TCP reply timeout
  // (parameter 0x0002, default 10 s), so a quiet 10 s means a packet was lost.
  subpackageTimeoutMs: 10_000,
  // Room for a few whole 0x0704 batches (each at most 1023 bytes per packet).
  maxSubpackageBytes: 256 * 1024,
};

export interface Jt808Gateway {
  readonly port: number;
  /** Connections open now. */
  readonly connections: number;
  readonly writer: PositionWriter;
  /** Group commit of the vehicles' online/offline state. */
  readonly online: OnlineWriter;
  readonly id: string;
  /** Alarm evaluation of committed positions; undefined when disabled. */
  readonly alarms: AlarmEvaluator | undefined;
  /** Connections closed since start, by reason. */
  readonly closedBy: Readonly<Partial<Record<CloseReason, number>>>;
  /** Stops accepting, closes every connection, writes what is queued and marks the vehicles offline. */
  close(): Promise<void>;
}

const silent: GatewayLog = { info() {}, warn() {}, error() {} };

export async function startGateway(options: GatewayOptions): Promise<Jt808Gateway> {
  const { db } = options;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? silent;
  const limits: ConnectionLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const alarms =
    options.alarms === false
      ? undefined
      : new AlarmEvaluator(db, clock, { ...options.alarms, log: (d, m) => log.warn(d, m) });
  if (alarms && options.alarmSink) alarms.events.subscribe(options.alarmSink);
  const writer = new PositionWriter(db, {
    ...(options.batchDelayMs !== undefined && { maxDelayMs: options.batchDelayMs }),
    ...(options.batchMaxRows !== undefined && { maxRows: options.batchMaxRows }),
    ...(alarms && { onCommitted: (rows) => alarms.submit(rows) }),
  });
  const gatewayId = options.gatewayId ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  await registerGateway(db, gatewayId, hostname(), clock.now());
  const heartbeat = setInterval(() => {
    beatGateway(db, gatewayId, clock.now()).catch((err: unknown) =>
      log.error({ err: String(err) }, 'jt808 gateway heartbeat not written'),
    );
  }, options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
  heartbeat.unref();
  const open = new Set<TerminalConnection>();
  const closedBy: Partial<Record<CloseReason, number>> = {};
  /** The connection each authenticated vehicle uses: a newer connection replaces an older one. */
  const byVehicle = new Map<number, TerminalConnection>();
  /** Online/offline changes, group-committed and in order per vehicle. */
  const online = new OnlineWriter(db, gatewayId, {
    ...(options.batchDelayMs !== undefined && { maxDelayMs: options.batchDelayMs }),
  });
  const auditOf = (conn: TerminalConnection): AuditContext => ({
    ...SYSTEM_CONTEXT,
    username: 'jt808-gateway',
    ip: conn.socket.remoteAddress ?? null,
  });

  const host: ConnectionHost = {
    limits,
    now: () => clock.now(),
    register: (conn, header, message) =>
      db
        .transaction()
        .execute((trx) => registerTerminal(trx, auditOf(conn), header.phone, message, clock.now())),
    async authenticate(conn, header, authCode) {
      // A lookup, and on failure a single audit insert: no transaction needed around them.
      const vehicle = await authenticateTerminal(db, auditOf(conn), header.phone, authCode);
      if (!vehicle) return null;
      const previous = byVehicle.get(vehicle.id);
      byVehicle.set(vehicle.id, conn);
      // Its type or speed limit may have changed since it last connected.
      alarms?.refreshVehicle(vehicle.id);
      if (previous && previous !== conn) previous.close('replaced');
      try {
        // Answered only once the online state is committed.
        await online.set(vehicle.id, true, clock.now());
      } catch (err) {
        if (byVehicle.get(vehicle.id) === conn) byVehicle.delete(vehicle.id);
        throw err;
      }
      return vehicle;
    },
    writePositions: (rows, done) => writer.enqueue(rows, done),
    closed(conn) {
      open.delete(conn);
      if (open.size === 0) allClosed?.();
      const reason = conn.closeReason ?? 'peer';
      closedBy[reason] = (closedBy[reason] ?? 0) + 1;
      const vehicle = conn.vehicle;
      if (vehicle && byVehicle.get(vehicle.id) === conn) {
        byVehicle.delete(vehicle.id);
        online
          .set(vehicle.id, false, clock.now())
          .catch((err: unknown) =>
            log.error({ err: String(err), vehicleId: vehicle.id }, 'jt808 offline state not written'),
          );
      }
    },
    log: (level, details, message) => log[level](details, message),
  };

  let closing = false;
  let allClosed: (() => void) | undefined;
  const server: Server = createServer({ pauseOnConnect: false }, (socket) => {
    if (closing) {
      socket.destroy();
      return;
    }
    open.add(new TerminalConnection(socket, host));
  });
  if (options.maxConnections !== undefined) server.maxConnections = options.maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // A fleet reconnecting at once (after a restart) overflows the default backlog of 511.
    server.listen({ port: options.port, host: options.host ?? '0.0.0.0', backlog: 4096 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => log.error({ err: String(err) }, 'jt808 gateway error'));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;

  return {
    port,
    get connections() {
      return open.size;
    },
    writer,
    online,
    id: gatewayId,
    alarms,
    closedBy,
    async close() {
      closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      const drained = new Promise<void>((resolve) => {
        allClosed = resolve;
        if (open.size === 0) resolve();
      });
      for (const conn of open) conn.close('shutdown');
      await Promise.all([stopped, drained]);
      await writer.flush();
      // Every connection's offline change was queued by its close handler, which ran before `drained`.
      await online.flush();
      await alarms?.flush();
      clearInterval(heartbeat);
      await removeGateway(db, gatewayId);
    },
  };
}
