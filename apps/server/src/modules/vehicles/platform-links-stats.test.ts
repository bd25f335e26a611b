// JT/T 809 link statistics between two jtgov instances: each side's hourly traffic (frames, bytes,
// positions, breaks) and the link reports the superior asks for (0x9102 → 0x1102), stored on both.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';
import { JIANGSU_ACCESS, linkJiangsu } from '../../../test/jt809-link.ts';
import { freePort, Relay, until } from '../../../test/tcp.ts';
import { seedDemoFleet } from './demo-fleet-seed.ts';
import { addTraffic } from './platform-links-stats.repository.ts';
import { LinkTraffic } from './platform-links-traffic.ts';
import { PositionWriter } from './position-writer.ts';

const first = DB_KINDS[0]!;
const second = DB_KINDS[1] ?? first;
for (const [lowerKind, upperKind] of [
  [first, second],
  [second, first],
] as const) {
  describe(`JT/T 809 link statistics: lower on ${lowerKind} → upper on ${upperKind}`, () => {
    let upper: TestApp;
    let lower: TestApp;
    let relay: Relay;
    let upperRoot: Session;
    let lowerRoot: Session;
    let uplinkId: number;
    let subordinateId: number;

    before(async () => {
      const port = await freePort();
      upper = await startTestApp(upperKind, {
        JTGOV_JT809_PORT: String(port),
        JTGOV_JT809_HOST: '127.0.0.1',
      });
      lower = await startTestApp(lowerKind);
      relay = new Relay(port);
      const relayPort = await relay.listen();
      await upper.createUser('up.root', 'MOT', ['systemAdmin']);
      await lower.createUser('low.root', 'MOT', ['systemAdmin']);
      upperRoot = await upper.login('up.root');
      lowerRoot = await lower.login('low.root');
      await lower.handle.db.transaction().execute((trx) => seedDemoFleet(trx, new Date()));
      ({ subordinateId, uplinkId } = await linkJiangsu(
        { t: upper, root: upperRoot },
        { t: lower, root: lowerRoot },
        relayPort,
        '2019',
      ));
    });

    after(async () => {
      await lower?.close();
      await upper?.close();
      await relay?.close();
    });

    const linkUp = async () => {
      const s = (await lower.as(lowerRoot, 'GET', `/api/vehicles/platform-links/${uplinkId}/status`)).json();
      return s.connected && s.subLink;
    };
    /** The hour the test clock is in: all traffic so far was counted there. */
    const currentHour = async (t: TestApp, s: Session, id: number) => {
      const res = await t.as(s, 'GET', `/api/vehicles/platform-links/${id}/traffic`);
      assert.equal(res.statusCode, 200, res.body);
      const { hours } = res.json();
      assert.equal(hours.length, 24);
      const hour = new Date(Math.floor(t.clock.now().getTime() / 3_600_000) * 3_600_000).toISOString();
      assert.equal(hours.at(-1).hour, hour);
      assert.ok(hours.slice(0, -1).every((h: { framesIn: number }) => h.framesIn === 0));
      return hours.at(-1);
    };

    /** Positions of 江苏 vehicles stored by the lower instance, as its gateway would. */
    async function report(count: number): Promise<void> {
      const vehicles = await lower.handle.db
        .selectFrom('vehicle as v')
        .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
        .select('v.id')
        .where('o.code', 'like', '32%')
        .limit(3)
        .execute();
      const now = Math.floor(Date.now() / 1000) * 1000;
      const writer = new PositionWriter(lower.handle.db);
      await writer.write(
        Array.from({ length: count }, (_, i) => ({
          vehicleId: vehicles[i % vehicles.length]!.id,
          gnssTime: new Date(now - (count - i) * 1000),
          receivedAt: new Date(),
          lat: 32.06,
          lon: 118.79 + i / 1e4,
          altitude: 12,
          speed: 60,
          direction: 90,
          alarm: 0,
          status: 3,
          mileage: 100 + i,
        })),
      );
      await writer.flush();
    }

    test('each side counts the hour: frames and bytes both ways, positions, and a break', async () => {
      await until(linkUp, 'main and sub link up');
      await report(9);
      await until(async () => (await currentHour(lower, lowerRoot, uplinkId)).positions === 9, '9 confirmed');
      await until(
        async () => (await currentHour(upper, upperRoot, subordinateId)).positions === 9,
        '9 stored above',
      );
      relay.cut();
      relay.restore();
      await until(linkUp, 'the link back');
      await until(async () => (await currentHour(upper, upperRoot, subordinateId)).reconnects >= 1, 'break');

      const below = await currentHour(lower, lowerRoot, uplinkId);
      const above = await currentHour(upper, upperRoot, subordinateId);
      assert.ok(below.reconnects >= 1, JSON.stringify(below));
      assert.equal(below.errors, 0);
      assert.equal(above.errors, 0);
      // Logins, registrations, positions and keep-alives went up; their answers came down.
      assert.ok(below.framesOut >= 9 + 2 && below.framesIn >= 2, JSON.stringify(below));
      assert.ok(below.bytesOut > below.framesOut * 20 && below.bytesIn > 0, JSON.stringify(below));
      assert.ok(above.framesIn >= 9 && above.bytesIn > above.framesIn * 20, JSON.stringify(above));
      assert.ok(above.framesOut >= 2, JSON.stringify(above));

      // Counted in memory by a second process too, the hour's row sums both.
      const otherProcess = new LinkTraffic(() => upper.clock.now());
      otherProcess.add(subordinateId, { errors: 2 });
      await addTraffic(upper.handle.db, otherProcess.take());
      assert.equal((await currentHour(upper, upperRoot, subordinateId)).errors, 2);
    });

    test('a window is whole hours, bounded, and the link must exist', async () => {
      const url = (q: string) => `/api/vehicles/platform-links/${uplinkId}/traffic?${q}`;
      const res = await lower.as(lowerRoot, 'GET', url('from=2026-11-01T00:30:00Z&to=2026-11-01T03:10:00Z'));
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(
        res.json().hours.map((h: { hour: string }) => h.hour),
        [
          '2026-11-01T00:00:00.000Z',
          '2026-11-01T01:00:00.000Z',
          '2026-11-01T02:00:00.000Z',
          '2026-11-01T03:00:00.000Z',
        ],
      );
      assert.equal(
        (await lower.as(lowerRoot, 'GET', url('from=2026-10-01T00:00:00Z&to=2026-11-02T00:00:00Z')))
          .statusCode,
        400,
      );
      assert.equal(
        (await lower.as(lowerRoot, 'GET', url('from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z')))
          .statusCode,
        400,
      );
      assert.equal(
        (await lower.as(lowerRoot, 'GET', '/api/vehicles/platform-links/9999/traffic')).statusCode,
        404,
      );
    });

    test('the superior asks for a link report: stored and audited above, the question kept below', async () => {
      await until(linkUp, 'main and sub link up');
      const startTime = new Date(Date.now() - 3_600_000).toISOString();
      const endTime = new Date(Date.now() + 1_000).toISOString();
      const res = await upper.as(upperRoot, 'POST', `/api/vehicles/platform-links/${subordinateId}/reports`, {
        startTime,
        endTime,
      });
      assert.equal(res.statusCode, 200, res.body);
      const got = res.json();
      assert.equal(got.origin, 'requested');
      assert.equal(got.platformId, String(JIANGSU_ACCESS.gnssCenterId));
      assert.notEqual(got.answeredAt, null);
      assert.equal(got.startTime, new Date(startTime).toISOString());
      // The break of the previous test (or none, when it ran alone) and never a lost location.
      assert.ok(got.disconnects <= 1 && got.lostLocations === 0, JSON.stringify(got));

      const list = (
        await upper.as(upperRoot, 'GET', `/api/vehicles/platform-links/${subordinateId}/reports`)
      ).json();
      assert.equal(list.total, 1);
      assert.deepEqual(list.items[0], got);
      const audit = await upper.handle.db
        .selectFrom('audit_event')
        .select(['object_id'])
        .where('action', '=', 'vehicle.platformLink.report')
        .execute();
      assert.deepEqual(
        audit.map((a) => String(a.object_id)),
        [String(subordinateId)],
      );

      await until(async () => {
        const below = (
          await lower.as(lowerRoot, 'GET', `/api/vehicles/platform-links/${uplinkId}/reports`)
        ).json();
        return below.total === 1;
      }, 'the question stored below');
      const [asked] = (
        await lower.as(lowerRoot, 'GET', `/api/vehicles/platform-links/${uplinkId}/reports`)
      ).json().items;
      assert.equal(asked.origin, 'asked');
      assert.equal(asked.disconnects, got.disconnects);
      assert.equal(asked.startTime, new Date(Math.floor(Date.parse(startTime) / 1000) * 1000).toISOString());
    });

    test('only a connected 2019 subordinate is asked, over a forward period', async () => {
      const ask = (t: TestApp, s: Session, id: number, body: object) =>
        t.as(s, 'POST', `/api/vehicles/platform-links/${id}/reports`, body);
      const period = { startTime: '2026-11-01T00:00:00Z', endTime: '2026-11-01T01:00:00Z' };
      // The lower platform does not ask its superior.
      assert.equal((await ask(lower, lowerRoot, uplinkId, period)).statusCode, 400);
      assert.equal(
        (await ask(upper, upperRoot, subordinateId, { startTime: period.endTime, endTime: period.startTime }))
          .statusCode,
        400,
      );
      const other = async (name: string, gnssCenterId: number, edition: '2011' | '2019') => {
        const res = await upper.as(upperRoot, 'POST', '/api/vehicles/platform-links', {
          name,
          direction: 'subordinate',
          orgUnitId: await upper.orgId('330000'),
          edition,
          gnssCenterId,
          userId: 3300,
          password: 'zj809pwd',
        });
        assert.equal(res.statusCode, 200, res.body);
        return res.json().id as number;
      };
      assert.equal(
        (await ask(upper, upperRoot, await other('浙江2011', 33000001, '2011'), period)).statusCode,
        400,
      );
      const offline = await ask(upper, upperRoot, await other('浙江2019', 33000002, '2019'), period);
      assert.equal(offline.statusCode, 409, offline.body);
      const stored = await upper.handle.db
        .selectFrom('platform_link_report')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('origin', '=', 'requested')
        .executeTakeFirstOrThrow();
      assert.ok(Number(stored.n) <= 1, 'refused requests store nothing');
    });
  });
}
