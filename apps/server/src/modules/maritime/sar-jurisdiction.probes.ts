// The SAR operations' probes for apps/server/src/jurisdiction.test.ts: a county user holding every
// permission against a sibling county's registry entry, resource, incident and plan. Seeded
// straight into the database, so that no write is audited as the prober's.
import assert from 'node:assert/strict';
import type { Session, TestApp } from '../../../test/harness.ts';

interface ProbeWorld {
  t: TestApp;
  county: Session;
  foreign: { orgId: number };
  ownOrgId: number;
}

interface SarObjects {
  registryId: number;
  ownRegistryId: number;
  resourceId: number;
  incidentId: number;
  ownIncidentId: number;
  planId: number;
}

const seeded = new WeakMap<TestApp, SarObjects>();
/** Text only the foreign county's SAR objects carry. */
const MARKERS = ['鼓楼号', '鼓楼救1', '鼓楼险情'];

export async function seedForeignSar(t: TestApp, foreignOrgId: number, ownOrgId: number): Promise<void> {
  const db = t.handle.db;
  const now = t.clock.now();
  const entry = (mmsi: number, name: string, org: number) =>
    db
      .insertInto('vessel_registry')
      .values({
        mmsi,
        mmsi_kind: 'ship',
        name,
        org_unit_id: org,
        emergency_name: '鼓楼联系人',
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const registry = await entry(412999106, '鼓楼号', foreignOrgId);
  const own = await entry(412999102, '玄武号', ownOrgId);
  const resource = await db
    .insertInto('sar_resource')
    .values({
      kind: 'rescueVessel',
      name: '鼓楼救1',
      home_lat: 32.06,
      home_lon: 118.78,
      speed_kn: 20,
      state: 'available',
      org_unit_id: foreignOrgId,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const incident = (org: number, description: string, mmsi: number | null) =>
    db
      .insertInto('sar_incident')
      .values({
        org_unit_id: org,
        state: 'open',
        source: 'phone',
        lat: 32.06,
        lon: 118.78,
        alert_at: now,
        mmsi,
        nature: 'other',
        description,
        radius_nm: 20,
        opened_at: now,
        opened_by: 'probe',
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const foreignIncident = await incident(foreignOrgId, '鼓楼险情', 412999106);
  const ownIncident = await incident(ownOrgId, '玄武险情', null);
  const plan = await db
    .insertInto('sar_plan')
    .values({
      incident_id: foreignIncident.id,
      version: 1,
      input: '{}',
      result: '{}',
      created_at: now,
      created_by: 'probe',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  seeded.set(t, {
    registryId: registry.id,
    ownRegistryId: own.id,
    resourceId: resource.id,
    incidentId: foreignIncident.id,
    ownIncidentId: ownIncident.id,
    planId: plan.id,
  });
}

const ids = (w: ProbeWorld) => seeded.get(w.t) as SarObjects;

async function denied(w: ProbeWorld, method: string, url: string, body?: unknown) {
  const res = await w.t.as(w.county, method, url, body);
  assert.ok([403, 404].includes(res.statusCode), `${method} ${url} answered ${res.statusCode}: ${res.body}`);
}

async function noForeign(w: ProbeWorld, url: string) {
  const res = await w.t.as(w.county, 'GET', url);
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  for (const marker of MARKERS) assert.ok(!res.body.includes(marker), `${url} leaks ${marker}`);
}

const inc = (w: ProbeWorld) => `/api/maritime/incidents/${ids(w).incidentId}`;
const reg = (w: ProbeWorld) => `/api/maritime/registry/${ids(w).registryId}`;
const resource = (w: ProbeWorld) => `/api/maritime/resources/${ids(w).resourceId}`;

export const SAR_PROBES: Record<string, (w: ProbeWorld) => Promise<void>> = {
  'GET /api/maritime/registry': (w) => noForeign(w, '/api/maritime/registry?pageSize=200'),
  'GET /api/maritime/registry/{id}': (w) => denied(w, 'GET', reg(w)),
  'GET /api/maritime/registry/{id}/contacts': (w) => denied(w, 'GET', `${reg(w)}/contacts`),
  'POST /api/maritime/registry': (w) =>
    denied(w, 'POST', '/api/maritime/registry', {
      mmsi: 412999107,
      name: '越权',
      orgUnitId: w.foreign.orgId,
    }),
  'PATCH /api/maritime/registry/{id}': async (w) => {
    await denied(w, 'PATCH', reg(w), { name: '越权' });
    await denied(w, 'PATCH', `/api/maritime/registry/${ids(w).ownRegistryId}`, {
      orgUnitId: w.foreign.orgId,
    });
  },
  'DELETE /api/maritime/registry/{id}': (w) => denied(w, 'DELETE', reg(w)),
  'GET /api/maritime/resources': (w) => noForeign(w, '/api/maritime/resources?pageSize=200'),
  'GET /api/maritime/resources/{id}': (w) => denied(w, 'GET', resource(w)),
  'GET /api/maritime/resources/{id}/history': (w) => denied(w, 'GET', `${resource(w)}/history`),
  'POST /api/maritime/resources': (w) =>
    denied(w, 'POST', '/api/maritime/resources', {
      kind: 'helicopter',
      name: '越权',
      orgUnitId: w.foreign.orgId,
    }),
  'PATCH /api/maritime/resources/{id}': (w) => denied(w, 'PATCH', resource(w), { name: '越权' }),
  'POST /api/maritime/resources/{id}/state': (w) =>
    denied(w, 'POST', `${resource(w)}/state`, { state: 'offDuty' }),
  'GET /api/maritime/incidents': (w) => noForeign(w, '/api/maritime/incidents?pageSize=200'),
  'POST /api/maritime/incidents': (w) =>
    denied(w, 'POST', '/api/maritime/incidents', {
      source: 'phone',
      position: { lat: 32, lon: 118.8 },
      alertAt: w.t.clock.now().toISOString(),
      nature: 'other',
      orgUnitId: w.foreign.orgId,
    }),
  'GET /api/maritime/incidents/{id}': (w) => denied(w, 'GET', inc(w)),
  'PATCH /api/maritime/incidents/{id}': (w) => denied(w, 'PATCH', inc(w), { personsOnBoard: 1 }),
  'GET /api/maritime/incidents/{id}/nearby': (w) => denied(w, 'GET', `${inc(w)}/nearby`),
  'GET /api/maritime/incidents/{id}/resources': async (w) => {
    await denied(w, 'GET', `${inc(w)}/resources`);
    // Around one's own incident, the sibling county's resources are not offered.
    await noForeign(w, `/api/maritime/incidents/${ids(w).ownIncidentId}/resources?pageSize=200`);
  },
  'GET /api/maritime/incidents/{id}/timeline': (w) => denied(w, 'GET', `${inc(w)}/timeline`),
  'GET /api/maritime/incidents/{id}/vessels/{mmsi}/contacts': async (w) => {
    await denied(w, 'GET', `${inc(w)}/vessels/412999106/contacts`);
    // Through one's own incident, only a vessel in distress or near it: not any registry entry.
    await denied(w, 'GET', `/api/maritime/incidents/${ids(w).ownIncidentId}/vessels/412999107/contacts`);
  },
  'POST /api/maritime/incidents/{id}/log': (w) => denied(w, 'POST', `${inc(w)}/log`, { text: '越权' }),
  'POST /api/maritime/incidents/{id}/task': async (w) => {
    await denied(w, 'POST', `${inc(w)}/task`, { resourceId: ids(w).resourceId });
    await denied(w, 'POST', `/api/maritime/incidents/${ids(w).ownIncidentId}/task`, {
      resourceId: ids(w).resourceId,
    });
  },
  'POST /api/maritime/incidents/{id}/release': (w) =>
    denied(w, 'POST', `${inc(w)}/release`, { resourceId: ids(w).resourceId }),
  'POST /api/maritime/incidents/{id}/activate': (w) => denied(w, 'POST', `${inc(w)}/activate`, {}),
  'POST /api/maritime/incidents/{id}/close': (w) =>
    denied(w, 'POST', `${inc(w)}/close`, { outcome: 'rescued' }),
  'POST /api/maritime/incidents/{id}/cancel': (w) => denied(w, 'POST', `${inc(w)}/cancel`, {}),
  'GET /api/maritime/incidents/{id}/plans': (w) => denied(w, 'GET', `${inc(w)}/plans`),
  'POST /api/maritime/incidents/{id}/plans': (w) =>
    denied(w, 'POST', `${inc(w)}/plans`, {
      input: {
        lkp: { lat: 32, lon: 118.8 },
        lkpAt: '2026-11-27T00:00:00Z',
        datumAt: '2026-11-27T01:00:00Z',
        searchObject: 'personInWater',
        wind: { speedKn: 10, fromDeg: 0 },
        seaCurrent: { speedKn: 1, towardsDeg: 90 },
        errors: { x: 1, y: 1 },
      },
    }),
  'GET /api/maritime/incidents/{id}/plans/{planId}': (w) =>
    denied(w, 'GET', `${inc(w)}/plans/${ids(w).planId}`),
  'GET /api/maritime/incidents/{id}/plans/{planId}/geojson': (w) =>
    denied(w, 'GET', `${inc(w)}/plans/${ids(w).planId}/geojson`),
};

export const SAR_EXEMPT: Record<string, string> = {
  'GET /api/maritime/mmsi/{mmsi}': 'classifies the number given (ITU-R M.585); reads nothing stored',
  'GET /api/maritime/planning/leeway-objects': 'the constant leeway table',
  'POST /api/maritime/planning/compute': "pure computation on the request's own numbers; nothing stored",
};

/** The foreign county's SAR objects are as seeded. */
export async function assertForeignSarUnchanged(t: TestApp): Promise<void> {
  const o = seeded.get(t) as SarObjects;
  const db = t.handle.db;
  const entry = await db
    .selectFrom('vessel_registry')
    .select(['name'])
    .where('id', '=', o.registryId)
    .executeTakeFirst();
  assert.deepEqual(entry, { name: '鼓楼号' });
  const res = await db
    .selectFrom('sar_resource')
    .select(['name', 'state'])
    .where('id', '=', o.resourceId)
    .executeTakeFirst();
  assert.deepEqual(res, { name: '鼓楼救1', state: 'available' });
  const incident = await db
    .selectFrom('sar_incident')
    .select(['state', 'persons_on_board'])
    .where('id', '=', o.incidentId)
    .executeTakeFirst();
  assert.deepEqual(incident, { state: 'open', persons_on_board: null });
  const events = await db.selectFrom('sar_incident_event').select('id').execute();
  assert.deepEqual(events, []);
}
