// JT/T 809 platform links: configuration is instance-wide (one link per peer platform), so only
// callers acting for the root of the organisation tree see or change it. Passwords are sealed with
// the instance key and never returned.
import { type AuditContext, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { offsetOf, type PageQuery, toPage } from '../../platform/http/pagination.ts';
import { type Actor, assertInstanceRoot } from '../../platform/identity/actor.ts';
import type { SecretBox } from '../../platform/identity/secrets.ts';
import { findOrgUnitInScope } from '../../platform/orgs/orgs.repository.ts';
import {
  findLink,
  insertLink,
  insertLinkState,
  linkNameTaken,
  listLinks,
  type PlatformLinkRow,
  subordinateAccessCodeTaken,
  updateLink,
} from './platform-links.repository.ts';
import type { CreateLinkBody, UpdateLinkBody } from './platform-links.schemas.ts';

export interface LinkStatus {
  running: boolean;
  connected: boolean;
  subLink: boolean;
  loggedInAt: string | null;
  lastAckAt: string | null;
  ackedThrough: string | null;
  lagMs: number | null;
  positionsForwarded: number;
  positionsSent: number;
  positionsReceived: number;
  alarmsReceived: number;
  lastReceivedAt: string | null;
  reconnects: number;
  lastError: string | null;
  /** Superior links: the superior's last 0x9101 count of locations received. */
  superiorCount: { total: number; startTime: string; endTime: string; receivedAt: string } | null;
}

export const toLinkDto = (row: PlatformLinkRow, status: LinkStatus) => ({
  id: row.id,
  name: row.name,
  direction: row.direction,
  orgUnitId: row.org_unit_id,
  orgName: row.org_name,
  host: row.host,
  port: row.port,
  downLinkHost: row.down_link_host,
  downLinkPort: row.down_link_port,
  gnssCenterId: Number(row.gnss_center_id),
  userId: Number(row.user_id),
  edition: row.edition,
  encrypt: row.encrypt,
  enabled: row.enabled,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  status,
});

/** What the audit log keeps of a link: its configuration without password or keys. */
const audited = (row: PlatformLinkRow) => ({
  name: row.name,
  direction: row.direction,
  orgUnitId: row.org_unit_id,
  host: row.host,
  port: row.port,
  downLinkHost: row.down_link_host,
  downLinkPort: row.down_link_port,
  gnssCenterId: Number(row.gnss_center_id),
  userId: Number(row.user_id),
  edition: row.edition,
  encrypt: row.encrypt,
  enabled: row.enabled,
});

const WHAT = 'configure JT/T 809 platform links';

export async function linkPage(
  db: Executor,
  actor: Actor,
  q: PageQuery,
  statusOf: (row: PlatformLinkRow) => LinkStatus,
) {
  assertInstanceRoot(actor, WHAT);
  return toPage(await listLinks(db, q.pageSize, offsetOf(q)), q, (row) => toLinkDto(row, statusOf(row)));
}

export async function linkById(db: Executor, actor: Actor, id: number): Promise<PlatformLinkRow> {
  assertInstanceRoot(actor, WHAT);
  const row = await findLink(db, id);
  if (!row) throw notFound(`platform link ${id}`);
  return row;
}

type LinkShape = Pick<
  PlatformLinkRow,
  'direction' | 'host' | 'port' | 'encrypt' | 'm1' | 'ia1' | 'ic1' | 'gnss_center_id' | 'name'
>;

async function check(
  trx: Executor,
  actor: Actor,
  v: LinkShape,
  orgUnitId: number | undefined,
  exceptId?: number,
) {
  if (v.direction === 'superior' && (!v.host || !v.port))
    throw badRequest('a superior link needs host and port');
  if (v.encrypt && (!v.m1 || !v.ia1 || !v.ic1)) throw badRequest('encryption needs M1, IA1 and IC1');
  if (orgUnitId !== undefined && !(await findOrgUnitInScope(trx, orgUnitId, actor.orgPath)))
    throw badRequest(`no org unit ${orgUnitId}`);
  if (await linkNameTaken(trx, v.name, exceptId)) throw conflict(`a platform link named ${v.name} exists`);
  if (v.direction === 'subordinate' && (await subordinateAccessCodeTaken(trx, v.gnss_center_id, exceptId)))
    throw conflict(`a subordinate platform with access code ${v.gnss_center_id} exists`);
}

export async function createLink(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  input: CreateLinkBody,
  box: SecretBox,
  now: Date,
): Promise<PlatformLinkRow> {
  assertInstanceRoot(actor, WHAT);
  const values = {
    name: input.name,
    direction: input.direction,
    org_unit_id: input.orgUnitId,
    host: input.direction === 'superior' ? (input.host ?? null) : null,
    port: input.direction === 'superior' ? (input.port ?? null) : null,
    down_link_host: input.direction === 'superior' ? (input.downLinkHost ?? '127.0.0.1') : null,
    down_link_port: input.direction === 'superior' ? (input.downLinkPort ?? 0) : null,
    gnss_center_id: input.gnssCenterId,
    user_id: input.userId,
    password_sealed: box.seal(input.password),
    edition: input.edition ?? '2011',
    encrypt: input.encrypt ?? false,
    m1: input.m1 ?? 0,
    ia1: input.ia1 ?? 0,
    ic1: input.ic1 ?? 0,
    enabled: input.enabled ?? true,
    created_at: now,
    updated_at: now,
  };
  await check(trx, actor, values, input.orgUnitId);
  const id = await insertLink(trx, values);
  if (input.direction === 'superior') await insertLinkState(trx, id, now);
  const row = (await findLink(trx, id)) as PlatformLinkRow;
  await recordAudit(trx, ctx, {
    action: 'vehicle.platformLink.create',
    objectType: 'platform_link',
    objectId: id,
    after: audited(row),
  });
  return row;
}

export async function changeLink(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  patch: UpdateLinkBody,
  box: SecretBox,
  now: Date,
): Promise<PlatformLinkRow> {
  const before = await linkById(trx, actor, id);
  const superior = before.direction === 'superior';
  if (!superior && (patch.host || patch.port || patch.downLinkHost || patch.downLinkPort !== undefined))
    throw badRequest('a subordinate link has no address of its own');
  const next = {
    name: patch.name ?? before.name,
    org_unit_id: patch.orgUnitId ?? before.org_unit_id,
    host: patch.host ?? before.host,
    port: patch.port ?? before.port,
    down_link_host: patch.downLinkHost ?? before.down_link_host,
    down_link_port: patch.downLinkPort ?? before.down_link_port,
    gnss_center_id: patch.gnssCenterId ?? before.gnss_center_id,
    user_id: patch.userId ?? before.user_id,
    edition: patch.edition ?? before.edition,
    encrypt: patch.encrypt ?? before.encrypt,
    m1: patch.m1 ?? before.m1,
    ia1: patch.ia1 ?? before.ia1,
    ic1: patch.ic1 ?? before.ic1,
    enabled: patch.enabled ?? before.enabled,
  };
  await check(trx, actor, { ...next, direction: before.direction }, patch.orgUnitId, id);
  await updateLink(trx, id, {
    ...next,
    ...(patch.password !== undefined && { password_sealed: box.seal(patch.password) }),
    updated_at: now,
  });
  const row = (await findLink(trx, id)) as PlatformLinkRow;
  await recordAudit(trx, ctx, {
    action: 'vehicle.platformLink.update',
    objectType: 'platform_link',
    objectId: id,
    before: audited(before),
    after: { ...audited(row), ...(patch.password !== undefined && { passwordChanged: true }) },
  });
  return row;
}
