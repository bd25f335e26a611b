import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { DB_KINDS } from '../../../test/databases.ts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { DEMO_FLEET_SIZE, demoVehicle } from './demo-fleet.ts';
import { seedDemoFleet } from './demo-fleet-seed.ts';
import { type Jt808Gateway, startGateway } from './gateway.ts';
import { SimFleet } from './simulator.ts';

const until = async (check: () => boolean | Promise<boolean>, what: string, ms = 60_000) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

for (const kind of DB_KINDS) {
  describe(`jtgov sim vehicles against the gateway on ${kind}`, () => {
    let t: TestApp;
    let gw: Jt808Gateway;

    before(async () => {
      t = await startTestApp(kind);
      // Simulated terminals report the real time: the gateway checks GNSS times against it.
      gw = await startGateway({ db: t.handle.db, port: 0, host: '127.0.0.1' });
    });
    after(async () => {
      await gw.close();
      await t.close();
    });

    test('the demo fleet is seeded once, under 江苏 and 浙江 counties', async () => {
      const now = new Date();
      assert.equal(
        await t.handle.db.transaction().execute((trx) => seedDemoFleet(trx, now)),
        DEMO_FLEET_SIZE,
      );
      assert.equal(await t.handle.db.transaction().execute((trx) => seedDemoFleet(trx, now)), 0);
      const rows = await t.handle.db
        .selectFrom('vehicle as v')
        .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
        .select(['v.plate_no', 'v.terminal_phone', 'o.code'])
        .execute();
      assert.equal(rows.length, DEMO_FLEET_SIZE);
      assert.ok(rows.every((r) => /^3[23]\d{4}$/.test(r.code)));
      assert.ok(
        rows.some((r) => r.plate_no.startsWith('苏')) && rows.some((r) => r.plate_no.startsWith('浙')),
      );
    });

    test('terminals register, authenticate and report; every acknowledged report is stored', async () => {
      const fleet = new SimFleet({ host: '127.0.0.1', port: gw.port, count: 12, rate: 120 });
      fleet.start();
      await fleet.whenReady();
      await until(() => fleet.stats.acked >= 240, '240 acknowledgements');
      const stats = await fleet.stop();
      assert.equal(stats.registered, 12);
      assert.equal(stats.refused, 0);
      assert.equal(stats.failed, 0);
      assert.equal(stats.acked, stats.sent);
      const { n } = await t.handle.db
        .selectFrom('vehicle_position')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(n), stats.acked);
      // Positions lie in 江苏/浙江 and move.
      const box = await sql<{ minlat: number; maxlat: number; minlon: number; maxlon: number; k: number }>`
        select min(lat) minlat, max(lat) maxlat, min(lon) minlon, max(lon) maxlon,
          count(distinct (lat, lon))::int k from vehicle_position`.execute(t.handle.db);
      const b = box.rows[0]!;
      assert.ok(b.minlat > 27 && b.maxlat < 33 && b.minlon > 118 && b.maxlon < 122, JSON.stringify(b));
      assert.ok(b.k > 200);

      // A second run authenticates with the codes the first one learnt, in the 2019 edition.
      const again = new SimFleet({
        host: '127.0.0.1',
        port: gw.port,
        count: 12,
        rate: 60,
        edition: '2019',
        authCodes: fleet.authCodes,
      });
      again.start();
      await again.whenReady();
      await until(() => again.stats.acked >= 30, '30 acknowledgements');
      const second = await again.stop();
      assert.equal(second.registered, 0);
      assert.equal(second.acked, second.sent);
      const state = await t.handle.db
        .selectFrom('vehicle_state')
        .select(['vehicle_id'])
        .where('gnss_time', 'is not', null)
        .execute();
      assert.equal(state.length, 12);
    });

    test('a fleet silent through its logins reports at the rate it is given later; settled, every acknowledged report is stored', async () => {
      const fleet = new SimFleet({
        host: '127.0.0.1',
        port: gw.port,
        count: 10,
        first: 20,
        rate: 0,
        maxInFlight: 4,
      });
      fleet.start();
      await fleet.whenReady();
      assert.equal(fleet.stats.authenticated, 10);
      assert.equal(fleet.stats.sent, 0, 'rate 0 sends no report');
      fleet.setRate(200);
      await until(() => fleet.stats.acked >= 150, '150 acknowledgements');
      fleet.setRate(0);
      await fleet.whenSettled();
      const sent = fleet.stats.sent;
      assert.equal(fleet.inFlight, 0);
      assert.equal(fleet.stats.failed, 0);
      assert.equal(fleet.stats.acked, sent);
      const stats = await fleet.stop();
      assert.equal(stats.sent, sent, 'nothing more is sent once the rate is 0');
      const phones = Array.from({ length: 10 }, (_, i) => demoVehicle(20 + i).phone);
      const perVehicle = await t.handle.db
        .selectFrom('vehicle_position as p')
        .innerJoin('vehicle as v', 'v.id', 'p.vehicle_id')
        .where('v.terminal_phone', 'in', phones)
        .groupBy('v.terminal_phone')
        .select(['v.terminal_phone', (eb) => eb.fn.countAll<number>().as('n')])
        .execute();
      assert.equal(perVehicle.length, 10, 'every terminal reported');
      assert.equal(
        perVehicle.reduce((sum, r) => sum + Number(r.n), 0),
        stats.acked,
      );
    });

    test('a terminal the registry does not know is refused', async () => {
      const fleet = new SimFleet({ host: '127.0.0.1', port: gw.port, count: 1, rate: 0, first: 900_000 });
      fleet.start();
      await fleet.whenReady();
      const stats = await fleet.stop();
      assert.equal(stats.refused, 1);
      assert.equal(demoVehicle(900_000).phone, '13900900000');
    });
  });
}
