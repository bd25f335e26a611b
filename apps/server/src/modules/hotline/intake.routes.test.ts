import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { type HotlineWorld, hotlineWorld, taxiComplaint } from './hotline-test-kit.ts';

for (const kind of DB_KINDS) {
  describe(`hotline intake on ${kind}`, () => {
    let t: TestApp;
    let w: HotlineWorld;
    before(async () => {
      t = await startTestApp(kind);
      w = await hotlineWorld(t);
    });
    after(() => t.close());

    test('an agent takes a call: tracking number, query code, accepted and queued, fields normalised', async () => {
      const res = await t.as(w.agent, 'POST', '/api/hotline/tickets', taxiComplaint(w.ids.xw));
      assert.equal(res.statusCode, 201, res.body);
      const c = res.json();
      assert.match(c.ticketNo, /^20261127\d{6}$/);
      assert.match(c.queryCode, /^\d{6}$/);
      assert.equal(c.state, 'dispatching');
      const detail = (await t.as(w.agent, 'GET', `/api/hotline/tickets/${c.id}`)).json();
      assert.equal(detail.ticket.channel, 'phone');
      assert.equal(detail.ticket.fields.plateNo, '苏AT1234');
      assert.equal(detail.ticket.requesterPhone, '13812345678');
      assert.equal(detail.queryCode, c.queryCode);
      assert.deepEqual(
        detail.clocks.map((k: { kind: string; dueAt: string }) => [k.kind, k.dueAt]),
        // Friday 27 Nov 2026 + 15 working days = Friday 18 Dec, end of day Beijing time.
        [['reply', '2026-12-18T15:59:59.999Z']],
      );
      const history = (await t.as(w.agent, 'GET', `/api/hotline/tickets/${c.id}/history`)).json();
      assert.deepEqual(
        history.items.map((e: { action: string }) => e.action),
        ['accept', 'queue'],
      );
      const byNo = await t.as(w.agent, 'GET', `/api/hotline/tickets/by-no/${c.ticketNo}`);
      assert.equal(byNo.json().ticket.id, c.id);
      const list = (await t.as(w.agent, 'GET', '/api/hotline/tickets?state=dispatching')).json();
      assert.ok(list.items.some((i: { id: number }) => i.id === c.id));
      assert.equal(list.items[0].requesterPhone, '138****5678', 'lists mask the phone');
    });

    test('category fields are validated: missing plate, bad plate, unknown field, unknown category', async () => {
      for (const [body, message] of [
        [taxiComplaint(w.ids.xw, { fields: {} }), /plateNo/],
        [taxiComplaint(w.ids.xw, { fields: { plateNo: 'ABC' } }), /not a plate/],
        [taxiComplaint(w.ids.xw, { fields: { plateNo: '苏A12345', colour: 'red' } }), /unknown field colour/],
        [taxiComplaint(w.ids.xw, { categoryCode: '9999' }), /unknown category/],
      ] as const) {
        const res = await t.as(w.agent, 'POST', '/api/hotline/tickets', body);
        assert.equal(res.statusCode, 400, res.body);
        assert.match(res.json().error.message, message);
      }
    });

    test('不予受理 needs a coded reason; 即时答复 cites a KB article and closes at once', async () => {
      const noReason = await t.as(w.agent, 'POST', '/api/hotline/tickets', {
        ...taxiComplaint(w.ids.xw),
        disposition: 'notAccept',
      });
      assert.equal(noReason.statusCode, 400);
      const rejected = await t.as(w.agent, 'POST', '/api/hotline/tickets', {
        ...taxiComplaint(w.ids.xw),
        disposition: 'notAccept',
        notAcceptedReason: 'railAviationPost',
      });
      assert.equal(rejected.json().state, 'not_accepted');
      const res = await t.as(w.supervisor, 'POST', '/api/hotline/kb/articles', {
        key: 'metro-first-train',
        orgUnitId: w.ids.nj,
        title: '地铁首末班车时间',
        body: '地铁2号线首班车6:00，末班车23:00。',
        domain: 'urbanPassenger',
        tags: ['地铁'],
        publish: true,
      });
      assert.equal(res.statusCode, 201, res.body);
      const article = res.json() as { id: number };
      const inquiry = (kbArticleId: number) => ({
        requestType: 'inquiry',
        categoryCode: '0402',
        fields: { busLine: '地铁2号线' },
        description: '地铁2号线首班车几点',
        disposition: 'instantAnswer',
        kbArticleId,
        answerText: '首班车6:00',
      });
      const answered = await t.as(w.agent, 'POST', '/api/hotline/tickets', inquiry(article.id));
      assert.equal(answered.statusCode, 201, answered.body);
      assert.equal(answered.json().state, 'closed');
      const d = (await t.as(w.agent, 'GET', `/api/hotline/tickets/${answered.json().id}`)).json();
      assert.equal(d.ticket.instantAnswer, true);
      assert.equal(d.ticket.kbArticleId, article.id);
      const history = (
        await t.as(w.agent, 'GET', `/api/hotline/tickets/${answered.json().id}/history`)
      ).json();
      assert.deepEqual(
        history.items.map((e: { action: string; note: unknown }) => [e.action, e.note]),
        [
          ['instantAnswer', { kbArticleId: article.id, key: 'metro-first-train', version: 1 }],
          ['closeAnswered', null],
        ],
        'the timeline names the article and version cited',
      );
      const usage = (
        await t.as(w.supervisor, 'GET', '/api/hotline/kb/usage?from=2026-11-27&to=2026-11-27&pageSize=200')
      ).json();
      assert.equal(
        usage.items.find((u: { id: number }) => u.id === article.id)?.citations,
        1,
        'the citation counts in the article-use KPI',
      );
      const noArticle = await t.as(w.agent, 'POST', '/api/hotline/tickets', {
        requestType: 'inquiry',
        categoryCode: '0801',
        description: '咨询',
        disposition: 'instantAnswer',
        answerText: 'x',
      });
      assert.equal(noArticle.statusCode, 400);
    });

    test("an instant answer cites only an article in force for the agent: not another city's, not a retired one", async () => {
      const create = async (orgUnitId: number, key: string) => {
        const res = await t.as(w.provinceSupervisor, 'POST', '/api/hotline/kb/articles', {
          key,
          orgUnitId,
          title: `出租车投诉受理范围 ${key}`,
          body: '巡游出租车拒载、绕路、议价的投诉。',
          domain: 'urbanPassenger',
          tags: ['出租车'],
          publish: true,
        });
        assert.equal(res.statusCode, 201, res.body);
        return (res.json() as { id: number }).id;
      };
      const suzhou = await create(w.ids.sz, 'taxi-scope-sz');
      const province = await create(w.ids.js, 'taxi-scope');
      const nanjing = await create(w.ids.nj, 'taxi-scope');
      const cite = (kbArticleId: number) =>
        t.as(w.agent, 'POST', '/api/hotline/tickets', {
          requestType: 'inquiry',
          categoryCode: '0801',
          description: '出租车投诉受理范围咨询',
          disposition: 'instantAnswer',
          kbArticleId,
          answerText: '已按知识库答复',
        });
      for (const [id, why] of [
        [suzhou, "another city's article"],
        [province, 'the province article Nanjing overrides'],
        [999_999, 'no such article'],
      ] as const) {
        const res = await cite(id);
        assert.equal(res.statusCode, 400, `${why}: ${res.body}`);
        assert.match(res.json().error.message, /not in force for your unit/);
      }
      assert.equal((await cite(nanjing)).statusCode, 201, 'the override in force for Nanjing');
      const retired = await t.as(w.provinceSupervisor, 'POST', `/api/hotline/kb/articles/${nanjing}/retire`);
      assert.equal(retired.statusCode, 200, retired.body);
      assert.equal((await cite(nanjing)).statusCode, 400, 'a retired article is no answer');
      assert.equal(
        (await cite(province)).statusCode,
        201,
        'with the override retired, the province article is',
      );
    });

    test('gateway intake is idempotent by channel and external id', async () => {
      const body = {
        ...taxiComplaint(w.ids.xw),
        channel: 'wechat',
        externalId: 'wx-msg-0001',
      };
      const first = await t.as(w.agent, 'POST', '/api/hotline/intake', body);
      assert.equal(first.statusCode, 201, first.body);
      const again = await t.as(w.agent, 'POST', '/api/hotline/intake', body);
      assert.equal(again.statusCode, 200);
      assert.deepEqual(again.json(), { ...first.json(), created: false });
      const sms = await t.as(w.agent, 'POST', '/api/hotline/intake', { ...body, channel: 'sms' });
      assert.equal(sms.statusCode, 201, 'the same id on another channel is another message');
    });

    test('caller history and duplicate suggestions: same phone, same plate, similar text', async () => {
      const history = (await t.as(w.agent, 'GET', '/api/hotline/callers/13812345678/tickets')).json();
      assert.ok(history.total >= 3);
      const dup = await t.as(
        w.agent,
        'GET',
        `/api/hotline/tickets/duplicates?plateNo=${encodeURIComponent('苏AT1234')}&text=${encodeURIComponent('出租车拒载')}`,
      );
      assert.equal(dup.statusCode, 200, dup.body);
      const items = dup.json().items;
      assert.ok(items.length > 0 && items.every((i: { samePlate: boolean }) => i.samePlate));
      const none = (await t.as(w.agent, 'GET', '/api/hotline/tickets/duplicates?phone=13900000000')).json();
      assert.equal(none.total, 0);
    });

    test('duplicate suggestions leave out closed tickets: a call can only join an open one', async () => {
      const plate = '苏A8D808';
      const call = (description: string) =>
        t.as(
          w.agent,
          'POST',
          '/api/hotline/tickets',
          taxiComplaint(w.ids.xw, { fields: { plateNo: plate }, description, requesterPhone: '13700008808' }),
        );
      const first = (await call('出租车绕路多收费，司机态度恶劣')).json();
      const ok = (res: { statusCode: number; body: string }) => assert.equal(res.statusCode, 200, res.body);
      ok(
        await t.as(w.agent, 'POST', `/api/hotline/tickets/${first.id}/dispatch`, { handlingOrgId: w.ids.xw }),
      );
      ok(await t.as(w.xwHandler, 'POST', `/api/hotline/tickets/${first.id}/sign-for`));
      ok(
        await t.as(w.xwHandler, 'POST', `/api/hotline/tickets/${first.id}/reply`, {
          facts: '经核实，司机绕路属实',
          handling: '已责令退还多收车费',
          legalBasis: '《巡游出租汽车经营服务管理规定》',
        }),
      );
      const supervisor = await t.login('nj.supervisor');
      ok(await t.as(supervisor, 'POST', `/api/hotline/tickets/${first.id}/review`, { approve: true }));
      const suggested = async () =>
        (await t.as(w.agent, 'GET', `/api/hotline/tickets/duplicates?plateNo=${encodeURIComponent(plate)}`))
          .json()
          .items.map((i: { ticket: { id: number } }) => i.ticket.id) as number[];
      assert.deepEqual(await suggested(), [], 'the closed ticket is not offered');
      const second = (await call('出租车绕路，再次投诉同一辆车')).json();
      assert.deepEqual(await suggested(), [second.id], 'an open one with the same plate is');
      const merged = await t.as(w.agent, 'POST', `/api/hotline/tickets/${second.id}/merge`, {
        targetId: first.id,
      });
      assert.equal(merged.statusCode, 409, 'and the merge API agrees: no joining a closed ticket');
    });

    test("a day's numbers are distinct under concurrent intake and continue the day's former counter", async () => {
      t.clock.advance(3 * 86_400_000); // Monday 30 Nov 2026
      const agent = await t.login('nj.agent'); // the session of Friday has gone idle
      await t.handle.db.insertInto('hotline_ticket_seq').values({ day: '2026-11-30', last: 41 }).execute();
      const made = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          t.as(agent, 'POST', '/api/hotline/intake', {
            ...taxiComplaint(w.ids.xw),
            channel: 'sms',
            externalId: `sms-day-${i}`,
          }),
        ),
      );
      assert.deepEqual(
        made.map((r) => r.json().ticketNo).sort(),
        [42, 43, 44, 45, 46].map((n) => `20261130${String(n).padStart(6, '0')}`),
      );
    });
  });
}
