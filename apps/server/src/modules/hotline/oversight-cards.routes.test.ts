import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { type HotlineWorld, hotlineWorld, taxiComplaint } from './hotline-test-kit.ts';

interface UnitCards {
  orgUnitId: number;
  orgName: string;
  yellow: number;
  red: number;
  supervised: number;
}

// The supervision board's per-unit summary of open carded and supervised tickets.
for (const kind of DB_KINDS) {
  describe(`cards by unit on ${kind}`, () => {
    let t: TestApp;
    let w: HotlineWorld;
    before(async () => {
      t = await startTestApp(kind);
      w = await hotlineWorld(t);
    });
    after(() => t.close());

    /** A complaint dispatched to a unit, its clocks moved to make the card, maybe supervised. */
    const ticket = async (
      unit: number,
      set: { card?: 'none' | 'yellow' | 'red'; supervised?: boolean; state?: string },
    ) => {
      const created = await t.as(w.agent, 'POST', '/api/hotline/tickets', taxiComplaint(w.ids.xw));
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id as number;
      const sent = await t.as(w.agent, 'POST', `/api/hotline/tickets/${id}/dispatch`, {
        handlingOrgId: unit,
      });
      assert.equal(sent.statusCode, 200, sent.body);
      // The running clocks' due time makes the card: overdue is red, due within a working day yellow.
      const hour = 3_600_000;
      const now = t.clock.now().getTime();
      const due = { red: now - hour, yellow: now + hour, none: now + 30 * 24 * hour }[set.card ?? 'none'];
      await t.handle.db
        .updateTable('hotline_ticket_clock')
        .set({ due_at: new Date(due) })
        .where('ticket_id', '=', id)
        .where('stopped_at', 'is', null)
        .execute();
      // Closing stops the clocks.
      if (set.state === 'closed') {
        await t.handle.db
          .updateTable('hotline_ticket_clock')
          .set({ stopped_at: t.clock.now() })
          .where('ticket_id', '=', id)
          .execute();
      }
      if (set.supervised || set.state) {
        await t.handle.db
          .updateTable('hotline_ticket')
          .set({
            ...(set.supervised && { supervised: true }),
            ...(set.state && { state: set.state as never }),
          })
          .where('id', '=', id)
          .execute();
      }
      return id;
    };
    const board = async (who = w.supervisor) => {
      const res = await t.as(who, 'GET', '/api/hotline/cards/by-unit');
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { total: number; items: UnitCards[] };
    };
    const counts = (u: UnitCards | undefined) => u && [u.yellow, u.red, u.supervised];

    test('counts open tickets per handling unit, most red first; closed and uncarded ones are left out', async () => {
      await ticket(w.ids.xw, { card: 'red' });
      await ticket(w.ids.xw, { card: 'yellow', supervised: true });
      await ticket(w.ids.gl, { card: 'red' });
      await ticket(w.ids.gl, { card: 'red', supervised: true });
      await ticket(w.ids.gl, {});
      await ticket(w.ids.gl, { card: 'red', state: 'closed' });
      const all = await board();
      assert.equal(all.total, 2);
      assert.deepEqual(
        all.items.map((u) => u.orgUnitId),
        [w.ids.gl, w.ids.xw],
      );
      assert.deepEqual(counts(all.items[0]), [0, 2, 1]);
      assert.deepEqual(counts(all.items[1]), [1, 1, 1]);
      // The board agrees with the ticket list's card filter.
      const listed = await t.as(
        w.supervisor,
        'GET',
        `/api/hotline/tickets?card=red&handlingOrgId=${w.ids.gl}`,
      );
      assert.equal(listed.json().total, 2);
    });

    test('a county sees its own unit only; pages count the units', async () => {
      const own = await board(w.xwHandler);
      assert.deepEqual(
        own.items.map((u) => u.orgUnitId),
        [w.ids.xw],
      );
      const paged = await t.as(w.supervisor, 'GET', '/api/hotline/cards/by-unit?pageSize=1&page=2');
      assert.deepEqual([paged.json().total, paged.json().items[0].orgUnitId], [2, w.ids.xw]);
      // Another city's centre sees none of 南京's tickets.
      assert.equal((await board(w.szAgent)).total, 0);
    });
  });
}
