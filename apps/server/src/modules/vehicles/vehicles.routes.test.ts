import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';
import { ensureMonthlyPartition } from '../../platform/db/partitions.repository.ts';
import { insertPositions, upsertLatestStates } from './positions.repository.ts';

for (const kind of DB_KINDS) {
  describe(`vehicle registry on ${kind}`, () => {
    let t: TestApp;
    let city: Session;
    let county: Session;
    let viewer: Session;
    let xuanwu: number;
    before(async () => {
      t = await startTestApp(kind);
      await t.createUser('nj.admin', '320100', ['orgAdmin']);
      await t.createUser('xw.admin', '320102', ['orgAdmin']);
      await t.createUser('nj.staff', '320100', ['staff']);
      city = await t.login('nj.admin');
      county = await t.login('xw.admin');
      viewer = await t.login('nj.staff');
      xuanwu = await t.orgId('320102');
    });
    after(() => t.close());

    const coach = (orgUnitId: number, plateNo: string, terminalPhone: string) => ({
      plateNo,
      plateColor: 2,
      vehicleType: 'scheduledCoach',
      operatorName: '南京客运集团',
      orgUnitId,
      terminalPhone,
    });

    test('create, read, edit, deactivate with audit; the auth code never reaches the audit log', async () => {
      const created = await t.as(county, 'POST', '/api/vehicles', coach(xuanwu, '苏A12345', '013800138000'));
      assert.equal(created.statusCode, 201, created.body);
      const v = created.json();
      assert.equal(v.terminalPhone, '13800138000', 'header zero padding is stripped');
      assert.equal(v.keyVehicle, true);
      assert.equal(v.online, false);
      assert.match(v.authCode, /^[A-Za-z0-9]{16}$/);
      assert.equal((await t.as(viewer, 'GET', `/api/vehicles/${v.id}`)).json().plateNo, '苏A12345');
      const edited = await t.as(county, 'PATCH', `/api/vehicles/${v.id}`, { terminalPhone: '13800138001' });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.notEqual(edited.json().authCode, v.authCode, 'a new terminal gets a new auth code');
      const off = await t.as(county, 'POST', `/api/vehicles/${v.id}/deactivate`);
      assert.equal(off.json().status, 'inactive');
      const audit = await t.handle.db
        .selectFrom('audit_event')
        .select(['action', 'after', 'org_path'])
        .where('object_type', '=', 'vehicle')
        .where('object_id', '=', String(v.id))
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['vehicle.create', 'vehicle.update', 'vehicle.deactivate'],
      );
      assert.ok(!JSON.stringify(audit).includes(v.authCode));
    });

    test('duplicates, bad plates and out-of-jurisdiction orgs are refused', async () => {
      await t.as(county, 'POST', '/api/vehicles', coach(xuanwu, '苏A20001', '13900020001'));
      const samePhone = await t.as(county, 'POST', '/api/vehicles', coach(xuanwu, '苏A20002', '13900020001'));
      assert.equal(samePhone.statusCode, 409);
      const samePlate = await t.as(county, 'POST', '/api/vehicles', coach(xuanwu, '苏A20001', '13900020003'));
      assert.equal(samePlate.statusCode, 409);
      const notGbk = await t.as(county, 'POST', '/api/vehicles', coach(xuanwu, '苏A😀001', '13900020004'));
      assert.equal(notGbk.statusCode, 400);
      const foreign = await t.as(
        county,
        'POST',
        '/api/vehicles',
        coach(await t.orgId('320106'), '苏A20005', '139'),
      );
      assert.equal(foreign.statusCode, 403);
      const staff = await t.as(viewer, 'POST', '/api/vehicles', coach(xuanwu, '苏A20006', '13900020006'));
      assert.equal(staff.statusCode, 403, 'staff may read, not manage');
    });

    test('lists filter and paginate inside the jurisdiction; positions and tracks are scoped', async () => {
      const gulou = await t.orgId('320106');
      const own = (await t.as(city, 'POST', '/api/vehicles', coach(gulou, '苏A30001', '13900030001'))).json();
      await t.as(city, 'POST', '/api/vehicles', {
        ...coach(gulou, '苏A30002', '13900030002'),
        vehicleType: 'heavyFreight',
      });
      const key = await t.as(city, 'GET', '/api/vehicles?keyVehicles=true&q=%E8%8B%8FA3&pageSize=1');
      assert.deepEqual([key.json().total, key.json().items.length], [1, 1]);
      assert.equal(key.json().items[0].plateNo, '苏A30001');
      const countyList = await t.as(county, 'GET', '/api/vehicles?q=A3');
      assert.equal(countyList.json().total, 0, 'a county sees nothing of its sibling');

      const now = t.clock.now();
      await ensureMonthlyPartition(t.handle.db, 'vehicle_position', now);
      const point = (minutes: number, lon: number) => ({
        vehicleId: own.id,
        gnssTime: now.getTime() - minutes * 60_000,
        receivedAt: now.getTime(),
        lat: 32.05,
        lon,
        altitude: 10,
        speed: 60,
        direction: 90,
        alarm: 0,
        status: 3,
        mileage: 1000.5,
      });
      const rows = [point(3, 118.7), point(2, 118.8), point(1, 118.9)];
      await insertPositions(t.handle.db, rows);
      await insertPositions(t.handle.db, rows);
      await upsertLatestStates(t.handle.db, [rows[2]!]);
      await upsertLatestStates(t.handle.db, [rows[0]!]);
      const range = `from=${new Date(now.getTime() - 3_600_000).toISOString()}&to=${now.toISOString()}`;
      const track = await t.as(viewer, 'GET', `/api/vehicles/${own.id}/track?${range}&pageSize=2&page=2`);
      assert.equal(track.statusCode, 200, track.body);
      assert.equal(track.json().total, 3, 'a retransmitted report is stored once');
      assert.equal(track.json().items[0].lon, 118.9);
      const latest = await t.as(viewer, 'GET', '/api/vehicles/positions?bbox=118.85,32,119,32.1');
      assert.deepEqual(
        latest.json().items.map((p: { plateNo: string; lon: number }) => [p.plateNo, p.lon]),
        [['苏A30001', 118.9]],
        'the latest position wins over an older one written after it',
      );
      const outside = await t.as(viewer, 'GET', '/api/vehicles/positions?bbox=100,20,101,21');
      assert.equal(outside.json().total, 0);
      assert.equal((await t.as(county, 'GET', `/api/vehicles/${own.id}/track?${range}`)).statusCode, 404);
      assert.equal((await t.as(county, 'GET', '/api/vehicles/positions')).json().total, 0);
      const tooLong = await t.as(
        viewer,
        'GET',
        `/api/vehicles/${own.id}/track?from=2026-01-01T00:00:00Z&to=${now.toISOString()}`,
      );
      assert.equal(tooLong.statusCode, 400);
    });

    test('inAlarm lists the vehicles with an open alarm, and only those of the jurisdiction', async () => {
      const gulou = await t.orgId('320106');
      const make = async (org: number, plate: string, phone: string) =>
        (await t.as(city, 'POST', '/api/vehicles', coach(org, plate, phone))).json().id as number;
      const alarming = await make(gulou, '苏A40001', '13900040001');
      const ended = await make(gulou, '苏A40002', '13900040002');
      await make(gulou, '苏A40003', '13900040003');
      const sibling = await make(xuanwu, '苏A40004', '13900040004');
      const alarm = (vehicleId: number, kind: string, endedAt: Date | null) => ({
        vehicle_id: vehicleId,
        kind,
        source: 'platform' as const,
        level: 'medium' as const,
        started_at: new Date('2026-11-30T01:00:00Z'),
        last_at: new Date('2026-11-30T01:05:00Z'),
        ended_at: endedAt,
        lat: 32.06,
        lon: 118.78,
        speed: 110,
        details: JSON.stringify({}),
      });
      await t.handle.db
        .insertInto('vehicle_alarm')
        .values([
          alarm(alarming, 'overspeed', null),
          alarm(alarming, 'fatigue', null),
          alarm(ended, 'overspeed', new Date('2026-11-30T01:06:00Z')),
          alarm(sibling, 'overspeed', null),
        ])
        .execute();
      const plates = async (who: Session, query: string) =>
        (await t.as(who, 'GET', `/api/vehicles?q=A4000&${query}`))
          .json()
          .items.map((v: { plateNo: string }) => v.plateNo);
      assert.deepEqual(await plates(city, 'inAlarm=true'), ['苏A40001', '苏A40004']);
      assert.deepEqual(await plates(city, 'inAlarm=false'), ['苏A40002', '苏A40003']);
      const page = await t.as(city, 'GET', '/api/vehicles?q=A4000&inAlarm=true&pageSize=1');
      assert.deepEqual([page.json().total, page.json().items.length], [2, 1], 'two alarms count one vehicle');
      assert.deepEqual(await plates(county, 'inAlarm=true'), ['苏A40004'], 'a county sees its own only');
      assert.deepEqual(await plates(county, 'inAlarm=false'), []);
    });
  });
}
