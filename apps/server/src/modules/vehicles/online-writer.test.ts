import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { OnlineWriter } from './online-writer.ts';
import { setVehicleOnline } from './positions.repository.ts';

for (const kind of DB_KINDS) {
  describe(`online state group commit on ${kind}`, () => {
    let t: TestApp;
    const ids: number[] = [];
    before(async () => {
      t = await startTestApp(kind);
      const org = await t.orgId('320102');
      for (let i = 0; i < 40; i++) {
        const row = await t.handle.db
          .insertInto('vehicle')
          .values({
            plate_no: `苏A7${String(i).padStart(4, '0')}`,
            plate_color: 1,
            vehicle_type: 'heavyFreight',
            operator_name: '南京物流',
            org_unit_id: org,
            terminal_phone: `1370000${String(i).padStart(4, '0')}`,
            auth_code: 'x',
            status: 'active',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(row.id);
      }
    });
    after(() => t.close());

    const states = async () =>
      new Map(
        (
          await t.handle.db
            .selectFrom('vehicle_state')
            .select(['vehicle_id', 'online', 'gateway_id', 'connected_at'])
            .where('vehicle_id', 'in', ids)
            .execute()
        ).map((r) => [r.vehicle_id, r]),
      );

    test('a login storm commits in a few transactions, and each change is committed when it resolves', async () => {
      const writer = new OnlineWriter(t.handle.db, 'gw-a', { maxDelayMs: 5, maxVehicles: 16 });
      const at = new Date('2026-12-01T08:00:00Z');
      const first = writer.set(ids[0]!, true, at);
      const rest = ids.slice(1).map((id) => writer.set(id, true, at));
      await first;
      assert.equal((await states()).get(ids[0]!)?.online, true, 'resolved means committed');
      await Promise.all(rest);
      const all = await states();
      for (const id of ids) {
        assert.equal(all.get(id)?.online, true);
        assert.equal(all.get(id)?.gateway_id, 'gw-a');
        assert.equal(all.get(id)?.connected_at?.toISOString(), at.toISOString());
      }
      // 40 vehicles at 16 a statement: 3 commits, not 40.
      assert.ok(writer.commits <= 4, `${writer.commits} commits`);
    });

    test('the last change of a vehicle wins: a quick reconnect stays online, a logout stays offline', async () => {
      const writer = new OnlineWriter(t.handle.db, 'gw-a', { maxDelayMs: 20 });
      const at = new Date('2026-12-01T09:00:00Z');
      const [reconnected, loggedOut] = [ids[1]!, ids[2]!];
      await Promise.all([
        writer.set(reconnected, false, at),
        writer.set(reconnected, true, at),
        writer.set(loggedOut, true, at),
        writer.set(loggedOut, false, at),
      ]);
      const all = await states();
      assert.equal(all.get(reconnected)?.online, true);
      assert.equal(all.get(loggedOut)?.online, false);
      assert.equal(all.get(loggedOut)?.gateway_id, null);
    });

    test('offline from one gateway leaves a vehicle another gateway has taken over', async () => {
      const vehicle = ids[3]!;
      await setVehicleOnline(t.handle.db, vehicle, true, new Date(), 'gw-b');
      const writer = new OnlineWriter(t.handle.db, 'gw-a');
      await writer.set(vehicle, false, new Date());
      const state = (await states()).get(vehicle);
      assert.equal(state?.online, true);
      assert.equal(state?.gateway_id, 'gw-b');
    });

    test('a failed batch rejects its callers and the writer carries on; flush waits for what is pending', async () => {
      const writer = new OnlineWriter(t.handle.db, 'gw-a', { maxDelayMs: 1000 });
      // vehicle_state references vehicle: an unknown vehicle fails its batch.
      await assert.rejects(writer.set(999_999, true, new Date()));
      const pending = writer.set(ids[4]!, false, new Date());
      await writer.flush();
      await pending;
      assert.equal((await states()).get(ids[4]!)?.online, false);
    });
  });
}
