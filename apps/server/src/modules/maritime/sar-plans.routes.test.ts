import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';

const INPUT = {
  lkp: { lat: 30.6, lon: 122.9 },
  lkpAt: '2026-11-27T00:00:00Z',
  datumAt: '2026-11-27T00:50:00Z',
  searchObject: 'raft4to6Drogue',
  wind: { speedKn: 15, fromDeg: 45 },
  seaCurrent: { speedKn: 0.8, towardsDeg: 200 },
  errors: { x: 2, y: 0.5 },
  pattern: { type: 'expandingSquare', orientationDeg: 45, trackSpacingNm: 1, legs: 8 },
};

for (const kind of DB_KINDS) {
  describe(`search plans on ${kind}`, () => {
    let t: TestApp;
    let zj: Session;
    let sh: Session;
    let zjStaff: Session;
    let incidentId: number;
    let planId: number;
    before(async () => {
      t = await startTestApp(kind);
      await t.createUser('zj.duty', '330000', ['sarDutyOfficer']);
      await t.createUser('sh.duty', '310000', ['sarDutyOfficer']);
      await t.createUser('zj.staff', '330000', ['staff']);
      zj = await t.login('zj.duty');
      sh = await t.login('sh.duty');
      zjStaff = await t.login('zj.staff');
      const opened = await t.as(zj, 'POST', '/api/maritime/incidents', {
        source: 'vhf',
        position: INPUT.lkp,
        alertAt: '2026-11-27T00:00:00Z',
        nature: 'manOverboard',
      });
      incidentId = opened.json().id;
    });
    after(() => t.close());

    test('compute without saving answers the result and its GeoJSON', async () => {
      const r = await t.as(zjStaff, 'POST', '/api/maritime/planning/compute', INPUT);
      assert.equal(r.statusCode, 200, r.body);
      const { result, geojson } = r.json();
      // 50 min of drift: 0.8 kn current + (0.018 × 15 + 0.027) kn leeway, at most ≈ 0.91 NM.
      assert.ok(result.datums.downwind.driftNm > 0.5 && result.datums.downwind.driftNm < 0.95);
      assert.equal(result.pattern.waypoints.length, 9);
      assert.equal(geojson.type, 'FeatureCollection');
      const bad = await t.as(zjStaff, 'POST', '/api/maritime/planning/compute', {
        ...INPUT,
        datumAt: '2026-11-26T23:00:00Z',
      });
      assert.equal(bad.statusCode, 400);
      const missing = await t.as(zjStaff, 'POST', '/api/maritime/planning/compute', {
        ...INPUT,
        pattern: { type: 'sector', orientationDeg: 0 },
      });
      assert.equal(missing.statusCode, 400);
      const objects = (await t.as(zjStaff, 'GET', '/api/maritime/planning/leeway-objects')).json();
      assert.deepEqual(objects[0], {
        type: 'personInWater',
        a: 0.011,
        b: 0.068,
        divergenceDeg: 30,
        zh: '落水人员',
        en: 'Person in water',
      });
    });

    test('plans are saved as versions, with who and when, and on the timeline', async () => {
      const first = await t.as(zj, 'POST', `/api/maritime/incidents/${incidentId}/plans`, {
        name: '初始方案',
        input: INPUT,
      });
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual([first.json().version, first.json().createdBy], [1, 'zj.duty']);
      t.clock.advance(10 * 60_000);
      const second = await t.as(zj, 'POST', `/api/maritime/incidents/${incidentId}/plans`, {
        input: {
          ...INPUT,
          datumAt: '2026-11-27T01:50:00Z',
          pattern: { type: 'sector', orientationDeg: 0, radiusNm: 2 },
        },
      });
      planId = second.json().id;
      assert.equal(second.json().version, 2);
      const list = (await t.as(zjStaff, 'GET', `/api/maritime/incidents/${incidentId}/plans`)).json();
      assert.deepEqual(
        list.items.map((p: { version: number; patternType: string }) => [p.version, p.patternType]),
        [
          [2, 'sector'],
          [1, 'expandingSquare'],
        ],
      );
      const one = (
        await t.as(zjStaff, 'GET', `/api/maritime/incidents/${incidentId}/plans/${planId}`)
      ).json();
      assert.equal(one.result.pattern.waypoints.length, 10);
      assert.equal(one.input.datumAt, '2026-11-27T01:50:00Z');
      const detail = (await t.as(zjStaff, 'GET', `/api/maritime/incidents/${incidentId}`)).json();
      assert.equal(detail.latestPlanId, planId);
      const timeline = (await t.as(zjStaff, 'GET', `/api/maritime/incidents/${incidentId}/timeline`)).json();
      assert.deepEqual(
        timeline.items
          .filter((e: { kind: string }) => e.kind === 'planSaved')
          .map((e: { text: string }) => e.text),
        ['初始方案', 'v2'],
      );
      const audits = await t.handle.db
        .selectFrom('audit_event')
        .select('action')
        .where('action', '=', 'maritime.plan.save')
        .execute();
      assert.equal(audits.length, 2);
    });

    test('a saved plan exports as a GeoJSON file', async () => {
      const r = await t.as(zjStaff, 'GET', `/api/maritime/incidents/${incidentId}/plans/${planId}/geojson`);
      assert.equal(r.statusCode, 200, r.body);
      assert.match(String(r.headers['content-type']), /^application\/geo\+json/);
      assert.match(String(r.headers['content-disposition']), /plan-v2\.geojson/);
      const fc = JSON.parse(r.body);
      assert.equal(fc.type, 'FeatureCollection');
      assert.deepEqual(fc.features[0].geometry.coordinates, [122.9, 30.6]);
      assert.equal(fc.features[0].properties.version, 2);
      assert.equal(
        fc.features.filter((f: { properties: { role: string } }) => f.properties.role === 'waypoint').length,
        10,
      );
    });

    test('saving needs maritime.manage, an incident in your jurisdiction, and one not closed', async () => {
      assert.equal(
        (await t.as(zjStaff, 'POST', `/api/maritime/incidents/${incidentId}/plans`, { input: INPUT }))
          .statusCode,
        403,
      );
      for (const path of ['/plans', `/plans/${planId}`, `/plans/${planId}/geojson`]) {
        assert.equal(
          (await t.as(sh, 'GET', `/api/maritime/incidents/${incidentId}${path}`)).statusCode,
          404,
          path,
        );
      }
      assert.equal(
        (await t.as(sh, 'POST', `/api/maritime/incidents/${incidentId}/plans`, { input: INPUT })).statusCode,
        404,
      );
      assert.equal(
        (await t.as(zj, 'GET', `/api/maritime/incidents/${incidentId}/plans/999999`)).statusCode,
        404,
      );
      await t.as(zj, 'POST', `/api/maritime/incidents/${incidentId}/close`, { outcome: 'found' });
      assert.equal(
        (await t.as(zj, 'POST', `/api/maritime/incidents/${incidentId}/plans`, { input: INPUT })).statusCode,
        400,
      );
    });
  });
}
