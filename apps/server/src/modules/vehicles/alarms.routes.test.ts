import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';

for (const kind of DB_KINDS) {
  describe(`vehicle alarm routes on ${kind}`, () => {
    let t: TestApp;
    let handler: Session;
    let viewer: Session;
    let city: Session;
    let otherCounty: Session;
    const ids: Record<string, number> = {};
    before(async () => {
      t = await startTestApp(kind);
      await t.createUser('xw.staff', '320102', ['staff']);
      await t.createUser('xw.viewer', '320102', []);
      await t.createUser('nj.admin', '320100', ['orgAdmin']);
      await t.createUser('gl.staff', '320106', ['staff']);
      handler = await t.login('xw.staff');
      city = await t.login('nj.admin');
      otherCounty = await t.login('gl.staff');
      // A role with vehicle.read only.
      const role = await t.handle.db
        .insertInto('role')
        .values({ code: 'vehicleViewer', name: '车辆查看', description: '', permissions: ['vehicle.read'] })
        .returning('id')
        .executeTakeFirstOrThrow();
      const viewerRow = await t.handle.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'xw.viewer')
        .executeTakeFirstOrThrow();
      await t.handle.db.insertInto('user_role').values({ user_id: viewerRow.id, role_id: role.id }).execute();
      viewer = await t.login('xw.viewer');

      let n = 0;
      const vehicle = async (org: string, plate: string) =>
        (
          await t.handle.db
            .insertInto('vehicle')
            .values({
              plate_no: plate,
              plate_color: 2,
              vehicle_type: 'scheduledCoach',
              operator_name: '客运',
              org_unit_id: await t.orgId(org),
              terminal_phone: `1360000${String(++n).padStart(4, '0')}`,
              auth_code: 'x',
              status: 'active',
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      ids.xw = await vehicle('320102', '苏A11111');
      ids.gl = await vehicle('320106', '苏A22222');
      const alarm = async (vehicleId: number, kind: string, level: 'low' | 'medium' | 'high', day: string) =>
        (
          await t.handle.db
            .insertInto('vehicle_alarm')
            .values({
              vehicle_id: vehicleId,
              kind,
              source: kind.startsWith('terminal.') ? 'terminal' : 'platform',
              terminal_bit: kind === 'terminal.sos' ? 0 : null,
              level,
              started_at: new Date(`${day}T10:00:00+08:00`),
              last_at: new Date(`${day}T10:05:00+08:00`),
              ended_at: kind === 'overspeed' ? new Date(`${day}T10:05:00+08:00`) : null,
              lat: 32,
              lon: 118.8,
              speed: 110,
              peak_value: 120,
              details: JSON.stringify({ limit: 100 }),
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      ids.overspeed = await alarm(ids.xw, 'overspeed', 'medium', '2026-11-25');
      ids.sos = await alarm(ids.xw, 'terminal.sos', 'high', '2026-11-26');
      ids.fatigue = await alarm(ids.xw, 'fatigue', 'high', '2026-11-27');
      ids.foreign = await alarm(ids.gl, 'overspeed', 'medium', '2026-11-26');
    });
    after(() => t.close());

    test('list is scoped to the jurisdiction, newest first, with filters', async () => {
      const all = (await t.as(handler, 'GET', '/api/vehicles/alarms')).json();
      assert.deepEqual(
        all.items.map((a: { id: number }) => a.id),
        [ids.fatigue, ids.sos, ids.overspeed],
      );
      assert.equal(all.total, 3);
      const cityAll = (await t.as(city, 'GET', '/api/vehicles/alarms')).json();
      assert.equal(cityAll.total, 4, 'the city sees both counties');
      const filtered = async (q: string) =>
        (await t.as(handler, 'GET', `/api/vehicles/alarms?${q}`))
          .json()
          .items.map((a: { id: number }) => a.id);
      assert.deepEqual(await filtered('kind=overspeed'), [ids.overspeed]);
      assert.deepEqual(await filtered('level=high'), [ids.fatigue, ids.sos]);
      assert.deepEqual(await filtered('ongoing=false'), [ids.overspeed]);
      assert.deepEqual(
        await filtered(
          `from=${encodeURIComponent('2026-11-26T00:00:00+08:00')}&to=${encodeURIComponent('2026-11-27T00:00:00+08:00')}`,
        ),
        [ids.sos],
      );
      assert.deepEqual(await filtered(`vehicleId=${ids.gl}`), []);
      const page = (await t.as(handler, 'GET', '/api/vehicles/alarms?pageSize=2&page=2')).json();
      assert.deepEqual(
        page.items.map((a: { id: number }) => a.id),
        [ids.overspeed],
      );
      const bad = await t.as(
        handler,
        'GET',
        '/api/vehicles/alarms?from=2026-11-27T00:00:00Z&to=2026-11-26T00:00:00Z',
      );
      assert.equal(bad.statusCode, 400);
    });

    test('counts by kind for the board', async () => {
      const res = (await t.as(handler, 'GET', '/api/vehicles/alarms/counts?ongoing=true')).json();
      assert.equal(res.total, 2);
      assert.deepEqual(res.byKind, [
        { kind: 'fatigue', level: 'high', count: 1 },
        { kind: 'terminal.sos', level: 'high', count: 1 },
      ]);
    });

    test('acknowledge, handle, close with a note; each step on the history and in the audit log', async () => {
      const ack = await t.as(handler, 'POST', `/api/vehicles/alarms/${ids.sos}/acknowledge`, {});
      assert.equal(ack.statusCode, 200, ack.body);
      assert.equal(ack.json().state, 'acknowledged');
      const again = await t.as(handler, 'POST', `/api/vehicles/alarms/${ids.sos}/acknowledge`, {});
      assert.equal(again.statusCode, 409);
      const handling = await t.as(handler, 'POST', `/api/vehicles/alarms/${ids.sos}/handle`, {
        note: '已电话联系驾驶员',
      });
      assert.equal(handling.json().state, 'handling');
      const noNote = await t.as(handler, 'POST', `/api/vehicles/alarms/${ids.sos}/close`, { note: '  ' });
      assert.equal(noNote.statusCode, 409);
      assert.match(noNote.body, /note_required/);
      const closed = await t.as(handler, 'POST', `/api/vehicles/alarms/${ids.sos}/close`, {
        note: '误报，驾驶员误触紧急按钮',
      });
      assert.equal(closed.statusCode, 200, closed.body);
      assert.equal(closed.json().state, 'closed');
      assert.equal(closed.json().handlingNote, '误报，驾驶员误触紧急按钮');
      const detail = (await t.as(viewer, 'GET', `/api/vehicles/alarms/${ids.sos}`)).json();
      assert.deepEqual(
        detail.history.map(
          (h: { action: string; actorUsername: string }) => `${h.action} ${h.actorUsername}`,
        ),
        ['acknowledge xw.staff', 'handle xw.staff', 'close xw.staff'],
      );
      assert.deepEqual(detail.actions, []);
      const audit = await t.handle.db
        .selectFrom('audit_event')
        .select('action')
        .where('object_type', '=', 'vehicle_alarm')
        .where('object_id', '=', String(ids.sos))
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['vehicle.alarm.acknowledge', 'vehicle.alarm.handle', 'vehicle.alarm.close'],
      );
    });

    test('reading needs vehicle.read; handling needs vehicle.alarm.handle', async () => {
      const detail = (await t.as(viewer, 'GET', `/api/vehicles/alarms/${ids.fatigue}`)).json();
      assert.deepEqual(detail.actions, []);
      assert.deepEqual((await t.as(handler, 'GET', `/api/vehicles/alarms/${ids.fatigue}`)).json().actions, [
        'acknowledge',
        'handle',
        'close',
      ]);
      const denied = await t.as(viewer, 'POST', `/api/vehicles/alarms/${ids.fatigue}/acknowledge`, {});
      assert.equal(denied.statusCode, 403);
    });

    test("another county's alarms are not found, for reading and for handling", async () => {
      assert.equal((await t.as(handler, 'GET', `/api/vehicles/alarms/${ids.foreign}`)).statusCode, 404);
      const act = await t.as(handler, 'POST', `/api/vehicles/alarms/${ids.foreign}/close`, { note: '越权' });
      assert.equal(act.statusCode, 404);
      assert.equal((await t.as(otherCounty, 'GET', '/api/vehicles/alarms')).json().total, 1);
    });

    test("a vehicle's own speed limit overrides its type's, with audit", async () => {
      const get = (await t.as(viewer, 'GET', `/api/vehicles/${ids.xw}/alarm-setting`)).json();
      assert.deepEqual(get, { vehicleId: ids.xw, speedLimit: null, effectiveSpeedLimit: 100 });
      const put = await t.as(city, 'PUT', `/api/vehicles/${ids.xw}/alarm-setting`, { speedLimit: 80 });
      assert.equal(put.statusCode, 200, put.body);
      assert.equal(put.json().effectiveSpeedLimit, 80);
      const foreign = await t.as(handler, 'PUT', `/api/vehicles/${ids.gl}/alarm-setting`, { speedLimit: 80 });
      assert.ok([403, 404].includes(foreign.statusCode));
    });
  });
}
