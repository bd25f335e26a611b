import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { DB_KINDS, openTestDatabase } from '../../../test/databases.ts';
import { copyField, copyInto } from './copy.ts';
import type { DatabaseHandle } from './database.ts';

for (const kind of DB_KINDS) {
  describe(`COPY into a table on ${kind}`, () => {
    let handle: DatabaseHandle;
    before(async () => {
      handle = await openTestDatabase(kind);
    });
    after(() => handle.close());

    test('any text and nulls come back as they went in, across chunks, inside the transaction', async () => {
      const rows = fc.sample(fc.option(fc.string({ unit: 'binary', maxLength: 30 }), { nil: null }), 500);
      // COPY's text format cannot carry NUL; PostgreSQL text cannot hold it either.
      const texts = rows.map((r) => (r === null ? null : r.replaceAll('\0', '')));
      const lines = texts.map((text, i) => `${i}\t${copyField(text)}\n`);
      const chunks = [
        lines.slice(0, 100).join(''),
        lines.slice(100, 101).join(''),
        lines.slice(101).join(''),
      ];
      const back = await handle.db.transaction().execute(async (trx) => {
        await sql`create temporary table copy_probe (n integer, t text) on commit drop`.execute(trx);
        assert.equal(await copyInto(trx, 'copy_probe', ['n', 't'], chunks), texts.length);
        return (
          await sql<{ n: number; t: string | null }>`select n, t from copy_probe order by n`.execute(trx)
        ).rows;
      });
      assert.deepEqual(
        back.map((r) => r.t),
        texts,
      );
    });

    test('rows copied in a transaction that rolls back are gone', async () => {
      await sql`create table copy_rollback (n integer)`.execute(handle.db);
      await assert.rejects(
        handle.db.transaction().execute(async (trx) => {
          await copyInto(trx, 'copy_rollback', ['n'], ['1\n2\n3\n']);
          const { rows } = await sql<{ c: number }>`select count(*)::int as c from copy_rollback`.execute(
            trx,
          );
          assert.equal(rows[0]?.c, 3, 'visible inside the transaction');
          throw new Error('roll back');
        }),
        /roll back/,
      );
      const { rows } = await sql<{ c: number }>`select count(*)::int as c from copy_rollback`.execute(
        handle.db,
      );
      assert.equal(rows[0]?.c, 0);
    });

    test('a malformed line fails the COPY and leaves the connection usable', async () => {
      await sql`create table copy_bad (n integer)`.execute(handle.db);
      await assert.rejects(
        handle.db.transaction().execute((trx) => copyInto(trx, 'copy_bad', ['n'], ['x\n'])),
      );
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
      assert.equal(rows[0]?.one, 1);
    });
  });
}
