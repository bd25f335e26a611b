import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DB_KINDS, openTestDatabase } from '../../../test/databases.ts';
import { seedStatsDemo } from './demo.seed.ts';

for (const kind of DB_KINDS) {
  describe(`stats demo content on ${kind}`, () => {
    test('three real-shaped forms with figures for 江苏 and 北京, added once', async () => {
      const handle = await openTestDatabase(kind);
      try {
        const now = new Date('2026-11-27T09:00:00+08:00');
        const first = await handle.db.transaction().execute((trx) => seedStatsDemo(trx, now));
        assert.ok(first > 1000, `only ${first} values`);
        const again = await handle.db.transaction().execute((trx) => seedStatsDemo(trx, now));
        assert.equal(again, 0);
        const forms = await handle.db
          .selectFrom('stats_form')
          .select(['code', 'period_type'])
          .orderBy('code')
          .execute();
        assert.deepEqual(forms, [
          { code: '交行统1-1表', period_type: 'year' },
          { code: '交行统2-1表', period_type: 'monthE25' },
          { code: '交行统5-1表', period_type: 'month' },
        ]);
        const outside = await handle.db
          .selectFrom('stats_value as v')
          .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('o.path', 'not like', '/1/%/%')
          .executeTakeFirstOrThrow();
        assert.equal(Number(outside.n), 0);
        const submitted = await handle.db
          .selectFrom('stats_report as r')
          .innerJoin('org_unit as o', 'o.id', 'r.org_unit_id')
          .select(['o.code', 'r.state'])
          .where('r.state', '=', 'submitted')
          .execute();
        assert.ok(
          submitted.length > 0 && submitted.every((r) => r.code.startsWith('3201')),
          'only 南京市 counties submitted',
        );
      } finally {
        await handle.close();
      }
    });
  });
}
