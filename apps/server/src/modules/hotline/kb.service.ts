import { type AuditContext, recordAudit } from '../../platform/audit/audit.service.ts';
import { beijingDateOf } from '../../platform/calendar/index.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { type Actor, hasPermission } from '../../platform/identity/actor.ts';
import { findOrgUnitInScope } from '../../platform/orgs/orgs.repository.ts';
import { normalise, toTsVector } from '../../platform/search/index.ts';
import {
  countView,
  findArticleInScope,
  findReadableArticle,
  insertArticle,
  insertVersion,
  type KbArticleRow,
  type KbVersionRow,
  keyTakenAt,
  updateArticle,
  userInScope,
} from './kb.repository.ts';
import type { KbStatus } from './kb.tables.ts';
import { DOMAINS } from './reference-data.ts';

export const KB_MANAGE = 'hotline.kb.manage';

export interface KbContent {
  title: string;
  body: string;
  domain: string;
  categoryCode: string | null;
  tags: string[];
}

export const toKbArticleDto = (row: KbArticleRow, actor: Actor) => ({
  id: row.id,
  key: row.key,
  orgUnitId: row.org_unit_id,
  orgName: row.org_name,
  ownerUserId: row.owner_user_id,
  ownerName: row.owner_name,
  status: row.status,
  version: row.current_version,
  title: row.title,
  body: row.body,
  domain: row.domain,
  categoryCode: row.category_code,
  tags: row.tags,
  expiresOn: row.expires_on,
  reviewDueOn: row.review_due_on,
  reviewFlagged: row.review_flagged_at !== null,
  publishedAt: row.published_at?.toISOString() ?? null,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  editable: hasPermission(actor, KB_MANAGE) && row.org_path.startsWith(actor.orgPath),
});

export const toKbVersionDto = (row: KbVersionRow) => ({
  version: row.version,
  title: row.title,
  body: row.body,
  domain: row.domain,
  categoryCode: row.category_code,
  tags: row.tags,
  changeNote: row.change_note,
  editedBy: row.edited_by,
  editorName: row.editor_name,
  editedAt: row.edited_at.toISOString(),
});

const domainName = (key: string): string => DOMAINS.find((d) => d.key === key)?.name ?? '';

/** The indexed form of an article's content: title A, tags B, domain and category C, body D. */
export function searchColumns(c: KbContent) {
  return {
    search_vector: toTsVector([
      { text: c.title, weight: 'A' },
      { text: c.tags.join(' '), weight: 'B' },
      { text: `${domainName(c.domain)} ${c.categoryCode ?? ''}`, weight: 'C' },
      { text: c.body, weight: 'D' },
    ]),
    search_text: normalise([c.title, ...c.tags].join(' ')),
  };
}

/** What the audit log keeps of an article: its metadata and version, not its (versioned) body. */
const auditView = (row: KbArticleRow) => ({
  key: row.key,
  orgUnitId: row.org_unit_id,
  status: row.status,
  version: row.current_version,
  title: row.title,
  domain: row.domain,
  categoryCode: row.category_code,
  tags: row.tags,
  ownerUserId: row.owner_user_id,
  expiresOn: row.expires_on,
  reviewDueOn: row.review_due_on,
});

async function audit(
  trx: Executor,
  ctx: AuditContext,
  action: string,
  after: KbArticleRow,
  before?: KbArticleRow,
) {
  await recordAudit(trx, ctx, {
    action: `hotline.kb.${action}`,
    objectType: 'kb_article',
    objectId: after.id,
    ...(before && { before: auditView(before) }),
    after: auditView(after),
    orgUnitId: after.org_unit_id,
    orgPath: after.org_path,
  });
}

async function assertOwner(trx: Executor, actor: Actor, ownerUserId: number | null | undefined) {
  if (ownerUserId != null && !(await userInScope(trx, ownerUserId, actor.orgPath)))
    throw new AppError(403, 'out_of_jurisdiction', `user ${ownerUserId} is not in your jurisdiction`);
}

function assertDates(expiresOn: string | null | undefined, reviewDueOn: string | null | undefined) {
  if (expiresOn && reviewDueOn && reviewDueOn > expiresOn)
    throw badRequest('the review date must not be after the expiry date');
}

export interface NewKbArticle extends Partial<Omit<KbContent, 'title' | 'body' | 'domain'>> {
  key: string;
  orgUnitId: number;
  title: string;
  body: string;
  domain: string;
  ownerUserId?: number | null | undefined;
  expiresOn?: string | null | undefined;
  reviewDueOn?: string | null | undefined;
  publish?: boolean | undefined;
}

/** A new article (version 1) of a unit of the caller's subtree; the same key at a lower unit is an override. */
export async function createKbArticle(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  input: NewKbArticle,
  now: Date,
): Promise<KbArticleRow> {
  const org = await findOrgUnitInScope(trx, input.orgUnitId, actor.orgPath);
  if (!org)
    throw new AppError(403, 'out_of_jurisdiction', `org unit ${input.orgUnitId} is not in your jurisdiction`);
  if (org.status !== 'active') throw badRequest(`org unit ${org.name} is ${org.status}`);
  if (await keyTakenAt(trx, input.orgUnitId, input.key))
    throw conflict(`${org.name} already has an article with key ${input.key}`);
  await assertOwner(trx, actor, input.ownerUserId);
  assertDates(input.expiresOn, input.reviewDueOn);
  const content: KbContent = {
    title: input.title,
    body: input.body,
    domain: input.domain,
    categoryCode: input.categoryCode ?? null,
    tags: input.tags ?? [],
  };
  const status: KbStatus = input.publish ? 'published' : 'draft';
  const id = await insertArticle(trx, {
    key: input.key,
    org_unit_id: input.orgUnitId,
    owner_user_id: input.ownerUserId === undefined ? actor.userId : input.ownerUserId,
    status,
    current_version: 1,
    title: content.title,
    body: content.body,
    domain: content.domain,
    category_code: content.categoryCode,
    tags: content.tags,
    ...searchColumns(content),
    expires_on: input.expiresOn ?? null,
    review_due_on: input.reviewDueOn ?? null,
    review_flagged_at: null,
    published_at: status === 'published' ? now : null,
    created_at: now,
    updated_at: now,
  });
  await insertVersion(trx, {
    article_id: id,
    version: 1,
    title: content.title,
    body: content.body,
    domain: content.domain,
    category_code: content.categoryCode,
    tags: content.tags,
    change_note: null,
    edited_by: actor.userId,
    edited_at: now,
  });
  const row = (await findArticleInScope(trx, id, actor.orgPath)) as KbArticleRow;
  await audit(trx, ctx, 'article.create', row);
  return row;
}

async function articleToChange(trx: Executor, actor: Actor, id: number): Promise<KbArticleRow> {
  const row = await findArticleInScope(trx, id, actor.orgPath, true);
  if (row) return row;
  // An article of a unit above the caller is readable but not the caller's to change.
  if (await findReadableArticle(trx, id, actor.orgPath))
    throw new AppError(
      403,
      'out_of_jurisdiction',
      `article ${id} belongs to a unit above yours: override it instead`,
    );
  throw notFound(`article ${id}`);
}

export type KbArticlePatch = Partial<KbContent> & {
  ownerUserId?: number | null | undefined;
  expiresOn?: string | null | undefined;
  reviewDueOn?: string | null | undefined;
  changeNote?: string | undefined;
};

const sameContent = (a: KbContent, b: KbContent) =>
  a.title === b.title &&
  a.body === b.body &&
  a.domain === b.domain &&
  a.categoryCode === b.categoryCode &&
  a.tags.join('\u0000') === b.tags.join('\u0000');

const contentOf = (row: KbArticleRow): KbContent => ({
  title: row.title,
  body: row.body,
  domain: row.domain,
  categoryCode: row.category_code,
  tags: row.tags,
});

/** Edits an article: changed content becomes a new version at once; metadata changes add none. */
export async function changeKbArticle(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  patch: KbArticlePatch,
  now: Date,
  action = 'article.update',
): Promise<KbArticleRow> {
  const before = await articleToChange(trx, actor, id);
  await assertOwner(trx, actor, patch.ownerUserId);
  const expiresOn = patch.expiresOn !== undefined ? patch.expiresOn : before.expires_on;
  const reviewDueOn = patch.reviewDueOn !== undefined ? patch.reviewDueOn : before.review_due_on;
  assertDates(expiresOn, reviewDueOn);
  const old = contentOf(before);
  const next: KbContent = {
    title: patch.title ?? old.title,
    body: patch.body ?? old.body,
    domain: patch.domain ?? old.domain,
    categoryCode: patch.categoryCode !== undefined ? patch.categoryCode : old.categoryCode,
    tags: patch.tags ?? old.tags,
  };
  const newVersion = !sameContent(old, next);
  const version = newVersion ? before.current_version + 1 : before.current_version;
  await updateArticle(trx, id, {
    ...(newVersion && {
      current_version: version,
      title: next.title,
      body: next.body,
      domain: next.domain,
      category_code: next.categoryCode,
      tags: next.tags,
      ...searchColumns(next),
    }),
    ...(patch.ownerUserId !== undefined && { owner_user_id: patch.ownerUserId }),
    expires_on: expiresOn,
    review_due_on: reviewDueOn,
    ...(reviewDueOn !== before.review_due_on && { review_flagged_at: null }),
    updated_at: now,
  });
  if (newVersion)
    await insertVersion(trx, {
      article_id: id,
      version,
      title: next.title,
      body: next.body,
      domain: next.domain,
      category_code: next.categoryCode,
      tags: next.tags,
      change_note: patch.changeNote ?? null,
      edited_by: actor.userId,
      edited_at: now,
    });
  const after = (await findArticleInScope(trx, id, actor.orgPath)) as KbArticleRow;
  await audit(trx, ctx, action, after, before);
  return after;
}

/** Publishing makes the article an answer for its unit's subtree; retiring withdraws it. */
export async function setKbStatus(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  status: 'published' | 'retired',
  now: Date,
): Promise<KbArticleRow> {
  const before = await articleToChange(trx, actor, id);
  if (before.status === status) return before;
  await updateArticle(trx, id, {
    status,
    ...(status === 'published' && { published_at: now }),
    updated_at: now,
  });
  const after = (await findArticleInScope(trx, id, actor.orgPath)) as KbArticleRow;
  await audit(trx, ctx, status === 'published' ? 'article.publish' : 'article.retire', after, before);
  return after;
}

/** The owner confirms the article is still right and sets the next review date. */
export async function reviewKbArticle(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  nextReviewOn: string | null,
  now: Date,
): Promise<KbArticleRow> {
  const before = await articleToChange(trx, actor, id);
  if (nextReviewOn !== null && nextReviewOn <= beijingDateOf(now))
    throw badRequest('the next review date must be in the future');
  assertDates(before.expires_on, nextReviewOn);
  await updateArticle(trx, id, { review_due_on: nextReviewOn, review_flagged_at: null, updated_at: now });
  const after = (await findArticleInScope(trx, id, actor.orgPath)) as KbArticleRow;
  await audit(trx, ctx, 'article.review', after, before);
  return after;
}

/** Opening an article counts a view for the viewer's unit (the KPI of article use). */
export async function viewKbArticle(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  now: Date,
): Promise<KbArticleRow> {
  const row = await findReadableArticle(trx, id, actor.orgPath);
  if (!row) throw notFound(`article ${id}`);
  await countView(trx, id, beijingDateOf(now), actor.orgUnitId);
  await recordAudit(trx, ctx, {
    action: 'hotline.kb.article.view',
    objectType: 'kb_article',
    objectId: id,
    after: { version: row.current_version },
  });
  return row;
}

export async function readableKbArticle(db: Executor, actor: Actor, id: number): Promise<KbArticleRow> {
  const row = await findReadableArticle(db, id, actor.orgPath);
  if (!row) throw notFound(`article ${id}`);
  return row;
}
