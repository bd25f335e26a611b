/**
 * Changes to the organisation tree, and what they mean.
 *
 * - Every change takes effect on a calendar day D (`effectiveDate`). The current version row of
 *   each unit it touches (org_unit_version, valid_to null) is closed at D and a new one opens at D,
 *   so history keeps the old tree: the tree "as of" day X is the versions whose
 *   [valid_from, valid_to) contains X.
 * - D may not be before the valid_from of the current version of any unit the change touches (a
 *   version cannot end before it begins) and may not be after today (China Standard Time by
 *   `app.platform.clock`): 400. D equal to that valid_from is allowed; the version it closes then
 *   covers no day and remains as a record of the same-day change.
 * - create: a unit under an active parent of the jurisdiction that existed on D. An authority
 *   serves a division one level below its parent authority; a department works at its parent's
 *   level and region. Codes are unique (409).
 * - rename: the name changes from D; the place in the tree does not.
 * - merge source into target: the source becomes 'merged' (valid_to D, merged_into_id target) and
 *   moves under the target, so the target's subtree still holds the source's historical data. The
 *   source's active children move under the target; every path below them is rewritten by prefix,
 *   and every unit whose path changed gets a version row ('move'). The source's users move to the
 *   target and their sessions end, so they sign in again with the target's jurisdiction. Not into
 *   itself, not into its own descendant, not into a unit of a lower level.
 * - close: only without active children and active users (409); status 'closed', valid_to D.
 * - Only active units change (409). Nobody renames, merges or closes the unit it acts for (403). A
 *   unit outside the actor's jurisdiction is not found (404); a unit a change refers to (parent,
 *   merge target) outside it is 403 out_of_jurisdiction.
 * - Every change records an audit event filed under the unit's path, in the same transaction.
 */
import { type AuditContext, recordAudit } from '../audit/audit.service.ts';
import { beijingDateOf } from '../calendar/working-calendar.ts';
import type { Executor } from '../db/database.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import type { Actor } from '../identity/actor.ts';
import { revokeSessionsOfOrgUsers } from '../identity/sessions.repository.ts';
import { countActiveUsersInOrg, moveUsersBetweenOrgs } from '../identity/users.repository.ts';
import {
  closeCurrentVersions,
  insertVersionsFromUnits,
  latestVersionStart,
  type OrgVersionRow,
} from './org-versions.repository.ts';
import { orgsPolicy } from './orgs.policy.ts';
import {
  codeExists,
  countActiveChildren,
  findOrgUnitInScope,
  insertOrgUnit,
  lockOrgTree,
  nextOrgUnitId,
  type OrgChildRow,
  type OrgSearchRow,
  type OrgUnitRow,
  reparentActiveChildren,
  replacePathPrefix,
  updateOrgUnit,
} from './orgs.repository.ts';
import type { CreateOrgBody, OrgDto } from './orgs.schemas.ts';
import type { DivisionTable } from './orgs.tables.ts';
import { isGrouping } from './seed.ts';

export function toOrgDto(row: OrgUnitRow): OrgDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level,
    kind: row.kind,
    regionCode: row.region_code,
    parentId: row.parent_id,
    path: row.path,
    status: row.status,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    mergedIntoId: row.merged_into_id,
  };
}

export const toOrgChildDto = (row: OrgChildRow) => ({
  ...toOrgDto(row),
  childCount: Number(row.child_count),
});

export const toOrgSearchHitDto = (row: OrgSearchRow) => ({
  ...toOrgDto(row),
  pathNames: row.path_names ?? [],
});

export const toOrgHistoryEntryDto = (row: OrgVersionRow) => ({
  id: row.id,
  name: row.name,
  parentId: row.parent_id,
  parentName: row.parent_name,
  path: row.path,
  status: row.status,
  validFrom: row.valid_from,
  validTo: row.valid_to,
  change: row.change,
  changedAt: row.changed_at.toISOString(),
});

export const toDivisionDto = (row: DivisionTable) => ({
  code: row.code,
  name: row.name,
  level: row.level,
  parentCode: row.parent_code,
  grouping: isGrouping(row),
});

/** A unit of the actor's jurisdiction, or 404 (whether it exists elsewhere is not told). */
export async function findOrgOrThrow(db: Executor, actor: Actor, id: number): Promise<OrgUnitRow> {
  const unit = await findOrgUnitInScope(db, id, actor.orgPath);
  if (!unit) throw notFound(`org unit ${id}`);
  return unit;
}

function assertNotFuture(date: string, now: Date): void {
  const today = beijingDateOf(now);
  if (date > today) throw badRequest(`effective date ${date} is in the future (today is ${today})`);
}

async function assertEffectiveDate(
  trx: Executor,
  unit: OrgUnitRow,
  date: string,
  now: Date,
  withSubtree: boolean,
): Promise<void> {
  assertNotFuture(date, now);
  const latest = await latestVersionStart(trx, unit, withSubtree);
  if (latest !== null && date < latest) {
    const whose = withSubtree ? `${unit.name} or a unit under it` : unit.name;
    throw badRequest(`effective date ${date} is before the last change of ${whose} (${latest})`);
  }
}

/** Who changes the tree, when, inside which transaction. */
export interface OrgChange {
  trx: Executor;
  ctx: AuditContext;
  actor: Actor;
  now: Date;
}

async function reload(trx: Executor, id: number): Promise<OrgUnitRow> {
  return (await findOrgUnitInScope(trx, id, '/')) as OrgUnitRow;
}

export async function createOrgUnit(c: OrgChange, input: CreateOrgBody): Promise<OrgUnitRow> {
  const { trx, actor } = c;
  await lockOrgTree(trx);
  const parent = await findOrgUnitInScope(trx, input.parentId, actor.orgPath);
  if (!parent) throw orgsPolicy.outOfJurisdiction(input.parentId);
  orgsPolicy.assertActive(parent);
  const level = orgsPolicy.levelOfNewUnit(parent, input.kind);
  if (await codeExists(trx, input.code)) throw conflict(`org unit code ${input.code} is taken`);
  assertNotFuture(input.effectiveDate, c.now);
  if (input.effectiveDate < parent.valid_from)
    throw badRequest(`${parent.name} did not exist yet on ${input.effectiveDate}`);
  const id = await nextOrgUnitId(trx);
  await insertOrgUnit(trx, {
    id,
    code: input.code,
    name: input.name.trim(),
    level,
    kind: input.kind,
    region_code: input.kind === 'department' ? parent.region_code : null,
    parent_id: parent.id,
    path: `${parent.path}${id}/`,
    status: 'active',
    valid_from: input.effectiveDate,
    valid_to: null,
    merged_into_id: null,
  });
  await insertVersionsFromUnits(trx, [id], 'create', input.effectiveDate, actor.userId, c.now);
  const created = await reload(trx, id);
  await recordAudit(trx, c.ctx, {
    action: 'org.create',
    objectType: 'org_unit',
    objectId: id,
    after: toOrgDto(created),
    orgPath: created.path,
    orgUnitId: id,
  });
  return created;
}

/** Loads and checks the unit a rename, merge or close acts on. */
async function loadChangeable(c: OrgChange, id: number, what: string): Promise<OrgUnitRow> {
  await lockOrgTree(c.trx);
  const unit = await findOrgOrThrow(c.trx, c.actor, id);
  orgsPolicy.assertNotOwnUnit(c.actor, unit, what);
  orgsPolicy.assertActive(unit);
  return unit;
}

export async function renameOrgUnit(
  c: OrgChange,
  id: number,
  input: { name: string; effectiveDate: string },
): Promise<OrgUnitRow> {
  const before = await loadChangeable(c, id, 'rename');
  const name = input.name.trim();
  if (name === before.name) throw badRequest(`${before.name} already has this name`);
  await assertEffectiveDate(c.trx, before, input.effectiveDate, c.now, false);
  await updateOrgUnit(c.trx, id, { name });
  await closeCurrentVersions(c.trx, [id], input.effectiveDate);
  await insertVersionsFromUnits(c.trx, [id], 'rename', input.effectiveDate, c.actor.userId, c.now);
  const after = await reload(c.trx, id);
  await recordAudit(c.trx, c.ctx, {
    action: 'org.rename',
    objectType: 'org_unit',
    objectId: id,
    before: toOrgDto(before),
    after: { ...toOrgDto(after), effectiveDate: input.effectiveDate },
    orgPath: after.path,
    orgUnitId: id,
  });
  return after;
}

export async function mergeOrgUnit(
  c: OrgChange,
  id: number,
  input: { targetId: number; effectiveDate: string },
): Promise<OrgUnitRow> {
  const { trx, actor } = c;
  const date = input.effectiveDate;
  const source = await loadChangeable(c, id, 'merge');
  const target = await findOrgUnitInScope(trx, input.targetId, actor.orgPath);
  if (!target) throw orgsPolicy.outOfJurisdiction(input.targetId);
  orgsPolicy.assertCanMerge(source, target);
  orgsPolicy.assertActive(target);
  await assertEffectiveDate(trx, source, date, c.now, true);
  if (date < target.valid_from) throw badRequest(`${target.name} did not exist yet on ${date}`);

  const movedChildren = await reparentActiveChildren(trx, source.id, target.id);
  const repathed = new Set<number>();
  for (const child of movedChildren) {
    for (const moved of await replacePathPrefix(trx, child.path, `${target.path}${child.id}/`))
      repathed.add(moved);
  }
  for (const moved of await replacePathPrefix(trx, source.path, `${target.path}${source.id}/`))
    repathed.add(moved);
  await updateOrgUnit(trx, source.id, {
    status: 'merged',
    merged_into_id: target.id,
    parent_id: target.id,
    valid_to: date,
  });
  await closeCurrentVersions(trx, [...repathed], date);
  await insertVersionsFromUnits(trx, [source.id], 'merge', date, actor.userId, c.now);
  const others = [...repathed].filter((u) => u !== source.id);
  await insertVersionsFromUnits(trx, others, 'move', date, actor.userId, c.now);

  await revokeSessionsOfOrgUsers(trx, source.id, c.now);
  const movedUserIds = await moveUsersBetweenOrgs(trx, source.id, target.id);
  const after = await reload(trx, source.id);
  await recordAudit(trx, c.ctx, {
    action: 'org.merge',
    objectType: 'org_unit',
    objectId: source.id,
    before: toOrgDto(source),
    after: {
      ...toOrgDto(after),
      effectiveDate: date,
      targetName: target.name,
      movedChildIds: movedChildren.map((m) => m.id),
      movedUserIds,
    },
    orgPath: after.path,
    orgUnitId: source.id,
  });
  return after;
}

export async function closeOrgUnit(
  c: OrgChange,
  id: number,
  input: { effectiveDate: string },
): Promise<OrgUnitRow> {
  const before = await loadChangeable(c, id, 'close');
  const children = await countActiveChildren(c.trx, id);
  if (children > 0) throw conflict(`${before.name} still has ${children} active units under it`);
  const users = await countActiveUsersInOrg(c.trx, id);
  if (users > 0) throw conflict(`${before.name} still has ${users} active users`);
  await assertEffectiveDate(c.trx, before, input.effectiveDate, c.now, false);
  await updateOrgUnit(c.trx, id, { status: 'closed', valid_to: input.effectiveDate });
  await closeCurrentVersions(c.trx, [id], input.effectiveDate);
  await insertVersionsFromUnits(c.trx, [id], 'close', input.effectiveDate, c.actor.userId, c.now);
  const after = await reload(c.trx, id);
  await recordAudit(c.trx, c.ctx, {
    action: 'org.close',
    objectType: 'org_unit',
    objectId: id,
    before: toOrgDto(before),
    after: toOrgDto(after),
    orgPath: after.path,
    orgUnitId: id,
  });
  return after;
}
