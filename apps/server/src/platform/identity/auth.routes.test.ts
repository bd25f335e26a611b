import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../../test/harness.ts';

for (const kind of DB_KINDS) {
  describe(`auth on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
      await t.createUser('nj.clerk', '320100', ['staff']);
    });
    after(() => t.close());

    test('login returns a bearer token, sets the session cookie, and the token works', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'nj.clerk', password: TEST_PASSWORD },
      });
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.match(body.token, /^jts_/);
      assert.equal(body.user.orgName, '南京市交通运输局');
      const cookie = res.cookies.find((c) => c.name === 'jtgov_session');
      assert.equal(cookie?.httpOnly, true);
      assert.equal(cookie?.sameSite, 'Strict');
      const session = await t.app.inject({
        method: 'GET',
        url: '/api/auth/session',
        headers: { authorization: `Bearer ${body.token}` },
      });
      assert.equal(session.json().user.username, 'nj.clerk');
    });

    test('health names the database kind', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/health' });
      assert.deepEqual(res.json(), { status: 'ok', db: kind });
    });
  });
}
