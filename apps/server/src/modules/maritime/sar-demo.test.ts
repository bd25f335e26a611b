import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { seedSarDemo } from './sar-demo.ts';

for (const kind of DB_KINDS) {
  describe(`SAR demo content on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    test('resources along the coast, registry entries, one worked incident; a second run adds nothing', async () => {
      const db = t.handle.db;
      const first = await db.transaction().execute((trx) => seedSarDemo(trx, t.clock.now()));
      const count = async (table: 'sar_resource' | 'vessel_registry' | 'sar_incident' | 'sar_plan') =>
        Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      assert.deepEqual(
        [
          await count('sar_resource'),
          await count('vessel_registry'),
          await count('sar_incident'),
          await count('sar_plan'),
        ],
        [15, 6, 1, 1],
      );
      assert.equal(first, 15 + 6 + 1);
      assert.equal(await db.transaction().execute((trx) => seedSarDemo(trx, t.clock.now())), 0);
      assert.equal(await count('sar_resource'), 15);
      const incident = await db.selectFrom('sar_incident').selectAll().executeTakeFirstOrThrow();
      assert.deepEqual([incident.state, incident.mmsi], ['active', 412000001]);
      const tasked = await db
        .selectFrom('sar_resource')
        .select('name')
        .where('state', '=', 'tasked')
        .execute();
      assert.deepEqual(tasked, [{ name: '东海救117' }]);
    });
  });
}
