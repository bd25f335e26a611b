import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';
import { deliverTransfer } from './dispatch.service.ts';
import { type HotlineWorld, hotlineWorld, taxiComplaint } from './hotline-test-kit.ts';
import { hotlineCalendar } from './tickets.service.ts';

for (const kind of DB_KINDS) {
  describe(`hotline dispatch and transfer on ${kind}`, () => {
    let t: TestApp;
    let w: HotlineWorld;
    let manager: Session;
    before(async () => {
      t = await startTestApp(kind);
      w = await hotlineWorld(t);
      await t.createUser('nj.manager', '320100', ['systemAdmin']);
      manager = await t.login('nj.manager');
    });
    after(() => t.close());

    const newTicket = async (extra: Record<string, unknown> = {}) => {
      const res = await t.as(w.agent, 'POST', '/api/hotline/tickets', taxiComplaint(w.ids.xw, extra));
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as number;
    };
    const deliver = async (transferId: number) => {
      const now = t.clock.now();
      const deps = { secretBox: t.app.platform.secretBox, calendar: await hotlineCalendar(t.handle.db), now };
      return t.handle.db.transaction().execute((trx) => deliverTransfer(trx, deps, transferId));
    };

    test('routing rules: the most specific rule wins; without one, the place’s own authority', async () => {
      const general = await t.as(manager, 'POST', '/api/hotline/routing-rules', {
        categoryPrefix: '03',
        handlingOrgId: w.ids.nj,
      });
      assert.equal(general.statusCode, 201, general.body);
      const specific = await t.as(manager, 'POST', '/api/hotline/routing-rules', {
        requestType: 'complaint',
        categoryPrefix: '0301',
        regionOrgId: w.ids.xw,
        handlingOrgId: w.ids.xw,
      });
      assert.equal(specific.statusCode, 201, specific.body);
      const preview = async (body: object) =>
        (await t.as(w.agent, 'POST', '/api/hotline/routing/preview', body)).json();
      const xw = await preview({ requestType: 'complaint', categoryCode: '0301', regionOrgId: w.ids.xw });
      assert.deepEqual([xw.source, xw.handlingOrgId, xw.ruleId], ['rule', w.ids.xw, specific.json().id]);
      const gl = await preview({ requestType: 'complaint', categoryCode: '0301', regionOrgId: w.ids.gl });
      assert.deepEqual([gl.source, gl.handlingOrgId], ['rule', w.ids.nj], 'the domain rule of the city');
      const bus = await preview({ requestType: 'complaint', categoryCode: '0401', regionOrgId: w.ids.gl });
      assert.deepEqual([bus.source, bus.handlingOrgId], ['region', w.ids.gl]);
      const nowhere = await preview({ requestType: 'complaint', categoryCode: '0401' });
      assert.equal(nowhere.source, 'none');
      const foreignUnit = await t.as(manager, 'POST', '/api/hotline/routing-rules', {
        handlingOrgId: w.ids.hz,
      });
      assert.equal(foreignUnit.statusCode, 403);
      const rules = (await t.as(w.agent, 'GET', '/api/hotline/routing-rules')).json();
      assert.equal(rules.total, 2);
    });

    test('dispatch by rule, sign-for only by the unit, clocks move, siblings never see it', async () => {
      const id = await newTicket();
      const d = await t.as(w.agent, 'POST', `/api/hotline/tickets/${id}/dispatch`, {});
      assert.equal(d.statusCode, 200, d.body);
      assert.deepEqual([d.json().state, d.json().handlingOrgId], ['dispatched', w.ids.xw]);
      assert.equal((await t.as(w.glHandler, 'GET', `/api/hotline/tickets/${id}`)).statusCode, 404);
      assert.equal((await t.as(w.glHandler, 'POST', `/api/hotline/tickets/${id}/sign-for`)).statusCode, 404);
      assert.equal(
        (await t.as(w.agent, 'POST', `/api/hotline/tickets/${id}/sign-for`)).statusCode,
        403,
        'an agent holds no hotline.handle',
      );
      const signed = await t.as(w.xwHandler, 'POST', `/api/hotline/tickets/${id}/sign-for`);
      assert.equal(signed.json().state, 'in_progress');
      const detail = (await t.as(w.xwHandler, 'GET', `/api/hotline/tickets/${id}`)).json();
      const clocks = Object.fromEntries(
        detail.clocks.map((k: { kind: string; stoppedAt: string | null; dueAt: string }) => [k.kind, k]),
      );
      assert.ok(clocks.signFor.stoppedAt, 'sign-for clock stopped');
      // Friday 27 Nov 2026 + 10 working days: Friday 11 Dec.
      assert.equal(clocks.handling.dueAt, '2026-12-11T15:59:59.999Z');
      assert.equal(clocks.handling.stoppedAt, null);
      const list = (await t.as(w.xwHandler, 'GET', '/api/hotline/tickets?state=in_progress')).json();
      assert.ok(list.items.some((i: { id: number }) => i.id === id));
      const glList = (await t.as(w.glHandler, 'GET', '/api/hotline/tickets')).json();
      assert.ok(!glList.items.some((i: { id: number }) => i.id === id));
    });

    test('send back with reason codes; the ping-pong cap; the unit keeps sight of what it held', async () => {
      const id = await newTicket();
      await t.as(w.agent, 'POST', `/api/hotline/tickets/${id}/dispatch`, { handlingOrgId: w.ids.xw });
      const bad = await t.as(w.xwHandler, 'POST', `/api/hotline/tickets/${id}/send-back`, {
        reasonCode: 'bored',
      });
      assert.equal(bad.statusCode, 400);
      const back = await t.as(w.xwHandler, 'POST', `/api/hotline/tickets/${id}/send-back`, {
        reasonCode: 'wrongArea',
      });
      assert.deepEqual(
        [back.json().state, back.json().handlingOrgId, back.json().sendBackCount],
        ['returned', null, 1],
      );
      assert.equal((await t.as(w.xwHandler, 'GET', `/api/hotline/tickets/${id}`)).statusCode, 200);
      assert.equal(
        (await t.as(w.xwHandler, 'POST', `/api/hotline/tickets/${id}/sign-for`)).statusCode,
        403,
        'no longer its handling unit',
      );
      await t.as(w.agent, 'POST', `/api/hotline/tickets/${id}/dispatch`, { handlingOrgId: w.ids.gl });
      await t.as(w.glHandler, 'POST', `/api/hotline/tickets/${id}/sign-for`);
      const second = await t.as(w.glHandler, 'POST', `/api/hotline/tickets/${id}/send-back`, {
        reasonCode: 'notOurScope',
      });
      assert.equal(second.json().sendBackCount, 2);
      await t.as(w.agent, 'POST', `/api/hotline/tickets/${id}/dispatch`, { handlingOrgId: w.ids.xw });
      const capped = await t.as(w.xwHandler, 'POST', `/api/hotline/tickets/${id}/send-back`, {
        reasonCode: 'wrongArea',
      });
      assert.equal(capped.statusCode, 409);
      assert.equal(capped.json().error.details.reason, 'send_back_cap_reached');
      const outside = await t.as(w.agent, 'POST', `/api/hotline/tickets/${id}/reroute`, {
        handlingOrgId: w.ids.sz,
      });
      assert.equal(outside.statusCode, 403, 'another city is reached by transfer, not dispatch');
    });

    test('re-categorise and re-route to the unit the rules now give', async () => {
      const id = await newTicket();
      await t.as(w.agent, 'POST', `/api/hotline/tickets/${id}/dispatch`, {});
      const moved = await t.as(w.agent, 'POST', `/api/hotline/tickets/${id}/recategorise`, {
        categoryCode: '0302',
        fields: { plateNo: '苏A12345', platform: '某出行' },
        reroute: true,
      });
      assert.equal(moved.statusCode, 200, moved.body);
      assert.deepEqual(
        [moved.json().categoryCode, moved.json().handlingOrgId, moved.json().state],
        ['0302', w.ids.nj, 'dispatched'],
      );
      const badFields = await t.as(w.agent, 'POST', `/api/hotline/tickets/${id}/recategorise`, {
        categoryCode: '0401',
      });
      assert.equal(badFields.statusCode, 400, 'the new category needs its bus line');
    });

    test('更改地点: audited, noted, and a ticket at a unit goes to the unit of the new place', async () => {
      const bus = { categoryCode: '0401', fields: { busLine: '34路' } };
      const id = await newTicket(bus);
      await t.as(w.agent, 'POST', `/api/hotline/tickets/${id}/dispatch`, {});
      await t.as(w.xwHandler, 'POST', `/api/hotline/tickets/${id}/sign-for`);
      const relocate = (body: object, as = w.agent, ticket = id) =>
        t.as(as, 'POST', `/api/hotline/tickets/${ticket}/location`, body);
      const place = { locationText: '南京市鼓楼区中山北路', regionOrgId: w.ids.gl, lat: 32.07, lon: 118.77 };
      assert.equal((await relocate(place, w.xwHandler)).statusCode, 403, 'only the centre changes the place');
      assert.equal((await relocate({ ...place, lon: undefined })).statusCode, 400, 'lat and lon go together');
      const moved = await relocate(place);
      assert.equal(moved.statusCode, 200, moved.body);
      assert.deepEqual(
        [moved.json().state, moved.json().handlingOrgId, moved.json().regionOrgId, moved.json().lat],
        ['dispatched', w.ids.gl, w.ids.gl, 32.07],
        'in progress at 玄武, re-routed to 鼓楼 to sign for',
      );
      const d = (await t.as(w.agent, 'GET', `/api/hotline/tickets/${id}`)).json();
      assert.equal(d.ticket.locationText, '南京市鼓楼区中山北路');
      assert.ok(
        d.notes.some((n: { body: string }) =>
          /^更改地点：南京市玄武区中山路.*→ 南京市鼓楼区中山北路/.test(n.body),
        ),
      );
      const history = (await t.as(w.agent, 'GET', `/api/hotline/tickets/${id}/history?pageSize=200`)).json();
      assert.deepEqual(history.items.at(-1).note, {
        from: w.ids.xw,
        handlingOrgId: w.ids.gl,
        note: 'relocated',
      });
      const audit = await t.handle.db
        .selectFrom('audit_event')
        .select(['before', 'after'])
        .where('action', '=', 'hotline.ticket.relocate')
        .where('object_id', '=', String(id))
        .executeTakeFirstOrThrow();
      assert.deepEqual(
        [
          (audit.before as { regionOrgId: number }).regionOrgId,
          (audit.after as { regionOrgId: number }).regionOrgId,
        ],
        [w.ids.xw, w.ids.gl],
      );
      const same = await relocate({ locationText: '鼓楼区中山北路 100 号', regionOrgId: w.ids.gl });
      assert.deepEqual([same.json().handlingOrgId, same.json().lat], [w.ids.gl, null], 'same unit: it stays');
      const foreign = await relocate({ locationText: '苏州市姑苏区', regionOrgId: w.ids.sz });
      assert.equal(foreign.statusCode, 409, 'another centre is reached by send-back and transfer');
      assert.equal(
        (await t.as(w.agent, 'GET', `/api/hotline/tickets/${id}`)).json().ticket.regionOrgId,
        w.ids.gl,
      );

      const queued = await newTicket(bus);
      const waiting = await relocate({ locationText: '鼓楼区', regionOrgId: w.ids.gl }, w.agent, queued);
      assert.deepEqual([waiting.json().state, waiting.json().handlingOrgId], ['dispatching', null]);
      const dispatched = await t.as(w.agent, 'POST', `/api/hotline/tickets/${queued}/dispatch`, {});
      assert.equal(dispatched.json().handlingOrgId, w.ids.gl, 'dispatch routes by the new place');
    });

    test('cross-city transfer through the province, cross-province through the ministry', async () => {
      const id = await newTicket();
      const x = await t.as(w.agent, 'POST', `/api/hotline/tickets/${id}/transfer`, { targetOrgId: w.ids.sz });
      assert.equal(x.statusCode, 200, x.body);
      assert.deepEqual(
        [x.json().route, x.json().hubOrgId, x.json().state],
        ['province', w.ids.js, 'readyToSend'],
      );
      assert.equal((await deliver(x.json().id)) as string, 'sent');
      assert.equal(await deliver(x.json().id), 'sent', 'delivering twice changes nothing');
      const atSz = (await t.as(w.szAgent, 'GET', `/api/hotline/tickets/${id}`)).json();
      assert.deepEqual([atSz.ticket.state, atSz.ticket.centreOrgId], ['dispatching', w.ids.sz]);
      assert.equal(
        (await t.as(w.agent, 'GET', `/api/hotline/tickets/${id}`)).statusCode,
        200,
        'the sender still sees it',
      );
      assert.equal(
        (await t.as(w.agent, 'POST', `/api/hotline/tickets/${id}/dispatch`, { handlingOrgId: w.ids.xw }))
          .statusCode,
        403,
        'the sender no longer owns it',
      );
      const transfers = (await t.as(w.provinceSupervisor, 'GET', '/api/hotline/transfers?state=sent')).json();
      assert.ok(transfers.items.some((i: { ticketId: number }) => i.ticketId === id));
      const far = await newTicket();
      const y = await t.as(w.agent, 'POST', `/api/hotline/tickets/${far}/transfer`, {
        targetOrgId: w.ids.hz,
      });
      assert.deepEqual([y.json().route, y.json().hubOrgId], ['ministry', await t.orgId('MOT')]);
      const own = await t.as(w.agent, 'POST', `/api/hotline/tickets/${await newTicket()}/transfer`, {
        targetOrgId: w.ids.xw,
      });
      assert.equal(own.statusCode, 409, 'inside the own area one dispatches');
    });

    test('a transfer to a closed centre fails the send and returns to the sender', async () => {
      const id = await newTicket();
      const x = await t.as(w.agent, 'POST', `/api/hotline/tickets/${id}/transfer`, {
        targetOrgId: await t.orgId('320200'),
      });
      await t.handle.db
        .updateTable('org_unit')
        .set({ status: 'closed' })
        .where('code', '=', '320200')
        .execute();
      assert.equal(await deliver(x.json().id), 'sendFailed');
      const back = (await t.as(w.agent, 'GET', `/api/hotline/tickets/${id}`)).json();
      assert.deepEqual([back.ticket.state, back.ticket.centreOrgId], ['dispatching', w.ids.nj]);
      await t.handle.db
        .updateTable('org_unit')
        .set({ status: 'active' })
        .where('code', '=', '320200')
        .execute();

      const resend = (as: Session, transferId: number) =>
        t.as(as, 'POST', `/api/hotline/transfers/${transferId}/resend`);
      assert.equal((await resend(w.szAgent, x.json().id)).statusCode, 404, 'another centre’s transfer');
      assert.equal((await resend(w.xwHandler, x.json().id)).statusCode, 403, 'a unit does not send');
      const again = await resend(w.agent, x.json().id);
      assert.equal(again.statusCode, 200, again.body);
      assert.deepEqual([again.json().state, again.json().attempts], ['readyToSend', 1]);
      const out = (await t.as(w.agent, 'GET', `/api/hotline/tickets/${id}`)).json().ticket;
      assert.deepEqual([out.state, out.handlingOrgId], ['transferred_out', null]);
      assert.equal((await resend(w.agent, x.json().id)).statusCode, 409, 'only a failed send is sent again');
      assert.equal(await deliver(x.json().id), 'sent');
      const wuxi = await t.orgId('320200');
      const delivered = (await t.as(w.agent, 'GET', `/api/hotline/transfers?state=sent`)).json();
      assert.ok(
        delivered.items.some(
          (i: { id: number; attempts: number }) => i.id === x.json().id && i.attempts === 2,
        ),
      );
      const audit = await t.handle.db
        .selectFrom('workflow_event')
        .select(['action', 'to_state'])
        .where('entity_id', '=', String(id))
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.slice(-4).map((e) => `${e.action}→${e.to_state}`),
        [
          'transferOut→transferred_out',
          'transferFailed→dispatching',
          'transferOut→transferred_out',
          'transferReceived→dispatching',
        ],
      );
      assert.equal(
        (
          await t.handle.db
            .selectFrom('hotline_ticket')
            .select('centre_org_id')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).centre_org_id,
        wuxi,
      );

      const y = await newTicket();
      const failed = await t.as(w.agent, 'POST', `/api/hotline/tickets/${y}/transfer`, { targetOrgId: wuxi });
      await t.handle.db
        .updateTable('org_unit')
        .set({ status: 'closed' })
        .where('code', '=', '320200')
        .execute();
      await deliver(failed.json().id);
      await t.handle.db
        .updateTable('org_unit')
        .set({ status: 'active' })
        .where('code', '=', '320200')
        .execute();
      await t.as(w.agent, 'POST', `/api/hotline/tickets/${y}/dispatch`, { handlingOrgId: w.ids.xw });
      const late = await resend(w.agent, failed.json().id);
      assert.equal(late.statusCode, 409, 'dispatched meanwhile: the transfer guard refuses');
      assert.equal(late.json().error.details.reason, 'no_such_transition');
    });
  });
}
