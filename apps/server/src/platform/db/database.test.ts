import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { DB_KINDS, openTestDatabase } from '../../../test/databases.ts';

for (const kind of DB_KINDS) {
  describe(`database on ${kind}`, () => {
    test('a prepared statement survives a migration that changes its table', async () => {
      const handle = await openTestDatabase(kind);
      try {
        const { db } = handle;
        await sql`create table probe (id int primary key, name text)`.execute(db);
        await sql`insert into probe values (1, 'a'), (2, 'b')`.execute(db);
        const read = () =>
          sql<Record<string, unknown>>`select * from probe where id > ${0} order by id`.execute(db);
        assert.deepEqual((await read()).rows, [
          { id: 1, name: 'a' },
          { id: 2, name: 'b' },
        ]);
        await sql`alter table probe add column note text default 'n'`.execute(db);
        assert.deepEqual((await read()).rows, [
          { id: 1, name: 'a', note: 'n' },
          { id: 2, name: 'b', note: 'n' },
        ]);
      } finally {
        await handle.close();
      }
    });

    test('int8 arrives as a number, date as YYYY-MM-DD', async () => {
      const handle = await openTestDatabase(kind);
      try {
        const { rows } = await sql<{
          n: unknown;
          d: unknown;
        }>`select count(*) as n, date '2026-11-27' as d`.execute(handle.db);
        assert.deepEqual(rows[0], { n: 1, d: '2026-11-27' });
      } finally {
        await handle.close();
      }
    });
  });
}
