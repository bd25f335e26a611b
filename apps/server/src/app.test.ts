import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../test/harness.ts';

describe('HTTP application', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp('pglite');
  });
  after(() => t.close());

  test('OpenAPI 3.1 document and docs page are public', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(doc.statusCode, 200);
    assert.equal(doc.json().openapi, '3.1.0');
    assert.ok(doc.json().paths['/api/users'].get.responses['200']);
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs' });
    assert.ok([200, 302].includes(docs.statusCode));
  });

  test('every error has one shape, and request ids are echoed', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/no-such-thing',
      headers: { 'x-request-id': 'probe-42' },
    });
    assert.equal(res.statusCode, 404);
    assert.deepEqual(Object.keys(res.json().error).sort(), ['code', 'message']);
    assert.equal(res.headers['x-request-id'], 'probe-42');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/users' });
    assert.equal(anonymous.json().error.code, 'unauthenticated');
    const invalid = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'x' },
    });
    assert.equal(invalid.statusCode, 400);
    assert.equal(invalid.json().error.code, 'validation_failed');
    const forged = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    assert.notEqual(forged.headers['x-request-id'], 'bad id with spaces');
  });

  test('the console is served at / and for its client-side routes, with a CSP', async () => {
    for (const url of ['/', '/orgs', '/users/42']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      assert.match(res.headers['content-type'] as string, /text\/html/);
      assert.match(res.headers['content-security-policy'] as string, /default-src 'self'/);
    }
  });
});
