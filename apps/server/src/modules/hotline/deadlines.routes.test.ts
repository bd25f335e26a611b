import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { markCards } from './deadlines.service.ts';
import { type HotlineWorld, hotlineWorld, relogin, taxiComplaint } from './hotline-test-kit.ts';
import { hotlineCalendar } from './tickets.service.ts';

for (const kind of DB_KINDS) {
  describe(`hotline deadlines on ${kind}`, () => {
    let t: TestApp;
    let w: HotlineWorld;
    before(async () => {
      t = await startTestApp(kind);
      w = await hotlineWorld(t);
    });
    after(() => t.close());

    const setNow = async (iso: string) => {
      t.clock.advance(Date.parse(iso) - t.clock.now().getTime());
      w = await relogin(t);
    };
    const clocksOf = async (id: number) => {
      const d = (await t.as(w.supervisor, 'GET', `/api/hotline/tickets/${id}`)).json();
      return Object.fromEntries(
        d.clocks
          .filter((k: { stoppedAt: string | null }) => k.stoppedAt === null)
          .map((k: { kind: string; dueAt: string }) => [k.kind, k.dueAt]),
      ) as Record<string, string>;
    };
    const dispatched = async (extra: Record<string, unknown> = {}) => {
      const id = (await t.as(w.agent, 'POST', '/api/hotline/tickets', taxiComplaint(w.ids.xw, extra))).json()
        .id;
      await t.as(w.agent, 'POST', `/api/hotline/tickets/${id}/dispatch`, { handlingOrgId: w.ids.xw });
      return id as number;
    };
    const runCards = async () =>
      markCards(t.handle.db, {
        secretBox: t.app.platform.secretBox,
        calendar: await hotlineCalendar(t.handle.db),
        now: t.clock.now(),
      });

    test('National Day 2026: the holiday week is skipped and the make-up Saturday counts', async () => {
      await setNow('2026-09-30T10:00:00+08:00');
      const id = await dispatched();
      const c = await clocksOf(id);
      // Reply (15 days): 10-08, 10-09, Sat 10-10 (make-up), 10-12…16, 10-19…23, 10-26, 10-27.
      assert.equal(c.reply, '2026-10-27T15:59:59.999Z');
      // Sign-for (1 day): the first working day after 1–7 October.
      assert.equal(c.signFor, '2026-10-08T15:59:59.999Z');
      await setNow('2026-10-09T09:00:00+08:00');
      await t.as(w.xwHandler, 'POST', `/api/hotline/tickets/${id}/sign-for`);
      const d = (await t.as(w.supervisor, 'GET', `/api/hotline/tickets/${id}`)).json();
      const signFor = d.clocks.find((k: { kind: string }) => k.kind === 'signFor');
      assert.equal(signFor.card, 'red', 'signed for a day late: the stopped clock keeps its red card');
      // Handling (10 days) from Friday 10-09: Sat 10-10, 10-12…16, 10-19…22.
      assert.equal((await clocksOf(id)).handling, '2026-10-22T15:59:59.999Z');
    });

    test('Spring Festival 2025: the make-up Sunday before the holiday counts', async () => {
      await setNow('2025-01-24T16:00:00+08:00');
      const res = await t.as(w.agent, 'POST', '/api/hotline/tickets', {
        requestType: 'inquiry',
        categoryCode: '0801',
        description: '春节期间客运班次咨询',
      });
      // 3 days: Sun 01-26 (make-up), Mon 01-27, then 01-28…02-04 off, Wed 02-05.
      assert.equal((await clocksOf(res.json().id)).reply, '2025-02-05T15:59:59.999Z');
    });

    test('yellow one working day before the due day, red after it; the job notifies and urges once', async () => {
      await setNow('2026-11-27T09:00:00+08:00');
      const id = await dispatched();
      await t.as(w.xwHandler, 'POST', `/api/hotline/tickets/${id}/sign-for`);
      assert.equal((await clocksOf(id)).handling, '2026-12-11T15:59:59.999Z');
      const cardOf = async () =>
        (await t.as(w.supervisor, 'GET', `/api/hotline/tickets/${id}`)).json().ticket.card;
      await setNow('2026-12-09T12:00:00+08:00');
      await runCards();
      assert.equal(await cardOf(), 'none', 'two working days left');
      const yellowList = (await t.as(w.supervisor, 'GET', '/api/hotline/tickets?card=yellow')).json();
      assert.ok(!yellowList.items.some((i: { id: number }) => i.id === id));
      await setNow('2026-12-10T08:00:00+08:00');
      assert.ok(
        (await t.as(w.supervisor, 'GET', '/api/hotline/tickets?card=yellow'))
          .json()
          .items.some((i: { id: number }) => i.id === id),
        'the list computes the card from the clocks, before the job has run',
      );
      await runCards();
      assert.equal(await cardOf(), 'yellow');
      await setNow('2026-12-12T00:00:01+08:00');
      await runCards();
      await runCards();
      assert.equal(await cardOf(), 'red');
      const urges = (await t.as(w.supervisor, 'GET', `/api/hotline/urges?ticketId=${id}`)).json();
      assert.equal(urges.total, 1, 'one automatic 催办, however often the job runs');
      assert.equal(urges.items[0].automatic, true);
      const notes = (await t.as(w.xwHandler, 'GET', '/api/notifications?pageSize=200')).json();
      assert.ok(notes.items.some((n: { title: string }) => n.title.startsWith('黄牌')));
      assert.ok(notes.items.some((n: { title: string }) => n.title.startsWith('红牌')));
    });

    test('extension: filed before the deadline, approved by the centre, capped per type', async () => {
      await setNow('2026-11-27T09:00:00+08:00');
      const id = await dispatched();
      await t.as(w.xwHandler, 'POST', `/api/hotline/tickets/${id}/sign-for`);
      const tooLong = await t.as(w.xwHandler, 'POST', `/api/hotline/tickets/${id}/extensions`, {
        days: 20,
        reason: '需现场调查',
        legalBasis: '《出租汽车经营服务管理规定》',
      });
      assert.equal(tooLong.statusCode, 400);
      const ask = await t.as(w.xwHandler, 'POST', `/api/hotline/tickets/${id}/extensions`, {
        days: 7,
        reason: '需调取车载视频',
        legalBasis: '《出租汽车经营服务管理规定》',
      });
      assert.equal(ask.statusCode, 201, ask.body);
      const own = await t.as(
        w.xwHandler,
        'POST',
        `/api/hotline/tickets/${id}/extensions/${ask.json().id}/decision`,
        {
          approve: true,
        },
      );
      assert.equal(own.statusCode, 403, 'the unit cannot approve its own extension');
      const ok = await t.as(
        w.supervisor,
        'POST',
        `/api/hotline/tickets/${id}/extensions/${ask.json().id}/decision`,
        {
          approve: true,
        },
      );
      assert.equal(ok.statusCode, 200, ok.body);
      // 12-11 + 7 working days = 12-22; the reply clock moves too (12-18 → 12-29).
      assert.equal(ok.json().newDueAt, '2026-12-22T15:59:59.999Z');
      const c = await clocksOf(id);
      assert.deepEqual([c.handling, c.reply], ['2026-12-22T15:59:59.999Z', '2026-12-29T15:59:59.999Z']);
      const again = await t.as(w.xwHandler, 'POST', `/api/hotline/tickets/${id}/extensions`, {
        days: 1,
        reason: 'x',
        legalBasis: 'y',
      });
      assert.equal(again.json().error.details.reason, 'extension_cap_reached');
      const pending = (await t.as(w.supervisor, 'GET', '/api/hotline/extensions?decision=approved')).json();
      assert.ok(pending.items.some((e: { ticketId: number }) => e.ticketId === id));

      const late = await dispatched();
      await t.as(w.xwHandler, 'POST', `/api/hotline/tickets/${late}/sign-for`);
      await setNow('2026-12-15T09:00:00+08:00');
      const tooLate = await t.as(w.xwHandler, 'POST', `/api/hotline/tickets/${late}/extensions`, {
        days: 3,
        reason: 'x',
        legalBasis: 'y',
      });
      assert.equal(tooLate.json().error.details.reason, 'handling_deadline_passed');
    });

    test('extension and question caps count per handling round; a decision in 重办 goes back to re-handling', async () => {
      await setNow('2026-12-07T09:00:00+08:00');
      const id = await dispatched();
      const ok = async (res: Promise<{ statusCode: number; body: string }>, status = 200) => {
        const r = await res;
        assert.equal(r.statusCode, status, r.body);
        return JSON.parse(r.body);
      };
      const path = `/api/hotline/tickets/${id}`;
      const extend = () =>
        t.as(w.xwHandler, 'POST', `${path}/extensions`, {
          days: 2,
          reason: '需调取视频',
          legalBasis: '规定',
        });
      const decide = async (approve: boolean) => {
        const ext = await ok(extend(), 201);
        await ok(t.as(w.supervisor, 'POST', `${path}/extensions/${ext.id}/decision`, { approve }));
        return (await t.as(w.supervisor, 'GET', path)).json().ticket.state;
      };
      const askAndAnswer = async () => {
        await ok(t.as(w.xwHandler, 'POST', `${path}/citizen-requests`, { question: '请补充发票' }), 201);
        await ok(t.as(w.agent, 'POST', `${path}/citizen-answer`, { answer: '已补充' }));
      };
      const capOf = async (res: Promise<{ statusCode: number; body: string }>) =>
        JSON.parse((await res).body).error?.details?.reason;
      const closeDissatisfied = async () => {
        const replyBody = { facts: '核实属实', handling: '已处理', legalBasis: '《出租汽车服务规范》' };
        await ok(t.as(w.xwHandler, 'POST', `${path}/reply`, replyBody));
        await ok(t.as(w.supervisor, 'POST', `${path}/review`, { approve: true }));
        const cb = (
          await t.as(w.supervisor, 'GET', `/api/hotline/callbacks?state=pending&ticketId=${id}`)
        ).json().items[0];
        await ok(
          t.as(w.supervisor, 'POST', `/api/hotline/callbacks/${cb.id}`, { satisfaction: 'dissatisfied' }),
        );
        assert.equal((await t.as(w.supervisor, 'GET', path)).json().ticket.state, 'rehandling');
      };
      await t.as(w.xwHandler, 'POST', `${path}/sign-for`);
      assert.equal(await decide(true), 'in_progress');
      assert.equal(await capOf(extend()), 'extension_cap_reached');
      await askAndAnswer();
      await askAndAnswer();
      const third = t.as(w.xwHandler, 'POST', `${path}/citizen-requests`, { question: '再补充' });
      assert.equal(await capOf(third), 'citizen_request_cap_reached');

      await closeDissatisfied();
      assert.equal(await decide(true), 'rehandling', 'approved in 重办: back to re-handling');
      assert.equal(await capOf(extend()), 'extension_cap_reached', 'one extension per round');
      await askAndAnswer();
      assert.equal((await t.as(w.supervisor, 'GET', path)).json().ticket.state, 'rehandling');

      await closeDissatisfied();
      assert.equal(await decide(false), 'rehandling', 'denied in 重办: back to re-handling');
      const history = (await t.as(w.supervisor, 'GET', `${path}/history?pageSize=200`)).json();
      const decisions = history.items
        .filter((e: { action: string }) => /Extension/.test(e.action) && e.action !== 'requestExtension')
        .map((e: { action: string; toState: string }) => `${e.action}→${e.toState}`);
      assert.deepEqual(decisions, [
        'approveExtension→in_progress',
        'approveExtensionRehandling→rehandling',
        'denyExtensionRehandling→rehandling',
      ]);
      const replied = await ok(
        t.as(w.xwHandler, 'POST', `${path}/reply`, {
          facts: '已退款',
          handling: '已处理',
          legalBasis: '规定',
        }),
      );
      assert.equal(replied.state, 'replied');
    });

    test('urge and supervision: records with who, what and the answer; only the addressed unit answers', async () => {
      await setNow('2026-11-27T09:00:00+08:00');
      const id = await dispatched();
      const urge = await t.as(w.supervisor, 'POST', `/api/hotline/tickets/${id}/urges`, {
        kind: 'urge',
        demand: '请于明日前签收',
      });
      assert.equal(urge.statusCode, 201, urge.body);
      assert.deepEqual([urge.json().targetOrgId, urge.json().issuedByName], [w.ids.xw, 'nj.supervisor']);
      const wrong = await t.as(
        w.glHandler,
        'POST',
        `/api/hotline/tickets/${id}/urges/${urge.json().id}/answer`,
        {
          answer: '已阅',
        },
      );
      assert.equal(wrong.statusCode, 404);
      const answered = await t.as(
        w.xwHandler,
        'POST',
        `/api/hotline/tickets/${id}/urges/${urge.json().id}/answer`,
        {
          answer: '今日已签收办理',
        },
      );
      assert.equal(answered.json().answer, '今日已签收办理');
      const sup = await t.as(w.provinceSupervisor, 'POST', `/api/hotline/tickets/${id}/urges`, {
        kind: 'supervision',
        demand: '省中心督办：三日内答复',
      });
      assert.equal(sup.statusCode, 201, 'a unit above the centre may supervise');
      const d = (await t.as(w.supervisor, 'GET', `/api/hotline/tickets/${id}`)).json().ticket;
      assert.deepEqual([d.urgeCount, d.supervised], [1, true]);
      const board = (await t.as(w.supervisor, 'GET', '/api/hotline/urges?kind=supervision&open=true')).json();
      assert.ok(board.items.some((u: { ticketId: number }) => u.ticketId === id));
      const byUnit = await t.as(w.xwHandler, 'POST', `/api/hotline/tickets/${id}/urges`, {
        kind: 'urge',
        demand: 'x',
      });
      assert.equal(byUnit.statusCode, 403);
    });
  });
}
