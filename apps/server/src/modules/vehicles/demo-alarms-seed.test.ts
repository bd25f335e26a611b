import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { seedDemoAlarms } from './demo-alarms-seed.ts';
import { seedDemoFleet } from './demo-fleet-seed.ts';

for (const kind of DB_KINDS) {
  describe(`demo alarms on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    test('nothing without the demo fleet; with it, alarms in every state, once', async () => {
      const now = t.clock.now();
      assert.equal(await t.handle.db.transaction().execute((trx) => seedDemoAlarms(trx, now)), 0);
      await t.handle.db.transaction().execute((trx) => seedDemoFleet(trx, now));
      const first = await t.handle.db.transaction().execute((trx) => seedDemoAlarms(trx, now));
      assert.ok(first >= 5, `${first} demo alarms`);
      assert.equal(
        await t.handle.db.transaction().execute((trx) => seedDemoAlarms(trx, now)),
        0,
        'idempotent',
      );
      const states = await t.handle.db
        .selectFrom('vehicle_alarm')
        .select('state')
        .distinct()
        .orderBy('state')
        .execute();
      assert.deepEqual(
        states.map((s) => s.state),
        ['acknowledged', 'closed', 'handling', 'new'],
      );
      const closed = await t.handle.db
        .selectFrom('vehicle_alarm')
        .select(['id', 'handling_note'])
        .where('state', '=', 'closed')
        .executeTakeFirstOrThrow();
      assert.ok(closed.handling_note);
      const history = await t.handle.db
        .selectFrom('workflow_event')
        .select('action')
        .where('entity_type', '=', 'vehicle_alarm')
        .where('entity_id', '=', String(closed.id))
        .orderBy('id')
        .execute();
      assert.deepEqual(
        history.map((h) => h.action),
        ['acknowledge', 'handle', 'close'],
      );
    });
  });
}
