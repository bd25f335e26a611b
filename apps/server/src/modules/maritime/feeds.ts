// AIS feeds: TCP client (reconnecting with exponential backoff), TCP server, UDP listener and file
// replay. Every line goes through the @jtgov/ais decoder; buffers are bounded (lines by the line
// splitter, connections by a cap, files read a chunk at a time with the stream's backpressure).
import dgram from 'node:dgram';
import { createReadStream } from 'node:fs';
import net from 'node:net';
import { isAbsolute, normalize, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { AisDecoder, type Decoded, type DecodeResult, LineSplitter } from '@jtgov/ais';
import type { FeedKind, ReplayPace } from './maritime.tables.ts';

export type FeedState =
  | 'connecting'
  | 'connected'
  | 'listening'
  | 'replaying'
  | 'finished'
  | 'stopped'
  | 'failed';

/** Live counters of one feed (kept in memory, reset when the feed restarts). */
export interface FeedStats {
  state: FeedState;
  /** Lines received. */
  sentences: number;
  /** Messages decoded (a multi-sentence message counts once). */
  messages: number;
  /** Lines that were not valid AIS sentences or payloads. */
  errors: number;
  /** When the last message was decoded, ms since the epoch. */
  lastSeen: number | null;
  connections: number;
  reconnects: number;
  lastError: string | null;
  startedAt: number;
}

export interface FeedSpec {
  readonly id: number;
  readonly kind: FeedKind;
  readonly address: string;
  readonly replay: ReplayPace | null;
}

export interface FeedContext {
  /** Reception times (the platform clock). */
  readonly now: () => number;
  readonly onMessage: (decoded: Decoded, receivedAt: number, feedId: number) => void;
  /** Directory file feeds are read from; a feed's path may not leave it. */
  readonly replayDir: string;
  /** Reconnect delays of a TCP client: doubled from `initialMs` up to `maxMs`. */
  readonly reconnect?: { readonly initialMs: number; readonly maxMs: number };
  /** Simultaneous connections a TCP server accepts. */
  readonly maxConnections?: number;
}

export interface RunningFeed {
  readonly stats: FeedStats;
  /** Resolves once the feed listens, has connected or started reading (or failed doing so). */
  readonly ready: Promise<void>;
  /** The bound address of a server or UDP feed (port 0 in the spec picks a free one). */
  address(): { host: string; port: number } | null;
  /** A file replay: resolves once the whole file is delivered (or the replay stopped or failed). */
  readonly finished?: Promise<void>;
  stop(): Promise<void>;
}

export class FeedAddressError extends Error {}

/** `host:port` or `[v6]:port`. */
export function parseHostPort(address: string): { host: string; port: number } {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})$/.exec(address);
  const port = m ? Number(m[3]) : Number.NaN;
  if (!m || port > 65535) throw new FeedAddressError(`expected host:port, got ${JSON.stringify(address)}`);
  return { host: (m[1] ?? m[2])!, port };
}

/** A replay file's path, which must stay inside the replay directory. */
export function replayPath(replayDir: string, address: string): string {
  const relative = normalize(address);
  if (address === '' || isAbsolute(address) || relative.split(sep).includes('..') || address.includes('\0'))
    throw new FeedAddressError(`a replay file is named relative to the replay directory: ${address}`);
  return resolve(replayDir, relative);
}

/** Tag-block `c:` time in ms: seconds by the standard, milliseconds from some receivers. */
const tagTimeMs = (d: Decoded): number | undefined => {
  const t = d.tagBlock?.time;
  if (t === undefined || !Number.isFinite(t) || t <= 0) return undefined;
  return t < 1e11 ? t * 1000 : t;
};

const newStats = (now: number, state: FeedState): FeedStats => ({
  state,
  sentences: 0,
  messages: 0,
  errors: 0,
  lastSeen: null,
  connections: 0,
  reconnects: 0,
  lastError: null,
  startedAt: now,
});

/** One source's lines: its own splitter and decoder, so fragments of two peers never mix. */
class Intake {
  private readonly splitter = new LineSplitter();
  private readonly decoder = new AisDecoder();
  private readonly handle: (src: Uint8Array, start: number, end: number) => void;

  constructor(stats: FeedStats, deliver: (result: DecodeResult) => void) {
    this.handle = (src, start, end) => {
      let last = end;
      while (last > start && (src[last - 1] === 13 || src[last - 1] === 32)) last--;
      if (last === start) return;
      stats.sentences++;
      const result = this.decoder.decodeRange(src, start, last);
      if (result === undefined) return;
      if (!result.ok) {
        stats.errors++;
        return;
      }
      stats.messages++;
      deliver(result);
    };
  }

  push(chunk: Uint8Array): void {
    this.splitter.push(chunk, this.handle);
  }

  end(): void {
    this.splitter.end(this.handle);
  }
}

export function startFeed(spec: FeedSpec, ctx: FeedContext): RunningFeed {
  switch (spec.kind) {
    case 'tcp-client':
      return tcpClient(spec, ctx);
    case 'tcp-server':
      return tcpServer(spec, ctx);
    case 'udp':
      return udpListener(spec, ctx);
    case 'file':
      return fileReplay(spec, ctx);
  }
}

/** Network feeds stamp a message with its tag-block time when the receiver gave one. */
function networkDelivery(spec: FeedSpec, ctx: FeedContext, stats: FeedStats) {
  return (result: DecodeResult) => {
    if (!result.ok) return;
    const now = ctx.now();
    stats.lastSeen = now;
    ctx.onMessage(result, tagTimeMs(result) ?? now, spec.id);
  };
}

function tcpClient(spec: FeedSpec, ctx: FeedContext): RunningFeed {
  const { host, port } = parseHostPort(spec.address);
  const stats = newStats(ctx.now(), 'connecting');
  const initialMs = ctx.reconnect?.initialMs ?? 1000;
  const maxMs = ctx.reconnect?.maxMs ?? 60_000;
  const deliver = networkDelivery(spec, ctx, stats);
  let delay = initialMs;
  let socket: net.Socket | null = null;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((done) => {
    markReady = done;
  });

  const connect = () => {
    stats.state = 'connecting';
    const intake = new Intake(stats, deliver);
    const s = net.connect({ host, port });
    socket = s;
    s.on('connect', () => {
      stats.state = 'connected';
      stats.connections = 1;
      delay = initialMs;
      markReady();
    });
    s.on('data', (chunk) => intake.push(chunk));
    s.on('error', (err) => {
      stats.lastError = err.message;
    });
    s.on('close', () => {
      intake.end();
      stats.connections = 0;
      socket = null;
      markReady();
      if (stopped) return;
      stats.state = 'connecting';
      stats.reconnects++;
      timer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, maxMs);
    });
  };
  connect();

  return {
    stats,
    ready,
    address: () => ({ host, port }),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      const s = socket;
      if (s && !s.destroyed) {
        const closed = new Promise((done) => s.once('close', done));
        s.destroy();
        await closed;
      }
      stats.state = 'stopped';
    },
  };
}

function tcpServer(spec: FeedSpec, ctx: FeedContext): RunningFeed {
  const { host, port } = parseHostPort(spec.address);
  const stats = newStats(ctx.now(), 'connecting');
  const deliver = networkDelivery(spec, ctx, stats);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    const intake = new Intake(stats, deliver);
    sockets.add(s);
    stats.connections = sockets.size;
    s.on('data', (chunk) => intake.push(chunk));
    s.on('error', (err) => {
      stats.lastError = err.message;
    });
    s.on('close', () => {
      intake.end();
      sockets.delete(s);
      stats.connections = sockets.size;
    });
  });
  server.maxConnections = ctx.maxConnections ?? 64;
  const ready = new Promise<void>((done) => {
    server.once('listening', () => {
      stats.state = 'listening';
      done();
    });
    // Kept for the server's life: an 'error' without a listener would end the process.
    server.on('error', (err) => {
      stats.state = 'failed';
      stats.lastError = err.message;
      done();
    });
  });
  server.listen({ host, port });
  return {
    stats,
    ready,
    address() {
      const a = server.address();
      return a && typeof a === 'object' ? { host: a.address, port: a.port } : null;
    },
    async stop() {
      const closed = server.listening
        ? new Promise<void>((done) => server.close(() => done()))
        : Promise.resolve();
      for (const s of sockets) s.destroy();
      await closed;
      stats.state = 'stopped';
    },
  };
}

function udpListener(spec: FeedSpec, ctx: FeedContext): RunningFeed {
  const { host, port } = parseHostPort(spec.address);
  const stats = newStats(ctx.now(), 'connecting');
  const socket = dgram.createSocket(net.isIPv6(host) ? 'udp6' : 'udp4');
  const intake = new Intake(stats, networkDelivery(spec, ctx, stats));
  // A datagram carries whole sentences: its last line needs no '\n'.
  socket.on('message', (msg) => {
    intake.push(msg);
    intake.end();
  });
  let bound = false;
  const ready = new Promise<void>((done) => {
    socket.once('listening', () => {
      bound = true;
      stats.state = 'listening';
      done();
    });
    socket.on('error', (err) => {
      stats.state = 'failed';
      stats.lastError = err.message;
      done();
    });
  });
  socket.bind(port, host);
  return {
    stats,
    ready,
    address() {
      if (!bound) return null;
      const a = socket.address();
      return { host: a.address, port: a.port };
    },
    async stop() {
      if (bound) await new Promise<void>((done) => socket.close(() => done()));
      stats.state = 'stopped';
    },
  };
}

/**
 * Replays a file of NMEA lines, stamping each message with the time it is delivered: a replay
 * re-lives the recording now. `realtime` keeps the recording's pace, read from tag-block `c:`
 * times (lines without one follow at once); `fast` delivers as fast as the file is read.
 */
function fileReplay(spec: FeedSpec, ctx: FeedContext): RunningFeed {
  const stats = newStats(ctx.now(), 'replaying');
  const abort = new AbortController();
  let path: string;
  try {
    path = replayPath(ctx.replayDir, spec.address);
  } catch (err) {
    stats.state = 'failed';
    stats.lastError = (err as Error).message;
    return { stats, ready: Promise.resolve(), address: () => null, stop: async () => undefined };
  }
  const queue: DecodeResult[] = [];
  const intake = new Intake(stats, (result) => queue.push(result));
  const stream = createReadStream(path, { highWaterMark: 64 * 1024, signal: abort.signal });
  let firstTag: number | undefined;
  let firstWall = 0;
  const deliver = async (result: DecodeResult) => {
    if (!result.ok) return;
    const tag = tagTimeMs(result);
    if (spec.replay === 'realtime' && tag !== undefined) {
      if (firstTag === undefined) {
        firstTag = tag;
        firstWall = performance.now();
      }
      const wait = firstWall + (tag - firstTag) - performance.now();
      if (wait > 0) await sleep(wait, undefined, { signal: abort.signal });
    }
    const now = ctx.now();
    stats.lastSeen = now;
    ctx.onMessage(result, now, spec.id);
  };
  const done = (async () => {
    try {
      for await (const chunk of stream) {
        intake.push(chunk as Buffer);
        // The queue holds one chunk's messages at most: the stream waits while they are delivered.
        for (const result of queue.splice(0)) await deliver(result);
      }
      intake.end();
      for (const result of queue.splice(0)) await deliver(result);
      stats.state = 'finished';
    } catch (err) {
      if (abort.signal.aborted) return;
      stats.state = 'failed';
      stats.lastError = (err as Error).message;
    }
  })();
  return {
    stats,
    ready: Promise.resolve(),
    address: () => null,
    finished: done,
    async stop() {
      abort.abort();
      await done;
      if (stats.state === 'replaying') stats.state = 'stopped';
    },
  };
}
