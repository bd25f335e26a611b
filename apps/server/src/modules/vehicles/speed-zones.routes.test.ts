// Road-class speed zones through the API: managed in a jurisdiction, audited, and applied by the
// alarm evaluator to positions as soon as they change.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';
import { AlarmEvaluator } from './alarms.evaluator.ts';
import { PositionWriter } from './position-writer.ts';
import type { PositionInput } from './positions.repository.ts';

const G312 = {
  name: 'G312 玄武段',
  roadClass: 'nationalRoad',
  shape: 'corridor',
  coordinates: [
    [118.8, 32.05],
    [118.9, 32.05],
  ],
  widthM: 50,
  speedLimits: { heavyFreight: 70, scheduledCoach: 80 },
};

for (const kind of DB_KINDS) {
  describe(`road-class speed zones on ${kind}`, () => {
    let t: TestApp;
    let county: Session;
    let other: Session;
    let viewer: Session;
    let zoneId: number;

    before(async () => {
      t = await startTestApp(kind);
      await t.createUser('xw.admin', '320102', ['orgAdmin']);
      await t.createUser('gl.admin', '320106', ['orgAdmin']);
      await t.createUser('xw.staff', '320102', ['staff']);
      county = await t.login('xw.admin');
      other = await t.login('gl.admin');
      viewer = await t.login('xw.staff');
    });
    after(() => t.close());

    test('created in my jurisdiction and audited; another county neither sees nor changes it', async () => {
      const res = await t.as(county, 'POST', '/api/vehicles/speed-zones', {
        ...G312,
        orgUnitId: await t.orgId('320102'),
      });
      assert.equal(res.statusCode, 201, res.body);
      const zone = res.json();
      zoneId = zone.id;
      assert.deepEqual(
        [zone.roadClass, zone.shape, zone.widthM, zone.speedLimits, zone.coordinates, zone.enabled],
        ['nationalRoad', 'corridor', 50, G312.speedLimits, G312.coordinates, true],
      );
      const audit = await t.handle.db
        .selectFrom('audit_event')
        .select(['action', 'object_id'])
        .where('action', '=', 'vehicle.speed-zone.create')
        .execute();
      assert.deepEqual(
        audit.map((a) => String(a.object_id)),
        [String(zoneId)],
      );

      const list = (await t.as(viewer, 'GET', '/api/vehicles/speed-zones?roadClass=nationalRoad')).json();
      assert.equal(list.total, 1);
      assert.equal((await t.as(other, 'GET', '/api/vehicles/speed-zones')).json().total, 0);
      assert.equal((await t.as(other, 'GET', `/api/vehicles/speed-zones/${zoneId}`)).statusCode, 404);
      assert.equal(
        (await t.as(other, 'PATCH', `/api/vehicles/speed-zones/${zoneId}`, { name: '越权' })).statusCode,
        404,
      );
      assert.equal((await t.as(other, 'DELETE', `/api/vehicles/speed-zones/${zoneId}`)).statusCode, 404);
      const foreign = await t.as(other, 'POST', '/api/vehicles/speed-zones', {
        ...G312,
        orgUnitId: await t.orgId('320102'),
      });
      assert.equal(foreign.statusCode, 403);
      assert.equal(foreign.json().error.code, 'out_of_jurisdiction');
      // Reading needs vehicle.read, managing vehicle.manage.
      assert.equal((await t.as(viewer, 'POST', '/api/vehicles/speed-zones', G312)).statusCode, 403);
    });

    test('geometry is checked: a polygon of two points, a corridor without width', async () => {
      const orgUnitId = await t.orgId('320102');
      const flat = await t.as(county, 'POST', '/api/vehicles/speed-zones', {
        ...G312,
        orgUnitId,
        shape: 'polygon',
      });
      assert.equal(flat.statusCode, 400, flat.body);
      const { widthM: _, ...noWidth } = G312;
      assert.equal(
        (await t.as(county, 'POST', '/api/vehicles/speed-zones', { ...noWidth, orgUnitId })).statusCode,
        400,
      );
      const noLimits = await t.as(county, 'POST', '/api/vehicles/speed-zones', {
        ...G312,
        orgUnitId,
        speedLimits: {},
      });
      assert.equal(noLimits.statusCode, 400);
    });

    test('the evaluator applies the zone: 90 km/h on G312 is over 70; off it the default 100 holds', async () => {
      let n = 0;
      const vehicle = async () =>
        (
          await t.handle.db
            .insertInto('vehicle')
            .values({
              plate_no: `苏A8${String(++n).padStart(4, '0')}`,
              plate_color: 2,
              vehicle_type: 'heavyFreight',
              operator_name: '货运',
              org_unit_id: await t.orgId('320102'),
              terminal_phone: `1380000${String(n).padStart(4, '0')}`,
              auth_code: 'x',
              status: 'active',
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      const onRoad = await vehicle();
      const offRoad = await vehicle();
      const base = Date.parse('2026-11-27T10:00:00+08:00');
      const track = (vehicleId: number, lat: number): PositionInput[] =>
        Array.from({ length: 7 }, (_, i) => ({
          vehicleId,
          gnssTime: new Date(base + i * 5000),
          receivedAt: new Date(base + i * 5000),
          lat,
          lon: 118.82 + i * 0.000125,
          altitude: 10,
          speed: 90,
          direction: 90,
          alarm: 0,
          status: 3,
          mileage: null,
        }));
      const evaluator = new AlarmEvaluator(t.handle.db, t.clock);
      const writer = new PositionWriter(t.handle.db, { onCommitted: (rows) => evaluator.submit(rows) });
      await writer.write([...track(onRoad, 32.0501), ...track(offRoad, 32.06)]);
      await writer.flush();
      await evaluator.flush();
      const alarms = await t.handle.db
        .selectFrom('vehicle_alarm')
        .select(['vehicle_id', 'kind', 'details', 'level'])
        .where('kind', '=', 'overspeed')
        .execute();
      assert.deepEqual(
        alarms.map((a) => [a.vehicle_id, a.details, a.level]),
        [[onRoad, { limit: 70, zoneId, zoneName: 'G312 玄武段', roadClass: 'nationalRoad' }, 'high']],
      );

      // Changing the zone applies to the next positions; disabling it lifts it.
      const changed = await t.as(county, 'PATCH', `/api/vehicles/speed-zones/${zoneId}`, { enabled: false });
      assert.equal(changed.statusCode, 200, changed.body);
      const later = await vehicle();
      await writer.write(
        track(later, 32.0501).map((p) => ({ ...p, gnssTime: new Date(p.gnssTime.getTime() + 60_000) })),
      );
      await writer.flush();
      await evaluator.flush();
      const laterAlarms = await t.handle.db
        .selectFrom('vehicle_alarm')
        .select('kind')
        .where('vehicle_id', '=', later)
        .where('kind', '=', 'overspeed')
        .execute();
      assert.deepEqual(laterAlarms, []);
    });

    test('deleted and audited', async () => {
      assert.equal((await t.as(county, 'DELETE', `/api/vehicles/speed-zones/${zoneId}`)).statusCode, 200);
      assert.equal((await t.as(county, 'GET', `/api/vehicles/speed-zones/${zoneId}`)).statusCode, 404);
      const actions = await t.handle.db
        .selectFrom('audit_event')
        .select('action')
        .where('object_type', '=', 'vehicle_speed_zone')
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        actions.map((a) => a.action),
        ['vehicle.speed-zone.create', 'vehicle.speed-zone.update', 'vehicle.speed-zone.delete'],
      );
    });
  });
}
