// AIS feed configuration. Feeds are instance-wide (one picture for the whole instance), so only
// callers acting for the root of the organisation tree create, enable or disable them.
import { type AuditContext, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { offsetOf, type PageQuery } from '../../platform/http/pagination.ts';
import { type Actor, assertInstanceRoot } from '../../platform/identity/actor.ts';
import { FeedAddressError, type FeedStats, parseHostPort, replayPath } from './feeds.ts';
import {
  type AisFeedRow,
  countFeeds,
  findFeed,
  findFeedByName,
  insertFeed,
  listFeeds,
  updateFeedEnabled,
} from './maritime.repository.ts';
import type { CreateFeedBody } from './maritime.schemas.ts';

const toFeedStatsDto = (s: FeedStats) => ({
  state: s.state,
  sentences: s.sentences,
  messages: s.messages,
  errors: s.errors,
  lastSeen: s.lastSeen === null ? null : new Date(s.lastSeen).toISOString(),
  connections: s.connections,
  reconnects: s.reconnects,
  lastError: s.lastError,
  startedAt: new Date(s.startedAt).toISOString(),
});

export const toFeedDto = (row: AisFeedRow, stats: FeedStats | null) => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  address: row.address,
  replay: row.replay,
  enabled: row.enabled,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  stats: stats ? toFeedStatsDto(stats) : null,
});

/** What the audit log keeps of a feed: its configuration, not its counters. */
const auditedFeed = (row: AisFeedRow) => toFeedDto(row, null);

export async function feedPage(db: Executor, statsOf: (id: number) => FeedStats | null, q: PageQuery) {
  const [rows, total] = await Promise.all([listFeeds(db, q.pageSize, offsetOf(q)), countFeeds(db)]);
  return { items: rows.map((r) => toFeedDto(r, statsOf(r.id))), total, page: q.page, pageSize: q.pageSize };
}

function checkAddress(input: CreateFeedBody, replayDir: string): void {
  try {
    if (input.kind === 'file') replayPath(replayDir, input.address);
    else if (parseHostPort(input.address).port === 0 && input.kind === 'tcp-client')
      throw new FeedAddressError('a TCP client needs the port of its peer');
  } catch (err) {
    if (err instanceof FeedAddressError) throw badRequest(`address: ${err.message}`);
    throw err;
  }
  if (input.kind !== 'file' && input.replay !== undefined)
    throw badRequest('replay applies to file feeds only');
}

export async function createFeed(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  input: CreateFeedBody,
  replayDir: string,
  now: Date,
): Promise<AisFeedRow> {
  assertInstanceRoot(actor, 'configure AIS feeds');
  checkAddress(input, replayDir);
  if (await findFeedByName(trx, input.name)) throw conflict(`an AIS feed named ${input.name} exists`);
  const row = await insertFeed(trx, {
    name: input.name,
    kind: input.kind,
    address: input.address,
    replay: input.kind === 'file' ? (input.replay ?? 'fast') : null,
    enabled: input.enabled ?? false,
    created_at: now,
    updated_at: now,
  });
  await recordAudit(trx, ctx, {
    action: 'maritime.feed.create',
    objectType: 'ais_feed',
    objectId: row.id,
    after: auditedFeed(row),
  });
  return row;
}

export async function setFeedEnabled(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  enabled: boolean,
  now: Date,
): Promise<AisFeedRow> {
  assertInstanceRoot(actor, 'configure AIS feeds');
  const before = await findFeed(trx, id);
  if (!before) throw notFound(`AIS feed ${id}`);
  const row = await updateFeedEnabled(trx, id, enabled, now);
  await recordAudit(trx, ctx, {
    action: enabled ? 'maritime.feed.enable' : 'maritime.feed.disable',
    objectType: 'ais_feed',
    objectId: id,
    before: auditedFeed(before),
    after: auditedFeed(row),
  });
  return row;
}
