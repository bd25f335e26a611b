import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { alarmMask } from '@jtgov/jt808';
import { DB_KINDS } from '../../../test/databases.ts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { AlarmEvaluator } from './alarms.evaluator.ts';
import type { AlarmEvent } from './alarms.events.ts';
import { sweepGateways, sweepOffline } from './alarms.jobs.ts';
import { upsertAlarmSetting } from './alarms.repository.ts';
import { beatGateway, registerGateway } from './gateway-registry.repository.ts';
import { PositionWriter } from './position-writer.ts';
import { type PositionInput, setVehicleOnline } from './positions.repository.ts';

for (const kind of DB_KINDS) {
  describe(`alarm evaluation and storage on ${kind}`, () => {
    let t: TestApp;
    let staffId: number;
    let seq = 0;
    before(async () => {
      t = await startTestApp(kind);
      staffId = await t.createUser('xw.staff', '320102', ['staff']);
      await t.createUser('xw.viewer', '320102', []);
    });
    after(() => t.close());

    const addVehicle = async (vehicleType: 'scheduledCoach' | 'heavyFreight' = 'scheduledCoach') => {
      seq++;
      const row = await t.handle.db
        .insertInto('vehicle')
        .values({
          plate_no: `苏A7${String(seq).padStart(4, '0')}`,
          plate_color: 2,
          vehicle_type: vehicleType,
          operator_name: '南京客运',
          org_unit_id: await t.orgId('320102'),
          terminal_phone: `1370000${String(seq).padStart(4, '0')}`,
          auth_code: 'x',
          status: 'active',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    };

    const base = Date.parse('2026-11-27T09:00:00+08:00');
    const pos = (vehicleId: number, offsetS: number, speed: number, extra: Partial<PositionInput> = {}) => ({
      vehicleId,
      gnssTime: new Date(base + offsetS * 1000),
      receivedAt: new Date(base + offsetS * 1000),
      lat: 32.05,
      lon: 118.8 + (offsetS * speed) / 3600 / 94.4,
      altitude: 10,
      speed,
      direction: 90,
      alarm: 0,
      status: 3,
      mileage: null,
      ...extra,
    });

    /** A writer whose committed batches feed this evaluator, as in the gateway. */
    const pipeline = (evaluator?: AlarmEvaluator) => {
      const writer = new PositionWriter(t.handle.db, {
        ...(evaluator && { onCommitted: (rows) => evaluator.submit(rows) }),
      });
      return async (rows: PositionInput[]) => {
        await writer.write(rows);
        await evaluator?.flush();
      };
    };

    const alarmsOf = (vehicleId: number) =>
      t.handle.db
        .selectFrom('vehicle_alarm')
        .selectAll()
        .where('vehicle_id', '=', vehicleId)
        .orderBy('id')
        .execute();

    test('a sustained overspeed is one alarm, extended while it lasts and ended when it stops', async () => {
      const v = await addVehicle();
      const evaluator = new AlarmEvaluator(t.handle.db, t.clock);
      const seen: AlarmEvent[] = [];
      evaluator.events.subscribe((events) => seen.push(...events));
      const feed = pipeline(evaluator);
      await feed([pos(v, 0, 90), pos(v, 5, 108), pos(v, 10, 110)]);
      assert.deepEqual(await alarmsOf(v), []);
      await feed([pos(v, 15, 112), pos(v, 20, 115)]);
      const [open] = await alarmsOf(v);
      assert.equal(open?.kind, 'overspeed');
      assert.equal(open.source, 'platform');
      assert.deepEqual(open.started_at, new Date(base + 5000));
      assert.equal(open.ended_at, null);
      assert.equal(open.state, 'new');
      await feed([pos(v, 25, 125), pos(v, 30, 118)]);
      const [extended, ...more] = await alarmsOf(v);
      assert.equal(more.length, 0, 'still one alarm');
      assert.deepEqual(extended?.last_at, new Date(base + 30_000));
      assert.equal(extended.peak_value, 125);
      assert.equal(extended.level, 'high', '125 km/h is 25% over the coach limit');
      await feed([pos(v, 35, 95)]);
      assert.deepEqual((await alarmsOf(v))[0]?.ended_at, new Date(base + 35_000));
      assert.deepEqual(
        seen.map((e) => `${e.type} ${e.kind} ${e.alarmId}`),
        [`raised overspeed ${open.id}`, `ended overspeed ${open.id}`],
      );
      const audit = await t.handle.db
        .selectFrom('audit_event')
        .select(['action', 'org_path'])
        .where('object_type', '=', 'vehicle_alarm')
        .where('object_id', '=', String(open.id))
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['vehicle.alarm.raise', 'vehicle.alarm.end'],
      );
      assert.match(audit[0]?.org_path ?? '', /\/$/);
    });

    test('a high-level terminal alarm notifies the handlers of the owning unit, nobody else', async () => {
      const v = await addVehicle('heavyFreight');
      const feed = pipeline(new AlarmEvaluator(t.handle.db, t.clock));
      await feed([pos(v, 0, 0, { alarm: alarmMask(['sos']) })]);
      const [sos] = await alarmsOf(v);
      assert.equal(sos?.kind, 'terminal.sos');
      assert.equal(sos.terminal_bit, 0);
      const notes = await t.handle.db
        .selectFrom('notification')
        .select(['user_id', 'title', 'link'])
        .where('category', '=', 'vehicle.alarm.raised')
        .where('link', '=', `/vehicles/alarms/${sos.id}`)
        .execute();
      assert.deepEqual(
        notes.map((n) => n.user_id),
        [staffId],
      );
      assert.match(notes[0]?.title ?? '', /紧急报警/);
    });

    test('after a restart the rules are rebuilt: an open alarm is extended, not raised again', async () => {
      const v = await addVehicle();
      await pipeline(new AlarmEvaluator(t.handle.db, t.clock))([pos(v, 0, 110), pos(v, 15, 112)]);
      assert.equal((await alarmsOf(v)).length, 1);
      const restarted = new AlarmEvaluator(t.handle.db, t.clock);
      const feed = pipeline(restarted);
      await feed([pos(v, 20, 113)]);
      const rows = await alarmsOf(v);
      assert.equal(rows.length, 1);
      assert.deepEqual(rows[0]?.last_at, new Date(base + 20_000));
      await feed([pos(v, 25, 60)]);
      assert.deepEqual((await alarmsOf(v))[0]?.ended_at, new Date(base + 25_000));
    });

    test("a vehicle's own speed limit applies once it is refreshed, its rule state kept", async () => {
      const v = await addVehicle('heavyFreight');
      const evaluator = new AlarmEvaluator(t.handle.db, t.clock);
      const feed = pipeline(evaluator);
      await feed([pos(v, 0, 75), pos(v, 15, 75)]);
      assert.deepEqual(await alarmsOf(v), [], '75 km/h is under the 100 km/h truck limit');
      await upsertAlarmSetting(t.handle.db, v, 60, t.clock.now());
      evaluator.refreshVehicle(v);
      await feed([pos(v, 20, 75), pos(v, 35, 75)]);
      const [over] = await alarmsOf(v);
      assert.equal(over?.kind, 'overspeed');
      assert.deepEqual(over.started_at, new Date(base + 20_000));
    });

    test('fatigue is found after a restart from the stored hours of driving', async () => {
      const v = await addVehicle('heavyFreight');
      const rows: PositionInput[] = [];
      for (let s = 0; s <= 4 * 3600; s += 60) rows.push(pos(v, s, 60));
      await pipeline()(rows);
      const feed = pipeline(new AlarmEvaluator(t.handle.db, t.clock));
      await feed([pos(v, 4 * 3600 + 60, 60), pos(v, 4 * 3600 + 120, 60)]);
      const fatigue = (await alarmsOf(v)).find((a) => a.kind === 'fatigue');
      assert.ok(fatigue, 'fatigue raised from the replayed history');
      assert.equal(fatigue.started_at.getTime(), base);
    });

    test('offline too long: raised for a silent vehicle that was driving, not for a parked one; ended on return', async () => {
      const driving = await addVehicle('heavyFreight');
      const parked = await addVehicle('heavyFreight');
      const feed = pipeline();
      await feed([pos(driving, 0, 60), pos(parked, 0, 0, { status: 2 })]);
      const later = new Date(base + 30 * 60_000);
      const events = await sweepOffline(t.handle.db, later);
      const raised = events.filter((e) => e.type === 'raised').map((e) => e.vehicleId);
      assert.ok(raised.includes(driving));
      assert.ok(!raised.includes(parked));
      assert.deepEqual(await sweepOffline(t.handle.db, later), [], 'raised once');
      await setVehicleOnline(t.handle.db, driving, true, new Date(later.getTime() + 60_000));
      const back = await sweepOffline(t.handle.db, new Date(later.getTime() + 120_000));
      assert.deepEqual(
        back.map((e) => `${e.type} ${e.vehicleId}`),
        [`ended ${driving}`],
      );
    });

    test("a gateway that stops beating has its vehicles marked offline; a live one's stay online", async () => {
      const dead = await addVehicle();
      const alive = await addVehicle();
      const now = t.clock.now();
      await registerGateway(t.handle.db, 'gw-dead', 'host-a', new Date(now.getTime() - 10 * 60_000));
      await registerGateway(t.handle.db, 'gw-alive', 'host-b', now);
      await setVehicleOnline(t.handle.db, dead, true, new Date(now.getTime() - 10 * 60_000), 'gw-dead');
      await setVehicleOnline(t.handle.db, alive, true, now, 'gw-alive');
      await beatGateway(t.handle.db, 'gw-alive', now);
      const marked = await sweepGateways(t.handle.db, now);
      assert.deepEqual(marked, [dead]);
      const states = await t.handle.db
        .selectFrom('vehicle_state')
        .select(['vehicle_id', 'online', 'gateway_id'])
        .where('vehicle_id', 'in', [dead, alive])
        .orderBy('vehicle_id')
        .execute();
      assert.deepEqual(states, [
        { vehicle_id: dead, online: false, gateway_id: null },
        { vehicle_id: alive, online: true, gateway_id: 'gw-alive' },
      ]);
      const gateways = await t.handle.db.selectFrom('vehicle_gateway').select('id').execute();
      assert.ok(!gateways.some((g) => g.id === 'gw-dead'), 'the dead gateway is forgotten');
      // The dead gateway's late offline write cannot knock out a vehicle another gateway holds.
      await setVehicleOnline(t.handle.db, alive, false, now, 'gw-dead');
      const still = await t.handle.db
        .selectFrom('vehicle_state')
        .select('online')
        .where('vehicle_id', '=', alive)
        .executeTakeFirstOrThrow();
      assert.equal(still.online, true);
    });
  });
}
