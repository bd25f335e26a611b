import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { generate } from 'otplib';
import { DB_KINDS } from '../../../test/databases.ts';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../../test/harness.ts';

const MINUTE = 60_000;

for (const kind of DB_KINDS) {
  describe(`auth on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind, { JTGOV_ADMIN_TOTP: 'required' });
      await t.createUser('nj.clerk', '320100', ['staff']);
      await t.createUser('nj.locked', '320100', ['staff']);
      await t.createUser('nj.idle', '320100', ['staff']);
      await t.createUser('nj.new', '320100', ['staff'], { mustChangePassword: true });
      await t.createUser('nj.admin', '320100', ['orgAdmin']);
    });
    after(() => t.close());

    const login = (username: string, password: string, totpCode?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password, ...(totpCode && { totpCode }) },
      });

    test('login returns a bearer token and an HttpOnly, SameSite=Strict session cookie', async () => {
      const res = await login('nj.clerk', TEST_PASSWORD);
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.match(body.token, /^jts_/);
      assert.equal(body.user.orgName, '南京市交通运输局');
      const cookie = res.cookies.find((c) => c.name === 'jtgov_session');
      assert.equal(cookie?.value, body.token);
      assert.equal(cookie?.httpOnly, true);
      assert.equal(cookie?.sameSite, 'Strict');
      const session = await t.app.inject({
        method: 'GET',
        url: '/api/auth/session',
        headers: { authorization: `Bearer ${body.token}` },
      });
      assert.equal(session.json().user.username, 'nj.clerk');
      // Only a digest of the token is stored.
      const stored = await t.handle.db.selectFrom('user_session').select('id').execute();
      assert.ok(stored.every((s) => !body.token.includes(s.id) && s.id.length === 64));
    });

    test('a wrong password and an unknown user get the same answer, and both are audited', async () => {
      const wrong = await login('nj.clerk', 'Wrong@password1');
      const unknown = await login('nobody.here', 'Wrong@password1');
      assert.equal(wrong.statusCode, 401);
      assert.deepEqual(wrong.json(), unknown.json());
      const failures = await t.handle.db
        .selectFrom('audit_event')
        .select(['actor_username', 'outcome'])
        .where('action', '=', 'auth.login')
        .where('outcome', '=', 'failure')
        .execute();
      assert.ok(failures.some((f) => f.actor_username === 'nj.clerk'));
      assert.ok(failures.some((f) => f.actor_username === 'nobody.here'));
    });

    test('five failures lock the account, even against the right password, until the lock expires', async () => {
      for (let i = 1; i <= 4; i++)
        assert.equal((await login('nj.locked', `Wrong@password${i}`)).statusCode, 401);
      const fifth = await login('nj.locked', 'Wrong@password5');
      assert.equal(fifth.statusCode, 403);
      assert.equal(fifth.json().error.code, 'account_locked');
      const right = await login('nj.locked', TEST_PASSWORD);
      assert.equal(right.statusCode, 403);
      assert.equal(right.json().error.code, 'account_locked');
      t.clock.advance(14 * MINUTE);
      assert.equal((await login('nj.locked', TEST_PASSWORD)).statusCode, 403);
      t.clock.advance(2 * MINUTE);
      assert.equal((await login('nj.locked', TEST_PASSWORD)).statusCode, 200);
    });

    test('a session idle past the timeout expires; activity keeps it alive', async () => {
      const s = await t.login('nj.idle');
      for (let i = 0; i < 4; i++) {
        t.clock.advance(20 * MINUTE);
        assert.equal((await t.as(s, 'GET', '/api/auth/session')).json().user?.username, 'nj.idle');
        assert.equal((await t.as(s, 'GET', '/api/me/tokens')).statusCode, 200);
      }
      t.clock.advance(31 * MINUTE);
      const res = await t.as(s, 'GET', '/api/me/tokens');
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, 'session_expired');
    });

    test('cookie sessions need the CSRF header on writes; bearer requests do not', async () => {
      const s = await t.login('nj.clerk');
      const payload = { name: 'csrf probe' };
      const noHeader = await t.app.inject({
        method: 'POST',
        url: '/api/me/tokens',
        headers: { cookie: s.cookie },
        payload,
      });
      assert.equal(noHeader.statusCode, 403);
      assert.equal(noHeader.json().error.code, 'csrf_failed');
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/api/me/tokens',
        headers: { cookie: s.cookie, 'x-csrf-token': 'nope' },
        payload,
      });
      assert.equal(wrong.statusCode, 403);
      const ok = await t.app.inject({
        method: 'POST',
        url: '/api/me/tokens',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
        payload,
      });
      assert.equal(ok.statusCode, 201);
      assert.equal((await t.as(s, 'POST', '/api/me/tokens', payload)).statusCode, 201);
      // Reads need no token.
      assert.equal(
        (await t.app.inject({ method: 'GET', url: '/api/me/tokens', headers: { cookie: s.cookie } }))
          .statusCode,
        200,
      );
    });

    test('an initial password must be changed first, within the password policy and history', async () => {
      const s = await t.login('nj.new');
      const blocked = await t.as(s, 'GET', '/api/me/tokens');
      assert.equal(blocked.statusCode, 403);
      assert.equal(blocked.json().error.code, 'password_change_required');
      const weak = await t.as(s, 'POST', '/api/me/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'short1',
      });
      assert.equal(weak.json().error.code, 'password_policy');
      const same = await t.as(s, 'POST', '/api/me/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: TEST_PASSWORD,
      });
      assert.equal(same.json().error.code, 'password_policy');
      const wrongCurrent = await t.as(s, 'POST', '/api/me/password', {
        currentPassword: 'Not@thepassword1',
        newPassword: 'Fresh@password42',
      });
      assert.equal(wrongCurrent.statusCode, 400);
      assert.equal(
        (
          await t.as(s, 'POST', '/api/me/password', {
            currentPassword: TEST_PASSWORD,
            newPassword: 'Fresh@password42',
          })
        ).statusCode,
        200,
      );
      assert.equal((await t.as(s, 'GET', '/api/me/tokens')).statusCode, 200);
      assert.equal((await login('nj.new', TEST_PASSWORD)).statusCode, 401);
      assert.equal((await login('nj.new', 'Fresh@password42')).statusCode, 200);
    });

    test('administrators must enrol TOTP, which then guards every login and refuses replayed codes', async () => {
      const s = await t.login('nj.admin');
      assert.equal((await t.as(s, 'GET', '/api/users')).json().error.code, 'totp_enrolment_required');
      const setup = await t.as(s, 'POST', '/api/me/totp/setup');
      assert.equal(setup.statusCode, 200);
      const { secret, uri } = setup.json();
      assert.match(uri, /^otpauth:\/\/totp\/jtgov:nj\.admin\?secret=/);
      const stored = await t.handle.db
        .selectFrom('app_user')
        .select('totp_secret')
        .where('username', '=', 'nj.admin')
        .executeTakeFirstOrThrow();
      assert.ok(stored.totp_secret && !stored.totp_secret.includes(secret), 'the seed is stored sealed');
      const epoch = Math.floor(t.clock.now().getTime() / 1000);
      assert.equal((await t.as(s, 'POST', '/api/me/totp/confirm', { code: '000000' })).statusCode, 400);
      const code = await generate({ secret, epoch });
      assert.equal((await t.as(s, 'POST', '/api/me/totp/confirm', { code })).statusCode, 200);
      assert.equal((await t.as(s, 'GET', '/api/users')).statusCode, 200);

      const noCode = await login('nj.admin', TEST_PASSWORD);
      assert.equal(noCode.json().error.code, 'totp_required');
      t.clock.advance(30_000);
      const next = await generate({ secret, epoch: epoch + 30 });
      assert.equal((await login('nj.admin', TEST_PASSWORD, next)).statusCode, 200);
      const replay = await login('nj.admin', TEST_PASSWORD, next);
      assert.equal(replay.json().error.code, 'totp_invalid');
      const disable = await t.as(s, 'POST', '/api/me/totp/disable', { password: TEST_PASSWORD, code: next });
      assert.equal(disable.statusCode, 403, 'an administrator cannot drop TOTP while it is required');
    });

    test('logout ends the session', async () => {
      const s = await t.login('nj.clerk');
      assert.equal((await t.as(s, 'POST', '/api/auth/logout')).statusCode, 200);
      const after = await t.as(s, 'GET', '/api/me/tokens');
      assert.equal(after.statusCode, 401);
      const logouts = await t.handle.db
        .selectFrom('audit_event')
        .select('seq')
        .where('action', '=', 'auth.logout')
        .execute();
      assert.ok(logouts.length >= 1);
    });

    test('API tokens are shown once, stored hashed, usable as bearer, and revocable', async () => {
      const s = await t.login('nj.clerk');
      const created = await t.as(s, 'POST', '/api/me/tokens', { name: 'sync job', expiresInDays: 30 });
      assert.equal(created.statusCode, 201);
      const { token, item } = created.json();
      assert.match(token, /^jtk_/);
      const row = await t.handle.db
        .selectFrom('api_token')
        .select(['token_hash'])
        .where('id', '=', item.id)
        .executeTakeFirstOrThrow();
      assert.notEqual(row.token_hash, token);
      const apiCaller = { ...s, token };
      assert.equal((await t.as(apiCaller, 'GET', '/api/auth/session')).json().user.username, 'nj.clerk');
      const listed = (await t.as(s, 'GET', '/api/me/tokens')).json();
      const entry = listed.items.find((x: { id: number }) => x.id === item.id);
      assert.ok(entry.lastUsedAt, 'use is recorded');
      assert.ok(!JSON.stringify(listed).includes(token), 'the list never shows the token');
      const uses = await t.handle.db
        .selectFrom('audit_event')
        .select('seq')
        .where('action', '=', 'auth.token.use')
        .execute();
      assert.ok(uses.length >= 1, 'token use is audited');
      assert.equal((await t.as(s, 'DELETE', `/api/me/tokens/${item.id}`)).statusCode, 200);
      assert.equal((await t.as(apiCaller, 'GET', '/api/me/tokens')).statusCode, 401);
    });

    test('health is public and names the database kind', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/health' });
      assert.deepEqual(res.json(), { status: 'ok', db: kind });
    });
  });
}
