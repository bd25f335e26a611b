import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { type HotlineWorld, hotlineWorld, relogin, taxiComplaint } from './hotline-test-kit.ts';

for (const kind of DB_KINDS) {
  describe(`hotline: waiting for the citizen on ${kind}`, () => {
    let t: TestApp;
    let w: HotlineWorld;
    before(async () => {
      // Monday 28 September 2026, two days before the National Day week.
      t = await startTestApp(kind, {}, { clockStart: Date.parse('2026-09-28T09:00:00+08:00') });
      w = await hotlineWorld(t);
    });
    after(() => t.close());

    const setNow = async (iso: string) => {
      t.clock.advance(Date.parse(iso) - t.clock.now().getTime());
      w = await relogin(t);
    };
    const running = async (id: number) => {
      const d = (await t.as(w.supervisor, 'GET', `/api/hotline/tickets/${id}`)).json();
      return Object.fromEntries(
        d.clocks
          .filter((k: { stoppedAt: string | null }) => k.stoppedAt === null)
          .map((k: { kind: string; dueAt: string; pausedAt: string | null }) => [
            k.kind,
            `${k.dueAt}${k.pausedAt ? ' paused' : ''}`,
          ]),
      ) as Record<string, string>;
    };
    const inProgress = async () => {
      const created = (await t.as(w.agent, 'POST', '/api/hotline/tickets', taxiComplaint(w.ids.xw))).json();
      await t.as(w.agent, 'POST', `/api/hotline/tickets/${created.id}/dispatch`, { handlingOrgId: w.ids.xw });
      const signed = await t.as(w.xwHandler, 'POST', `/api/hotline/tickets/${created.id}/sign-for`);
      assert.equal(signed.statusCode, 200, signed.body);
      return created as { id: number; ticketNo: string; queryCode: string };
    };
    const ask = (id: number, question = '请补充乘车发票照片和上车地点') =>
      t.as(w.xwHandler, 'POST', `/api/hotline/tickets/${id}/citizen-requests`, { question });
    const publicAnswer = (c: { ticketNo: string }, code: string, answer = '发票已拍照，上车地点为中山路') =>
      t.app.inject({
        method: 'POST',
        url: `/api/hotline/public/tickets/${c.ticketNo}/answer`,
        payload: { code, answer },
      });

    test('the clocks pause across National Day and the deadlines move by the working days paused', async () => {
      const c = await inProgress();
      // Handling (10 working days) and reply (15) from Monday 28 September: 1–7 October skipped,
      // Saturday 10 October a make-up working day.
      assert.deepEqual(await running(c.id), {
        reply: '2026-10-23T15:59:59.999Z',
        handling: '2026-10-16T15:59:59.999Z',
      });
      await setNow('2026-09-30T10:00:00+08:00');
      const asked = await ask(c.id);
      assert.equal(asked.statusCode, 201, asked.body);
      assert.deepEqual(await running(c.id), {
        reply: '2026-10-23T15:59:59.999Z paused',
        handling: '2026-10-16T15:59:59.999Z paused',
      });
      const view = await t.app.inject({
        method: 'GET',
        url: `/api/hotline/public/tickets/${c.ticketNo}?code=${c.queryCode}`,
      });
      assert.equal(view.json().status, '待您补充信息');
      assert.equal(view.json().question, '请补充乘车发票照片和上车地点');
      assert.equal(view.json().timeline.at(-1).status, '待您补充信息', 'the pause is on the public timeline');

      await setNow('2026-10-09T10:00:00+08:00');
      const wrong = await publicAnswer(c, c.queryCode === '000000' ? '000001' : '000000');
      assert.equal(wrong.statusCode, 404, 'the query code is checked');
      const answered = await publicAnswer(c, c.queryCode);
      assert.equal(answered.statusCode, 200, answered.body);
      // Paused Wednesday 30 September, answered Friday 9 October: 8 and 9 October are the
      // working days lost (the holiday week costs nothing), so both deadlines move by two.
      assert.deepEqual(await running(c.id), {
        reply: '2026-10-27T15:59:59.999Z',
        handling: '2026-10-20T15:59:59.999Z',
      });
      const requests = (
        await t.as(w.xwHandler, 'GET', `/api/hotline/tickets/${c.id}/citizen-requests`)
      ).json();
      assert.deepEqual(
        requests.items.map((r: { answeredVia: string; pausedWorkingDays: number; answer: string }) => [
          r.answeredVia,
          r.pausedWorkingDays,
          r.answer,
        ]),
        [['public', 2, '发票已拍照，上车地点为中山路']],
      );
      const history = (await t.as(w.supervisor, 'GET', `/api/hotline/tickets/${c.id}/history`)).json();
      assert.deepEqual(
        history.items
          .slice(-2)
          .map((e: { action: string; toState: string; note: unknown }) => [e.action, e.toState, e.note]),
        [
          ['askCitizen', 'awaiting_citizen', { question: '请补充乘车发票照片和上车地点' }],
          ['citizenAnswered', 'in_progress', { via: 'public', pausedWorkingDays: 2 }],
        ],
      );
      assert.equal((await publicAnswer(c, c.queryCode)).statusCode, 409, 'not waiting any more');
    });

    test('guards: only the handling unit asks, only while handling and before its deadline, at most twice', async () => {
      await setNow('2026-10-12T09:00:00+08:00');
      const c = await inProgress();
      assert.equal(
        (await t.as(w.glHandler, 'POST', `/api/hotline/tickets/${c.id}/citizen-requests`, { question: '?' }))
          .statusCode >= 403,
        true,
      );
      assert.equal((await ask(c.id)).statusCode, 201);
      const again = await ask(c.id);
      assert.equal(again.statusCode, 409, 'already waiting');
      const reply = await t.as(w.xwHandler, 'POST', `/api/hotline/tickets/${c.id}/reply`, {
        facts: '核实',
        handling: '处理',
        legalBasis: '依据',
      });
      assert.equal(reply.statusCode, 409, 'no reply while waiting for the citizen');
      assert.equal(
        (await t.as(w.szAgent, 'POST', `/api/hotline/tickets/${c.id}/citizen-answer`, { answer: 'x' }))
          .statusCode,
        404,
        'an agent of another centre cannot answer for the citizen',
      );
      // The same day: an agent takes the answer by phone; no working day was lost.
      const byPhone = await t.as(w.agent, 'POST', `/api/hotline/tickets/${c.id}/citizen-answer`, {
        answer: '来电补充：车牌苏AT1234',
      });
      assert.equal(byPhone.statusCode, 200, byPhone.body);
      assert.deepEqual([byPhone.json().answeredVia, byPhone.json().pausedWorkingDays], ['agent', 0]);
      assert.equal((await ask(c.id)).statusCode, 201, 'a second question');
      await t.as(w.agent, 'POST', `/api/hotline/tickets/${c.id}/citizen-answer`, { answer: '补充完毕' });
      const third = await ask(c.id);
      assert.equal(third.statusCode, 409);
      assert.equal(third.json().error.details.reason, 'citizen_request_cap_reached');

      const late = await inProgress();
      await setNow('2026-11-30T09:00:00+08:00');
      const past = await ask(late.id);
      assert.equal(past.statusCode, 409);
      assert.equal(past.json().error.details.reason, 'handling_deadline_passed');
    });

    test('a ticket re-handled after 不满意 may wait for the citizen too, and goes back to re-handling', async () => {
      await setNow('2026-12-07T09:00:00+08:00');
      const c = await inProgress();
      const ok = async (res: Promise<{ statusCode: number; body: string }>, status = 200) => {
        const r = await res;
        assert.equal(r.statusCode, status, r.body);
        return JSON.parse(r.body);
      };
      const replyBody = { facts: '核实属实', handling: '已批评教育', legalBasis: '《出租汽车服务规范》' };
      await ok(t.as(w.xwHandler, 'POST', `/api/hotline/tickets/${c.id}/reply`, replyBody));
      await ok(t.as(w.supervisor, 'POST', `/api/hotline/tickets/${c.id}/review`, { approve: true }));
      const cb = (
        await t.as(w.supervisor, 'GET', `/api/hotline/callbacks?state=pending&ticketId=${c.id}`)
      ).json().items[0];
      await ok(
        t.as(w.supervisor, 'POST', `/api/hotline/callbacks/${cb.id}`, { satisfaction: 'dissatisfied' }),
      );
      const state = async () => (await t.as(w.supervisor, 'GET', `/api/hotline/tickets/${c.id}`)).json();
      assert.equal((await state()).ticket.state, 'rehandling');
      const unitView = (await t.as(w.xwHandler, 'GET', `/api/hotline/tickets/${c.id}`)).json();
      assert.ok(unitView.actions.includes('askCitizen'), 'the unit is offered the question');

      await setNow('2026-12-08T10:00:00+08:00');
      await ok(ask(c.id, '请说明上次答复哪一点未解决'), 201);
      assert.equal((await state()).ticket.state, 'awaiting_citizen');
      assert.match(
        (await running(c.id)).handling ?? '',
        / paused$/,
        'the re-handling clock pauses like the first one',
      );
      await setNow('2026-12-09T10:00:00+08:00');
      const answered = await ok(publicAnswer(c, c.queryCode, '车费仍未退还'));
      assert.equal(answered.status, '重新办理中', 'the citizen sees the ticket back in re-handling');
      const after = await state();
      assert.equal(after.ticket.state, 'rehandling');
      assert.equal(after.ticket.rehandleCount, 1);
      const history = (await t.as(w.supervisor, 'GET', `/api/hotline/tickets/${c.id}/history`)).json();
      assert.deepEqual(
        history.items
          .slice(-2)
          .map((e: { action: string; fromState: string; toState: string }) => [
            e.action,
            e.fromState,
            e.toState,
          ]),
        [
          ['askCitizen', 'rehandling', 'awaiting_citizen'],
          ['citizenAnsweredRehandling', 'awaiting_citizen', 'rehandling'],
        ],
      );
      const replied = await ok(t.as(w.xwHandler, 'POST', `/api/hotline/tickets/${c.id}/reply`, replyBody));
      assert.equal(replied.state, 'replied', 'the unit replies from re-handling as before');
    });
  });
}
