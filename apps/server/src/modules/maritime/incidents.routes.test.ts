import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
/** 1' of latitude on the sphere of geo.ts: R·π/10800 = 3440.069·π/10800 NM. */
const ARC_MINUTE_NM = ((6_371_008.8 / 1852) * Math.PI) / 10_800;

/** Replays fixtures/east-china-sea.nmea (see make-east-china-sea.ts) into the live picture. */
export async function replayEastChinaSea(t: TestApp, admin: Session): Promise<void> {
  const created = await t.as(admin, 'POST', '/api/maritime/feeds', {
    name: '东海演示回放',
    kind: 'file',
    address: 'east-china-sea.nmea',
    enabled: true,
  });
  assert.equal(created.statusCode, 200, created.body);
  let state = 'replaying';
  while (state === 'replaying') {
    await sleep(5);
    state = (await t.as(admin, 'GET', '/api/maritime/feeds')).json().items[0].stats.state;
  }
}

for (const kind of DB_KINDS) {
  describe(`distress incidents on ${kind}`, () => {
    let t: TestApp;
    let zj: Session;
    let sh: Session;
    let zjStaff: Session;
    let zjOrg: number;
    const res = {} as Record<'base' | 'boat' | 'heli' | 'spare' | 'foreign', number>;
    let incidentId: number;
    before(async () => {
      t = await startTestApp(kind, { JTGOV_AIS_REPLAY_DIR: FIXTURES });
      await t.createUser('mot.admin', 'MOT', ['systemAdmin']);
      await t.createUser('zj.duty', '330000', ['sarDutyOfficer']);
      await t.createUser('sh.duty', '310000', ['sarDutyOfficer']);
      await t.createUser('zj.staff', '330000', ['staff']);
      zj = await t.login('zj.duty');
      sh = await t.login('sh.duty');
      zjStaff = await t.login('zj.staff');
      zjOrg = await t.orgId('330000');
      await replayEastChinaSea(t, await t.login('mot.admin'));
      const add = async (who: Session, body: object) => {
        const r = await t.as(who, 'POST', '/api/maritime/resources', body);
        assert.equal(r.statusCode, 200, r.body);
        return r.json().id as number;
      };
      // Zhoushan (舟山) at 30.0°N 122.1°E: 36' north and 48' east of it lies the distress.
      res.base = await add(zj, {
        kind: 'base',
        name: '舟山救助基地',
        home: { lat: 30.0, lon: 122.1 },
        orgUnitId: zjOrg,
      });
      res.boat = await add(zj, {
        kind: 'rescueVessel',
        name: '东海救117',
        baseId: res.base,
        home: { lat: 30.0, lon: 122.1 },
        speedKn: 20,
        orgUnitId: zjOrg,
      });
      res.heli = await add(zj, {
        kind: 'helicopter',
        name: 'B-7328',
        home: { lat: 30.6, lon: 122.4 },
        speedKn: 120,
        orgUnitId: zjOrg,
      });
      res.spare = await add(zj, {
        kind: 'rescueVessel',
        name: '东海救118',
        home: { lat: 30.6, lon: 122.8 },
        orgUnitId: zjOrg,
      });
      res.foreign = await add(sh, {
        kind: 'rescueVessel',
        name: '东海救101',
        home: { lat: 30.6, lon: 122.85 },
        speedKn: 18,
        orgUnitId: await t.orgId('310000'),
      });
      await t.as(zj, 'POST', `/api/maritime/resources/${res.spare}/state`, { state: 'maintenance' });
      for (const [mmsi, name, contacts] of [
        [
          412000001,
          '浙岱渔01234',
          {
            owner: { name: '岱山县渔业合作社', phone: '0580-0000001', email: null },
            operator: null,
            emergency: { name: '张船长', phone: '13900000001', email: null },
          },
        ],
        [
          413000001,
          '东方海星',
          {
            owner: null,
            operator: null,
            emergency: { name: '值班驾驶台', phone: '13900000002', email: null },
          },
        ],
        [
          413000003,
          '华海9',
          { owner: null, operator: null, emergency: { name: '华海船务', phone: '13900000003', email: null } },
        ],
      ] as const) {
        const r = await t.as(zj, 'POST', '/api/maritime/registry', {
          mmsi,
          name,
          orgUnitId: zjOrg,
          contacts,
        });
        assert.equal(r.statusCode, 200, r.body);
      }
    });
    after(() => t.close());

    const alertAt = () => new Date(t.clock.now().getTime() - 10 * 60_000).toISOString();

    test('an alert opens an incident showing the distressed vessel without its contacts', async () => {
      const r = await t.as(zj, 'POST', '/api/maritime/incidents', {
        source: 'dsc',
        position: { lat: 30.6, lon: 122.9 },
        alertAt: alertAt(),
        mmsi: 412000001,
        personsOnBoard: 8,
        nature: 'flooding',
        description: '机舱进水',
      });
      assert.equal(r.statusCode, 200, r.body);
      const d = r.json();
      incidentId = d.id;
      assert.equal(d.state, 'open');
      assert.equal(d.code, `SAR-2026-${String(d.id).padStart(5, '0')}`);
      assert.equal(d.vesselName, '浙岱渔01234');
      assert.equal(d.orgName, '浙江省交通运输厅');
      assert.equal(d.radiusNm, 20);
      assert.equal(d.distressedVessel.live.static.name, 'ZHE DAI YU 01234');
      assert.equal(d.distressedVessel.registry.hasContacts, true);
      assert.deepEqual(d.actions, ['activate', 'close', 'cancel']);
      assert.ok(!r.body.includes('张船长'));
    });

    test('an alert from the future, an unknown MMSI and a foreign org unit are refused', async () => {
      const base = { source: 'phone', position: { lat: 30, lon: 122 }, nature: 'medical' };
      const future = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
      assert.equal(
        (await t.as(zj, 'POST', '/api/maritime/incidents', { ...base, alertAt: future })).statusCode,
        400,
      );
      assert.equal(
        (await t.as(zj, 'POST', '/api/maritime/incidents', { ...base, alertAt: alertAt(), mmsi: 100000000 }))
          .statusCode,
        400,
      );
      const foreign = await t.as(zj, 'POST', '/api/maritime/incidents', {
        ...base,
        alertAt: alertAt(),
        orgUnitId: await t.orgId('310000'),
      });
      assert.equal(foreign.json().error.code, 'out_of_jurisdiction');
      assert.equal(
        (await t.as(zjStaff, 'POST', '/api/maritime/incidents', { ...base, alertAt: alertAt() })).statusCode,
        403,
      );
    });

    test('ships within 20 NM, nearest first, with bearing and ETA at their speed; the distressed one left out', async () => {
      const r = await t.as(zjStaff, 'GET', `/api/maritime/incidents/${incidentId}/nearby`);
      assert.equal(r.statusCode, 200, r.body);
      const items = r.json().items;
      assert.deepEqual(
        items.map((n: { vessel: { mmsi: number } }) => n.vessel.mmsi),
        [413000001, 413000004, 412000002],
      );
      const [north, , east] = items;
      // 5' of latitude due north at 12 kn.
      assert.ok(Math.abs(north.distanceNm - 5 * ARC_MINUTE_NM) < 1e-3, String(north.distanceNm));
      assert.ok(Math.abs(north.bearingDeg - 0) < 1e-6);
      assert.ok(Math.abs(north.etaMinutes - ((5 * ARC_MINUTE_NM) / 12) * 60) < 1e-2);
      assert.deepEqual(north.registry, { id: north.registry.id, name: '东方海星', hasContacts: true });
      // Stopped: no ETA; 12 NM east (along the parallel, the great circle bears just under 090°).
      assert.equal(east.etaMinutes, null);
      assert.ok(Math.abs(east.distanceNm - 12) < 0.05, String(east.distanceNm));
      assert.ok(east.bearingDeg > 89.8 && east.bearingDeg < 90, String(east.bearingDeg));
      assert.ok(!r.body.includes('13900000002'));
      const wide = (
        await t.as(zjStaff, 'GET', `/api/maritime/incidents/${incidentId}/nearby?radiusNm=36`)
      ).json();
      assert.equal(wide.items.at(-1).vessel.mmsi, 413000003);
      assert.ok(Math.abs(wide.items.at(-1).distanceNm - 35.3) < 0.5);
    });

    test('nearest SAR resources of the jurisdiction with ETA at transit speed', async () => {
      const r = await t.as(zjStaff, 'GET', `/api/maritime/incidents/${incidentId}/resources`);
      assert.equal(r.statusCode, 200, r.body);
      const items = r.json().items as {
        resource: { id: number };
        distanceNm: number;
        etaMinutes: number | null;
      }[];
      assert.deepEqual(
        items.map((i) => i.resource.id),
        [res.spare, res.heli, res.base, res.boat],
      );
      const heli = items[1]!;
      // 30' of longitude at 30.6°N ≈ 25.8 NM; at 120 kn ≈ 12.9 min.
      assert.ok(Math.abs(heli.distanceNm - 25.82) < 0.05, String(heli.distanceNm));
      assert.ok(Math.abs((heli.etaMinutes as number) - (heli.distanceNm / 120) * 60) < 1e-9);
      assert.equal(items[0]!.etaMinutes, null, 'no transit speed, no ETA');
      const available = (
        await t.as(zjStaff, 'GET', `/api/maritime/incidents/${incidentId}/resources?state=available`)
      ).json();
      assert.deepEqual(
        available.items.map((i: { resource: { id: number } }) => i.resource.id),
        [res.heli, res.base, res.boat],
      );
    });

    test('a rescue vessel carrying an MMSI is where AIS heard it, when that is fresher than its record', async () => {
      // Recorded at its berth in Shanghai; AIS hears its MMSI 5 NM north of the distress, at 12 kn.
      const created = await t.as(zj, 'POST', '/api/maritime/resources', {
        kind: 'rescueVessel',
        name: '东海救119',
        mmsi: 413000001,
        home: { lat: 31.23, lon: 121.5 },
        position: { lat: 31.23, lon: 121.5 },
        speedKn: 15,
        orgUnitId: zjOrg,
      });
      assert.equal(created.statusCode, 200, created.body);
      const id = created.json().id as number;
      type Item = {
        resource: { id: number; position: { lat: number; lon: number; source: string } };
        distanceNm: number;
        etaMinutes: number | null;
      };
      const nearest = async () =>
        (await t.as(zjStaff, 'GET', `/api/maritime/incidents/${incidentId}/resources`)).json()
          .items as Item[];
      // The replay ran before the record was made: the record stands.
      let items = await nearest();
      const recorded = items.find((i) => i.resource.id === id)!;
      assert.equal(recorded.resource.position.source, 'reported');

      // The ship reports again after the record: the live position wins, in the order too.
      t.clock.advance(60_000);
      const admin = await t.login('mot.admin');
      const feed = (await t.as(admin, 'GET', '/api/maritime/feeds')).json().items[0];
      await t.as(admin, 'POST', `/api/maritime/feeds/${feed.id}/disable`);
      await t.as(admin, 'POST', `/api/maritime/feeds/${feed.id}/enable`);
      let state = 'replaying';
      while (state === 'replaying') {
        await sleep(5);
        state = (await t.as(admin, 'GET', '/api/maritime/feeds')).json().items[0].stats.state;
      }
      items = await nearest();
      assert.equal(items[0]!.resource.id, id, JSON.stringify(items.map((i) => i.resource.id)));
      assert.equal(items[0]!.resource.position.source, 'ais');
      assert.ok(Math.abs(items[0]!.resource.position.lat - (30.6 + 5 / 60)) < 1e-4);
      assert.ok(Math.abs(items[0]!.distanceNm - 5) < 0.05, String(items[0]!.distanceNm));
      assert.ok(Math.abs((items[0]!.etaMinutes as number) - (items[0]!.distanceNm / 15) * 60) < 1e-9);

      // A position reported by hand after that wins again.
      t.clock.advance(60_000);
      const patched = await t.as(zj, 'PATCH', `/api/maritime/resources/${id}`, {
        position: { lat: 31.23, lon: 121.5 },
      });
      assert.equal(patched.statusCode, 200, patched.body);
      items = await nearest();
      const back = items.find((i) => i.resource.id === id)!;
      assert.equal(back.resource.position.source, 'reported');
      assert.ok(back.distanceNm > 80, String(back.distanceNm));
      assert.notEqual(items[0]!.resource.id, id);
      await t.as(zj, 'POST', `/api/maritime/resources/${id}/state`, { state: 'offDuty' });
    });

    test('tasking: only available units of your jurisdiction; an open incident becomes active', async () => {
      const task = (resourceId: number, who = zj) =>
        t.as(who, 'POST', `/api/maritime/incidents/${incidentId}/task`, { resourceId, note: '立即出动' });
      const r = await task(res.boat);
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().state, 'active');
      assert.equal(r.json().taskings[0].resourceName, '东海救117');
      const boat = (await t.as(zj, 'GET', `/api/maritime/resources/${res.boat}`)).json();
      assert.deepEqual([boat.state, boat.incidentId], ['tasked', incidentId]);
      assert.equal((await task(res.boat)).statusCode, 409, 'already tasked');
      assert.equal((await task(res.spare)).statusCode, 409, 'in maintenance');
      assert.equal((await task(res.base)).statusCode, 400, 'a base');
      assert.equal((await task(res.foreign)).statusCode, 404, 'another province');
      const manual = await t.as(zj, 'POST', `/api/maritime/resources/${res.boat}/state`, {
        state: 'offDuty',
      });
      assert.equal(manual.statusCode, 409, 'a tasked unit is released through its incident');
    });

    test('closing is refused while a resource is tasked; release, then close with the outcome', async () => {
      const detail = (await t.as(zj, 'GET', `/api/maritime/incidents/${incidentId}`)).json();
      assert.deepEqual(detail.actions, []);
      const refused = await t.as(zj, 'POST', `/api/maritime/incidents/${incidentId}/close`, {
        outcome: 'rescued',
      });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().error.details.reason, 'resources_tasked');
      assert.equal(
        (await t.as(zj, 'POST', `/api/maritime/incidents/${incidentId}/cancel`, {})).statusCode,
        409,
      );
      assert.equal(
        (await t.as(zj, 'POST', `/api/maritime/incidents/${incidentId}/activate`, {})).statusCode,
        409,
      );
      const log = await t.as(zj, 'POST', `/api/maritime/incidents/${incidentId}/log`, {
        text: '东海救117抵达现场，8人全部获救',
      });
      assert.equal(log.statusCode, 200);
      const released = await t.as(zj, 'POST', `/api/maritime/incidents/${incidentId}/release`, {
        resourceId: res.boat,
      });
      assert.equal(released.statusCode, 200, released.body);
      assert.deepEqual(released.json().actions, ['close', 'cancel']);
      assert.equal((await t.as(zj, 'GET', `/api/maritime/resources/${res.boat}`)).json().state, 'available');
      const closed = await t.as(zj, 'POST', `/api/maritime/incidents/${incidentId}/close`, {
        outcome: 'rescued',
        note: '全部获救',
      });
      assert.equal(closed.statusCode, 200, closed.body);
      const c = closed.json();
      assert.deepEqual(
        [c.state, c.outcome, c.closedBy, c.closedAt],
        ['closed', 'rescued', 'zj.duty', t.clock.now().toISOString()],
      );
      assert.deepEqual(c.actions, []);
      assert.equal(
        (await t.as(zj, 'POST', `/api/maritime/incidents/${incidentId}/log`, { text: 'x' })).statusCode,
        400,
      );
      assert.equal(
        (await t.as(zj, 'POST', `/api/maritime/incidents/${incidentId}/task`, { resourceId: res.heli }))
          .statusCode,
        400,
      );
      assert.equal(
        (await t.as(zj, 'PATCH', `/api/maritime/incidents/${incidentId}`, { personsOnBoard: 9 })).statusCode,
        400,
      );
    });

    test('the timeline says who did what, in order', async () => {
      const r = await t.as(zjStaff, 'GET', `/api/maritime/incidents/${incidentId}/timeline`);
      assert.deepEqual(
        r
          .json()
          .items.map(
            (e: {
              kind: string;
              fromState: string | null;
              toState: string | null;
              resourceName: string | null;
              actorUsername: string;
            }) => [e.kind, e.fromState, e.toState, e.resourceName, e.actorUsername],
          ),
        [
          ['opened', null, 'open', null, 'zj.duty'],
          ['resourceTasked', null, null, '东海救117', 'zj.duty'],
          ['stateChanged', 'open', 'active', null, 'zj.duty'],
          ['log', null, null, null, 'zj.duty'],
          ['resourceReleased', null, null, '东海救117', 'zj.duty'],
          ['stateChanged', 'active', 'closed', null, 'zj.duty'],
        ],
      );
      const audits = await t.handle.db
        .selectFrom('audit_event')
        .select('action')
        .where('object_type', '=', 'sar_incident')
        .where('object_id', '=', String(incidentId))
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audits.map((a) => a.action),
        [
          'maritime.incident.open',
          'maritime.incident.activate',
          'maritime.incident.log',
          'maritime.incident.close',
        ],
      );
    });

    test('cancel closes a false alarm; patch corrects the alert', async () => {
      const opened = await t.as(zj, 'POST', '/api/maritime/incidents', {
        source: 'epirb',
        position: { lat: 29.5, lon: 123.2 },
        alertAt: alertAt(),
        nature: 'undesignated',
      });
      const id = opened.json().id;
      const patched = await t.as(zj, 'PATCH', `/api/maritime/incidents/${id}`, {
        personsOnBoard: 3,
        radiusNm: 30,
      });
      assert.deepEqual([patched.json().personsOnBoard, patched.json().radiusNm], [3, 30]);
      const active = await t.as(zj, 'POST', `/api/maritime/incidents/${id}/activate`, { note: '核实中' });
      assert.deepEqual([active.json().state, active.json().actions], ['active', ['close', 'cancel']]);
      const cancelled = await t.as(zj, 'POST', `/api/maritime/incidents/${id}/cancel`, {
        note: 'EPIRB误触发',
      });
      assert.deepEqual([cancelled.json().state, cancelled.json().outcome], ['closed', 'falseAlarm']);
      const list = (q: string) => t.as(zjStaff, 'GET', `/api/maritime/incidents?${q}`);
      assert.deepEqual(
        (await list('outcome=falseAlarm')).json().items.map((i: { id: number }) => i.id),
        [id],
      );
      assert.equal((await list('source=dsc')).json().total, 1);
      assert.equal((await list('mmsi=412000001')).json().total, 1);
      assert.equal((await list('state=open')).json().total, 0);
      assert.equal((await list(`q=SAR-2026-${String(id).padStart(5, '0')}`)).json().total, 1);
      assert.equal((await list('')).json().total, 2);
    });

    test('contacts through the incident: the distressed and nearby ships only, each read audited', async () => {
      const url = (mmsi: number) => `/api/maritime/incidents/${incidentId}/vessels/${mmsi}/contacts`;
      const reads = async () =>
        (
          await t.handle.db
            .selectFrom('audit_event')
            .select('after')
            .where('action', '=', 'maritime.registry.contacts.read')
            .execute()
        ).length;
      assert.equal((await t.as(zjStaff, 'GET', url(412000001))).statusCode, 403);
      const before = await reads();
      const distressed = await t.as(zj, 'GET', url(412000001));
      assert.equal(distressed.statusCode, 200, distressed.body);
      assert.equal(distressed.json().contacts.emergency.phone, '13900000001');
      assert.equal((await t.as(zj, 'GET', url(413000001))).json().contacts.emergency.name, '值班驾驶台');
      assert.equal(await reads(), before + 2);
      assert.equal((await t.as(zj, 'GET', url(413000003))).statusCode, 403, '35 NM away: not involved');
      assert.equal((await t.as(zj, 'GET', url(412000002))).statusCode, 404, 'nearby but not registered');
      assert.equal(await reads(), before + 2);
      const last = await t.handle.db
        .selectFrom('audit_event')
        .select(['after', 'org_path', 'actor_username'])
        .where('action', '=', 'maritime.registry.contacts.read')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      assert.deepEqual(last.after, { mmsi: 413000001, incidentId });
      assert.equal(last.actor_username, 'zj.duty');
    });

    test('another province sees nothing of the incident', async () => {
      for (const path of ['', '/nearby', '/resources', '/timeline', '/vessels/412000001/contacts']) {
        assert.equal(
          (await t.as(sh, 'GET', `/api/maritime/incidents/${incidentId}${path}`)).statusCode,
          404,
          path,
        );
      }
      assert.equal((await t.as(sh, 'GET', '/api/maritime/incidents')).json().total, 0);
      assert.equal(
        (await t.as(sh, 'POST', `/api/maritime/incidents/${incidentId}/log`, { text: '越权' })).statusCode,
        404,
      );
    });

    test('an alert without a vessel keeps its MMSI empty when the client sends null', async () => {
      const r = await t.as(zj, 'POST', '/api/maritime/incidents', {
        source: 'phone',
        position: { lat: 30, lon: 122 },
        nature: 'medical',
        alertAt: alertAt(),
        mmsi: null,
      });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().mmsi, null);
      const read = await t.as(zj, 'GET', `/api/maritime/incidents/${r.json().id}`);
      assert.equal(read.json().mmsi, null);
      const cancelled = await t.as(zj, 'POST', `/api/maritime/incidents/${r.json().id}/cancel`, {
        note: '测试',
      });
      assert.equal(cancelled.statusCode, 200, cancelled.body);
    });
  });
}
