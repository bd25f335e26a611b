// The roll-ups read partials and regions kept by triggers (migrations/partials.ts, regions.ts):
// after every kind of write to stats_value (row inserts, the entry upsert and delete, the import's
// COPY, plain UPDATE and DELETE), after a unit moves to another parent or province and after a
// unit is deleted, every total and drill-down equals the same aggregate computed straight from
// the values of the units there are, on both databases.
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

    // Paths as they are now: a move changes them.
    const nowUnit = async (db: Executor, code: string) =>
      (
        await sql<{ id: number; path: string }>`select id, path from org_unit where code = ${code}`.execute(
          db,
        )
      ).rows[0];

    async function assertConsistent(db: Executor) {
      const now = (code: string) => nowUnit(db, code);
      const root = (
        await sql<{
          path: string;
          id: number;
        }>`select id, path from org_unit where parent_id is null order by id limit 1`.execute(db)
      ).rows[0]!;
      const [js, nj, xw, zj] = await Promise.all(['320000', '320100', '320102', '330000'].map(now));
      const scopes = [root.path, js!.path, nj!.path, xw!.path, zj!.path];
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
        for (const parent of [root, js!, nj!, zj!]) {
          const got = await aggregateByChild(db, FORM, PERIOD, parent.id, cells(type));
          const want = await direct(db, parent.path, type, parent.path);
          const gotCells = got.flatMap((c) => Object.keys(c.values).map((k) => `${c.child_id} ${k}`));
          assert.equal(gotCells.length, want.length, `${type} children of ${parent.path}: ${gotCells}`);
          for (const w of want) {
            const g = got.find((c) => String(c.child_id) === w.child);
            assert.ok(
              g && w.cell_key in g.values && same(g.values[w.cell_key], w.value),
              `${type} child ${w.child} ${w.cell_key}: ${g?.values[w.cell_key]} ≠ ${w.value}`,
            );
          }
        }
      }
    }

    /** A new county under a city (seeded units have versions that keep them from deletion). */
    async function addCounty(db: Executor, cityCode: string, n: number) {
      const city = (await nowUnit(db, cityCode))!;
      const id = 9_000_000 + n;
      await sql`insert into org_unit (id, code, name, level, kind, parent_id, path, valid_from)
        values (${id}, ${`T${id}`}, ${`测试县${n}`}, 'county', 'authority', ${city.id}, ${`${city.path}${id}/`},
          '2026-01-01')`.execute(db);
      return id;
    }

    /** Moves a unit and its subtree under another parent, as a merge does: parent, then paths. */
    async function move(db: Executor, id: number, toId: number) {
      const [from, to] = await Promise.all([
        sql<{ path: string }>`select path from org_unit where id = ${id}`.execute(db),
        sql<{ path: string }>`select path from org_unit where id = ${toId}`.execute(db),
      ]);
      const oldPath = from.rows[0]!.path;
      // Not under itself.
      if (to.rows[0]!.path.startsWith(oldPath)) return;
      const newPath = `${to.rows[0]!.path}${id}/`;
      await sql`update org_unit set parent_id = ${toId} where id = ${id}`.execute(db);
      await sql`update org_unit set path = ${newPath} || substr(path, ${oldPath.length + 1})
        where path like ${`${oldPath}%`}`.execute(db);
    }

    const inRollback = async (work: (trx: Executor) => Promise<void>) =>
      handle.db
        .transaction()
        .execute(async (trx) => {
          await work(trx);
          throw new Rollback();
        })
        .catch((err) => {
          if (!(err instanceof Rollback)) throw err;
        });

    test('every write path, a move and a deletion keep the totals and drill-downs exact', async () => {
      const counties = ['320102', '320104', '320106', '320111', '320205', '320206'].map(unit).filter(Boolean);
      assert.ok(counties.length >= 4, 'the test tree has the Jiangsu counties');
      await inRollback(async (trx) => {
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
        // A county moves to another city in one statement: its values go with it.
        const to = unit('320200');
        const moved = counties[0]!;
        await sql`update org_unit set parent_id = ${to.id}, path = ${`${to.path}${moved.id}/`} where id = ${moved.id}`.execute(
          trx,
        );
        await assertConsistent(trx);
        // A city and its counties go to another province, parent first and paths after.
        await move(trx, to.id, (await nowUnit(trx, '330000'))!.id);
        await assertConsistent(trx);
      });
    });

    test("a deleted unit's values leave its city's, province's and the national totals", async () => {
      await inRollback(async (trx) => {
        const id = await addCounty(trx, '320100', 1);
        const kept = unit('320102');
        await upsertValues(
          trx,
          meta,
          [id, kept.id].flatMap((orgUnitId) =>
            CELLS.map((cellKey) => ({
              period: PERIOD,
              orgUnitId,
              cellKey,
              num: `${orgUnitId % 97}`,
              txt: null,
            })),
          ),
        );
        await sql`delete from org_unit where id = ${id}`.execute(trx);
        await assertConsistent(trx);
        const national = await aggregateSubtree(
          trx,
          FORM,
          PERIOD,
          '/1/',
          CELLS.map((cellKey) => ({ cellKey, aggregation: 'sum' })),
        );
        assert.equal(national.get('a.x'), `${kept.id % 97}`);
      });
    });

    test('a city deleted with its county in one statement leaves no trace in the roll-ups', async () => {
      await inRollback(async (trx) => {
        const province = (await nowUnit(trx, '320000'))!;
        const city = 9_100_000;
        await sql`insert into org_unit (id, code, name, level, kind, parent_id, path, valid_from)
          values (${city}, ${`T${city}`}, '测试市', 'city', 'authority', ${province.id},
            ${`${province.path}${city}/`}, '2026-01-01')`.execute(trx);
        const county = await addCounty(trx, `T${city}`, 2);
        // The city reports one cell, its county all three: the county's other cells are only in
        // the city's group.
        await upsertValues(
          trx,
          meta,
          [
            { orgUnitId: city, cellKey: 'a.x' },
            ...CELLS.map((cellKey) => ({ orgUnitId: county, cellKey })),
            ...CELLS.map((cellKey) => ({ orgUnitId: unit('320102').id, cellKey })),
          ].map((v) => ({ ...v, period: PERIOD, num: `${v.orgUnitId % 89}`, txt: null })),
        );
        await assertConsistent(trx);
        await sql`delete from org_unit where id in (${city}, ${county})`.execute(trx);
        await assertConsistent(trx);
      });
    });

    test('random writes, moves and deletions: the roll-ups equal the values', async () => {
      const cities = ['320100', '320200', '330100'].map((c) => nowUnit(handle.db, c));
      const targets = (await Promise.all(cities)).map((c) => c!.id);
      const pool = units.filter((u) => u.path.split('/').length > 4).slice(0, 12);
      const step = fc.oneof(
        fc.record({
          op: fc.constant('write' as const),
          unit: fc.integer({ min: 0, max: pool.length + 1 }),
          cell: fc.constantFrom(...CELLS),
          num: fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null }),
        }),
        fc.record({
          op: fc.constant('move' as const),
          unit: fc.integer({ min: 0, max: pool.length - 1 }),
          to: fc.constantFrom(...targets),
        }),
        fc.record({ op: fc.constant('drop' as const), unit: fc.integer({ min: 0, max: 1 }) }),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
          await inRollback(async (trx) => {
            // Two new counties with a value (the last two of the pool), which a step may delete.
            const added = [await addCounty(trx, '320100', 2), await addCounty(trx, '330100', 3)];
            await upsertValues(
              trx,
              meta,
              added.map((orgUnitId) => ({ period: PERIOD, orgUnitId, cellKey: 'a.x', num: '5', txt: null })),
            );
            const ids = [...pool.map((u) => u.id), ...added];
            const gone = new Set<number>();
            for (const s of steps) {
              if (s.op === 'move') await move(trx, ids[s.unit]!, s.to);
              else if (s.op === 'drop') {
                if (!gone.has(added[s.unit]!))
                  await sql`delete from org_unit where id = ${added[s.unit]!}`.execute(trx);
                gone.add(added[s.unit]!);
              } else if (s.num === null)
                await deleteValues(trx, meta, [{ period: PERIOD, orgUnitId: ids[s.unit]!, cellKey: s.cell }]);
              else if (!gone.has(ids[s.unit]!))
                await upsertValues(trx, meta, [
                  {
                    period: PERIOD,
                    orgUnitId: ids[s.unit]!,
                    cellKey: s.cell,
                    num: `${s.num / 4}`,
                    txt: null,
                  },
                ]);
            }
            await assertConsistent(trx);
          });
        }),
        { numRuns: 8 },
      );
    });
  });
}

class Rollback extends Error {}
