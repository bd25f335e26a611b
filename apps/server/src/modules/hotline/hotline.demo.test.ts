import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { seedDemoTickets } from './hotline.demo.ts';

for (const kind of DB_KINDS) {
  describe(`hotline demo content on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    test('tickets in every stage, and a second run adds nothing', async () => {
      const seed = () =>
        t.handle.db
          .transaction()
          .execute((trx) => seedDemoTickets(trx, t.clock.now(), t.app.platform.secretBox, 60));
      assert.equal(await seed(), 60);
      assert.equal(await seed(), 0);
      const states = await t.handle.db
        .selectFrom('hotline_ticket')
        .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('state')
        .execute();
      const found = new Set(states.map((s) => s.state));
      for (const s of [
        'dispatching',
        'dispatched',
        'returned',
        'in_progress',
        'replied',
        'closed',
        'not_accepted',
        'rehandling',
      ])
        assert.ok(found.has(s), `no demo ticket is ${s}`);
      const rules = await t.handle.db.selectFrom('hotline_routing_rule').select('id').execute();
      assert.equal(rules.length, 2);
    });
  });
}
