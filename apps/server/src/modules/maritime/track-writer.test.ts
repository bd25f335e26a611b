import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AisMessage } from '@jtgov/ais';
import { DB_KINDS, openTestDatabase } from '../../../test/databases.ts';
import { startTestApp } from '../../../test/harness.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { maritimePart } from './index.ts';
import { LivePicture } from './live-picture.ts';
import { findVesselStatic, listTrack, listTrackPartitions } from './maritime.repository.ts';
import { TrackWriter } from './track-writer.ts';

const position = (mmsi: number, lat: number, lon: number): AisMessage => ({
  type: 18,
  repeat: 0,
  mmsi,
  reserved: 0,
  speed: 5.5,
  accuracy: true,
  lon,
  lat,
  course: 45,
  second: 10,
  regional: 0,
  cs: true,
  display: false,
  dsc: false,
  band: false,
  msg22: false,
  assigned: false,
  raim: false,
  radio: 0,
});

for (const kind of DB_KINDS) {
  describe(`track persistence on ${kind}`, () => {
    let handle: DatabaseHandle;
    before(async () => {
      handle = await openTestDatabase(kind);
    });
    after(() => handle.close());

    test('positions go to monthly partitions in batches; static data is upserted, newest wins', async () => {
      const writer = new TrackWriter(handle.db, { batchSize: 1000 });
      const picture = new LivePicture({ staleMs: 3_600_000 }, writer);
      const nov = Date.parse('2026-11-30T23:59:00Z');
      const dec = Date.parse('2026-12-01T00:01:00Z');
      for (let i = 0; i < 2500; i++)
        picture.accept(position(412000000 + (i % 50), 30 + i / 1e4, 122), nov + i);
      picture.accept(position(412000001, 31, 123), dec);
      // The same report heard again (a second feed) is stored once.
      picture.accept(position(412000001, 31, 123), dec);
      picture.accept(
        {
          type: 24,
          repeat: 0,
          mmsi: 412000001,
          part: 'A',
          shipName: 'HAI XUN 01',
        },
        dec,
      );
      picture.accept({ type: 24, repeat: 0, mmsi: 412000001, part: 'A', shipName: 'OLDER NAME' }, nov);
      await writer.flush();
      assert.deepEqual(writer.counters, { written: 2502, dropped: 0, staticWritten: 1, failures: 0 });
      const partitions = await listTrackPartitions(handle.db);
      assert.ok(partitions.includes('vessel_track_y2026m11') && partitions.includes('vessel_track_y2026m12'));
      const track = await listTrack(
        handle.db,
        412000001,
        new Date('2026-11-01T00:00:00Z'),
        new Date('2027-01-01T00:00:00Z'),
        1000,
        0,
      );
      assert.equal(track.length, 51);
      assert.deepEqual(
        { ...track.at(-1), speed: track.at(-1)?.speed },
        {
          mmsi: 412000001,
          at: new Date(dec),
          lat: 31,
          lon: 123,
          speed: 5.5,
          course: 45,
          heading: null,
          status: null,
          message_type: 18,
          feed_id: null,
        },
      );
      const stored = await findVesselStatic(handle.db, 412000001);
      assert.equal(stored?.name, 'HAI XUN 01');
      // A later flush with an older report leaves the newer row alone.
      const late = new TrackWriter(handle.db);
      late.staticData({ ...picture.get(412000001, dec)!.staticData!, name: 'STALE', sourceTime: nov - 1 });
      await late.flush();
      assert.equal((await findVesselStatic(handle.db, 412000001))?.name, 'HAI XUN 01');
    });

    test('the scheduled job makes this month and the next ahead, idempotently', async () => {
      const t = await startTestApp(kind);
      try {
        const job = maritimePart.jobs?.(t.app.platform)['maritime.ensure-track-partitions'];
        assert.ok(job);
        const ctx = { db: t.handle.db, jobId: 1, kind: 'x', attempt: 1, maxAttempts: 1, now: new Date() };
        await job(null, ctx);
        await job(null, ctx);
        // The harness clock reads 2026-11-27.
        assert.deepEqual(await listTrackPartitions(t.handle.db), [
          'vessel_track_y2026m11',
          'vessel_track_y2026m12',
        ]);
        assert.ok(maritimePart.schedules?.some((s) => s.kind === 'maritime.ensure-track-partitions'));
      } finally {
        await t.close();
      }
    });

    test('the buffer is bounded: the oldest positions are dropped and counted', async () => {
      const writer = new TrackWriter(handle.db, { maxPending: 10, batchSize: 1000 });
      const picture = new LivePicture({ staleMs: 3_600_000 }, writer);
      const t = Date.parse('2026-11-27T02:00:00Z');
      for (let i = 0; i < 15; i++) picture.accept(position(413000001, 30, 121 + i / 100), t + i * 1000);
      assert.equal(writer.pending, 10);
      await writer.flush();
      assert.deepEqual(writer.counters, { written: 10, dropped: 5, staticWritten: 0, failures: 0 });
      const track = await listTrack(handle.db, 413000001, new Date(t), new Date(t + 60_000), 100, 0);
      assert.equal(track[0]?.at.getTime(), t + 5000);
    });
  });
}
