// The gateway commits online/offline changes (OnlineWriter) and positions with their latest state
// (PositionWriter) in concurrent transactions over the same vehicle_state rows, and the job sweeping
// dead gateways marks their vehicles offline. All must lock the rows in one order, or PostgreSQL aborts one of them as a deadlock: a terminal's offline state is
// lost, or a whole batch of positions is answered "failed". Only PostgreSQL is tried: PGlite is a
// single session, its transactions never overlap.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { sweepDeadGateways } from './gateway-registry.repository.ts';
import { OnlineWriter } from './online-writer.ts';
import { PositionWriter } from './position-writer.ts';
import type { PositionInput } from './positions.repository.ts';

describe('online and position writers side by side on postgres', () => {
  let t: TestApp;
  const ids: number[] = [];
  /** Three vehicles, in id order. */
  const vehicles = async (from: number) => {
    const org = await t.orgId('320102');
    const out: number[] = [];
    for (let i = from; i < from + 3; i++) {
      const row = await t.handle.db
        .insertInto('vehicle')
        .values({
          plate_no: `苏A8${String(i).padStart(4, '0')}`,
          plate_color: 2,
          vehicle_type: 'heavyFreight',
          operator_name: '南京物流',
          org_unit_id: org,
          terminal_phone: `1380000${String(i).padStart(4, '0')}`,
          auth_code: 'x',
          status: 'active',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      out.push(row.id);
    }
    return out;
  };
  before(async () => {
    t = await startTestApp('postgres');
    ids.push(...(await vehicles(0)));
  });
  after(() => t.close());

  /** Sessions of this database waiting for a lock. */
  const waiting = async () =>
    (
      await sql<{ n: number }>`
        select count(*)::int n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`.execute(t.handle.db)
    ).rows[0]!.n;
  const until = async (check: () => Promise<boolean>, what: string) => {
    const deadline = Date.now() + 30_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  /** Holds a row of vehicle_state in a third session until released, so every run interleaves alike. */
  const hold = async (vehicleId: number) => {
    let locked!: () => void;
    let release!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const released = new Promise<void>((r) => (release = r));
    const holder = t.handle.db.transaction().execute(async (trx) => {
      await sql`select 1 from vehicle_state where vehicle_id = ${vehicleId} for update`.execute(trx);
      locked();
      await released;
    });
    await isLocked;
    return async () => {
      release();
      await holder;
    };
  };

  test('the sweep of a dead gateway and a batch of online changes over the same vehicles both commit', async () => {
    const [w1, w2, w3] = (await vehicles(10)) as [number, number, number];
    // Stored in descending id order: a statement locking in heap order locks w3 first.
    const at = new Date('2026-12-02T08:00:00Z');
    for (const id of [w3, w2, w1])
      await t.handle.db
        .insertInto('vehicle_state')
        .values({ vehicle_id: id, online: true, connected_at: at, last_seen_at: at, gateway_id: 'gw-dead' })
        .execute();
    const release = await hold(w2);
    // The sweep locks w1 (in id order; w3 in heap order), then waits for w2.
    const swept = sweepDeadGateways(t.handle.db, new Date('2026-12-02T09:00:00Z'));
    await until(async () => (await waiting()) === 1, 'the sweep to wait for w2');
    // w1 and w3 come online on a live gateway, locked in id order: against a sweep holding w3 and
    // going on to w1, the cycle closes as soon as w2 is released.
    const online = new OnlineWriter(t.handle.db, 'gw-live', { maxDelayMs: 1 });
    const back = Promise.all([online.set(w3, true, at), online.set(w1, true, at)]);
    await until(async () => (await waiting()) === 2, 'the online changes to wait as well');
    await release();

    const outcomes = await Promise.allSettled([swept, back]);
    assert.deepEqual(
      outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok')),
      ['ok', 'ok'],
    );
    const states = await t.handle.db
      .selectFrom('vehicle_state')
      .select(['vehicle_id', 'online', 'gateway_id'])
      .where('vehicle_id', 'in', [w1, w2, w3])
      .orderBy('vehicle_id')
      .execute();
    assert.deepEqual(
      states.map((s) => [s.online, s.gateway_id]),
      [
        [true, 'gw-live'],
        [false, null],
        [true, 'gw-live'],
      ],
    );
  });

  test('a batch of positions and a batch of online and offline changes over the same vehicles both commit', async () => {
    const [v1, v2, v3] = ids as [number, number, number];
    const online = new OnlineWriter(t.handle.db, 'gw-a', { maxDelayMs: 1 });
    await Promise.all(ids.map((id) => online.set(id, true, new Date('2026-12-02T08:00:00Z'))));

    const release = await hold(v2);

    // The positions' transaction locks v1, then waits for v2.
    const positions = new PositionWriter(t.handle.db, { maxDelayMs: 1 });
    const gnss = new Date(Date.now() - 60_000);
    const row = (vehicleId: number): PositionInput => ({
      vehicleId,
      gnssTime: gnss,
      receivedAt: new Date(),
      lat: 32.06,
      lon: 118.79,
      altitude: 10,
      speed: 60,
      direction: 90,
      alarm: 0,
      status: 3,
      mileage: null,
    });
    const written = positions.write([row(v1), row(v2), row(v3)]);
    await until(async () => (await waiting()) === 1, 'the positions to wait for v2');

    // v3 comes online again and v1 goes offline, in one batch: locking v3 first and then v1 (held
    // by the positions) would close a cycle as soon as the positions go on to v3.
    const changes = Promise.all([
      online.set(v3, true, new Date('2026-12-02T08:05:00Z')),
      online.set(v1, false, new Date('2026-12-02T08:05:00Z')),
    ]);
    await until(async () => (await waiting()) === 2, 'the online changes to wait as well');
    await release();

    const outcomes = await Promise.allSettled([written, changes]);
    assert.deepEqual(
      outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok')),
      ['ok', 'ok'],
    );
    const states = new Map(
      (
        await t.handle.db
          .selectFrom('vehicle_state')
          .select(['vehicle_id', 'online', 'gnss_time'])
          .where('vehicle_id', 'in', ids)
          .execute()
      ).map((s) => [s.vehicle_id, s]),
    );
    assert.equal(states.get(v1)?.online, false);
    assert.equal(states.get(v3)?.online, true);
    for (const id of ids) assert.equal(states.get(id)?.gnss_time?.toISOString(), gnss.toISOString());
    const { n } = await t.handle.db
      .selectFrom('vehicle_position')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('vehicle_id', 'in', ids)
      .executeTakeFirstOrThrow();
    assert.equal(Number(n), 3);
  });
});
