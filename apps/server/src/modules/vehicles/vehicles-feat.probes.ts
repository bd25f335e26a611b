// Probes for apps/server/src/jurisdiction.test.ts of the superior's forwarded-report lists and the
// road-class zones: a county user holding every permission against a sibling county's objects,
// seeded straight into the database so that no write is audited as the prober's.
import assert from 'node:assert/strict';
import type { Session, TestApp } from '../../../test/harness.ts';

interface ProbeWorld {
  t: TestApp;
  county: Session;
  foreign: { orgId: number; vehicleId: number };
}

/** Text only the foreign county's objects carry. */
const MARKERS = ['苏A鼓楼01', '鼓楼超速', '鼓楼国道'];

const seeded = new WeakMap<TestApp, Promise<void>>();

/** A subordinate link whose forwarded alarm and registration name the foreign county's vehicle. */
function seedForwarded(w: ProbeWorld): Promise<void> {
  let done = seeded.get(w.t);
  if (!done) {
    done = (async () => {
      const db = w.t.handle.db;
      const now = w.t.clock.now();
      const link = await db
        .insertInto('platform_link')
        .values({
          name: '下级平台探针',
          direction: 'subordinate',
          org_unit_id: w.foreign.orgId,
          host: null,
          port: null,
          down_link_host: null,
          down_link_port: null,
          gnss_center_id: 32010601,
          user_id: 1,
          password_sealed: 'x',
          edition: '2019',
          encrypt: false,
          m1: 0,
          ia1: 0,
          ic1: 0,
          enabled: false,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('vehicle_forwarded_alarm')
        .values({
          link_id: link.id,
          vehicle_id: w.foreign.vehicleId,
          warn_type: 1,
          warn_source: null,
          source_platform_id: '32010600001',
          warn_time: now,
          start_time: now,
          end_time: null,
          info: '鼓楼超速',
          received_at: now,
        })
        .execute();
      await db
        .insertInto('vehicle_forwarded_registration')
        .values({
          vehicle_id: w.foreign.vehicleId,
          link_id: link.id,
          platform_id: '32010600001',
          producer_id: 'JTGOV',
          terminal_model: 'SIM-1',
          imei: null,
          terminal_id: 'T0106',
          sim_code: '13900000106',
          received_at: now,
        })
        .execute();
    })();
    seeded.set(w.t, done);
  }
  return done;
}

const zones = new WeakMap<TestApp, Promise<number>>();

/** A 国道 zone managed by the foreign county. */
function foreignZone(w: ProbeWorld): Promise<number> {
  let id = zones.get(w.t);
  if (!id) {
    const now = w.t.clock.now();
    id = w.t.handle.db
      .insertInto('vehicle_speed_zone')
      .values({
        org_unit_id: w.foreign.orgId,
        name: '鼓楼国道',
        road_class: 'nationalRoad',
        shape: 'corridor',
        coordinates: JSON.stringify([
          [118.76, 32.07],
          [118.78, 32.07],
        ]),
        width_m: 40,
        speed_limits: JSON.stringify({ heavyFreight: 70 }),
        enabled: true,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.id));
    zones.set(w.t, id);
  }
  return id;
}

async function expectRefused(w: ProbeWorld, method: string, url: string, body?: unknown): Promise<void> {
  const res = await w.t.as(w.county, method, url, body);
  assert.ok([403, 404].includes(res.statusCode), `${method} ${url} answered ${res.statusCode}: ${res.body}`);
}

async function expectNothingForeign(w: ProbeWorld, url: string): Promise<void> {
  const res = await w.t.as(w.county, 'GET', url);
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  for (const marker of MARKERS) assert.ok(!res.body.includes(marker), `${url} leaks ${marker}`);
  assert.equal(res.json().total, 0, `${url}: ${res.body}`);
}

/** The subordinate link seeded with the forwarded reports: instance-wide, so no county sees it. */
async function probeLinkId(w: ProbeWorld): Promise<number> {
  await seedForwarded(w);
  const link = await w.t.handle.db
    .selectFrom('platform_link')
    .select('id')
    .where('name', '=', '下级平台探针')
    .executeTakeFirstOrThrow();
  return Number(link.id);
}

export const VEHICLE_FEATURE_PROBES: Record<string, (w: ProbeWorld) => Promise<void>> = {
  'GET /api/vehicles/platform-links/{id}/traffic': async (w) =>
    expectRefused(w, 'GET', `/api/vehicles/platform-links/${await probeLinkId(w)}/traffic`),
  'GET /api/vehicles/platform-links/{id}/reports': async (w) =>
    expectRefused(w, 'GET', `/api/vehicles/platform-links/${await probeLinkId(w)}/reports`),
  'POST /api/vehicles/platform-links/{id}/reports': async (w) => {
    await expectRefused(w, 'POST', `/api/vehicles/platform-links/${await probeLinkId(w)}/reports`, {
      startTime: '2026-11-01T00:00:00Z',
      endTime: '2026-11-01T01:00:00Z',
    });
    const stored = await w.t.handle.db.selectFrom('platform_link_report').select('id').execute();
    assert.equal(stored.length, 0);
  },
  'GET /api/vehicles/forwarded/alarms': async (w) => {
    await seedForwarded(w);
    await expectNothingForeign(w, '/api/vehicles/forwarded/alarms?pageSize=200');
    await expectNothingForeign(w, `/api/vehicles/forwarded/alarms?plate=${encodeURIComponent('苏A鼓楼')}`);
  },
  'GET /api/vehicles/forwarded/registrations': async (w) => {
    await seedForwarded(w);
    await expectNothingForeign(w, '/api/vehicles/forwarded/registrations?pageSize=200');
  },
  'GET /api/vehicles/speed-zones': async (w) => {
    await foreignZone(w);
    await expectNothingForeign(w, '/api/vehicles/speed-zones?pageSize=200');
  },
  'GET /api/vehicles/speed-zones/{id}': async (w) =>
    expectRefused(w, 'GET', `/api/vehicles/speed-zones/${await foreignZone(w)}`),
  'POST /api/vehicles/speed-zones': (w) =>
    expectRefused(w, 'POST', '/api/vehicles/speed-zones', {
      orgUnitId: w.foreign.orgId,
      name: '越权路段',
      roadClass: 'expressway',
      shape: 'polygon',
      coordinates: [
        [118.7, 32],
        [118.8, 32],
        [118.8, 32.1],
      ],
      speedLimits: { heavyFreight: 60 },
    }),
  'PATCH /api/vehicles/speed-zones/{id}': async (w) =>
    expectRefused(w, 'PATCH', `/api/vehicles/speed-zones/${await foreignZone(w)}`, { name: '越权' }),
  'DELETE /api/vehicles/speed-zones/{id}': async (w) => {
    const id = await foreignZone(w);
    await expectRefused(w, 'DELETE', `/api/vehicles/speed-zones/${id}`);
    const still = await w.t.handle.db
      .selectFrom('vehicle_speed_zone')
      .select('name')
      .where('id', '=', id)
      .executeTakeFirst();
    assert.equal(still?.name, '鼓楼国道');
  },
};
