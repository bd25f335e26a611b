import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { archiveQuiet } from './callbacks.service.ts';
import { type HotlineWorld, hotlineWorld, relogin, taxiComplaint } from './hotline-test-kit.ts';
import { hotlineCalendar } from './tickets.service.ts';

for (const kind of DB_KINDS) {
  describe(`hotline reply, closure, merge, split and callbacks on ${kind}`, () => {
    let t: TestApp;
    let w: HotlineWorld;
    before(async () => {
      t = await startTestApp(kind);
      w = await hotlineWorld(t);
    });
    after(() => t.close());

    const post = async (who: keyof Omit<HotlineWorld, 'ids'>, url: string, body?: unknown, status = 200) => {
      const res = await t.as(w[who], 'POST', url, body);
      assert.equal(res.statusCode, status, `${url}: ${res.body}`);
      return res.json();
    };
    const atUnit = async (extra: Record<string, unknown> = {}) => {
      const id = (await post('agent', '/api/hotline/tickets', taxiComplaint(w.ids.xw, extra), 201))
        .id as number;
      await post('agent', `/api/hotline/tickets/${id}/dispatch`, { handlingOrgId: w.ids.xw });
      await post('xwHandler', `/api/hotline/tickets/${id}/sign-for`);
      return id;
    };
    const reply = (id: number) =>
      post('xwHandler', `/api/hotline/tickets/${id}/reply`, {
        facts: '经调查，司机确有拒载行为',
        handling: '已对驾驶员批评教育并记入服务质量信誉考核',
        legalBasis: '《巡游出租汽车经营服务管理规定》第二十六条',
      });
    const pendingCallbacks = async (id: number) =>
      (await t.as(w.supervisor, 'GET', `/api/hotline/callbacks?state=pending&ticketId=${id}`)).json()
        .items as {
        id: number;
        callerTicketId: number;
      }[];
    const clocks = async (id: number) =>
      (await t.as(w.supervisor, 'GET', `/api/hotline/tickets/${id}`)).json().clocks as {
        kind: string;
        dueAt: string;
        stoppedAt: string | null;
      }[];

    test('reply, review back and forth, 办结 on time, 不满意 → 重办 at the same unit, again → 督办', async () => {
      const id = await atUnit();
      const due = (await clocks(id)).find((k) => k.kind === 'handling' && !k.stoppedAt)?.dueAt;
      assert.equal((await reply(id)).state, 'replied');
      const back = await post('supervisor', `/api/hotline/tickets/${id}/review`, {
        approve: false,
        note: '补充依据',
      });
      assert.equal(back.state, 'in_progress');
      assert.equal(
        (await clocks(id)).find((k) => k.kind === 'handling' && !k.stoppedAt)?.dueAt,
        due,
        'a rejected reply does not renew the deadline',
      );
      await reply(id);
      const closed = await post('supervisor', `/api/hotline/tickets/${id}/review`, { approve: true });
      assert.deepEqual(
        [closed.state, closed.closedOnTime],
        ['callback_pending', true],
        'complaints are all called back',
      );
      const [cb] = await pendingCallbacks(id);
      assert.ok(cb);
      const agentTry = await t.as(w.xwHandler, 'POST', `/api/hotline/callbacks/${cb.id}`, {
        satisfaction: 'satisfied',
      });
      assert.equal(agentTry.statusCode, 403);
      await post('supervisor', `/api/hotline/callbacks/${cb.id}`, {
        satisfaction: 'dissatisfied',
        note: '未退还车费',
      });
      const re = (await t.as(w.supervisor, 'GET', `/api/hotline/tickets/${id}`)).json().ticket;
      assert.deepEqual(
        [re.state, re.handlingOrgId, re.rehandleCount, re.dissatisfiedCount, re.supervised],
        ['rehandling', w.ids.xw, 1, 1, false],
      );
      await reply(id);
      await post('supervisor', `/api/hotline/tickets/${id}/review`, { approve: true });
      const [cb2] = await pendingCallbacks(id);
      assert.ok(cb2 && cb2.id !== cb.id, 'a second round');
      await post('supervisor', `/api/hotline/callbacks/${cb2.id}`, { satisfaction: 'dissatisfied' });
      const sup = (await t.as(w.supervisor, 'GET', `/api/hotline/tickets/${id}`)).json().ticket;
      assert.deepEqual([sup.state, sup.supervised, sup.dissatisfiedCount], ['rehandling', true, 2]);
      const orders = (
        await t.as(w.supervisor, 'GET', `/api/hotline/urges?ticketId=${id}&kind=supervision`)
      ).json();
      assert.equal(orders.total, 1);
      await reply(id);
      await post('supervisor', `/api/hotline/tickets/${id}/review`, { approve: true });
      const [cb3] = await pendingCallbacks(id);
      await post('supervisor', `/api/hotline/callbacks/${cb3?.id}`, { satisfaction: 'basicallySatisfied' });
      assert.equal(
        (await t.as(w.supervisor, 'GET', `/api/hotline/tickets/${id}`)).json().ticket.state,
        'callback_done',
      );
      const twice = await t.as(w.supervisor, 'POST', `/api/hotline/callbacks/${cb3?.id}`, {
        satisfaction: 'satisfied',
      });
      assert.equal(twice.statusCode, 409);
    });

    test('only the handling unit replies; only the centre reviews', async () => {
      const id = await atUnit();
      assert.equal(
        (
          await t.as(w.glHandler, 'POST', `/api/hotline/tickets/${id}/reply`, {
            facts: 'x',
            handling: 'x',
            legalBasis: 'x',
          })
        ).statusCode,
        404,
      );
      await reply(id);
      assert.equal(
        (await t.as(w.xwHandler, 'POST', `/api/hotline/tickets/${id}/review`, { approve: true })).statusCode,
        403,
      );
      assert.equal(
        (await t.as(w.szAgent, 'POST', `/api/hotline/tickets/${id}/review`, { approve: true })).statusCode,
        404,
      );
    });

    test('merge keeps each caller’s callback; a merge can be undone; no merge into a closed ticket', async () => {
      const a = (await post('agent', '/api/hotline/tickets', taxiComplaint(w.ids.xw), 201)).id;
      const b = (
        await post(
          'agent',
          '/api/hotline/tickets',
          taxiComplaint(w.ids.xw, { requesterPhone: '13987654321' }),
          201,
        )
      ).id;
      const merged = await post('agent', `/api/hotline/tickets/${b}/merge`, { targetId: a });
      assert.deepEqual([merged.state, merged.mergedIntoId], ['merged', a]);
      assert.equal((await t.as(w.agent, 'POST', `/api/hotline/tickets/${b}/dispatch`, {})).statusCode, 409);
      await post('agent', `/api/hotline/tickets/${a}/dispatch`, { handlingOrgId: w.ids.xw });
      await post('xwHandler', `/api/hotline/tickets/${a}/sign-for`);
      await reply(a);
      await post('supervisor', `/api/hotline/tickets/${a}/review`, { approve: true });
      const callers = (await pendingCallbacks(a)).map((c) => c.callerTicketId).sort();
      assert.deepEqual(callers, [a, b].sort());
      const into = await t.as(
        w.agent,
        'POST',
        `/api/hotline/tickets/${(await post('agent', '/api/hotline/tickets', taxiComplaint(w.ids.xw), 201)).id}/merge`,
        { targetId: a },
      );
      assert.equal(into.statusCode, 409, 'the original is closed');

      const c = (await post('agent', '/api/hotline/tickets', taxiComplaint(w.ids.xw), 201)).id;
      const d = (await post('agent', '/api/hotline/tickets', taxiComplaint(w.ids.xw), 201)).id;
      const dueBefore = (await clocks(c)).find((k) => k.kind === 'reply')?.dueAt;
      await post('agent', `/api/hotline/tickets/${c}/merge`, { targetId: d });
      const undone = await post('agent', `/api/hotline/tickets/${c}/unmerge`);
      assert.deepEqual([undone.state, undone.mergedIntoId], ['dispatching', null]);
      assert.equal((await clocks(c)).find((k) => k.kind === 'reply' && !k.stoppedAt)?.dueAt, dueBefore);
      const history = (await t.as(w.agent, 'GET', `/api/hotline/tickets/${c}/history`)).json();
      assert.deepEqual(history.items.map((e: { action: string }) => e.action).slice(-2), [
        'merge',
        'unmerge',
      ]);
    });

    test('split: each issue becomes a ticket with the same caller, place and original time', async () => {
      const src = (await post('agent', '/api/hotline/tickets', taxiComplaint(w.ids.xw), 201)).id;
      const { items } = await post('agent', `/api/hotline/tickets/${src}/split`, {
        parts: [
          {
            requestType: 'complaint',
            categoryCode: '0401',
            fields: { busLine: '游1路' },
            description: '公交车甩站',
          },
          {
            requestType: 'suggestion',
            categoryCode: '0104',
            fields: { roadName: '中山路' },
            description: '建议增设护栏',
          },
        ],
      });
      const source = (await t.as(w.agent, 'GET', `/api/hotline/tickets/${src}`)).json().ticket;
      assert.equal(items.length, 2);
      for (const part of items) {
        assert.deepEqual(
          [part.splitFromId, part.receivedAt, part.state, part.locationText],
          [src, source.receivedAt, 'dispatching', source.locationText],
        );
        const full = (await t.as(w.agent, 'GET', `/api/hotline/tickets/${part.id}`)).json().ticket;
        assert.equal(full.requesterPhone, source.requesterPhone);
        assert.notEqual(part.ticketNo, source.ticketNo);
      }
    });

    test('cancel stops the clocks; archive after the quiet period makes a ticket read-only', async () => {
      const id = await atUnit();
      const cancelled = await post('agent', `/api/hotline/tickets/${id}/cancel`, { reason: '来电人撤回' });
      assert.equal(cancelled.state, 'cancelled');
      assert.ok((await clocks(id)).every((k) => k.stoppedAt !== null));
      const deps = async () => ({
        secretBox: t.app.platform.secretBox,
        calendar: await hotlineCalendar(t.handle.db),
        now: t.clock.now(),
      });
      assert.equal(
        (
          await t.handle.db
            .selectFrom('hotline_ticket')
            .select('state')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).state,
        'cancelled',
      );
      await archiveQuiet(t.handle.db, await deps());
      assert.equal(
        (await t.as(w.agent, 'GET', `/api/hotline/tickets/${id}`)).json().ticket.state,
        'cancelled',
        'not yet quiet',
      );
      t.clock.advance(31 * 86_400_000);
      w = await relogin(t);
      assert.ok((await archiveQuiet(t.handle.db, await deps())) >= 1);
      const archived = (await t.as(w.agent, 'GET', `/api/hotline/tickets/${id}`)).json().ticket;
      assert.equal(archived.state, 'archived');
      assert.ok(archived.archivedAt);
      const note = await t.as(w.agent, 'POST', `/api/hotline/tickets/${id}/notes`, { body: '补记' });
      assert.equal(note.statusCode, 409, 'archived is read-only');
    });
  });
}
