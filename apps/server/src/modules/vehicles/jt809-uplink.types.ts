// What configures and reports a JT/T 809 uplink (jt809-uplink.ts): the link's settings, its timing,
// and the status shown to administrators.
import type { Edition, LinkReport } from '@jtgov/jt809';
import type { LinkParameters } from './jt809-connection.ts';
import type { CountTraffic } from './platform-links-traffic.ts';

export interface LinkLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface UplinkConfig {
  id: number;
  name: string;
  host: string;
  port: number;
  /** DOWN_LINK_IP announced for the sub link, and the port listened on (0: any free port). */
  downLinkHost: string;
  downLinkPort: number;
  gnssCenterId: number;
  userId: number;
  password: string;
  edition: Edition;
  keys: LinkParameters['keys'];
  /** The jurisdiction whose vehicles are forwarded. */
  orgPath: string;
}

export interface UplinkTiming {
  pollMs: number;
  keepAliveMs: number;
  /** A keep-alive unanswered this long ends the connection. */
  ackTimeoutMs: number;
  /** Shortest interval between keep-alives sent to confirm forwarded positions. */
  probeMs: number;
  minBackoffMs: number;
  maxBackoffMs: number;
  batchSize: number;
}

export const DEFAULT_UPLINK_TIMING: UplinkTiming = {
  pollMs: 200,
  keepAliveMs: 30_000,
  ackTimeoutMs: 20_000,
  probeMs: 500,
  minBackoffMs: 1_000,
  maxBackoffMs: 60_000,
  batchSize: 500,
};

export interface UplinkStatus {
  state: 'connecting' | 'loggedIn' | 'down' | 'stopped';
  subLink: boolean;
  loggedInAt: string | null;
  lastAckAt: string | null;
  /** Received time of the last position the superior confirmed. */
  ackedThrough: string;
  /** Positions the superior confirmed since the link was created. */
  positionsForwarded: number;
  /** Positions written to the link by this process (resent ones included). */
  positionsSent: number;
  reconnects: number;
  lastError: string | null;
  /** The superior's last 0x9101: locations it received over a period. */
  superiorCount: { total: number; startTime: string; endTime: string; receivedAt: string } | null;
}

/** What the uplink tells its runtime besides its status. */
export interface UplinkHooks {
  count?: CountTraffic;
  /** The superior asked for a link report (0x9102) at `askedAt`, and was answered with `report`. */
  onReportAsked?: (report: LinkReport, askedAt: Date) => void;
}
