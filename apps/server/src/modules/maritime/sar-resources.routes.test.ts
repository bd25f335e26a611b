import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';

for (const kind of DB_KINDS) {
  describe(`SAR resources on ${kind}`, () => {
    let t: TestApp;
    let shDuty: Session;
    let zjDuty: Session;
    let shStaff: Session;
    let shOrg: number;
    let baseId: number;
    let vesselId: number;
    before(async () => {
      t = await startTestApp(kind);
      await t.createUser('sh.duty', '310000', ['sarDutyOfficer']);
      await t.createUser('zj.duty', '330000', ['sarDutyOfficer']);
      await t.createUser('sh.staff', '310000', ['staff']);
      shDuty = await t.login('sh.duty');
      zjDuty = await t.login('zj.duty');
      shStaff = await t.login('sh.staff');
      shOrg = await t.orgId('310000');
    });
    after(() => t.close());

    test('a base and a rescue vessel belonging to it', async () => {
      const base = await t.as(shDuty, 'POST', '/api/maritime/resources', {
        kind: 'base',
        name: '东海第一救助基地',
        home: { lat: 31.23, lon: 121.49 },
        orgUnitId: shOrg,
      });
      assert.equal(base.statusCode, 200, base.body);
      baseId = base.json().id;
      const vessel = await t.as(shDuty, 'POST', '/api/maritime/resources', {
        kind: 'rescueVessel',
        name: '东海救101',
        callSign: 'BSAR1',
        mmsi: 412000101,
        baseId,
        home: { lat: 31.23, lon: 121.49 },
        speedKn: 20,
        orgUnitId: shOrg,
      });
      assert.equal(vessel.statusCode, 200, vessel.body);
      const v = vessel.json();
      vesselId = v.id;
      assert.equal(v.state, 'available');
      assert.equal(v.baseName, '东海第一救助基地');
      assert.deepEqual(v.position, { lat: 31.23, lon: 121.49, at: null, source: 'home' });
    });

    test('a base must be a base in your jurisdiction; a foreign org unit is refused', async () => {
      const notBase = await t.as(shDuty, 'POST', '/api/maritime/resources', {
        kind: 'helicopter',
        name: 'B-7101',
        baseId: vesselId,
        orgUnitId: shOrg,
      });
      assert.equal(notBase.statusCode, 400);
      const foreign = await t.as(shDuty, 'POST', '/api/maritime/resources', {
        kind: 'helicopter',
        name: 'B-7101',
        orgUnitId: await t.orgId('330000'),
      });
      assert.equal(foreign.json().error.code, 'out_of_jurisdiction');
      const staff = await t.as(shStaff, 'POST', '/api/maritime/resources', {
        kind: 'helicopter',
        name: 'B-7101',
        orgUnitId: shOrg,
      });
      assert.equal(staff.statusCode, 403);
    });

    test('a reported position replaces the home position and is stamped', async () => {
      const res = await t.as(shDuty, 'PATCH', `/api/maritime/resources/${vesselId}`, {
        position: { lat: 30.9, lon: 122.4 },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().position, {
        lat: 30.9,
        lon: 122.4,
        at: t.clock.now().toISOString(),
        source: 'reported',
      });
    });

    test('state changes: maintenance, off duty, back in service; each in the history and the audit log', async () => {
      const set = (state: string) =>
        t.as(shDuty, 'POST', `/api/maritime/resources/${vesselId}/state`, { state, note: `to ${state}` });
      assert.equal((await set('maintenance')).json().state, 'maintenance');
      assert.equal((await set('offDuty')).json().state, 'offDuty');
      assert.equal((await set('available')).json().state, 'available');
      const again = await set('available');
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.details.reason, 'no_such_transition');
      const history = (await t.as(shStaff, 'GET', `/api/maritime/resources/${vesselId}/history`)).json();
      assert.deepEqual(
        history.items.map((e: { fromState: string; toState: string; actorUsername: string }) => [
          e.fromState,
          e.toState,
          e.actorUsername,
        ]),
        [
          ['available', 'maintenance', 'sh.duty'],
          ['maintenance', 'offDuty', 'sh.duty'],
          ['offDuty', 'available', 'sh.duty'],
        ],
      );
      const audits = await t.handle.db
        .selectFrom('audit_event')
        .select('action')
        .where('object_type', '=', 'sar_resource')
        .where('object_id', '=', String(vesselId))
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audits.map((a) => a.action),
        [
          'maritime.resource.create',
          'maritime.resource.update',
          'maritime.resource.maintain',
          'maritime.resource.standDown',
          'maritime.resource.ready',
        ],
      );
    });

    test('tasked is not a state one sets by hand', async () => {
      const res = await t.as(shDuty, 'POST', `/api/maritime/resources/${vesselId}/state`, {
        state: 'tasked',
      });
      assert.equal(res.statusCode, 400);
    });

    test('lists filter by kind, state and name; another province sees nothing', async () => {
      const list = (q: string, who = shStaff) => t.as(who, 'GET', `/api/maritime/resources?${q}`);
      assert.equal((await list('')).json().total, 2);
      assert.deepEqual(
        (await list('kind=rescueVessel')).json().items.map((r: { name: string }) => r.name),
        ['东海救101'],
      );
      assert.equal((await list('state=maintenance')).json().total, 0);
      assert.equal((await list('q=bsar')).json().total, 1);
      assert.equal((await list('', zjDuty)).json().total, 0);
      assert.equal((await t.as(zjDuty, 'GET', `/api/maritime/resources/${vesselId}`)).statusCode, 404);
      assert.equal(
        (await t.as(zjDuty, 'GET', `/api/maritime/resources/${vesselId}/history`)).statusCode,
        404,
      );
      assert.equal(
        (await t.as(zjDuty, 'POST', `/api/maritime/resources/${vesselId}/state`, { state: 'offDuty' }))
          .statusCode,
        404,
      );
      assert.equal(
        (await t.as(zjDuty, 'PATCH', `/api/maritime/resources/${vesselId}`, { name: '越权' })).statusCode,
        404,
      );
    });
  });
}
