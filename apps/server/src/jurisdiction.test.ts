import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../test/harness.ts';
import {
  assertForeignHotlineUnchanged,
  type ForeignHotline,
  HOTLINE_EXEMPT,
  HOTLINE_PROBES,
  seedForeignHotline,
} from './modules/hotline/hotline.probes.ts';
import { HOTLINE_STATS_PROBES } from './modules/hotline/hotline-stats.probes.ts';
import { assertForeignKbUnchanged, KB_PROBES } from './modules/hotline/kb.probes.ts';
import { OPEN311_EXEMPT, OPEN311_PROBES } from './modules/hotline/open311.probes.ts';
import {
  assertForeignSarUnchanged,
  SAR_EXEMPT,
  SAR_PROBES,
  seedForeignSar,
} from './modules/maritime/sar-jurisdiction.probes.ts';
import { EXCEL_PROBES } from './modules/stats/excel-probes.ts';
import { FORMS_ADMIN_PROBES } from './modules/stats/forms-admin.probes.ts';
import { STATS_PROBES, type StatsProbeWorld, setUpStatsProbes } from './modules/stats/stats-probes.ts';
import { VEHICLE_FEATURE_PROBES } from './modules/vehicles/vehicles-feat.probes.ts';
import { insertFile } from './platform/files/files.repository.ts';
import { PERMISSIONS } from './platform/identity/permissions.ts';
import { notify } from './platform/notify/notify.service.ts';

/**
 * A county user — here one holding every permission there is — cannot read or change anything
 * outside its county through any endpoint. Every operation of the OpenAPI document is either
 * probed below or exempt with its reason, so a new endpoint fails this test until it is probed.
 */

interface World {
  t: TestApp;
  county: Session;
  /** Objects of 鼓楼区 (320106), a sibling county of the prober's 玄武区 (320102). */
  foreign: {
    orgId: number;
    parentOrgId: number;
    userId: number;
    tokenId: number;
    notificationId: number;
    fileId: string;
    vehicleId: number;
  };
  ownOrgId: number;
  stats: StatsProbeWorld;
  hotline: ForeignHotline;
}

type Probe = (w: World) => Promise<void>;

/** Markers of the foreign county that must never appear in a county caller's lists. */
const FOREIGN_MARKERS = ['gl.staff', '鼓楼区交通运输局', '鼓楼区通知', '苏A鼓楼01'];

async function expectDenied(w: World, method: string, url: string, body?: unknown) {
  const res = await w.t.as(w.county, method, url, body);
  assert.ok([403, 404].includes(res.statusCode), `${method} ${url} answered ${res.statusCode}: ${res.body}`);
}

async function expectNoForeign(w: World, url: string) {
  const res = await w.t.as(w.county, 'GET', url);
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  for (const marker of FOREIGN_MARKERS) assert.ok(!res.body.includes(marker), `${url} leaks ${marker}`);
}

const PROBES: Record<string, Probe> = {
  'GET /api/orgs/root': async (w) => {
    assert.equal((await w.t.as(w.county, 'GET', '/api/orgs/root')).json().id, w.ownOrgId);
  },
  'GET /api/orgs/{id}': (w) => expectDenied(w, 'GET', `/api/orgs/${w.foreign.orgId}`),
  'GET /api/orgs/{id}/children': (w) => expectDenied(w, 'GET', `/api/orgs/${w.foreign.parentOrgId}/children`),
  'GET /api/orgs/{id}/history': (w) => expectDenied(w, 'GET', `/api/orgs/${w.foreign.orgId}/history`),
  'GET /api/orgs': (w) => expectNoForeign(w, `/api/orgs?q=${encodeURIComponent('鼓楼')}&pageSize=200`),
  'POST /api/orgs': (w) =>
    expectDenied(w, 'POST', '/api/orgs', {
      parentId: w.foreign.orgId,
      name: '越权单位',
      code: 'X-PROBE-1',
      kind: 'department',
      effectiveDate: '2026-11-27',
    }),
  'POST /api/orgs/{id}/rename': (w) =>
    expectDenied(w, 'POST', `/api/orgs/${w.foreign.orgId}/rename`, {
      name: '改名',
      effectiveDate: '2026-11-27',
    }),
  'POST /api/orgs/{id}/merge': async (w) => {
    await expectDenied(w, 'POST', `/api/orgs/${w.foreign.orgId}/merge`, {
      targetId: w.ownOrgId,
      effectiveDate: '2026-11-27',
    });
    await expectDenied(w, 'POST', `/api/orgs/${w.ownOrgId}/merge`, {
      targetId: w.foreign.orgId,
      effectiveDate: '2026-11-27',
    });
  },
  'POST /api/orgs/{id}/close': (w) =>
    expectDenied(w, 'POST', `/api/orgs/${w.foreign.orgId}/close`, { effectiveDate: '2026-11-27' }),
  'GET /api/users': (w) => expectNoForeign(w, '/api/users?pageSize=200'),
  'POST /api/users': (w) =>
    expectDenied(w, 'POST', '/api/users', {
      username: 'probe.user',
      displayName: 'x',
      orgUnitId: w.foreign.orgId,
      roles: [],
    }),
  'GET /api/users/{id}': (w) => expectDenied(w, 'GET', `/api/users/${w.foreign.userId}`),
  'PATCH /api/users/{id}': (w) =>
    expectDenied(w, 'PATCH', `/api/users/${w.foreign.userId}`, { displayName: '越权' }),
  'POST /api/users/{id}/reset-password': (w) =>
    expectDenied(w, 'POST', `/api/users/${w.foreign.userId}/reset-password`),
  'POST /api/users/{id}/unlock': (w) => expectDenied(w, 'POST', `/api/users/${w.foreign.userId}/unlock`),
  'POST /api/users/{id}/reset-totp': (w) =>
    expectDenied(w, 'POST', `/api/users/${w.foreign.userId}/reset-totp`),
  'GET /api/me/tokens': (w) => expectNoForeign(w, '/api/me/tokens'),
  'DELETE /api/me/tokens/{id}': (w) => expectDenied(w, 'DELETE', `/api/me/tokens/${w.foreign.tokenId}`),
  'GET /api/notifications': (w) => expectNoForeign(w, '/api/notifications?pageSize=200'),
  'POST /api/notifications/{id}/read': (w) =>
    expectDenied(w, 'POST', `/api/notifications/${w.foreign.notificationId}/read`),
  'GET /api/audit': (w) => expectNoForeign(w, '/api/audit?pageSize=200'),
  'GET /api/audit/stats': async (w) => {
    const range = `from=${new Date(Date.now() - 30 * 86_400_000).toISOString()}&to=${new Date(Date.now() + 86_400_000).toISOString()}`;
    const { days } = (await w.t.as(w.county, 'GET', `/api/audit/stats?${range}`)).json();
    const counted = days.reduce(
      (n: number, d: { success: number; failure: number }) => n + d.success + d.failure,
      0,
    );
    assert.equal(counted, (await w.t.as(w.county, 'GET', `/api/audit?pageSize=1&${range}`)).json().total);
  },
  'POST /api/audit/verify': (w) => expectDenied(w, 'POST', '/api/audit/verify'),
  // Instance-wide settings are changed only at the root of the tree.
  'POST /api/roles': (w) =>
    expectDenied(w, 'POST', '/api/roles', { code: 'probeRole', name: 'x', permissions: [] }),
  'PATCH /api/roles/{id}': async (w) =>
    expectDenied(w, 'PATCH', `/api/roles/${await customRoleId(w)}`, { name: 'x' }),
  'DELETE /api/roles/{id}': async (w) => expectDenied(w, 'DELETE', `/api/roles/${await customRoleId(w)}`),
  'PUT /api/calendar/days/{date}': (w) =>
    expectDenied(w, 'PUT', '/api/calendar/days/2026-12-31', { kind: 'holiday', name: '越权' }),
  'DELETE /api/calendar/days/{date}': (w) => expectDenied(w, 'DELETE', '/api/calendar/days/2026-10-01'),
  'GET /api/jobs': (w) => expectDenied(w, 'GET', '/api/jobs'),
  'POST /api/jobs/{id}/retry': (w) => expectDenied(w, 'POST', '/api/jobs/1/retry'),
  'GET /api/jobs/schedules': (w) => expectDenied(w, 'GET', '/api/jobs/schedules'),
  'GET /api/files/{id}': (w) => expectDenied(w, 'GET', `/api/files/${w.foreign.fileId}`),
  'GET /api/files/{id}/content': (w) => expectDenied(w, 'GET', `/api/files/${w.foreign.fileId}/content`),
  'DELETE /api/files/{id}': (w) => expectDenied(w, 'DELETE', `/api/files/${w.foreign.fileId}`),
  // AIS feeds are instance-wide: only the root of the tree configures them.
  'POST /api/maritime/feeds': (w) =>
    expectDenied(w, 'POST', '/api/maritime/feeds', { name: '越权', kind: 'file', address: 'probe.nmea' }),
  'POST /api/maritime/feeds/{id}/enable': async (w) =>
    expectDenied(w, 'POST', `/api/maritime/feeds/${await probeFeedId(w)}/enable`),
  'POST /api/maritime/feeds/{id}/disable': async (w) =>
    expectDenied(w, 'POST', `/api/maritime/feeds/${await probeFeedId(w)}/disable`),
  // One AIS picture for every maritime user, like the vessel list: AIS columns only, nothing of a
  // county's vessel registry (its names and contacts) rides along.
  'GET /api/maritime/vessels/viewport': async (w) => {
    const res = await w.t.as(w.county, 'GET', '/api/maritime/vessels/viewport');
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(Object.keys(res.json()).sort(), [
      'categories',
      'category',
      'cog',
      'heading',
      'lat',
      'lon',
      'mmsi',
      'sog',
      'total',
      'truncated',
    ]);
    for (const marker of [...FOREIGN_MARKERS, '鼓楼号', '鼓楼联系人'])
      assert.ok(!res.body.includes(marker), `viewport leaks ${marker}`);
  },
  'GET /api/vehicles': async (w) => {
    await expectNoForeign(w, '/api/vehicles?pageSize=200');
    // The open-alarm filter is scoped too: the sibling's vehicle in alarm is not listed.
    await foreignAlarmId(w);
    await expectNoForeign(w, '/api/vehicles?inAlarm=true&pageSize=200');
  },
  'GET /api/vehicles/positions': (w) => expectNoForeign(w, '/api/vehicles/positions?pageSize=200'),
  'GET /api/vehicles/{id}': (w) => expectDenied(w, 'GET', `/api/vehicles/${w.foreign.vehicleId}`),
  'GET /api/vehicles/{id}/track': (w) =>
    expectDenied(
      w,
      'GET',
      `/api/vehicles/${w.foreign.vehicleId}/track?from=2026-11-01T00:00:00Z&to=2026-11-28T00:00:00Z`,
    ),
  'POST /api/vehicles': (w) =>
    expectDenied(w, 'POST', '/api/vehicles', {
      plateNo: '苏A越权01',
      plateColor: 2,
      vehicleType: 'dangerousGoods',
      operatorName: '越权',
      orgUnitId: w.foreign.orgId,
      terminalPhone: '13900000001',
    }),
  'PATCH /api/vehicles/{id}': async (w) => {
    await expectDenied(w, 'PATCH', `/api/vehicles/${w.foreign.vehicleId}`, { operatorName: '越权' });
    const own = await w.t.handle.db
      .insertInto('vehicle')
      .values({
        plate_no: '苏A玄武01',
        plate_color: 2,
        vehicle_type: 'heavyFreight',
        operator_name: '玄武运输',
        org_unit_id: w.ownOrgId,
        terminal_phone: '13900000002',
        auth_code: 'own-auth-code',
        status: 'active',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Moving one's own vehicle into the foreign county is refused too.
    await expectDenied(w, 'PATCH', `/api/vehicles/${own.id}`, { orgUnitId: w.foreign.orgId });
  },
  'POST /api/vehicles/{id}/deactivate': (w) =>
    expectDenied(w, 'POST', `/api/vehicles/${w.foreign.vehicleId}/deactivate`),
  ...SAR_PROBES,
  ...VEHICLE_FEATURE_PROBES,
  'GET /api/vehicles/alarms': async (w) => {
    await foreignAlarmId(w);
    await expectNoForeign(w, '/api/vehicles/alarms?pageSize=200');
  },
  'GET /api/vehicles/alarms/counts': async (w) => {
    await foreignAlarmId(w);
    const res = await w.t.as(w.county, 'GET', '/api/vehicles/alarms/counts');
    assert.equal(res.json().total, 0, res.body);
  },
  'GET /api/vehicles/alarms/{id}': async (w) =>
    expectDenied(w, 'GET', `/api/vehicles/alarms/${await foreignAlarmId(w)}`),
  'POST /api/vehicles/alarms/{id}/acknowledge': async (w) =>
    expectDenied(w, 'POST', `/api/vehicles/alarms/${await foreignAlarmId(w)}/acknowledge`, {}),
  'POST /api/vehicles/alarms/{id}/handle': async (w) =>
    expectDenied(w, 'POST', `/api/vehicles/alarms/${await foreignAlarmId(w)}/handle`, { note: '越权' }),
  'POST /api/vehicles/alarms/{id}/close': async (w) =>
    expectDenied(w, 'POST', `/api/vehicles/alarms/${await foreignAlarmId(w)}/close`, { note: '越权' }),
  'GET /api/vehicles/{id}/alarm-setting': (w) =>
    expectDenied(w, 'GET', `/api/vehicles/${w.foreign.vehicleId}/alarm-setting`),
  'PUT /api/vehicles/{id}/alarm-setting': (w) =>
    expectDenied(w, 'PUT', `/api/vehicles/${w.foreign.vehicleId}/alarm-setting`, { speedLimit: 1 }),
  // JT/T 809 platform links are instance-wide: only the root of the tree sees or configures them.
  'GET /api/vehicles/platform-links': (w) => expectDenied(w, 'GET', '/api/vehicles/platform-links'),
  'GET /api/vehicles/platform-links/{id}/status': (w) =>
    expectDenied(w, 'GET', '/api/vehicles/platform-links/1/status'),
  'POST /api/vehicles/platform-links': (w) =>
    expectDenied(w, 'POST', '/api/vehicles/platform-links', {
      name: '越权上级',
      direction: 'subordinate',
      orgUnitId: w.foreign.orgId,
      gnssCenterId: 1,
      userId: 1,
      password: 'x',
    }),
  'PATCH /api/vehicles/platform-links/{id}': (w) =>
    expectDenied(w, 'PATCH', '/api/vehicles/platform-links/1', { enabled: false }),
  ...STATS_PROBES,
  ...EXCEL_PROBES,
  ...FORMS_ADMIN_PROBES,
  ...HOTLINE_PROBES,
  ...KB_PROBES,
  ...OPEN311_PROBES,
  ...HOTLINE_STATS_PROBES,
};

const EXEMPT: Record<string, string> = {
  'GET /api/health': 'public liveness',
  'POST /api/auth/login': 'public',
  'GET /api/auth/session': 'the caller itself',
  'POST /api/auth/logout': 'the caller itself',
  'PATCH /api/me': 'the caller itself',
  'POST /api/me/password': 'the caller itself',
  'POST /api/me/totp/setup': 'the caller itself',
  'POST /api/me/totp/confirm': 'the caller itself',
  'POST /api/me/totp/disable': 'the caller itself',
  'POST /api/me/tokens': 'creates a token of the caller only',
  'GET /api/notifications/unread-count': "the caller's own inbox",
  'POST /api/notifications/read-all': "the caller's own inbox",
  'GET /api/permissions': 'the constant permission catalogue',
  'GET /api/roles': 'role definitions are one vocabulary for the whole instance',
  'GET /api/divisions': 'GB/T 2260 is national reference data',
  'GET /api/calendar': 'the working-day calendar is national reference data',
  'POST /api/files': "an upload always belongs to the caller's own org unit",
  'GET /api/maritime/vessels': 'one AIS picture for all maritime users',
  'GET /api/maritime/vessels/near': 'one AIS picture for all maritime users',
  'GET /api/maritime/vessels/{mmsi}': 'one AIS picture for all maritime users',
  'GET /api/maritime/vessels/{mmsi}/track': 'one AIS picture for all maritime users',
  'GET /api/maritime/feeds': 'AIS feeds are instance-wide configuration, the same for every caller',
  ...SAR_EXEMPT,
  ...HOTLINE_EXEMPT,
  ...OPEN311_EXEMPT,
};

/** A disabled AIS feed (feeds belong to the instance, not to an org unit). */
/** An open alarm of the foreign county's vehicle, made once. */
let foreignAlarm: { w: World; id: number } | undefined;
async function foreignAlarmId(w: World): Promise<number> {
  if (foreignAlarm?.w === w) return foreignAlarm.id;
  const row = await w.t.handle.db
    .insertInto('vehicle_alarm')
    .values({
      vehicle_id: w.foreign.vehicleId,
      kind: 'terminal.sos',
      source: 'terminal',
      terminal_bit: 0,
      level: 'high',
      started_at: new Date('2026-11-27T01:00:00Z'),
      last_at: new Date('2026-11-27T01:00:00Z'),
      lat: 32.06,
      lon: 118.78,
      speed: 0,
      details: JSON.stringify({}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  foreignAlarm = { w, id: row.id };
  return row.id;
}

async function probeFeedId(w: World): Promise<number> {
  const row = await w.t.handle.db
    .insertInto('ais_feed')
    .values({
      name: 'probe feed',
      kind: 'file',
      address: 'probe.nmea',
      replay: 'fast',
      enabled: false,
      updated_at: new Date(),
    })
    .onConflict((oc) => oc.column('name').doUpdateSet({ enabled: false }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function customRoleId(w: World): Promise<number> {
  const row = await w.t.handle.db
    .selectFrom('role')
    .select('id')
    .where('code', '=', 'countyEverything')
    .executeTakeFirstOrThrow();
  return row.id;
}

for (const kind of DB_KINDS) {
  describe(`jurisdiction on ${kind}: a county user with every permission`, () => {
    let w: World;
    let operations: string[];
    before(async () => {
      const t = await startTestApp(kind);
      // A custom role with every permission, granted to a 玄武区 user.
      await t.handle.db
        .insertInto('role')
        .values({
          code: 'countyEverything',
          name: '县级全部权限',
          description: '',
          permissions: [...PERMISSIONS],
        })
        .execute();
      await t.createUser('xw.everything', '320102', ['countyEverything']);
      const userId = await t.createUser('gl.staff', '320106', ['staff']);
      const gl = await t.login('gl.staff');
      const token = await t.as(gl, 'POST', '/api/me/tokens', { name: 'gl.staff token' });
      const [notificationId] = await t.handle.db
        .transaction()
        .execute((trx) =>
          notify(trx, { userIds: [userId], title: '鼓楼区通知', body: '仅限鼓楼区', category: 'probe' }),
        );
      const file = await insertFile(t.handle.db, {
        id: '6f1c2a4e-0000-4000-8000-000000000106',
        org_unit_id: await t.orgId('320106'),
        org_path: '/probe/',
        owner_user_id: userId,
        filename: '鼓楼区通知.pdf',
        mime: 'application/pdf',
        size: 1,
        sm3: '0'.repeat(64),
        storage_key: '6f1c2a4e-0000-4000-8000-000000000106',
      });
      const vehicleId = await t.handle.db
        .insertInto('vehicle')
        .values({
          plate_no: '苏A鼓楼01',
          plate_color: 2,
          vehicle_type: 'scheduledCoach',
          operator_name: '鼓楼客运',
          org_unit_id: await t.orgId('320106'),
          terminal_phone: '13900000106',
          auth_code: 'probe-auth-code',
          status: 'active',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.handle.db
        .insertInto('vehicle_state')
        .values({ vehicle_id: vehicleId.id, online: true, gnss_time: new Date(), lat: 32.06, lon: 118.78 })
        .execute();
      await seedForeignSar(t, await t.orgId('320106'), await t.orgId('320102'));
      w = {
        t,
        county: await t.login('xw.everything'),
        foreign: {
          orgId: await t.orgId('320106'),
          parentOrgId: await t.orgId('320100'),
          userId,
          tokenId: token.json().item.id,
          notificationId: notificationId as number,
          fileId: file.id,
          vehicleId: vehicleId.id,
        },
        ownOrgId: await t.orgId('320102'),
        stats: await setUpStatsProbes(t),
        hotline: await seedForeignHotline(t),
      };
      const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
      operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      );
    });
    after(() => w.t.close());

    test('every operation is probed or exempt with a reason', () => {
      const unaccounted = operations.filter((op) => !(op in PROBES) && !(op in EXEMPT));
      assert.deepEqual(unaccounted, []);
      const stale = [...Object.keys(PROBES), ...Object.keys(EXEMPT)].filter((op) => !operations.includes(op));
      assert.deepEqual(stale, [], 'probes of operations that no longer exist');
    });

    for (const [op, probe] of Object.entries(PROBES)) {
      test(op, () => probe(w));
    }

    test('the foreign county is unchanged and no write was audited as done', async () => {
      const org = await w.t.handle.db
        .selectFrom('org_unit')
        .select(['name', 'status'])
        .where('id', '=', w.foreign.orgId)
        .executeTakeFirstOrThrow();
      assert.deepEqual(org, { name: '鼓楼区交通运输局', status: 'active' });
      const user = await w.t.handle.db
        .selectFrom('app_user')
        .select(['display_name', 'must_change_password'])
        .where('id', '=', w.foreign.userId)
        .executeTakeFirstOrThrow();
      assert.deepEqual(user, { display_name: 'gl.staff', must_change_password: false });
      const token = await w.t.handle.db
        .selectFrom('api_token')
        .select('revoked_at')
        .where('id', '=', w.foreign.tokenId)
        .executeTakeFirstOrThrow();
      assert.equal(token.revoked_at, null);
      const note = await w.t.handle.db
        .selectFrom('notification')
        .select('read_at')
        .where('id', '=', w.foreign.notificationId)
        .executeTakeFirstOrThrow();
      assert.equal(note.read_at, null);
      const file = await w.t.handle.db
        .selectFrom('file_object')
        .select('deleted_at')
        .where('id', '=', w.foreign.fileId)
        .executeTakeFirstOrThrow();
      assert.equal(file.deleted_at, null);
      const vehicle = await w.t.handle.db
        .selectFrom('vehicle')
        .select(['operator_name', 'status', 'org_unit_id'])
        .where('id', '=', w.foreign.vehicleId)
        .executeTakeFirstOrThrow();
      assert.deepEqual(vehicle, {
        operator_name: '鼓楼客运',
        status: 'active',
        org_unit_id: w.foreign.orgId,
      });
      await assertForeignSarUnchanged(w.t);
      const alarm = await w.t.handle.db
        .selectFrom('vehicle_alarm')
        .select(['state', 'handling_note'])
        .where('vehicle_id', '=', w.foreign.vehicleId)
        .executeTakeFirstOrThrow();
      assert.deepEqual(alarm, { state: 'new', handling_note: null });
      const writes = await w.t.handle.db
        .selectFrom('audit_event')
        .select('action')
        .where('actor_username', '=', 'xw.everything')
        .where('outcome', '=', 'success')
        .where('action', 'not like', 'auth.%')
        // An export is a read, audited as one (the statistics probe exports the county's own figures).
        .where('action', '<>', 'hotline.stats.export')
        // Sensitive reads are audited too (`<thing>.read`); they change nothing.
        .where('action', 'not like', '%.read')
        .execute();
      assert.deepEqual(writes, []);
      await assertForeignHotlineUnchanged(w);
      await assertForeignKbUnchanged(w.t);
    });
  });
}
