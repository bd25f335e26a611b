import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';
import { flagDueReviews } from './kb-search.service.ts';

interface Hit {
  id: number;
  key: string;
  orgName: string;
  title: string;
  titleHtml: string;
  snippetHtml: string;
}

for (const kind of DB_KINDS) {
  describe(`knowledge base on ${kind}`, () => {
    let t: TestApp;
    let ministry: Session;
    let province: Session;
    let city: Session;
    let county: Session;
    let agent: Session;
    let wuxiAgent: Session;
    let beijingAgent: Session;
    let org: Record<'mot' | 'js' | 'nj' | 'xw' | 'gl', number>;
    before(async () => {
      t = await startTestApp(kind);
      await t.createUser('mot.kb', 'MOT', ['hotlineSupervisor']);
      await t.createUser('js.kb', '320000', ['hotlineSupervisor']);
      await t.createUser('nj.kb', '320100', ['hotlineSupervisor']);
      await t.createUser('xw.kb', '320102', ['hotlineSupervisor']);
      await t.createUser('xw.agent', '320102', ['hotlineAgent']);
      await t.createUser('wx.agent', '320200', ['hotlineAgent']);
      await t.createUser('bj.agent', '110000', ['hotlineAgent']);
      ministry = await t.login('mot.kb');
      province = await t.login('js.kb');
      city = await t.login('nj.kb');
      county = await t.login('xw.kb');
      agent = await t.login('xw.agent');
      wuxiAgent = await t.login('wx.agent');
      beijingAgent = await t.login('bj.agent');
      org = {
        mot: await t.orgId('MOT'),
        js: await t.orgId('320000'),
        nj: await t.orgId('320100'),
        xw: await t.orgId('320102'),
        gl: await t.orgId('320106'),
      };
    });
    after(() => t.close());

    const article = (key: string, orgUnitId: number, title: string, body: string, extra: object = {}) => ({
      key,
      orgUnitId,
      title,
      body,
      domain: 'urbanPassenger',
      tags: ['网约车'],
      publish: true,
      ...extra,
    });
    const create = async (s: Session, body: object) => {
      const res = await t.as(s, 'POST', '/api/hotline/kb/articles', body);
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { id: number; version: number; editable: boolean };
    };
    const search = async (s: Session, q: string, extra = '') => {
      const res = await t.as(s, 'GET', `/api/hotline/kb/search?q=${encodeURIComponent(q)}${extra}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { items: Hit[]; total: number; mode: string; terms: string[] };
    };

    test('an override shadows the same key above it for callers in its subtree only', async () => {
      await create(
        ministry,
        article('ridehail-driver-licence', org.mot, '网约车驾驶员证办理', '全国通用的办理条件和材料。'),
      );
      await create(
        province,
        article(
          'ridehail-driver-licence',
          org.js,
          '网约车驾驶员证办理（江苏）',
          '江苏省的办理流程：向设区市出租汽车行政主管部门申请。',
        ),
      );
      await create(
        city,
        article(
          'ridehail-driver-licence',
          org.nj,
          '网约车驾驶员证办理（南京）',
          '南京市在市交通运输局政务服务窗口办理。',
        ),
      );
      const seen = async (s: Session) => (await search(s, '网约车驾驶员证')).items.map((h) => h.title);
      assert.deepEqual(
        await seen(agent),
        ['网约车驾驶员证办理（南京）'],
        'a county under Nanjing gets the city override',
      );
      assert.deepEqual(
        await seen(wuxiAgent),
        ['网约车驾驶员证办理（江苏）'],
        'another city of the province gets the province override',
      );
      assert.deepEqual(
        await seen(beijingAgent),
        ['网约车驾驶员证办理'],
        'another province gets the national article',
      );
      const asWuxi = await search(province, '网约车驾驶员证', `&orgUnitId=${await t.orgId('320200')}`);
      assert.deepEqual(
        asWuxi.items.map((h) => h.title),
        ['网约车驾驶员证办理（江苏）'],
        'a centre searches as the unit a call concerns',
      );
      assert.equal(
        (await t.as(county, 'GET', `/api/hotline/kb/search?q=x&orgUnitId=${org.gl}`)).statusCode,
        404,
      );
    });

    test('a retired or expired override lets the article above it through again; drafts are no answers', async () => {
      const nj = await create(
        city,
        article(
          'taxi-complaint-scope',
          org.nj,
          '出租车投诉受理范围（南京）',
          '南京市巡游出租车拒载、绕路、议价的投诉。',
        ),
      );
      await create(
        province,
        article('taxi-complaint-scope', org.js, '出租车投诉受理范围', '全省巡游出租车投诉的受理范围。'),
      );
      assert.deepEqual(
        (await search(agent, '出租车投诉')).items.map((h) => h.title),
        ['出租车投诉受理范围（南京）'],
      );
      const retired = await t.as(city, 'POST', `/api/hotline/kb/articles/${nj.id}/retire`);
      assert.equal(retired.json().status, 'retired');
      assert.deepEqual(
        (await search(agent, '出租车投诉')).items.map((h) => h.title),
        ['出租车投诉受理范围'],
      );
      await create(
        city,
        article('toll-exemption', org.nj, '高速公路通行费减免（过期）', '旧政策。', {
          expiresOn: '2026-11-26',
        }),
      );
      await create(
        city,
        article('toll-draft', org.nj, '高速公路通行费减免（草稿）', '未发布。', { publish: false }),
      );
      assert.equal((await search(agent, '高速公路通行费减免')).total, 0);
    });

    test('ranking puts title matches first, highlights matches and falls back to fuzzy titles', async () => {
      await create(
        ministry,
        article('overload-standard', org.mot, '超限超载认定标准', '货车车货总重超过规定限值即为超限。', {
          domain: 'highway',
          tags: ['治超'],
        }),
      );
      await create(
        ministry,
        article('weigh-station', org.mot, '治超站检测流程', '车辆进入治超站称重，认定超限超载后卸载。', {
          domain: 'highway',
          tags: [],
        }),
      );
      const hits = await search(agent, '超限超载认定');
      assert.deepEqual(
        hits.items.map((h) => h.title),
        ['超限超载认定标准', '治超站检测流程'],
      );
      assert.equal(hits.mode, 'fulltext');
      assert.equal(hits.items[0]?.titleHtml, '<mark>超限超载认定</mark>标准');
      assert.equal(hits.items[1]?.snippetHtml, '车辆进入治超站称重，<mark>认定超限超载</mark>后卸载。');
      assert.equal((await search(agent, '治超', '&domain=waterway')).total, 0, 'the domain filter applies');
      const typo = await search(agent, '网约车架驶员');
      assert.equal(typo.mode, 'partial', 'no article has 架驶员: those with 网约车 come');
      assert.equal(typo.items[0]?.title, '网约车驾驶员证办理（南京）');
      const prefix = await search(agent, '超限超');
      assert.equal(prefix.items[0]?.title, '超限超载认定标准', 'the last word is a prefix');
      assert.equal((await search(agent, '量子力学')).mode, 'none');
      await create(
        ministry,
        article('zhongshan-ferry', org.mot, 'Zhongshan Road ferry', 'Timetable.', { tags: [] }),
      );
      const fuzzy = await search(agent, 'Zhongshn');
      assert.deepEqual(
        [fuzzy.mode, fuzzy.items[0]?.title],
        ['fuzzy', 'Zhongshan Road ferry'],
        'no word matches: titles like it',
      );
      const page2 = await search(agent, '超限', '&page=2&pageSize=1');
      assert.deepEqual([page2.total, page2.items.length], [2, 1]);
      const page9 = await search(agent, '超限', '&page=9&pageSize=1');
      assert.deepEqual([page9.mode, page9.total, page9.items.length], ['fulltext', 2, 0]);
    });

    test('every edit is a version with history; restore copies an old version; every write is audited', async () => {
      const a = await create(
        county,
        article('xw-bus-line', org.xw, '玄武区公交线路咨询', '第一版内容。', { publish: false }),
      );
      const edit = await t.as(county, 'PATCH', `/api/hotline/kb/articles/${a.id}`, {
        body: '第二版内容。',
        changeNote: '更新',
      });
      assert.equal(edit.json().version, 2);
      const meta = await t.as(county, 'PATCH', `/api/hotline/kb/articles/${a.id}`, {
        reviewDueOn: '2027-06-01',
      });
      assert.equal(meta.json().version, 2, 'a metadata change adds no version');
      const restored = await t.as(county, 'POST', `/api/hotline/kb/articles/${a.id}/restore`, { version: 1 });
      assert.deepEqual([restored.json().version, restored.json().body], [3, '第一版内容。']);
      const history = await t.as(agent, 'GET', `/api/hotline/kb/articles/${a.id}/versions`);
      assert.deepEqual(
        history
          .json()
          .items.map((v: { version: number; changeNote: string | null }) => [v.version, v.changeNote]),
        [
          [3, '恢复到版本 1'],
          [2, '更新'],
          [1, null],
        ],
      );
      assert.equal(
        (await t.as(agent, 'GET', `/api/hotline/kb/articles/${a.id}/versions/2`)).json().body,
        '第二版内容。',
      );
      await t.as(county, 'POST', `/api/hotline/kb/articles/${a.id}/publish`);
      const audit = await t.handle.db
        .selectFrom('audit_event')
        .select('action')
        .where('object_type', '=', 'kb_article')
        .where('object_id', '=', String(a.id))
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audit.map((e) => e.action),
        [
          'hotline.kb.article.create',
          'hotline.kb.article.update',
          'hotline.kb.article.update',
          'hotline.kb.article.restore',
          'hotline.kb.article.publish',
        ],
      );
    });

    test('a unit changes only its subtree: the article above is overridden, not edited', async () => {
      const national = (await search(agent, '超限超载认定标准')).items[0] as Hit;
      const up = await t.as(county, 'PATCH', `/api/hotline/kb/articles/${national.id}`, { title: '改' });
      assert.deepEqual([up.statusCode, up.json().error.code], [403, 'out_of_jurisdiction']);
      const viewed = await t.as(county, 'GET', `/api/hotline/kb/articles/${national.id}`);
      assert.deepEqual([viewed.statusCode, viewed.json().editable], [200, false]);
      const sibling = await t.as(
        county,
        'POST',
        '/api/hotline/kb/articles',
        article('gl-x', org.gl, '鼓楼', '越权'),
      );
      assert.equal(sibling.statusCode, 403);
      const twice = await t.as(
        county,
        'POST',
        '/api/hotline/kb/articles',
        article('xw-bus-line', org.xw, '重复', '重复'),
      );
      assert.equal(twice.statusCode, 409);
      const agentWrite = await t.as(
        agent,
        'POST',
        '/api/hotline/kb/articles',
        article('xw-agent', org.xw, '坐席', '无权'),
      );
      assert.equal(agentWrite.statusCode, 403, 'agents read, editors write');
      const mine = await t.as(county, 'GET', '/api/hotline/kb/articles?pageSize=200');
      const orgs = new Set(mine.json().items.map((a: { orgName: string }) => a.orgName));
      assert.ok(orgs.has('交通运输部') && orgs.has('玄武区交通运输局') && !orgs.has('无锡市交通运输局'));
      const gl = await t.as(
        city,
        'POST',
        '/api/hotline/kb/articles',
        article('gl-only', org.gl, '鼓楼区专用', '鼓楼'),
      );
      assert.equal((await t.as(county, 'GET', `/api/hotline/kb/articles/${gl.json().id}`)).statusCode, 404);
    });

    test('the review job flags due articles once and tells their owners; a review clears the flag', async () => {
      const a = await create(
        county,
        article('xw-review', org.xw, '玄武区复审测试', '内容。', { reviewDueOn: '2026-11-27' }),
      );
      assert.equal(await flagDueReviews(t.handle.db, t.clock.now()), 1);
      assert.equal(await flagDueReviews(t.handle.db, t.clock.now()), 0, 'flagged once');
      const due = await t.as(county, 'GET', '/api/hotline/kb/articles?reviewDue=true');
      assert.deepEqual(
        due.json().items.map((x: { id: number; reviewFlagged: boolean }) => [x.id, x.reviewFlagged]),
        [[a.id, true]],
      );
      const inbox = await t.as(county, 'GET', '/api/notifications');
      assert.ok(inbox.body.includes('玄武区复审测试'), inbox.body);
      const past = await t.as(county, 'POST', `/api/hotline/kb/articles/${a.id}/review`, {
        nextReviewOn: '2026-11-01',
      });
      assert.equal(past.statusCode, 400);
      const reviewed = await t.as(county, 'POST', `/api/hotline/kb/articles/${a.id}/review`, {
        nextReviewOn: '2027-05-27',
      });
      assert.deepEqual([reviewed.json().reviewFlagged, reviewed.json().reviewDueOn], [false, '2027-05-27']);
    });

    test('usage counts views per article over a date range', async () => {
      const hit = (await search(agent, '超限超载认定标准')).items[0] as Hit;
      await t.as(agent, 'GET', `/api/hotline/kb/articles/${hit.id}`);
      await t.as(agent, 'GET', `/api/hotline/kb/articles/${hit.id}`);
      const usage = await t.as(
        county,
        'GET',
        '/api/hotline/kb/usage?from=2026-11-27&to=2026-11-27&pageSize=200',
      );
      assert.equal(usage.statusCode, 200, usage.body);
      const row = usage.json().items.find((u: { id: number }) => u.id === hit.id);
      assert.ok(row.views >= 2, JSON.stringify(row));
      const before = await t.as(
        county,
        'GET',
        '/api/hotline/kb/usage?from=2026-11-20&to=2026-11-26&pageSize=200',
      );
      assert.equal(before.json().items.find((u: { id: number }) => u.id === hit.id).views, 0);
    });
  });
}
