import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { DB_KINDS } from '../../../test/databases.ts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { vehiclesPart } from './index.ts';
import { PositionWriter } from './position-writer.ts';
import type { PositionInput } from './positions.repository.ts';

for (const kind of DB_KINDS) {
  describe(`position partitions and group commit on ${kind}`, () => {
    let t: TestApp;
    let vehicleId: number;
    before(async () => {
      t = await startTestApp(kind);
      const row = await t.handle.db
        .insertInto('vehicle')
        .values({
          plate_no: '苏A60001',
          plate_color: 1,
          vehicle_type: 'heavyFreight',
          operator_name: '南京物流',
          org_unit_id: await t.orgId('320102'),
          terminal_phone: '13600000001',
          auth_code: 'x',
          status: 'active',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      vehicleId = row.id;
    });
    after(() => t.close());

    const partitions = async () =>
      (
        await sql<{ name: string }>`select c.relname as name from pg_inherits i
          join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
          where p.relname = 'vehicle_position' order by 1`.execute(t.handle.db)
      ).rows.map((r) => r.name);

    test('the scheduled job creates this month and the next, idempotently', async () => {
      const handlers = vehiclesPart.jobs?.(t.app.platform) ?? {};
      const job = handlers['vehicles.ensure-partitions'];
      assert.ok(job);
      const ctx = {
        db: t.handle.db,
        jobId: 1,
        kind: 'vehicles.ensure-partitions',
        attempt: 1,
        maxAttempts: 1,
        now: new Date(),
      };
      await job(null, ctx);
      await job(null, ctx);
      assert.deepEqual(await partitions(), ['vehicle_position_y2026m11', 'vehicle_position_y2026m12']);
      assert.ok(vehiclesPart.schedules?.some((s) => s.kind === 'vehicles.ensure-partitions'));
    });

    test('writes from many callers commit together; months without a partition get one on demand', async () => {
      const writer = new PositionWriter(t.handle.db, { maxDelayMs: 5, maxRows: 3 });
      const at = (iso: string): PositionInput => ({
        vehicleId,
        gnssTime: new Date(iso),
        receivedAt: new Date(),
        lat: 31,
        lon: 121,
        altitude: 0,
        speed: 0,
        direction: 0,
        alarm: 0,
        status: 0,
        mileage: null,
      });
      const count = async () =>
        (
          await t.handle.db
            .selectFrom('vehicle_position')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n;
      const writes = [
        writer.write([at('2026-08-15T00:00:00Z')]),
        writer.write([at('2026-11-20T00:00:00Z'), at('2026-11-21T00:00:00Z')]),
        writer.write([at('2026-11-22T00:00:00Z')]),
        writer.write([at('2026-11-22T00:00:00Z')]),
      ];
      await writes[0];
      assert.ok((await count()) >= 1, 'a resolved write is in the table');
      await Promise.all(writes);
      assert.equal(await count(), 4, 'the duplicate report is stored once');
      assert.equal(writer.written, 5);
      assert.ok((await partitions()).includes('vehicle_position_y2026m08'));
      const state = await t.handle.db
        .selectFrom('vehicle_state')
        .select('gnss_time')
        .where('vehicle_id', '=', vehicleId)
        .executeTakeFirstOrThrow();
      assert.equal(state.gnss_time?.toISOString(), '2026-11-22T00:00:00.000Z');
      await writer.flush();
    });

    test('epoch-ms times are stored to the millisecond, in the positions and the latest state', async () => {
      const writer = new PositionWriter(t.handle.db);
      const gnssTime = Date.parse('2026-11-24T03:04:05.678Z');
      // Later than the other tests' receipts: the latest state keeps the latest receipt.
      const receivedAt = Math.floor(Date.now() / 1000) * 1000 + 3_600_789;
      const row = {
        vehicleId,
        gnssTime,
        receivedAt,
        lat: 31.123456,
        lon: 121.654321,
        altitude: -5,
        speed: 88.5,
        direction: 359,
        alarm: 0x80000001,
        status: 0xffffffff,
        mileage: 1234.5,
      };
      await new Promise<void>((resolve, reject) =>
        writer.enqueue([row], (err) => (err === undefined ? resolve() : reject(err))),
      );
      const stored = await t.handle.db
        .selectFrom('vehicle_position')
        .selectAll()
        .where('vehicle_id', '=', vehicleId)
        .where('gnss_time', '=', new Date(gnssTime))
        .executeTakeFirstOrThrow();
      assert.deepEqual(
        [
          stored.received_at.getTime(),
          stored.lat,
          stored.lon,
          stored.altitude,
          stored.speed,
          stored.direction,
        ],
        [receivedAt, 31.123456, 121.654321, -5, 88.5, 359],
      );
      assert.deepEqual(
        [Number(stored.alarm), Number(stored.status), stored.mileage],
        [0x80000001, 0xffffffff, 1234.5],
      );
      const state = await t.handle.db
        .selectFrom('vehicle_state')
        .select(['gnss_time', 'last_seen_at'])
        .where('vehicle_id', '=', vehicleId)
        .executeTakeFirstOrThrow();
      assert.deepEqual([state.gnss_time?.getTime(), state.last_seen_at?.getTime()], [gnssTime, receivedAt]);
    });

    test('a failed batch rejects its writers and the writer carries on', async () => {
      const writer = new PositionWriter(t.handle.db);
      const bad: PositionInput = {
        vehicleId: 999_999,
        gnssTime: new Date('2026-11-23T00:00:00Z'),
        receivedAt: new Date(),
        lat: 0,
        lon: 0,
        altitude: 0,
        speed: 0,
        direction: 0,
        alarm: 0,
        status: 0,
        mileage: null,
      };
      // vehicle_state references vehicle: an unknown vehicle fails the whole transaction.
      await assert.rejects(writer.write([bad]));
      await writer.write([{ ...bad, vehicleId }]);
    });
  });
}
