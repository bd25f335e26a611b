// The roll-ups read partials kept by triggers (migrations/partials.ts): after every kind of write
// to stats_value (row inserts, the entry upsert and delete, the import's COPY, plain UPDATE and
// DELETE) and after a unit moves to another parent, every total and drill-down equals the same
// aggregate computed straight from the values, on both databases.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { DB_KINDS, openTestDatabase } from '../../../test/databases.ts';
import type { DatabaseHandle, Executor } from '../../platform/db/database.ts';
import { aggregateByChild, aggregateSubtree, type CellAggregation } from './aggregate.repository.ts';
import { copyFreshValues } from './bulk-values.repository.ts';
import type { AggregationType } from './stats.tables.ts';
import { deleteValues, upsertValues } from './values.repository.ts';

const FORM = 990_001;
const PERIOD = '202609';
const TYPES: Exclude<AggregationType, 'none'>[] = ['sum', 'average', 'min', 'max', 'count'];
const CELLS = ['a.x', 'a.y', 'b.x'];
const meta = {
  formId: FORM,
  userId: null,
  username: 'test',
  at: new Date('2026-10-01T00:00:00Z'),
  source: 'import' as const,
};

const FN: Record<Exclude<AggregationType, 'none'>, string> = {
  sum: 'sum',
  average: 'avg',
  min: 'min',
  max: 'max',
  count: 'count',
};

/** What a roll-up must say, straight from the values: per cell, and per child of a unit. */
async function direct(
  db: Executor,
  path: string,
  type: Exclude<AggregationType, 'none'>,
  byChildOf?: string,
) {
  const depth = path.split('/').filter(Boolean).length + 2;
  const rows = await sql<{ child: string | null; cell_key: string; value: string | null }>`
    select ${byChildOf ? sql`split_part(o.path, '/', ${depth})` : sql`null`} as child, v.cell_key,
      ${sql.raw(FN[type])}(v.num)::text as value
    from stats_value v join org_unit o on o.id = v.org_unit_id
    where v.form_id = ${FORM} and v.period = ${PERIOD} and o.path like ${`${path}%`}
      ${byChildOf ? sql`and o.path <> ${path}` : sql``}
    group by 1, 2`.execute(db);
  return rows.rows;
}

// Numbers compared by value: an average's digits past its scale are not the point.
const same = (a: string | null | undefined, b: string | null | undefined) =>
  a === b ||
  (a != null && b != null && Math.abs(Number(a) - Number(b)) <= 1e-9 * Math.max(1, Math.abs(Number(b))));

for (const kind of DB_KINDS) {
  describe(`stats roll-ups from partials on ${kind}`, () => {
    let handle: DatabaseHandle;
    let units: { id: number; path: string; code: string }[];
    before(async () => {
      handle = await openTestDatabase(kind);
      units = (
        await sql<{ id: number; path: string; code: string }>`
          select id, path, code from org_unit where path like (select path from org_unit where code = '320000') || '%'
          order by path`.execute(handle.db)
      ).rows;
    });
    after(() => handle.close());

    const unit = (code: string) => units.find((u) => u.code === code)!;

    async function assertConsistent(db: Executor) {
      // Paths as they are now: a move changes them.
      const now = async (code: string) =>
        (
          await sql<{ id: number; path: string }>`select id, path from org_unit where code = ${code}`.execute(
            db,
          )
        ).rows[0]!;
      const root = (
        await sql<{
          path: string;
          id: number;
        }>`select id, path from org_unit where parent_id is null order by id limit 1`.execute(db)
      ).rows[0]!;
      const [js, nj, xw] = [await now('320000'), await now('320100'), await now('320102')];
      const scopes = [root.path, js.path, nj.path, xw.path];
      const cells = (type: Exclude<AggregationType, 'none'>): CellAggregation[] =>
        CELLS.map((cellKey) => ({ cellKey, aggregation: type }));
      for (const type of TYPES) {
        for (const path of scopes) {
          const got = await aggregateSubtree(db, FORM, PERIOD, path, cells(type));
          const want = await direct(db, path, type);
          assert.equal(got.size, want.length, `${type} ${path}: ${JSON.stringify([...got])}`);
          for (const w of want)
            assert.ok(
              same(got.get(w.cell_key), w.value),
              `${type} ${path} ${w.cell_key}: ${got.get(w.cell_key)} ≠ ${w.value}`,
            );
        }
        for (const parent of [root, js, nj]) {
          const got = await aggregateByChild(db, FORM, PERIOD, parent.id, cells(type));
          const want = await direct(db, parent.path, type, parent.path);
          assert.equal(got.length, want.length, `${type} children of ${parent.path}`);
          for (const w of want) {
            const g = got.find((r) => String(r.child_id) === w.child && r.cell_key === w.cell_key);
            assert.ok(
              g && same(g.value, w.value),
              `${type} child ${w.child} ${w.cell_key}: ${g?.value} ≠ ${w.value}`,
            );
          }
        }
      }
    }

    test('every write path and a move keep the totals and drill-downs exact', async () => {
      const counties = ['320102', '320104', '320106', '320111', '320205', '320206'].map(unit).filter(Boolean);
      assert.ok(counties.length >= 4, 'the test tree has the Jiangsu counties');
      await handle.db
        .transaction()
        .execute(async (trx) => {
          // The import's COPY of a first load, the province's and a city's own values among them.
          const own = [unit('320000'), unit('320100')];
          await copyFreshValues(
            trx,
            meta,
            [...counties, ...own].flatMap((u, i) =>
              CELLS.map((cellKey, j) => ({
                period: PERIOD,
                orgUnitId: u.id,
                cellKey,
                num: `${i * 10 + j}.5`,
                txt: null,
                del: false,
              })),
            ),
          );
          await assertConsistent(trx);
          // Entry: changes, a new cell, a text-only cell, a deletion.
          await upsertValues(trx, { ...meta, source: 'entry' }, [
            { period: PERIOD, orgUnitId: counties[0]!.id, cellKey: 'a.x', num: '-7', txt: null },
            { period: PERIOD, orgUnitId: counties[1]!.id, cellKey: 'b.x', num: null, txt: '说明' },
          ]);
          await deleteValues(trx, { ...meta, source: 'entry' }, [
            { period: PERIOD, orgUnitId: counties[2]!.id, cellKey: 'a.y' },
          ]);
          await assertConsistent(trx);
          // Plain statements, as any other writer might issue them.
          await sql`update stats_value set num = num * 3 where form_id = ${FORM} and org_unit_id = ${counties[3]!.id}`.execute(
            trx,
          );
          await sql`delete from stats_value where form_id = ${FORM} and org_unit_id = ${counties[4]?.id ?? counties[0]!.id} and cell_key = 'a.x'`.execute(
            trx,
          );
          await assertConsistent(trx);
          // A county moves to another city: its values go with it.
          const to = unit('320200');
          const moved = counties[0]!;
          await sql`update org_unit set parent_id = ${to.id}, path = ${`${to.path}${moved.id}/`} where id = ${moved.id}`.execute(
            trx,
          );
          await assertConsistent(trx);
          throw new Rollback();
        })
        .catch((err) => {
          if (!(err instanceof Rollback)) throw err;
        });
    });

    test('random writes: the partials equal the values', async () => {
      const pool = units.filter((u) => u.path.split('/').length > 4).slice(0, 12);
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              unit: fc.integer({ min: 0, max: pool.length - 1 }),
              cell: fc.constantFrom(...CELLS),
              num: fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null }),
            }),
            { minLength: 1, maxLength: 30 },
          ),
          async (writes) => {
            await handle.db
              .transaction()
              .execute(async (trx) => {
                for (const w of writes) {
                  const orgUnitId = pool[w.unit]!.id;
                  if (w.num === null)
                    await deleteValues(trx, meta, [{ period: PERIOD, orgUnitId, cellKey: w.cell }]);
                  else
                    await upsertValues(trx, meta, [
                      { period: PERIOD, orgUnitId, cellKey: w.cell, num: `${w.num / 4}`, txt: null },
                    ]);
                }
                await assertConsistent(trx);
                throw new Rollback();
              })
              .catch((err) => {
                if (!(err instanceof Rollback)) throw err;
              });
          },
        ),
        { numRuns: 8 },
      );
    });
  });
}

class Rollback extends Error {}
