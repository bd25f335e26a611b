import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import { SecretBox } from '../../platform/identity/secrets.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');

for (const kind of DB_KINDS) {
  describe(`maritime routes on ${kind}`, () => {
    let t: TestApp;
    let admin: Session;
    let staff: Session;
    let feedId: number;
    before(async () => {
      t = await startTestApp(kind, { JTGOV_AIS_REPLAY_DIR: FIXTURES });
      await t.createUser('mot.admin', 'MOT', ['systemAdmin']);
      await t.createUser('xw.duty', '320102', ['staff']);
      admin = await t.login('mot.admin');
      staff = await t.login('xw.duty');
    });
    after(() => t.close());

    const get = (url: string, who = staff) => t.as(who, 'GET', url);

    test('a replayed file of the golden sentences fills the live picture', async () => {
      const created = await t.as(admin, 'POST', '/api/maritime/feeds', {
        name: '参考语句回放',
        kind: 'file',
        address: 'golden.nmea',
        enabled: true,
      });
      assert.equal(created.statusCode, 200, created.body);
      feedId = created.json().id;
      assert.equal(created.json().replay, 'fast');
      let feed: { stats: { state: string; sentences: number; messages: number; errors: number } };
      do {
        await sleep(5);
        feed = (await get('/api/maritime/feeds', admin)).json().items[0];
      } while (feed.stats.state === 'replaying');
      assert.deepEqual(
        { ...feed.stats, ...{ state: feed.stats.state } },
        {
          ...feed.stats,
          state: 'finished',
          sentences: 11,
          messages: 9,
          errors: 0,
        },
      );
      const all = (await get('/api/maritime/vessels?pageSize=50')).json();
      assert.deepEqual(
        all.items.map((v: { mmsi: number }) => v.mmsi),
        [111265591, 123456789, 338087471, 366053209, 367059850, 371798000],
      );
      assert.equal(all.total, 6);
    });

    test('viewport, category filter and pages', async () => {
      const west = (await get('/api/maritime/vessels?bbox=-125,37,-122,49')).json();
      assert.deepEqual(
        west.items.map((v: { mmsi: number }) => v.mmsi),
        [123456789, 366053209, 371798000],
      );
      const first = west.items[2];
      assert.equal(first.position.lat, 48.38163333333333);
      assert.equal(first.position.speed, 12.3);
      assert.deepEqual(first.flag, { mid: 371, code: 'PA', nameZh: '巴拿马', nameEn: 'Panama' });
      const sar = (await get('/api/maritime/vessels?type=sarAircraft')).json();
      assert.deepEqual(
        sar.items.map((v: { mmsi: number; kind: string }) => [v.mmsi, v.kind]),
        [[111265591, 'sarAircraft']],
      );
      const aton = (await get('/api/maritime/vessels?type=aton,cargo&pageSize=50')).json();
      assert.deepEqual(
        aton.items.map((v: { mmsi: number; category: string }) => [v.mmsi, v.category]),
        [
          [123456789, 'aton'],
          [367059850, 'cargo'],
        ],
      );
      const page2 = (await get('/api/maritime/vessels?pageSize=4&page=2')).json();
      assert.deepEqual([page2.items.length, page2.total, page2.page], [2, 6, 2]);
      // Across the antimeridian: nothing out there.
      assert.equal((await get('/api/maritime/vessels?bbox=170,-10,-170,10')).json().total, 0);
      assert.equal((await get('/api/maritime/vessels?bbox=1,2,3')).statusCode, 400);
      assert.equal((await get('/api/maritime/vessels?bbox=0,50,10,40')).statusCode, 400);
      assert.equal((await get('/api/maritime/vessels?type=submarine')).statusCode, 400);
    });

    test('flag, motion and text filters apply before paging', async () => {
      type V = { mmsi: number; flag: { code: string } | null; position: { speed: number | null } | null };
      const all: V[] = (await get('/api/maritime/vessels?pageSize=50')).json().items;
      const mmsis = (vs: V[]) => vs.map((v) => v.mmsi);
      const panama = (await get('/api/maritime/vessels?flag=PA&pageSize=1')).json();
      assert.deepEqual(mmsis(panama.items), [371798000]);
      assert.equal(panama.total, all.filter((v) => v.flag?.code === 'PA').length);
      const moving = (await get('/api/maritime/vessels?moving=true&pageSize=50')).json();
      assert.deepEqual(mmsis(moving.items), mmsis(all.filter((v) => (v.position?.speed ?? 0) >= 0.5)));
      const stopped = (await get('/api/maritime/vessels?moving=false&pageSize=50')).json();
      assert.equal(moving.total + stopped.total, all.length);
      assert.ok(moving.total > 0 && stopped.total > 0, `${moving.total} moving, ${stopped.total} stopped`);
      assert.deepEqual(mmsis((await get('/api/maritime/vessels?q=1798')).json().items), [371798000]);
      assert.equal((await get('/api/maritime/vessels?q=nothing-like-it')).json().total, 0);
      assert.equal((await get('/api/maritime/vessels?flag=panama')).statusCode, 400);
    });

    test('the viewport endpoint gives every vessel in view as columns, filtered like the list', async () => {
      const list = (await get('/api/maritime/vessels?pageSize=50')).json();
      const res = await get('/api/maritime/vessels/viewport');
      assert.equal(res.statusCode, 200, res.body);
      const all = res.json();
      assert.deepEqual(
        all.mmsi,
        list.items.map((v: { mmsi: number }) => v.mmsi),
      );
      assert.deepEqual([all.total, all.truncated], [list.total, false]);
      const west = (await get('/api/maritime/vessels/viewport?bbox=-125,37,-122,49')).json();
      assert.deepEqual(west.mmsi, [123456789, 366053209, 371798000]);
      assert.deepEqual([west.lat[2], west.lon[2], west.sog[2]], [48.38163, -123.39538, 12.3]);
      assert.equal(west.categories[west.category[0]], 'aton');
      assert.equal(west.sog[0], null);
      const cut = (await get('/api/maritime/vessels/viewport?limit=2')).json();
      assert.deepEqual([cut.mmsi, cut.total, cut.truncated], [all.mmsi.slice(0, 2), all.total, true]);
      const panama = (await get('/api/maritime/vessels/viewport?flag=PA&moving=true')).json();
      assert.deepEqual(panama.mmsi, [371798000]);
      assert.deepEqual((await get('/api/maritime/vessels/viewport?q=1798')).json().mmsi, [371798000]);
      assert.deepEqual(
        (await get('/api/maritime/vessels/viewport?type=sarAircraft')).json().mmsi,
        [111265591],
      );
      assert.equal((await get('/api/maritime/vessels/viewport?bbox=0,50,10,40')).statusCode, 400);
      assert.equal((await get('/api/maritime/vessels/viewport?limit=20001')).statusCode, 400);
    });

    test('vessels near a position: distance, bearing and ETA at current speed', async () => {
      const res = await get('/api/maritime/vessels/near?lat=48&lon=-123&radiusNm=60');
      assert.equal(res.statusCode, 200, res.body);
      const near = res.json();
      assert.deepEqual(
        near.items.map((n: { vessel: { mmsi: number } }) => n.vessel.mmsi),
        [123456789, 371798000],
      );
      const [aton, ship] = near.items;
      assert.ok(Math.abs(aton.distanceNm - 13.02) < 0.01, String(aton.distanceNm));
      assert.equal(aton.etaMinutes, null);
      assert.ok(Math.abs(ship.distanceNm - 27.9) < 0.1, String(ship.distanceNm));
      assert.ok(Math.abs(ship.bearingDeg - 325) < 1, String(ship.bearingDeg));
      assert.ok(Math.abs(ship.etaMinutes - (ship.distanceNm / 12.3) * 60) < 1e-9);
      assert.equal((await get('/api/maritime/vessels/near?lat=91&lon=0&radiusNm=5')).statusCode, 400);
      assert.equal((await get('/api/maritime/vessels/near?lat=1&lon=0&radiusNm=0')).statusCode, 400);
    });

    test('one vessel: static data and flag; its track; the stored record once it leaves the picture', async () => {
      const ever = (await get('/api/maritime/vessels/351759000')).json();
      assert.equal(ever.static.name, 'EVER DIADEM');
      assert.deepEqual(ever.static.shipTypeName, { zh: '货船', en: 'Cargo' });
      assert.deepEqual(ever.static.dimensions, { toBow: 225, toStern: 70, toPort: 1, toStarboard: 31 });
      assert.equal(ever.static.eta, '2027-05-15T14:00:00.000Z');
      assert.equal(ever.position, null);
      assert.equal((await get('/api/maritime/vessels/412999999')).statusCode, 404);

      const track = (
        await get('/api/maritime/vessels/371798000/track?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z')
      ).json();
      assert.equal(track.total, 1);
      assert.equal(track.items[0].at, t.clock.now().toISOString());
      assert.equal(track.items[0].course, 224);
      const badRange = await get(
        '/api/maritime/vessels/371798000/track?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z',
      );
      assert.equal(badRange.statusCode, 400);

      t.clock.advance(31 * 60_000);
      // Sessions idle out after 30 minutes too.
      staff = await t.login('xw.duty');
      admin = await t.login('mot.admin');
      assert.equal((await get('/api/maritime/vessels')).json().total, 0);
      const stored = (await get('/api/maritime/vessels/367059850')).json();
      assert.equal(stored.lastHeard, null);
      assert.equal(stored.static.name, 'CAPT.J.RIMES');
      assert.equal(stored.position.lat, 29.543695);
      assert.equal(stored.flag.code, 'US');
    });

    test('feeds: managed at the root only, validated, every change audited', async () => {
      assert.equal((await get('/api/maritime/feeds')).statusCode, 403);
      const denied = await t.as(staff, 'POST', '/api/maritime/feeds', {
        name: 'x',
        kind: 'udp',
        address: '127.0.0.1:0',
      });
      assert.equal(denied.statusCode, 403);
      const create = (body: object) => t.as(admin, 'POST', '/api/maritime/feeds', body);
      assert.equal(
        (await create({ name: 'a', kind: 'file', address: '../maritime.routes.ts' })).statusCode,
        400,
      );
      assert.equal((await create({ name: 'b', kind: 'tcp-client', address: '127.0.0.1:0' })).statusCode, 400);
      assert.equal((await create({ name: 'c', kind: 'udp', address: 'nowhere' })).statusCode, 400);
      assert.equal(
        (await create({ name: 'd', kind: 'udp', address: '127.0.0.1:0', replay: 'fast' })).statusCode,
        400,
      );
      assert.equal(
        (await create({ name: '参考语句回放', kind: 'file', address: 'golden.nmea' })).statusCode,
        409,
      );
      const udp = await create({ name: '岸基站 UDP', kind: 'udp', address: '127.0.0.1:0', enabled: true });
      assert.equal(udp.statusCode, 200, udp.body);
      assert.equal(udp.json().stats.state, 'listening');
      const off = await t.as(admin, 'POST', `/api/maritime/feeds/${udp.json().id}/disable`);
      assert.deepEqual([off.json().enabled, off.json().stats], [false, null]);
      const on = await t.as(admin, 'POST', `/api/maritime/feeds/${feedId}/enable`);
      assert.equal(on.statusCode, 200);
      assert.equal((await t.as(admin, 'POST', '/api/maritime/feeds/999/enable')).statusCode, 404);
      const audited = await t.handle.db
        .selectFrom('audit_event')
        .select(['action', 'object_id'])
        .where('action', 'like', 'maritime.feed.%')
        .orderBy('seq')
        .execute();
      assert.deepEqual(audited, [
        { action: 'maritime.feed.create', object_id: String(feedId) },
        { action: 'maritime.feed.create', object_id: String(udp.json().id) },
        { action: 'maritime.feed.disable', object_id: String(udp.json().id) },
        { action: 'maritime.feed.enable', object_id: String(feedId) },
      ]);
    });

    test('a process that starts runs the enabled feeds, and one without ingest runs none', async () => {
      for (const ingest of ['true', 'false']) {
        const app = await buildApp({
          config: { ...t.config, maritime: { ...t.config.maritime, ingest: ingest === 'true' } },
          db: t.handle.db,
          dbKind: t.handle.kind,
          clock: t.clock,
          logger: false,
          secretBox: new SecretBox('00112233445566778899aabbccddeeff'),
        });
        await app.ready();
        const feeds = await app.inject({
          method: 'GET',
          url: '/api/maritime/feeds',
          headers: { authorization: `Bearer ${admin.token}` },
        });
        const states = feeds
          .json()
          .items.map((f: { name: string; stats: { state: string } | null }) => [
            f.name,
            f.stats?.state ?? null,
          ]);
        const golden: (string | null)[] = ingest === 'true' ? ['finished', 'replaying'] : [null];
        assert.ok(golden.includes(states[0][1]), JSON.stringify(states));
        assert.deepEqual(states[1], ['岸基站 UDP', null]);
        await app.close();
      }
    });
  });
}
