// The superior's lists of what subordinate platforms forwarded over JT/T 809: scoped to the
// caller's jurisdiction, filtered, paginated.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';

for (const kind of DB_KINDS) {
  describe(`forwarded JT/T 809 reports on ${kind}`, () => {
    let t: TestApp;
    let province: Session;
    let county: Session;
    let nobody: Session;
    const links: Record<string, number> = {};

    before(async () => {
      t = await startTestApp(kind);
      await t.createUser('js.staff', '320000', ['staff']);
      await t.createUser('xw.staff', '320102', ['staff']);
      await t.createUser('xw.none', '320102', []);
      province = await t.login('js.staff');
      county = await t.login('xw.staff');
      nobody = await t.login('xw.none');
      const db = t.handle.db;
      const now = t.clock.now();
      const link = async (name: string, org: string, code: number) =>
        (
          await db
            .insertInto('platform_link')
            .values({
              name,
              direction: 'subordinate',
              org_unit_id: await t.orgId(org),
              host: null,
              port: null,
              down_link_host: null,
              down_link_port: null,
              gnss_center_id: code,
              user_id: code,
              password_sealed: 'x',
              edition: code % 2 ? '2011' : '2019',
              encrypt: false,
              m1: 0,
              ia1: 0,
              ic1: 0,
              enabled: false,
              created_at: now,
              updated_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      links.xw = await link('玄武企业平台', '320102', 1);
      links.gl = await link('鼓楼企业平台', '320106', 2);
      let n = 0;
      const vehicle = async (org: string, plate: string, linkId: number) =>
        (
          await db
            .insertInto('vehicle')
            .values({
              plate_no: plate,
              plate_color: 2,
              vehicle_type: 'heavyFreight',
              operator_name: '货运',
              org_unit_id: await t.orgId(org),
              terminal_phone: `1370000${String(++n).padStart(4, '0')}`,
              auth_code: 'x',
              status: 'active',
              forwarded_by: linkId,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      const xw1 = await vehicle('320102', '苏A10001', links.xw);
      const xw2 = await vehicle('320102', '苏B20002', links.xw);
      const gl = await vehicle('320106', '苏A30003', links.gl);
      const alarm = (linkId: number, vehicleId: number, warnType: number, at: string, info: string) =>
        db
          .insertInto('vehicle_forwarded_alarm')
          .values({
            link_id: linkId,
            vehicle_id: vehicleId,
            warn_type: warnType,
            warn_source: 1,
            source_platform_id: null,
            warn_time: new Date(at),
            start_time: null,
            end_time: null,
            info_id: ++n,
            info,
            received_at: now,
          })
          .execute();
      await alarm(links.xw, xw1, 1, '2026-11-20T08:00:00Z', '超速 1');
      await alarm(links.xw, xw1, 2, '2026-11-21T08:00:00Z', '疲劳 1');
      await alarm(links.xw, xw2, 1, '2026-11-22T08:00:00Z', '超速 2');
      await alarm(links.gl, gl, 1, '2026-11-23T08:00:00Z', '超速 鼓楼');
      const registration = (linkId: number, vehicleId: number, at: string) =>
        db
          .insertInto('vehicle_forwarded_registration')
          .values({
            vehicle_id: vehicleId,
            link_id: linkId,
            platform_id: '32000000001',
            producer_id: 'JTGOV',
            terminal_model: 'SIM-1',
            imei: null,
            terminal_id: `T${vehicleId}`,
            sim_code: '13700000000',
            received_at: new Date(at),
          })
          .execute();
      await registration(links.xw, xw1, '2026-11-20T00:00:00Z');
      await registration(links.xw, xw2, '2026-11-22T00:00:00Z');
      await registration(links.gl, gl, '2026-11-23T00:00:00Z');
    });
    after(() => t.close());

    const get = async (who: Session, url: string) => {
      const res = await t.as(who, 'GET', url);
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };

    test('alarms newest first, each with its platform and vehicle; a county sees only its own', async () => {
      const all = await get(province, '/api/vehicles/forwarded/alarms');
      assert.equal(all.total, 4);
      assert.deepEqual(
        all.items.map((a: { info: string }) => a.info),
        ['超速 鼓楼', '超速 2', '疲劳 1', '超速 1'],
      );
      const first = all.items[3];
      assert.equal(first.linkName, '玄武企业平台');
      assert.equal(first.plateNo, '苏A10001');
      assert.equal(first.warnTime, '2026-11-20T08:00:00.000Z');
      assert.equal(first.warnSource, 1);
      const own = await get(county, '/api/vehicles/forwarded/alarms');
      assert.equal(own.total, 3);
      assert.ok(own.items.every((a: { linkId: number }) => a.linkId === links.xw));
      // Naming the other county's link does not reach it.
      assert.equal((await get(county, `/api/vehicles/forwarded/alarms?linkId=${links.gl}`)).total, 0);
    });

    test('filters: platform, plate prefix, alarm type, time range; and pages', async () => {
      const q = async (query: string) =>
        (await get(province, `/api/vehicles/forwarded/alarms?${query}`)).items.map(
          (a: { info: string }) => a.info,
        );
      assert.deepEqual(await q(`linkId=${links.gl}`), ['超速 鼓楼']);
      assert.deepEqual(await q(`plate=${encodeURIComponent('苏A')}`), ['超速 鼓楼', '疲劳 1', '超速 1']);
      assert.deepEqual(await q(`plate=${encodeURIComponent('苏A%')}`), [], 'a LIKE wildcard is a character');
      assert.deepEqual(await q('warnType=2'), ['疲劳 1']);
      assert.deepEqual(await q('from=2026-11-21T00:00:00Z&to=2026-11-23T00:00:00Z'), ['超速 2', '疲劳 1']);
      const page2 = await get(province, '/api/vehicles/forwarded/alarms?page=2&pageSize=3');
      assert.deepEqual(
        [page2.total, page2.page, page2.items.map((a: { info: string }) => a.info)],
        [4, 2, ['超速 1']],
      );
      const bad = await t.as(
        province,
        'GET',
        '/api/vehicles/forwarded/alarms?from=2026-11-23T00:00:00Z&to=2026-11-21T00:00:00Z',
      );
      assert.equal(bad.statusCode, 400);
    });

    test('registrations: latest first, scoped and filtered', async () => {
      const all = await get(province, '/api/vehicles/forwarded/registrations');
      assert.deepEqual(
        all.items.map((r: { plateNo: string }) => r.plateNo),
        ['苏A30003', '苏B20002', '苏A10001'],
      );
      assert.equal(all.items[0].terminalModel, 'SIM-1');
      assert.equal(all.items[0].linkName, '鼓楼企业平台');
      const own = await get(
        county,
        `/api/vehicles/forwarded/registrations?plate=${encodeURIComponent('苏A')}`,
      );
      assert.deepEqual(
        own.items.map((r: { plateNo: string }) => r.plateNo),
        ['苏A10001'],
      );
      const since = await get(province, '/api/vehicles/forwarded/registrations?from=2026-11-21T00:00:00Z');
      assert.equal(since.total, 2);
    });

    test('a user without vehicle.read is refused', async () => {
      assert.equal((await t.as(nobody, 'GET', '/api/vehicles/forwarded/alarms')).statusCode, 403);
      assert.equal((await t.as(nobody, 'GET', '/api/vehicles/forwarded/registrations')).statusCode, 403);
    });
  });
}
