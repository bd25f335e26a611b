import { recordAudit, SYSTEM_CONTEXT } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { findOrgUnitByCode } from '../../platform/orgs/orgs.repository.ts';
import { DEMO_ARTICLES } from './kb.demo-data.ts';
import { insertArticle, insertVersion, keyTakenAt } from './kb.repository.ts';
import { searchColumns } from './kb.service.ts';
import { beginBulkLoad, endBulkLoad } from './kb-search.repository.ts';

/**
 * The demo articles that are missing (by unit and key), published, version 1; idempotent. Loaded in
 * bulk: their words are counted, and their index entries merged, once at the end.
 */
export async function seedDemoKb(trx: Executor, now: Date): Promise<number> {
  await beginBulkLoad(trx);
  let added = 0;
  for (const d of DEMO_ARTICLES) {
    const org = await findOrgUnitByCode(trx, d.org);
    if (!org || (await keyTakenAt(trx, org.id, d.key))) continue;
    const content = {
      title: d.title,
      body: d.body,
      domain: d.domain,
      categoryCode: d.categoryCode ?? null,
      tags: d.tags,
    };
    const id = await insertArticle(trx, {
      key: d.key,
      org_unit_id: org.id,
      owner_user_id: null,
      status: 'published',
      current_version: 1,
      title: d.title,
      body: d.body,
      domain: d.domain,
      category_code: content.categoryCode,
      tags: d.tags,
      ...searchColumns(content),
      expires_on: null,
      review_due_on: null,
      review_flagged_at: null,
      published_at: now,
      created_at: now,
      updated_at: now,
    });
    await insertVersion(trx, {
      article_id: id,
      version: 1,
      title: d.title,
      body: d.body,
      domain: d.domain,
      category_code: content.categoryCode,
      tags: d.tags,
      change_note: '演示数据',
      edited_by: null,
      edited_at: now,
    });
    await recordAudit(trx, SYSTEM_CONTEXT, {
      action: 'hotline.kb.article.create',
      objectType: 'kb_article',
      objectId: id,
      after: { key: d.key, orgUnitId: org.id, title: d.title, demo: true },
      orgUnitId: org.id,
      orgPath: org.path,
    });
    added += 1;
  }
  await endBulkLoad(trx);
  return added;
}
