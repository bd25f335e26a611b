// Two jtgov instances linked by JT/T 809: terminals report to the lower instance's gateway, its
// uplink forwards its jurisdiction's positions to the upper instance, and a link outage in the
// middle loses nothing and duplicates nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';
import { freePort, Relay, sleep, until } from '../../../test/tcp.ts';
import type { DbKind } from '../../platform/db/database.ts';
import { seedDemoFleet } from './demo-fleet-seed.ts';
import { type Jt808Gateway, startGateway } from './gateway.ts';
import { SimFleet } from './simulator.ts';

/** An alarm as the gateway's rules store it, for a vehicle of this plate. */
async function raiseAlarm(t: TestApp, plateNo: string): Promise<number> {
  const v = await t.handle.db
    .selectFrom('vehicle')
    .select('id')
    .where('plate_no', '=', plateNo)
    .executeTakeFirstOrThrow();
  const now = new Date();
  const { id } = await t.handle.db
    .insertInto('vehicle_alarm')
    .values({
      vehicle_id: v.id,
      kind: 'overspeed',
      source: 'platform',
      terminal_bit: null,
      level: 'high',
      started_at: now,
      last_at: now,
      ended_at: null,
      lat: 32.06,
      lon: 118.8,
      speed: 118,
      peak_value: 118,
      details: JSON.stringify({ limit: 100 }),
      handling_note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

const ACCESS = { gnssCenterId: 20141013, userId: 20180920, password: '20180920' };

interface Scenario {
  lower: DbKind;
  upper: DbKind;
  edition: '2011' | '2019';
  encrypt: boolean;
}

const SCENARIOS: Scenario[] = [
  { lower: DB_KINDS[0]!, upper: DB_KINDS[1] ?? DB_KINDS[0]!, edition: '2011', encrypt: false },
  { lower: DB_KINDS[1] ?? DB_KINDS[0]!, upper: DB_KINDS[0]!, edition: '2019', encrypt: true },
];

for (const sc of SCENARIOS) {
  describe(`JT/T 809 ${sc.edition}${sc.encrypt ? ' encrypted' : ''}: lower on ${sc.lower} → upper on ${sc.upper}`, () => {
    let upper: TestApp;
    let lower: TestApp;
    let gw: Jt808Gateway;
    let relay: Relay;
    let upperRoot: Session;
    let lowerRoot: Session;
    let uplinkId: number;
    let subordinateId: number;
    const keys = sc.encrypt ? { encrypt: true, m1: 30000000, ia1: 20000000, ic1: 20000000 } : {};

    before(async () => {
      const port = await freePort();
      upper = await startTestApp(sc.upper, { JTGOV_JT809_PORT: String(port), JTGOV_JT809_HOST: '127.0.0.1' });
      lower = await startTestApp(sc.lower);
      relay = new Relay(port);
      const relayPort = await relay.listen();
      await upper.createUser('up.root', 'MOT', ['systemAdmin']);
      await lower.createUser('low.root', 'MOT', ['systemAdmin']);
      upperRoot = await upper.login('up.root');
      lowerRoot = await lower.login('low.root');
      const sub = await upper.as(upperRoot, 'POST', '/api/vehicles/platform-links', {
        name: '江苏省监管平台',
        direction: 'subordinate',
        orgUnitId: await upper.orgId('320000'),
        edition: sc.edition,
        ...ACCESS,
        ...keys,
      });
      assert.equal(sub.statusCode, 200, sub.body);
      subordinateId = sub.json().id;
      await lower.handle.db.transaction().execute((trx) => seedDemoFleet(trx, new Date()));
      gw = await startGateway({ db: lower.handle.db, port: 0, host: '127.0.0.1' });
      const up = await lower.as(lowerRoot, 'POST', '/api/vehicles/platform-links', {
        name: '全国道路货运车辆公共监管平台',
        direction: 'superior',
        // Only 江苏's vehicles are this link's jurisdiction; the 浙江 ones stay home.
        orgUnitId: await lower.orgId('320000'),
        host: '127.0.0.1',
        port: relayPort,
        downLinkHost: '127.0.0.1',
        downLinkPort: 0,
        edition: sc.edition,
        ...ACCESS,
        ...keys,
      });
      assert.equal(up.statusCode, 200, up.body);
      uplinkId = up.json().id;
      assert.ok(!('password' in up.json()) && !up.body.includes('passwordSealed'));
    });

    after(async () => {
      await gw?.close();
      await lower?.close();
      await upper?.close();
      await relay?.close();
    });

    const lowerStatus = async () =>
      (await lower.as(lowerRoot, 'GET', `/api/vehicles/platform-links/${uplinkId}/status`)).json();

    test('logs in with a sub link, forwards through an outage, and every position arrives exactly once', async () => {
      await until(async () => {
        const s = await lowerStatus();
        return s.connected && s.subLink;
      }, 'main and sub link up');

      const fleet = new SimFleet({ host: '127.0.0.1', port: gw.port, count: 12, rate: 48 });
      fleet.start();
      await fleet.whenReady();
      await until(() => fleet.stats.acked >= 60, 'reports before the outage');
      await raiseAlarm(lower, '苏A00000');
      await raiseAlarm(lower, '浙A00000');
      relay.cut();
      const cutAt = new Date();
      await until(async () => !(await lowerStatus()).connected, 'the link noticed the outage');
      const acked = fleet.stats.acked;
      await until(() => fleet.stats.acked >= acked + 80, 'reports during the outage');
      const lastAlarm = await raiseAlarm(lower, '苏E00000');
      const restoredAt = new Date();
      relay.restore();
      await until(async () => (await lowerStatus()).connected, 'the link back');
      await sleep(500);
      const stats = await fleet.stop();
      assert.equal(stats.failed, 0);

      await until(async () => (await lowerStatus()).lagMs === 0, 'the superior confirmed everything');
      const status = await lowerStatus();
      assert.ok(status.reconnects >= 1 && status.lastAckAt !== null, JSON.stringify(status));

      const lowerRows = await lower.handle.db
        .selectFrom('vehicle_position as p')
        .innerJoin('vehicle as v', 'v.id', 'p.vehicle_id')
        .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
        .select(['v.plate_no', 'p.gnss_time', 'p.received_at', 'o.code'])
        .execute();
      const jiangsu = lowerRows.filter((r) => r.code.startsWith('32'));
      assert.ok(jiangsu.length > 0 && jiangsu.length < lowerRows.length);
      const duringOutage = jiangsu.filter((r) => r.received_at > cutAt && r.received_at < restoredAt);
      assert.ok(duringOutage.length > 10, `${duringOutage.length} positions stored while the link was down`);

      const upperRows = await upper.handle.db
        .selectFrom('vehicle_position as p')
        .innerJoin('vehicle as v', 'v.id', 'p.vehicle_id')
        .select(['v.plate_no', 'p.gnss_time', 'v.forwarded_by', 'v.org_unit_id'])
        .execute();
      const key = (r: { plate_no: string; gnss_time: Date }) => `${r.plate_no}@${r.gnss_time.toISOString()}`;
      assert.equal(upperRows.length, jiangsu.length, 'exactly once');
      assert.deepEqual(new Set(upperRows.map(key)), new Set(jiangsu.map(key)));
      const jiangsuOrg = await upper.orgId('320000');
      assert.ok(upperRows.every((r) => r.forwarded_by === subordinateId && r.org_unit_id === jiangsuOrg));

      // The upper's own view: forwarded vehicles in its registry, the link's status.
      const vehicles = (await upper.as(upperRoot, 'GET', '/api/vehicles?pageSize=200')).json();
      assert.equal(vehicles.total, new Set(jiangsu.map((r) => r.plate_no)).size);
      assert.ok(
        vehicles.items.every(
          (v: { terminalPhone: unknown; forwardedBy: number }) =>
            v.terminalPhone === null && v.forwardedBy === subordinateId,
        ),
      );
      const links = (await upper.as(upperRoot, 'GET', '/api/vehicles/platform-links')).json();
      assert.equal(links.items[0].status.connected, true);
      assert.equal(links.items[0].status.positionsReceived >= jiangsu.length, true);

      // Alarms of 江苏 vehicles went up as 0x1402 (the one raised during the outage after it), and
      // the superior's keep-alive confirmed them.
      const jiangsuAlarms = await lower.handle.db
        .selectFrom('vehicle_alarm as a')
        .innerJoin('vehicle as v', 'v.id', 'a.vehicle_id')
        .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
        .select(['a.id'])
        .where('o.code', 'like', '32%')
        .execute();
      await until(async () => {
        const state = await lower.handle.db
          .selectFrom('platform_link_state')
          .select('alarm_id')
          .where('link_id', '=', uplinkId)
          .executeTakeFirstOrThrow();
        return Number(state.alarm_id) >= lastAlarm;
      }, 'the alarms confirmed');
      const received = (
        await upper.as(upperRoot, 'GET', `/api/vehicles/platform-links/${subordinateId}/status`)
      ).json();
      assert.ok(
        received.alarmsReceived >= jiangsuAlarms.length && jiangsuAlarms.length >= 2,
        JSON.stringify(received),
      );
      // The superior keeps each of them once (the outage made the lower send some again), with the
      // link that sent it, on the vehicle it forwarded.
      const stored = await upper.handle.db
        .selectFrom('vehicle_forwarded_alarm as f')
        .innerJoin('vehicle as v', 'v.id', 'f.vehicle_id')
        .select(['v.plate_no', 'f.link_id', 'f.warn_time', 'f.info', 'v.forwarded_by'])
        .execute();
      const confirmed = await lower.handle.db
        .selectFrom('vehicle_alarm as a')
        .innerJoin('vehicle as v', 'v.id', 'a.vehicle_id')
        .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
        .select(['v.plate_no', 'a.started_at'])
        .where('o.code', 'like', '32%')
        .where('a.id', '<=', lastAlarm)
        .execute();
      const alarmKey = (plate: string, at: Date) => `${plate}@${Math.floor(at.getTime() / 1000)}`;
      const storedKeys = stored.map((a) => alarmKey(a.plate_no, a.warn_time));
      assert.equal(new Set(storedKeys).size, stored.length, 'each alarm stored once');
      for (const a of confirmed)
        assert.ok(storedKeys.includes(alarmKey(a.plate_no, a.started_at)), `${a.plate_no} alarm stored`);
      assert.ok(
        storedKeys.some((k) => k.startsWith('苏E00000@')),
        'the alarm raised during the outage',
      );
      assert.ok(!storedKeys.some((k) => k.startsWith('浙')), 'nothing outside the jurisdiction');
      assert.ok(
        stored.every((a) => a.link_id === subordinateId && a.forwarded_by === subordinateId && a.info !== ''),
      );

      // Every 江苏 terminal that registered went up as 0x1201 with what it declared; none of 浙江.
      const registered = await lower.handle.db
        .selectFrom('vehicle as v')
        .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
        .select(['v.plate_no', 'v.terminal_id', 'v.terminal_phone'])
        .where('v.registered_at', 'is not', null)
        .where('o.code', 'like', '32%')
        .execute();
      assert.ok(registered.length > 0);
      const registrations = async () =>
        upper.handle.db
          .selectFrom('vehicle_forwarded_registration as r')
          .innerJoin('vehicle as v', 'v.id', 'r.vehicle_id')
          .select([
            'v.plate_no',
            'r.link_id',
            'r.producer_id',
            'r.terminal_model',
            'r.terminal_id',
            'r.sim_code',
          ])
          .execute();
      await until(async () => (await registrations()).length >= registered.length, 'the registrations');
      const got = await registrations();
      assert.deepEqual(
        got.map((r) => [r.plate_no, r.terminal_id, r.sim_code]).sort(),
        registered.map((r) => [r.plate_no, r.terminal_id, r.terminal_phone]).sort(),
      );
      assert.ok(
        got.every(
          (r) => r.link_id === subordinateId && r.producer_id === 'JTGOV' && r.terminal_model === 'SIM-1',
        ),
      );
    });

    test('a superior refuses a wrong password, and the lower says so', async () => {
      const relayPort = (relay.server.address() as { port: number }).port;
      const res = await lower.as(lowerRoot, 'POST', '/api/vehicles/platform-links', {
        name: '错误口令',
        direction: 'superior',
        orgUnitId: await lower.orgId('330000'),
        host: '127.0.0.1',
        port: relayPort,
        edition: sc.edition,
        ...ACCESS,
        password: 'wrong',
        ...keys,
      });
      assert.equal(res.statusCode, 200, res.body);
      const id = res.json().id;
      await until(async () => {
        const s = (await lower.as(lowerRoot, 'GET', `/api/vehicles/platform-links/${id}/status`)).json();
        return s.lastError === 'login refused: result 4';
      }, 'the refusal');
      const off = await lower.as(lowerRoot, 'PATCH', `/api/vehicles/platform-links/${id}`, {
        enabled: false,
      });
      assert.equal(off.statusCode, 200, off.body);
      assert.equal(off.json().status.running, false);
    });

    test('a county user cannot see the links', async () => {
      await lower.createUser('gl.admin', '320106', ['systemAdmin']);
      const county = await lower.login('gl.admin');
      assert.equal((await lower.as(county, 'GET', '/api/vehicles/platform-links')).statusCode, 403);
    });
  });
}
