import assert from 'node:assert/strict';
import type { Session, TestApp } from '../../../test/harness.ts';
import { insertArticle, insertVersion } from './kb.repository.ts';
import { searchColumns } from './kb.service.ts';

/**
 * Jurisdiction probes of the knowledge base, used by src/jurisdiction.test.ts: a 玄武区 user
 * holding every permission against an article of 鼓楼区, its sibling county. Articles of the
 * units above the caller are readable by design (national and provincial answers apply below).
 */
export interface KbProbeWorld {
  t: TestApp;
  county: Session;
}

const MARKER = '鼓楼知识探针';
const foreignArticles = new WeakMap<TestApp, Promise<number>>();

/** A published article of 鼓楼区 (made once per test app). */
function foreignArticle(t: TestApp): Promise<number> {
  let id = foreignArticles.get(t);
  if (!id) {
    id = (async () => {
      const content = {
        title: `${MARKER}出租车投诉`,
        body: '鼓楼区出租车投诉受理。',
        domain: 'urbanPassenger',
        categoryCode: null,
        tags: [],
      };
      const now = t.clock.now();
      const articleId = await insertArticle(t.handle.db, {
        key: 'gl-probe',
        org_unit_id: await t.orgId('320106'),
        owner_user_id: null,
        status: 'published',
        current_version: 1,
        title: content.title,
        body: content.body,
        domain: content.domain,
        category_code: null,
        tags: [],
        ...searchColumns(content),
        expires_on: null,
        review_due_on: null,
        review_flagged_at: null,
        published_at: now,
        created_at: now,
        updated_at: now,
      });
      await insertVersion(t.handle.db, {
        article_id: articleId,
        version: 1,
        title: content.title,
        body: content.body,
        domain: content.domain,
        category_code: null,
        tags: [],
        change_note: null,
        edited_by: null,
        edited_at: now,
      });
      return articleId;
    })();
    foreignArticles.set(t, id);
  }
  return id;
}

async function denied(w: KbProbeWorld, method: string, url: string, body?: unknown) {
  const res = await w.t.as(w.county, method, url, body);
  assert.ok([403, 404].includes(res.statusCode), `${method} ${url} answered ${res.statusCode}: ${res.body}`);
}

async function noForeign(w: KbProbeWorld, url: string) {
  await foreignArticle(w.t);
  const res = await w.t.as(w.county, 'GET', url);
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  assert.ok(!res.body.includes(MARKER), `${url} leaks ${MARKER}`);
}

const withArticle =
  (method: string, path: (id: number) => string, body?: unknown) => async (w: KbProbeWorld) =>
    denied(w, method, path(await foreignArticle(w.t)), body);

export const KB_PROBES: Record<string, (w: KbProbeWorld) => Promise<void>> = {
  'GET /api/hotline/kb/search': async (w) => {
    await noForeign(w, `/api/hotline/kb/search?q=${encodeURIComponent(`${MARKER}出租车投诉`)}`);
    await denied(w, 'GET', `/api/hotline/kb/search?q=x&orgUnitId=${await w.t.orgId('320106')}`);
  },
  'GET /api/hotline/kb/articles': (w) => noForeign(w, '/api/hotline/kb/articles?pageSize=200'),
  'GET /api/hotline/kb/articles/{id}': withArticle('GET', (id) => `/api/hotline/kb/articles/${id}`),
  'GET /api/hotline/kb/articles/{id}/versions': withArticle(
    'GET',
    (id) => `/api/hotline/kb/articles/${id}/versions`,
  ),
  'GET /api/hotline/kb/articles/{id}/versions/{version}': withArticle(
    'GET',
    (id) => `/api/hotline/kb/articles/${id}/versions/1`,
  ),
  'POST /api/hotline/kb/articles': async (w) =>
    denied(w, 'POST', '/api/hotline/kb/articles', {
      key: 'gl-probe-2',
      orgUnitId: await w.t.orgId('320106'),
      title: '越权',
      body: '越权',
      domain: 'other',
    }),
  'PATCH /api/hotline/kb/articles/{id}': withArticle('PATCH', (id) => `/api/hotline/kb/articles/${id}`, {
    title: '越权',
  }),
  'POST /api/hotline/kb/articles/{id}/restore': withArticle(
    'POST',
    (id) => `/api/hotline/kb/articles/${id}/restore`,
    {
      version: 1,
    },
  ),
  'POST /api/hotline/kb/articles/{id}/publish': withArticle(
    'POST',
    (id) => `/api/hotline/kb/articles/${id}/publish`,
  ),
  'POST /api/hotline/kb/articles/{id}/retire': withArticle(
    'POST',
    (id) => `/api/hotline/kb/articles/${id}/retire`,
  ),
  'POST /api/hotline/kb/articles/{id}/review': withArticle(
    'POST',
    (id) => `/api/hotline/kb/articles/${id}/review`,
    {
      nextReviewOn: '2027-12-31',
    },
  ),
  'GET /api/hotline/kb/usage': (w) =>
    noForeign(w, '/api/hotline/kb/usage?from=2026-11-01&to=2026-11-30&pageSize=200'),
};

/** The foreign article is as it was made: published, version 1. */
export async function assertForeignKbUnchanged(t: TestApp): Promise<void> {
  const row = await t.handle.db
    .selectFrom('kb_article')
    .select(['status', 'current_version', 'title'])
    .where('id', '=', await foreignArticle(t))
    .executeTakeFirstOrThrow();
  assert.deepEqual(row, { status: 'published', current_version: 1, title: `${MARKER}出租车投诉` });
}
