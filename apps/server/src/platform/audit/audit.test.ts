import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { sql } from 'kysely';
import pg from 'pg';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';
import { recordAudit, SYSTEM_CONTEXT, verifyChain } from './audit.service.ts';
import { canonicalJson } from './chain.ts';

const run = promisify(execFile);

test('canonical JSON does not depend on key order', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
      const reversed = Object.fromEntries(Object.entries(obj).reverse());
      assert.equal(canonicalJson(obj), canonicalJson(reversed));
      assert.deepEqual(JSON.parse(canonicalJson(obj)), JSON.parse(JSON.stringify(obj)));
    }),
  );
});

for (const kind of DB_KINDS) {
  describe(`audit chain on ${kind}`, () => {
    let t: TestApp;
    let auditor: Session;
    let jsAuditor: Session;
    before(async () => {
      t = await startTestApp(kind);
      await t.createUser('mot.auditor', 'MOT', ['auditAdmin']);
      await t.createUser('js.auditor', '320000', ['auditAdmin']);
      await t.createUser('js.admin', '320000', ['orgAdmin']);
      await t.createUser('sh.admin', '310000', ['orgAdmin']);
      auditor = await t.login('mot.auditor');
      jsAuditor = await t.login('js.auditor');
      await t.login('js.admin');
      await t.login('sh.admin');
    });
    after(() => t.close());

    test('the log is scoped to the reader’s jurisdiction', async () => {
      const js = (await t.as(jsAuditor, 'GET', '/api/audit?pageSize=200&action=auth.login')).json();
      const names = new Set(js.items.map((e: { actorUsername: string }) => e.actorUsername));
      assert.ok(names.has('js.admin'));
      assert.ok(!names.has('sh.admin') && !names.has('mot.auditor'));
      const all = (await t.as(auditor, 'GET', '/api/audit?pageSize=200&action=auth.login')).json();
      assert.ok(all.total > js.total);
      assert.equal(
        (await t.as(jsAuditor, 'POST', '/api/audit/verify')).statusCode,
        403,
        'only the root auditors prove the whole chain',
      );
    });

    test('daily counts cover exactly the events the reader may list', async () => {
      const range = `from=${new Date(Date.now() - 30 * 86_400_000).toISOString()}&to=${new Date(Date.now() + 86_400_000).toISOString()}`;
      for (const reader of [jsAuditor, auditor]) {
        const { days } = (await t.as(reader, 'GET', `/api/audit/stats?${range}`)).json();
        const listed = (await t.as(reader, 'GET', `/api/audit?pageSize=1&${range}`)).json();
        const counted = days.reduce(
          (n: number, d: { success: number; failure: number }) => n + d.success + d.failure,
          0,
        );
        assert.equal(counted, listed.total);
        assert.ok(days.every((d: { day: string }) => /^\d{4}-\d{2}-\d{2}$/.test(d.day)));
      }
      assert.equal(
        (await t.as(auditor, 'GET', '/api/audit/stats?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z'))
          .statusCode,
        400,
      );
    });

    test('the database refuses updates and deletes of audit rows', async () => {
      await assert.rejects(
        sql`update audit_event set action = 'x' where seq = 1`.execute(t.handle.db),
        /append-only/,
      );
      await assert.rejects(sql`delete from audit_event where seq = 1`.execute(t.handle.db), /append-only/);
    });

    test('verification proves an intact chain and names the first tampered entry', async () => {
      const intact = (await t.as(auditor, 'POST', '/api/audit/verify')).json();
      assert.equal(intact.ok, true);
      assert.ok(intact.entries >= 8);
      // A privileged attacker bypasses the trigger and edits entry 3.
      const original = await t.handle.db
        .selectFrom('audit_event')
        .select('after')
        .where('seq', '=', 3)
        .executeTakeFirstOrThrow();
      await sql`alter table audit_event disable trigger audit_event_no_change`.execute(t.handle.db);
      await sql`update audit_event set after = '{"reason":"nothing to see"}' where seq = 3`.execute(
        t.handle.db,
      );
      const tampered = (await t.as(auditor, 'POST', '/api/audit/verify')).json();
      assert.deepEqual(
        [tampered.ok, tampered.firstBadSeq, tampered.reason, tampered.entries],
        [false, 3, 'hash_mismatch', 2],
      );
      await sql`update audit_event set after = ${JSON.stringify(original.after)}::jsonb where seq = 3`.execute(
        t.handle.db,
      );
      assert.equal((await verifyChain(t.handle.db)).ok, true, 'restored, the log proves again');
      // Deleting the last entry of a chain is caught by its head.
      const last = await t.handle.db
        .selectFrom('audit_event')
        .select('seq')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      await sql`delete from audit_event where seq = ${last.seq}`.execute(t.handle.db);
      const verdict = await verifyChain(t.handle.db);
      assert.deepEqual([verdict.ok, verdict.ok || verdict.reason], [false, 'head_mismatch']);
      await sql`alter table audit_event enable trigger audit_event_no_change`.execute(t.handle.db);
    });
  });

  describe(`audit chains on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
      await t.createUser('js.admin', '320000', ['orgAdmin']);
      for (let i = 0; i < 6; i++) await t.login('js.admin');
    });
    after(() => t.close());

    if (kind === 'postgres')
      test('a write does not wait for another one holding a chain: it appends to a free chain', async () => {
        const entry = { action: 'test.write', objectType: 'test' };
        let locked!: () => void;
        let release!: () => void;
        const holding = new Promise<void>((r) => {
          locked = r;
        });
        const released = new Promise<void>((r) => {
          release = r;
        });
        const first = t.handle.db.transaction().execute(async (trx) => {
          await recordAudit(trx, SYSTEM_CONTEXT, { ...entry, objectId: 'first' });
          locked();
          await released;
        });
        await holding;
        // Committed while the first transaction still holds its chain's head.
        await t.handle.db
          .transaction()
          .execute((trx) => recordAudit(trx, SYSTEM_CONTEXT, { ...entry, objectId: 'second' }));
        release();
        await first;
        const rows = await t.handle.db
          .selectFrom('audit_event')
          .select(['object_id', 'chain'])
          .where('action', '=', 'test.write')
          .orderBy('seq')
          .execute();
        assert.deepEqual(
          rows.map((r) => r.object_id),
          ['first', 'second'],
        );
        assert.notEqual(rows[0]?.chain, rows[1]?.chain);
        assert.equal((await verifyChain(t.handle.db)).ok, true);
      });

    test('an entry deleted or moved from the middle of a chain breaks the next link; a chain deleted whole misses its head', async () => {
      await sql`alter table audit_event disable trigger audit_event_no_change`.execute(t.handle.db);
      try {
        const [victim, next] = (
          await sql<{ seq: string; chain: number }>`
            select seq, chain from audit_event e
            where exists (select 1 from audit_event n where n.chain = e.chain and n.seq > e.seq)
            order by seq desc limit 1`.execute(t.handle.db)
        ).rows.map((r) => ({ seq: Number(r.seq), chain: r.chain }));
        assert.ok(victim && next === undefined);
        const following = await t.handle.db
          .selectFrom('audit_event')
          .select('seq')
          .where('chain', '=', victim.chain)
          .where('seq', '>', victim.seq)
          .orderBy('seq')
          .executeTakeFirstOrThrow();
        await sql`update audit_event set chain = ${(victim.chain % 16) + 1} where seq = ${victim.seq}`.execute(
          t.handle.db,
        );
        const moved = await verifyChain(t.handle.db);
        assert.equal(moved.ok, false);
        await sql`delete from audit_event where seq = ${victim.seq}`.execute(t.handle.db);
        const deleted = await verifyChain(t.handle.db);
        assert.deepEqual(deleted.ok ? [] : [deleted.reason, deleted.firstBadSeq], [
          'link_broken',
          Number(following.seq),
        ]);
      } finally {
        await sql`alter table audit_event enable trigger audit_event_no_change`.execute(t.handle.db);
      }
    });
  });
}

test('`jtgov audit verify` exits 0 on an intact chain and 1 naming a tampered entry', {
  timeout: 120_000,
}, async () => {
  const admin = process.env.JTGOV_TEST_PG_URL;
  assert.ok(admin, 'JTGOV_TEST_PG_URL is required');
  const name = `jtgov_cli_${process.pid}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`drop database if exists ${name}`);
  await client.query(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const env = {
    ...process.env,
    DATABASE_URL: url.toString(),
    JTGOV_DATA_DIR: `/tmp/${name}`,
    JTGOV_ADMIN_PASSWORD: 'Cli@password2026',
  };
  const jtgov = (...args: string[]) => run(process.execPath, ['apps/server/bin/jtgov.js', ...args], { env });
  try {
    await jtgov('seed');
    const ok = await jtgov('audit', 'verify');
    assert.match(ok.stdout, /audit chain intact: \d+ entries/);
    const db = new pg.Client({ connectionString: url.toString() });
    await db.connect();
    await db.query('alter table audit_event disable trigger audit_event_no_change');
    await db.query(`update audit_event set actor_username = 'mallory' where seq = 2`);
    await db.end();
    const broken = await jtgov('audit', 'verify').then(
      () => assert.fail('verify must fail'),
      (err: { code: number; stderr: string }) => err,
    );
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /BROKEN at entry 2 \(hash_mismatch\)/);
  } finally {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  }
});
