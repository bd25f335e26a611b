// JT/T 809 statistics between two jtgov instances over real TCP: the superior counts what it stores
// and sends 0x9101 on the sub link every so many locations, which the uplink shows in its status;
// asked with 0x9102 (2019), the uplink answers 0x1102 with its link breaks and time down.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';
import { Relay, sleep, until } from '../../../test/tcp.ts';
import { seedDemoFleet } from './demo-fleet-seed.ts';
import { LinkOutages, ReceivedCounter } from './jt809-statistics.ts';
import { Jt809Superior } from './jt809-superior.ts';
import { PositionWriter } from './position-writer.ts';

const quiet = { info: () => {}, warn: () => {} };

describe('0x1102 link report and 0x9101 counter arithmetic', () => {
  test('breaks that began in the period, and only the time down within it', () => {
    const o = new LinkOutages();
    const at = (s: number) => new Date(s * 1000);
    o.down(at(100));
    o.down(at(105)); // still down: one outage
    o.up(at(130));
    o.down(at(200));
    o.up(at(210));
    o.down(at(300)); // still down at "now" = 320
    assert.deepEqual(o.report('x', 0, 1000, at(320)), {
      platformId: 'x',
      startTime: 0,
      endTime: 1000,
      lostLocations: 0,
      disconnects: 3,
      disconnectedSeconds: 30 + 10 + 20,
    });
    // From 120 to 205: the first outage began before (not counted) but its last 10 s are inside.
    assert.equal(o.report('x', 120, 205, at(320)).disconnects, 1);
    assert.equal(o.report('x', 120, 205, at(320)).disconnectedSeconds, 10 + 5);
  });

  test('a notice once the threshold is reached, over the period since the last one', () => {
    const c = new ReceivedCounter(10, new Date(1_000_000));
    assert.equal(c.add(6, new Date(2_000_000)), null);
    assert.deepEqual(c.add(5, new Date(3_000_000)), { total: 11, startTime: 1000, endTime: 3000 });
    assert.equal(c.add(9, new Date(4_000_000)), null);
    assert.deepEqual(c.add(1, new Date(5_000_000)), { total: 10, startTime: 3000, endTime: 5000 });
  });
});

const ACCESS = { gnssCenterId: 32000001, userId: 3201, password: 'jt809pwd' };

for (const kind of DB_KINDS) {
  const edition = kind === 'pglite' ? '2011' : '2019';
  describe(`JT/T 809 ${edition} statistics on ${kind}: superior ↔ uplink over TCP`, () => {
    let upper: TestApp;
    let lower: TestApp;
    let superior: Jt809Superior;
    let writer: PositionWriter;
    let relay: Relay;
    let lowerRoot: Session;
    let uplinkId: number;
    let subordinateId: number;

    before(async () => {
      upper = await startTestApp(kind);
      lower = await startTestApp(kind);
      await upper.createUser('up.root', 'MOT', ['systemAdmin']);
      await lower.createUser('low.root', 'MOT', ['systemAdmin']);
      const upperRoot = await upper.login('up.root');
      lowerRoot = await lower.login('low.root');
      const jiangsu = await upper.orgId('320000');
      const sub = await upper.as(upperRoot, 'POST', '/api/vehicles/platform-links', {
        name: '江苏省监管平台',
        direction: 'subordinate',
        orgUnitId: jiangsu,
        edition,
        ...ACCESS,
      });
      assert.equal(sub.statusCode, 200, sub.body);
      subordinateId = sub.json().id;
      const row = await upper.handle.db
        .selectFrom('org_unit')
        .select('path')
        .where('id', '=', jiangsu)
        .executeTakeFirstOrThrow();
      writer = new PositionWriter(upper.handle.db);
      superior = new Jt809Superior({
        db: upper.handle.db,
        port: 0,
        host: '127.0.0.1',
        writer,
        log: quiet,
        now: () => new Date(),
        countNoticeEvery: 10,
      });
      superior.setLinks([
        {
          id: subordinateId,
          name: '江苏省监管平台',
          orgUnitId: jiangsu,
          orgPath: row.path,
          ...ACCESS,
          params: { edition, gnssCenterId: ACCESS.gnssCenterId, keys: null },
        },
      ]);
      await superior.start();
      relay = new Relay(() => superior.port);
      const relayPort = await relay.listen();

      await lower.handle.db.transaction().execute((trx) => seedDemoFleet(trx, new Date()));
      const up = await lower.as(lowerRoot, 'POST', '/api/vehicles/platform-links', {
        name: '全国道路货运车辆公共监管平台',
        direction: 'superior',
        orgUnitId: await lower.orgId('320000'),
        host: '127.0.0.1',
        port: relayPort,
        downLinkHost: '127.0.0.1',
        downLinkPort: 0,
        edition,
        ...ACCESS,
      });
      assert.equal(up.statusCode, 200, up.body);
      uplinkId = up.json().id;
    });

    after(async () => {
      await lower?.close();
      await relay?.close();
      await superior?.close();
      await writer?.flush();
      await upper?.close();
    });

    const status = async () =>
      (await lower.as(lowerRoot, 'GET', `/api/vehicles/platform-links/${uplinkId}/status`)).json();

    /** Positions of 江苏 vehicles stored by the lower instance now, as its gateway would. */
    async function report(count: number): Promise<void> {
      const vehicles = await lower.handle.db
        .selectFrom('vehicle as v')
        .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
        .select('v.id')
        .where('o.code', 'like', '32%')
        .limit(4)
        .execute();
      const now = Date.now();
      const rows = Array.from({ length: count }, (_, i) => ({
        vehicleId: vehicles[i % vehicles.length]!.id,
        gnssTime: new Date(Math.floor(now / 1000) * 1000 - (count - i) * 1000),
        receivedAt: new Date(),
        lat: 32.06 + i / 1e4,
        lon: 118.79,
        altitude: 12,
        speed: 60,
        direction: 90,
        alarm: 0,
        status: 3,
        mileage: 100 + i,
      }));
      const lowerWriter = new PositionWriter(lower.handle.db);
      await lowerWriter.write(rows);
      await lowerWriter.flush();
    }

    test('the superior counts what it stored and the uplink shows its 0x9101', async () => {
      await until(async () => {
        const s = await status();
        return s.connected && s.subLink;
      }, 'main and sub link up');
      assert.equal((await status()).superiorCount, null);
      const before = new Date();
      await report(12);
      await until(async () => (await status()).superiorCount !== null, 'a 0x9101 notice');
      const { superiorCount } = await status();
      assert.ok(superiorCount.total >= 10 && superiorCount.total <= 12, JSON.stringify(superiorCount));
      assert.ok(new Date(superiorCount.endTime).getTime() >= Math.floor(before.getTime() / 1000) * 1000);
      assert.ok(new Date(superiorCount.startTime) <= new Date(superiorCount.endTime));
      const stored = await upper.handle.db
        .selectFrom('vehicle_position')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      assert.ok(Number(stored.n) >= superiorCount.total);
    });

    if (edition === '2019')
      test('asked with 0x9102, the uplink reports its link break and time down in 0x1102', async () => {
        const start = new Date(Date.now() - 60_000);
        const clean = await superior.requestLinkReport(subordinateId, start, new Date());
        assert.deepEqual(clean && { disconnects: clean.disconnects, seconds: clean.disconnectedSeconds }, {
          disconnects: 0,
          seconds: 0,
        });
        relay.cut();
        await until(async () => !(await status()).connected, 'the outage noticed');
        await sleep(1_500);
        relay.down = false;
        await until(
          async () => {
            const s = await status();
            return s.connected && s.subLink;
          },
          'the link back',
          90_000,
        );
        const got = await superior.requestLinkReport(subordinateId, start, new Date(Date.now() + 1000));
        assert.ok(got, 'an answer');
        assert.equal(got.platformId, String(ACCESS.gnssCenterId));
        assert.equal(got.startTime, Math.floor(start.getTime() / 1000));
        assert.equal(got.disconnects, 1);
        assert.ok(
          got.disconnectedSeconds >= 1 && got.disconnectedSeconds < 90,
          String(got.disconnectedSeconds),
        );
        assert.equal(got.lostLocations, 0);
      });
  });
}
