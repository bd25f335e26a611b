// What the maritime module keeps running in a process: the live picture, the track writer and
// the enabled feeds. One per application; started when the application is ready, closed with it.
import type { FastifyBaseLogger } from 'fastify';
import type { Platform } from '../../platform/http/platform.ts';
import { type FeedStats, type RunningFeed, startFeed } from './feeds.ts';
import { LivePicture } from './live-picture.ts';
import { type AisFeedRow, listEnabledFeeds } from './maritime.repository.ts';
import { TrackWriter } from './track-writer.ts';

const SWEEP_MS = 60_000;

export class MaritimeRuntime {
  readonly picture: LivePicture;
  readonly writer: TrackWriter;
  private readonly platform: Platform;
  private readonly log: FastifyBaseLogger;
  private readonly feeds = new Map<number, RunningFeed>();
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(platform: Platform, log: FastifyBaseLogger) {
    this.platform = platform;
    this.log = log;
    this.writer = new TrackWriter(platform.db, {}, (err) => log.error({ err }, 'AIS track batch not stored'));
    this.picture = new LivePicture({ staleMs: platform.config.maritime.staleMinutes * 60_000 }, this.writer);
  }

  /** Whether this process runs feeds (JTGOV_AIS_INGEST). */
  get ingests(): boolean {
    return this.platform.config.maritime.ingest;
  }

  now(): number {
    return this.platform.clock.now().getTime();
  }

  async start(): Promise<void> {
    if (!this.ingests) return;
    for (const row of await listEnabledFeeds(this.platform.db)) await this.apply(row);
    const sweep = setInterval(() => this.picture.expire(this.now()), SWEEP_MS);
    const flush = setInterval(() => void this.writer.flush(), this.platform.config.maritime.trackFlushMs);
    for (const timer of [sweep, flush]) {
      timer.unref();
      this.timers.push(timer);
    }
  }

  /** Brings a feed's running state in line with its row (after the row's change committed). */
  async apply(row: AisFeedRow): Promise<void> {
    if (!this.ingests) return;
    const running = this.feeds.get(row.id);
    if (running && !row.enabled) {
      this.feeds.delete(row.id);
      await running.stop();
    } else if (!running && row.enabled) {
      const feed = startFeed(row, {
        now: () => this.now(),
        onMessage: (decoded, receivedAt, feedId) => this.picture.accept(decoded.message, receivedAt, feedId),
        replayDir: this.platform.config.maritime.replayDir,
      });
      this.feeds.set(row.id, feed);
      // A listener's bind succeeds or fails at once; a client's connect may wait on the network.
      if (row.kind !== 'tcp-client') await feed.ready;
      this.log.info({ feed: row.id, kind: row.kind, address: row.address }, 'AIS feed started');
    }
  }

  statsOf(id: number): FeedStats | null {
    return this.feeds.get(id)?.stats ?? null;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await Promise.all([...this.feeds.values()].map((feed) => feed.stop()));
    this.feeds.clear();
    await this.writer.flush();
  }
}
